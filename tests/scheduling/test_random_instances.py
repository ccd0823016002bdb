"""Properties that hold for every instance: checked on random small ones, against a checker and a
brute force that share no code with the solver."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schedule_rules import brute_force, violations

from fairmatch.scheduling import load_instance, solve

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def instances(draw, max_meetings: int = 6) -> dict:
    """A small `fairmatch-schedule/1` instance: one or two days of am/pm slots, a few
    participants with forbidden slots and caps, meetings with every optional field in play."""
    days = draw(st.integers(1, 2))
    per_session = draw(st.integers(1, 2))
    slots = [
        {"id": f"d{d}{session}{i}", "day": f"day-{d}", "session": session}
        for d in range(days)
        for session in ("am", "pm")
        for i in range(per_session)
    ]
    slot_ids = [slot["id"] for slot in slots]
    count = draw(st.integers(2, 5))
    participants = [
        {
            "id": f"P{i}",
            "forbidden_slots": draw(st.lists(st.sampled_from(slot_ids), max_size=2, unique=True)),
            "max_meetings": draw(st.one_of(st.none(), st.integers(0, 3))),
        }
        for i in range(count)
    ]
    pairs = st.lists(st.sampled_from([f"P{i}" for i in range(count)]), min_size=2, max_size=2, unique=True)
    meetings = [
        {
            "id": f"M{i}",
            "participants": draw(pairs),
            "needs_table": draw(st.booleans()),
            "priority": draw(st.integers(1, 3)),
            "session": draw(st.sampled_from([None, None, None, "am", "pm"])),
            "fixed_slot": draw(st.one_of(st.none(), st.none(), st.none(), st.sampled_from(slot_ids))),
        }
        for i in range(draw(st.integers(0, max_meetings)))
    ]
    objective = {
        "schedule": draw(st.sampled_from(["all", "max"])),
        "minimize_breaks": draw(st.booleans()),
        "fairness": draw(st.sampled_from([None, None, 0, 1, 2])),
    }
    return {
        "format": "fairmatch-schedule/1",
        "name": "random",
        "slots": slots,
        "tables": draw(st.integers(0, 3)),
        "participants": participants,
        "meetings": meetings,
        "objective": objective,
    }


def solved(instance: dict, time_limit: float = 10) -> dict:
    return solve(load_instance(instance), time_limit).to_dict()


@SETTINGS
@given(instances(max_meetings=8))
def test_no_result_ever_breaks_a_hard_rule(instance):
    result = solved(instance)
    assert violations(instance, result) == []


@SETTINGS
@given(instances())
def test_a_max_schedule_reaches_the_brute_force_optimum_and_says_optimal(instance):
    instance["objective"]["schedule"] = "max"
    result = solved(instance)
    priority, breaks = brute_force(instance)
    assert result["status"] == "optimal"
    assert result["stats"]["total_priority"] == priority
    if instance["objective"]["minimize_breaks"]:
        assert result["stats"]["breaks"] == breaks


@SETTINGS
@given(instances())
def test_an_all_schedule_places_every_meeting_or_is_proven_infeasible(instance):
    instance["objective"]["schedule"] = "all"
    result = solved(instance)
    best = brute_force(instance)
    if best is None:
        assert result["status"] == "infeasible"
    else:
        assert result["status"] == "optimal"
        assert result["unscheduled"] == []
        if instance["objective"]["minimize_breaks"]:
            assert result["stats"]["breaks"] == best[1]


@SETTINGS
@given(instances(max_meetings=8))
def test_every_unscheduled_meeting_carries_a_reason(instance):
    result = solved(instance)
    assert all(item["reason"].strip() for item in result["unscheduled"])
    assert result["stats"]["scheduled"] + len(result["unscheduled"]) == len(instance["meetings"])


@settings(max_examples=15, deadline=None)
@given(instances(max_meetings=8))
def test_the_same_instance_gives_the_same_schedule(instance):
    first, second = solved(instance), solved(instance)
    assert first["assignments"] == second["assignments"]
    assert first["status"] == second["status"]
