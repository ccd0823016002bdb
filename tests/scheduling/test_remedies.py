"""What it would take to place a meeting left out: one change, of the kind that costs the fair least."""

from dataclasses import replace

from hypothesis import given
from test_random_instances import SETTINGS, instances

from fairmatch.scheduling import load_instance, solve
from fairmatch.scheduling.greedy import Calendar, greedy_schedule
from fairmatch.scheduling.problem import Problem, Schedule
from fairmatch.scheduling.remedies import Remedy, find_remedies


def remedies(instance: dict, placed: dict[str, str]) -> dict[str, dict]:
    """The remedy of each meeting left out when the meetings in `placed` (id → slot id) hold their slots."""
    problem = Problem(load_instance(instance))
    meeting_index = {meeting.id: m for m, meeting in enumerate(problem.meetings)}
    slot_index = {slot.id: s for s, slot in enumerate(problem.instance.slots)}
    schedule = {meeting_index[m]: slot_index[s] for m, s in placed.items()}
    return {problem.meetings[m].id: remedy.to_dict() for m, remedy in find_remedies(problem, schedule).items()}


def people(*ids: str, **forbidden: list[str]) -> list[dict]:
    return [{"id": pid, "forbidden_slots": forbidden.get(pid, [])} for pid in ids]


def meeting(mid: str, *participants: str, **fields) -> dict:
    return {"id": mid, "participants": list(participants), **fields}


def test_one_more_table_when_tables_are_the_only_obstacle_in_a_slot_both_can_attend(make_instance):
    instance = make_instance(
        tables=1,
        participants=people("E1", "B1", "E2", "B2", "E3", "B3", "E4", "B4", B4=["s1", "s2"]),
        meetings=[meeting(f"M{i}", f"E{i}", f"B{i}") for i in range(1, 5)],
    )
    assert remedies(instance, {"M1": "s1", "M2": "s2", "M3": "s3"}) == {"M4": {"kind": "table", "slot": "s3"}}


def test_a_participant_frees_the_slot_by_moving_its_meeting_where_it_can_go(make_instance):
    instance = make_instance(
        slots=[{"id": "s1", "day": "d1"}, {"id": "s2", "day": "d1"}],
        participants=people("E1", "B1", "B2", B2=["s2"]),
        meetings=[meeting("M1", "E1", "B1"), meeting("M2", "E1", "B2")],
    )
    assert remedies(instance, {"M1": "s1"}) == {
        "M2": {"kind": "move", "slot": "s1", "participant": "E1", "meeting": "M1", "partner": "B1", "move_to": "s2"}
    }


def test_a_meeting_with_nowhere_else_to_go_must_be_given_up_the_least_important_first(make_instance):
    instance = make_instance(
        slots=[{"id": "s1", "day": "d1"}, {"id": "s2", "day": "d1"}],
        participants=people("E1", "B1", "B2", "B3", B1=["s2"], B2=["s1"], B3=[]),
        meetings=[
            meeting("M1", "E1", "B1", priority=1),
            meeting("M2", "E1", "B2", priority=3),
            meeting("M3", "E1", "B3", priority=3),
        ],
    )
    # M3 could take s1 if E1 gave up M1 (priority 1) or s2 if it gave up the must-meet M2.
    assert remedies(instance, {"M1": "s1", "M2": "s2"}) == {
        "M3": {"kind": "drop", "slot": "s1", "participant": "E1", "meeting": "M1", "partner": "B1"}
    }


def test_another_table_is_preferred_to_giving_up_a_meeting(make_instance):
    instance = make_instance(
        slots=[{"id": "s1", "day": "d1"}, {"id": "s2", "day": "d1"}],
        tables=1,
        participants=people("E1", "B1", "B2", "E9", "B9", B1=["s2"]),
        meetings=[meeting("M1", "E1", "B1"), meeting("M2", "E1", "B2"), meeting("M9", "E9", "B9")],
    )
    assert remedies(instance, {"M1": "s1", "M9": "s2"}) == {"M2": {"kind": "table", "slot": "s2"}}


