"""Fewer breaks for the same meetings, by swapping meetings between two slots.

A Kempe chain for slots s and t starting at a meeting in s is that meeting, the meetings its
participants have in t, their participants' meetings in s, and so on. Swapping the whole chain
between s and t keeps every participant at one meeting per slot, and only the participants at the
two ends of the chain change slots, so its effect on breaks is cheap to compute. This search is
fast on schedules of thousands of meetings, where the exact model would not even be built in time."""

import time
from collections import Counter

from fairmatch.scheduling.problem import Problem, Schedule

LONGEST_CHAIN = 40


def reduce_breaks(problem: Problem, schedule: Schedule, deadline: float) -> Schedule:
    """A schedule with the same meetings and no more breaks than `schedule`, found by swapping
    Kempe chains while that lowers the total breaks, keeps every hard rule and keeps the
    fairness bound (or, from an unfair start, never widen the spread of breaks); stops at
    `deadline` (time.monotonic())."""
    search = ChainSearch(problem, schedule)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for m in sorted(search.slot_of):
            for target in problem.domains[m]:
                if target != search.slot_of[m] and search.try_swap(m, target):
                    improved = True
            if time.monotonic() >= deadline:
                break
    return dict(search.slot_of)


class ChainSearch:
    """The meetings of a schedule by participant and slot, changed by moves that keep every hard
    rule."""

    def __init__(self, problem: Problem, schedule: Schedule):
        self.problem = problem
        self.slot_of = dict(schedule)
        self.at: list[dict[int, int]] = [{} for _ in problem.participant_ids]
        self.tables_used = [0] * problem.num_slots
        for m, s in schedule.items():
            for p in problem.pairs[m]:
                self.at[p][s] = m
            self.tables_used[s] += problem.meetings[m].needs_table
        self.allowed = [frozenset(domain) for domain in problem.domains]
        self.breaks = [self.problem.count_breaks(sorted(slots)) for slots in self.at]
        self.histogram = Counter(self.breaks)

    def try_swap(self, m: int, target: int) -> bool:
        """Swap the chain of m between its slot and `target` if that lowers the total breaks."""
        source = self.slot_of[m]
        chain = self._chain(m, source, target)
        if chain is None:
            return False
        moves = {k: target if self.slot_of[k] == source else source for k in chain}
        if not self.tables_fit(moves):
            return False
        changed = self._changed_participants(moves)
        new_breaks = {
            p: self.problem.count_breaks(sorted(moved if s == old else s for s in self.at[p]))
            for p, (old, moved) in changed.items()
        }
        gain = sum(self.breaks[p] - count for p, count in new_breaks.items())
        if gain <= 0 or not self._fair_after(new_breaks):
            return False
        self._apply(moves, new_breaks)
        return True

    def _chain(self, m: int, source: int, target: int) -> set[int] | None:
        chain, queue = {m}, [m]
        while queue:
            k = queue.pop()
            other = target if self.slot_of[k] == source else source
            if other not in self.allowed[k]:
                return None
            for p in self.problem.pairs[k]:
                neighbour = self.at[p].get(other)
                if neighbour is not None and neighbour not in chain:
                    if len(chain) >= LONGEST_CHAIN:
                        return None
                    chain.add(neighbour)
                    queue.append(neighbour)
        return chain

    def tables_fit(self, moves: dict[int, int]) -> bool:
        """Whether every slot that `moves` (meeting → new slot) fills still has a table for each
        meeting that needs one."""
        change: Counter = Counter()
        for k, new in moves.items():
            if self.problem.meetings[k].needs_table:
                change[new] += 1
                change[self.slot_of[k]] -= 1
        return all(self.tables_used[s] + shift <= self.problem.tables for s, shift in change.items())

    def _changed_participants(self, moves: dict[int, int]) -> dict[int, tuple[int, int]]:
        """Participants at the ends of the chain: busy in only one of the two slots, they move."""
        seen: Counter = Counter()
        last: dict[int, tuple[int, int]] = {}
        for k, new in moves.items():
            for p in self.problem.pairs[k]:
                seen[p] += 1
                last[p] = (self.slot_of[k], new)
        return {p: last[p] for p, count in seen.items() if count == 1}

    def _fair_after(self, new_breaks: dict[int, int]) -> bool:
        bound = self.problem.instance.objective.fairness
        if bound is None:
            return True
        allowed = max(bound, self._spread(self.histogram))
        histogram = self.histogram.copy()
        for p, count in new_breaks.items():
            histogram[self.breaks[p]] -= 1
            histogram[count] += 1
        return self._spread(histogram) <= allowed

    @staticmethod
    def _spread(histogram: Counter) -> int:
        present = [value for value, how_many in histogram.items() if how_many > 0]
        return max(present) - min(present)

    def _apply(self, moves: dict[int, int], new_breaks: dict[int, int]) -> None:
        for k in moves:
            for p in self.problem.pairs[k]:
                del self.at[p][self.slot_of[k]]
            self.tables_used[self.slot_of[k]] -= self.problem.meetings[k].needs_table
        for k, new in moves.items():
            self.slot_of[k] = new
            for p in self.problem.pairs[k]:
                self.at[p][new] = k
            self.tables_used[new] += self.problem.meetings[k].needs_table
        for p, count in new_breaks.items():
            self.histogram[self.breaks[p]] -= 1
            self.histogram[count] += 1
            self.breaks[p] = count
