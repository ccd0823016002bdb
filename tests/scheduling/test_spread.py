"""Spreading a schedule over the fair's sessions: the peak slot as low as possible, then each
participant in as few sessions as possible, then the loads as even as possible; never a meeting
more or less, never a break more, never a hard rule broken."""

import itertools
import random
import time
from collections import Counter

import pytest
from schedule_rules import breaks_per_participant, violations

from fairmatch.scheduling import InstanceError, cpsat, load_instance
from fairmatch.scheduling.budget import Budget
from fairmatch.scheduling.greedy import greedy_schedule
from fairmatch.scheduling.problem import Problem
from fairmatch.scheduling.spread import spread_out

AM_PM = (("am", 2), ("pm", 1))


def fair_slots(days: int, sessions=AM_PM) -> list[dict]:
    return [
        {"id": f"d{day}{session}{i}", "day": f"day-{day}", "session": session}
        for day in range(1, days + 1)
        for session, count in sessions
        for i in range(count)
    ]


def spread_from_greedy(data: dict, time_limit: float = 5) -> tuple[dict[str, str], dict[str, str]]:
    """The greedy schedule of `data` (which packs meetings into the first slots) and the spread
    one, both as meeting id → slot id."""
    problem = Problem(load_instance(data))
    start = greedy_schedule(problem)
    after = spread_out(problem, start, Budget.for_time_limit(time_limit))
    return named(problem, start), named(problem, after)


def named(problem: Problem, schedule: dict[int, int]) -> dict[str, str]:
    return {problem.meetings[m].id: problem.instance.slots[s].id for m, s in schedule.items()}


def as_result(data: dict, slot_of: dict[str, str]) -> dict:
    """A result document for the rule checker, tables numbered within each slot."""
    tables: Counter = Counter()
    assignments = []
    for meeting in data["meetings"]:
        if meeting["id"] in slot_of:
            slot = slot_of[meeting["id"]]
            assignment = {"meeting": meeting["id"], "slot": slot}
            if meeting.get("needs_table", True):
                tables[slot] += 1
                assignment["table"] = f"T{tables[slot]}"
            assignments.append(assignment)
    unscheduled = [{"meeting": m["id"], "reason": "-"} for m in data["meetings"] if m["id"] not in slot_of]
    return {"assignments": assignments, "unscheduled": unscheduled}


def key_of(data: dict, slot_of: dict[str, str]) -> tuple[int, int, int]:
    """The spread objectives, written again from the format: busiest slot, (participant, day,
    session) triples in use, sum of squared slot loads."""
    loads = Counter(slot_of.values())
    slots = {slot["id"]: slot for slot in data["slots"]}
    meetings = {m["id"]: m for m in data["meetings"]}
    used = {
        (pid, slots[slot].get("day"), slots[slot].get("session"))
        for meeting, slot in slot_of.items()
        for pid in meetings[meeting]["participants"]
    }
    return max(loads.values()), len(used), sum(load * load for load in loads.values())


def best_key_by_enumeration(data: dict, start: dict[str, str]) -> tuple[int, int, int]:
    """The best spread over every valid schedule of the same meetings whose participants have no
    more breaks than in `start` (and, with a fairness bound, that keeps it)."""
    limits = breaks_per_participant(data, start)
    keeps_breaks = data["objective"]["minimize_breaks"] or data["objective"]["fairness"] is not None
    meetings = sorted(start)
    slot_ids = [slot["id"] for slot in data["slots"]]
    best = None
    for choice in itertools.product(slot_ids, repeat=len(meetings)):
        slot_of = dict(zip(meetings, choice, strict=True))
        if violations(data, as_result(data, slot_of)):
            continue
        if keeps_breaks and any(count > limits[pid] for pid, count in breaks_per_participant(data, slot_of).items()):
            continue
        key = key_of(data, slot_of)
        best = key if best is None else min(best, key)
    return best


def random_instance(seed: int) -> dict:
    """Five meetings among four participants over two days (two morning slots and one afternoon
    slot each), with few tables, forbidden slots and every break objective in play."""
    rng = random.Random(seed)
    slots = fair_slots(2)
    people = ["P1", "P2", "P3", "P4"]
    pairs = list(itertools.combinations(people, 2))
    return {
        "format": "fairmatch-schedule/1",
        "slots": slots,
        "tables": rng.choice([1, 2, 3]),
        "participants": [
            {"id": pid, "forbidden_slots": rng.sample([s["id"] for s in slots], rng.choice([0, 0, 1, 2]))}
            for pid in people
        ],
        "meetings": [
            {"id": f"M{i}", "participants": list(rng.choice(pairs)), "needs_table": rng.random() < 0.7}
            for i in range(5)
        ],
        "objective": {
            "schedule": "max",
            "minimize_breaks": rng.random() < 0.7,
            "fairness": rng.choice([None, None, 0, 1]),
        },
    }


@pytest.mark.parametrize("seed", range(12))
def test_the_spread_is_the_best_one_found_by_enumeration(seed):
    data = random_instance(seed)
    start, after = spread_from_greedy(data)
    assert sorted(after) == sorted(start)
    assert violations(data, as_result(data, after)) == []
    assert key_of(data, after) == best_key_by_enumeration(data, start)


