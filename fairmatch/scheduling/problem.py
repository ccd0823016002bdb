"""An instance indexed for solving: meetings, participants and slots as numbers, and where each
meeting may take place.

A schedule is a `dict[int, int]`: meeting index → slot index, for the placed meetings only."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from fairmatch.scheduling.model import Instance, Meeting

Schedule = dict[int, int]


@dataclass(frozen=True)
class Problem:
    """The instance with meetings and participants sorted by id, so that solving does not depend
    on the order of the input lists."""

    instance: Instance

    @cached_property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(sorted(self.instance.meetings, key=lambda meeting: meeting.id))

    @cached_property
    def participant_ids(self) -> tuple[str, ...]:
        return tuple(sorted(p.id for p in self.instance.participants))

    @cached_property
    def pairs(self) -> tuple[tuple[int, int], ...]:
        """The two participant indices of each meeting."""
        index = {pid: i for i, pid in enumerate(self.participant_ids)}
        return tuple((index[m.participants[0]], index[m.participants[1]]) for m in self.meetings)

    @cached_property
    def caps(self) -> tuple[int | None, ...]:
        by_id = {p.id: p.max_meetings for p in self.instance.participants}
        return tuple(by_id[pid] for pid in self.participant_ids)

    @cached_property
    def forbidden(self) -> tuple[frozenset[int], ...]:
        slot_index = {slot.id: s for s, slot in enumerate(self.instance.slots)}
        by_id = {p.id: p.forbidden_slots for p in self.instance.participants}
        return tuple(frozenset(slot_index[s] for s in by_id[pid]) for pid in self.participant_ids)

    @property
    def num_slots(self) -> int:
        return len(self.instance.slots)

    @property
    def tables(self) -> int:
        return self.instance.tables

    @cached_property
    def days(self) -> tuple[tuple[int, ...], ...]:
        """Slot indices grouped by day, in time order."""
        groups: list[list[int]] = []
        for s, slot in enumerate(self.instance.slots):
            if not groups or self.instance.slots[groups[-1][0]].day != slot.day:
                groups.append([])
            groups[-1].append(s)
        return tuple(tuple(group) for group in groups)

    @cached_property
    def day_of_slot(self) -> tuple[int, ...]:
        return tuple(d for d, group in enumerate(self.days) for _ in group)

    @cached_property
    def domains(self) -> tuple[tuple[int, ...], ...]:
        """The slots each meeting may use: both participants free, the meeting's session, its fixed
        slot, and a table if it needs one."""
        slot_index = {slot.id: s for s, slot in enumerate(self.instance.slots)}
        domains = []
        for meeting, (a, b) in zip(self.meetings, self.pairs, strict=True):
            if meeting.fixed_slot is not None:
                candidates: range | tuple[int, ...] = (slot_index[meeting.fixed_slot],)
            else:
                candidates = range(self.num_slots)
            domains.append(
                tuple(
                    s
                    for s in candidates
                    if s not in self.forbidden[a]
                    and s not in self.forbidden[b]
                    and (meeting.session is None or self.instance.slots[s].session == meeting.session)
                    and (self.tables > 0 or not meeting.needs_table)
                )
            )
        return tuple(domains)

    @cached_property
    def meetings_of(self) -> tuple[tuple[int, ...], ...]:
        """The meeting indices of each participant."""
        found: list[list[int]] = [[] for _ in self.participant_ids]
        for m, (a, b) in enumerate(self.pairs):
            found[a].append(m)
            found[b].append(m)
        return tuple(tuple(ms) for ms in found)

    def priority(self, schedule: Mapping[int, int]) -> int:
        return sum(self.meetings[m].priority for m in schedule)

    def breaks(self, schedule: Mapping[int, int]) -> list[int]:
        """Breaks per participant."""
        used: list[list[int]] = [[] for _ in self.participant_ids]
        for m, s in schedule.items():
            for p in self.pairs[m]:
                used[p].append(s)
        return [self.count_breaks(sorted(slots)) for slots in used]

    def count_breaks(self, sorted_slots: Sequence[int]) -> int:
        """Breaks of one participant busy in `sorted_slots`: each time two consecutive meetings on
        one day are not in adjacent slots."""
        day = self.day_of_slot
        return sum(1 for a, b in pairwise(sorted_slots) if day[a] == day[b] and b != a + 1)

    def is_fair(self, schedule: Mapping[int, int]) -> bool:
        """Whether the breaks of any two participants differ by at most the fairness bound."""
        bound = self.instance.objective.fairness
        if bound is None or not self.participant_ids:
            return True
        counts = self.breaks(schedule)
        return max(counts) - min(counts) <= bound

    @cached_property
    def needs_breaks_model(self) -> bool:
        objective = self.instance.objective
        return objective.minimize_breaks or objective.fairness is not None