def test_a_participant_that_blocked_the_only_common_slot_is_asked_to_make_itself_available(make_instance):
    instance = make_instance(
        slots=[{"id": "s1", "session": "am"}, {"id": "s2", "session": "pm"}],
        participants=people("E1", "B1", E1=["s1"], B1=["s2"]),
    )
    assert remedies(instance, {}) == {"M1": {"kind": "available", "slot": "s1", "participant": "E1"}}


def test_a_cap_raise_when_a_participant_reached_its_cap(make_instance):
    instance = make_instance(
        participants=[
            {"id": "E1", "max_meetings": 1},
            {"id": "B1", "max_meetings": 1},
            {"id": "B2", "max_meetings": 1},
        ],
        meetings=[meeting("M1", "E1", "B1"), meeting("M2", "E1", "B2")],
    )
    assert remedies(instance, {"M1": "s1"}) == {"M2": {"kind": "cap", "slot": "s2", "participants": ["E1"], "cap": 2}}


def test_none_alone_when_both_sides_are_busy_with_other_meetings(make_instance):
    instance = make_instance(
        slots=[{"id": "s1"}],
        participants=people("E1", "B1", "E2", "B2"),
        meetings=[meeting("M1", "E1", "B1"), meeting("M2", "E2", "B2"), meeting("M3", "E1", "B2")],
    )
    assert remedies(instance, {"M1": "s1", "M2": "s1"}) == {"M3": {"kind": "none"}}


def test_a_meeting_that_fits_as_the_schedule_stands_says_where(make_instance):
    assert remedies(make_instance(), {}) == {"M1": {"kind": "fits", "slot": "s1"}}


def test_the_result_gives_each_meeting_left_out_its_remedy_beside_its_reason(make_instance):
    instance = make_instance(
        slots=[{"id": "s1"}],
        tables=1,
        participants=people("E1", "B1", "E2", "B2"),
        meetings=[meeting("M1", "E1", "B1"), meeting("M2", "E2", "B2")],
    )
    [left_out] = solve(load_instance(instance), time_limit=2).to_dict()["unscheduled"]
    assert left_out == {
        "meeting": "M2",
        "reason": "no table is free in any slot both E2 and B2 can attend",
        "remedy": {"kind": "table", "slot": "s1"},
    }


def place_after(problem: Problem, schedule: Schedule, m: int, remedy: Remedy) -> bool:
    """Whether meeting m can take the remedy's slot once the remedy's one change is made (and, for
    `fits`, without breaking the fairness bound: the other kinds answer to the hard rules only)."""
    instance = problem.instance
    schedule = dict(schedule)
    slot_index = {slot.id: s for s, slot in enumerate(instance.slots)}
    meeting_index = {meeting.id: i for i, meeting in enumerate(problem.meetings)}
    if remedy.kind == "table":
        instance = replace(instance, tables=instance.tables + 1)
    elif remedy.kind in ("cap", "available"):
        instance = replace(
            instance,
            participants=tuple(
                replace(p, max_meetings=remedy.cap)
                if p.id in remedy.participants
                else replace(p, forbidden_slots=p.forbidden_slots - {remedy.slot})
                if p.id == remedy.participant
                else p
                for p in instance.participants
            ),
        )
    elif remedy.kind == "move":
        schedule[meeting_index[remedy.meeting]] = slot_index[remedy.move_to]
    elif remedy.kind == "drop":
        del schedule[meeting_index[remedy.meeting]]
    changed = Problem(instance)
    calendar = Calendar(changed, schedule)
    if not calendar.can_place(m, slot_index[remedy.slot]):
        return False
    calendar.place(m, slot_index[remedy.slot])
    return remedy.kind != "fits" or changed.is_fair(calendar.schedule)


@SETTINGS
@given(instances(max_meetings=8))
def test_every_remedy_lets_its_meeting_be_placed_once_its_one_change_is_made(instance):
    problem = Problem(load_instance(instance))
    schedule = greedy_schedule(problem)
    found = find_remedies(problem, schedule)
    assert set(found) == set(range(len(problem.meetings))) - set(schedule)
    for m, remedy in found.items():
        if remedy.kind != "none":
            assert place_after(problem, schedule, m, remedy), (problem.meetings[m].id, remedy)