def demo_like() -> dict:
    """4 days of 3 morning and 3 afternoon slots; 30 exhibitor-buyer meetings, ten exhibitors with
    two buyers; the greedy schedule puts every meeting on day 1."""
    exhibitors = [f"E{i}" for i in range(20)]
    buyers = [f"B{i}" for i in range(30)]
    return {
        "format": "fairmatch-schedule/1",
        "slots": fair_slots(4, (("am", 3), ("pm", 3))),
        "tables": 20,
        "participants": [{"id": pid} for pid in exhibitors + buyers],
        "meetings": [{"id": f"M{i:02}", "participants": [exhibitors[i % 20], buyer]} for i, buyer in enumerate(buyers)],
        "objective": {"schedule": "max", "minimize_breaks": True, "fairness": None},
    }


@pytest.fixture(params=["exact model", "local search"])
def search_only(request, monkeypatch):
    """Runs a test twice: as is, and with every model counted too large for CP-SAT."""
    if request.param == "local search":
        monkeypatch.setattr(cpsat, "LARGEST_MODEL", 0)


@pytest.mark.usefixtures("search_only")
def test_meetings_packed_into_the_first_slots_are_spread_over_every_day():
    data = demo_like()
    start, after = spread_from_greedy(data)
    per_day = Counter(slot[:2] for slot in after.values())
    mean = len(after) / len(data["slots"])
    assert Counter(slot[:2] for slot in start.values()) == {"d1": 30}
    assert set(per_day) == {"d1", "d2", "d3", "d4"}
    assert max(Counter(after.values()).values()) <= 2 * mean
    assert sum(breaks_per_participant(data, after).values()) == 0
    # Each exhibitor's two meetings stay together in one session.
    assert key_of(data, after)[1] == 50


@pytest.mark.usefixtures("search_only")
def test_each_day_gets_meetings_in_proportion_to_who_attends_it():
    # 16 buyers come on day 1 only, 8 on day 2 only, each meets one exhibitor who attends both
    # days; 8 more buyers come on both days.
    slots = fair_slots(2, (("am", 2), ("pm", 2)))
    day_1, day_2 = [s["id"] for s in slots[:4]], [s["id"] for s in slots[4:]]
    buyers = {f"B{i:02}": day_2 for i in range(16)} | {f"B{i:02}": day_1 for i in range(16, 24)}
    buyers |= {f"B{i:02}": [] for i in range(24, 32)}
    data = {
        "format": "fairmatch-schedule/1",
        "slots": slots,
        "tables": 40,
        "participants": [{"id": pid, "forbidden_slots": forbidden} for pid, forbidden in buyers.items()]
        + [{"id": f"E{i:02}"} for i in range(32)],
        "meetings": [{"id": f"M{i:02}", "participants": [f"E{i:02}", buyer]} for i, buyer in enumerate(buyers)],
        "objective": {"schedule": "max", "minimize_breaks": True, "fairness": None},
    }
    _, after = spread_from_greedy(data)
    assert sorted(Counter(after.values()).values()) == [4] * 8


def test_no_participant_gets_a_break_and_a_fair_schedule_stays_fair():
    # E1 meets four buyers back to back; spreading may move them, never open a gap in E1's day.
    meetings = [{"id": f"M{i}", "participants": ["E1", f"B{i}"]} for i in range(4)]
    meetings += [{"id": f"N{i}", "participants": ["E2", f"B{i}"]} for i in range(4)]
    data = {
        "format": "fairmatch-schedule/1",
        "slots": fair_slots(2, (("am", 4), ("pm", 4))),
        "tables": 10,
        "participants": [{"id": pid} for pid in ["E1", "E2", "B0", "B1", "B2", "B3"]],
        "meetings": meetings,
        "objective": {"schedule": "all", "minimize_breaks": True, "fairness": 0},
    }
    start, after = spread_from_greedy(data)
    before_breaks, after_breaks = breaks_per_participant(data, start), breaks_per_participant(data, after)
    assert all(after_breaks[pid] <= before_breaks[pid] for pid in before_breaks)
    assert max(after_breaks.values()) - min(after_breaks.values()) == 0
    assert violations(data, as_result(data, after)) == []
    assert max(Counter(after.values()).values()) < max(Counter(start.values()).values())


def test_the_same_schedule_is_spread_the_same_way_every_time():
    data = random_instance(3)
    assert spread_from_greedy(data) == spread_from_greedy(data)


def test_spreading_turned_off_leaves_the_schedule_as_it_is():
    data = demo_like()
    data["objective"]["spread"] = False
    start, after = spread_from_greedy(data)
    assert after == start


def test_a_spent_budget_leaves_the_schedule_as_it_is():
    problem = Problem(load_instance(random_instance(5)))
    start = greedy_schedule(problem)
    assert spread_out(problem, start, Budget(time.monotonic(), 0.0)) == start


def test_spread_is_on_unless_the_instance_turns_it_off(make_instance):
    assert load_instance(make_instance()).objective.spread is True
    assert load_instance(make_instance(objective={"spread": False})).objective.spread is False
    with pytest.raises(InstanceError) as caught:
        load_instance(make_instance(objective={"spread": "no"}))
    assert caught.value.problems == ['objective.spread: expected true or false, got "no"']
