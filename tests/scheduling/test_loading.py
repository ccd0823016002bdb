"""Reading instances: what is accepted, and how a broken instance is reported."""

import pytest

from fairmatch.scheduling import InstanceError, load_instance


def problems_of(data) -> list[str]:
    with pytest.raises(InstanceError) as caught:
        load_instance(data)
    return caught.value.problems


def test_a_valid_instance_is_read_with_the_documented_defaults(make_instance):
    instance = load_instance(
        make_instance(meetings=[{"id": "M1", "participants": ["E1", "B1"]}], objective={"schedule": "all"})
    )
    meeting = instance.meetings[0]
    assert (meeting.needs_table, meeting.priority, meeting.session, meeting.fixed_slot) == (True, 1, None, None)
    assert instance.participants[0].max_meetings is None
    assert (instance.objective.minimize_breaks, instance.objective.fairness) == (False, None)


def test_an_unknown_participant_is_reported_with_its_json_path(make_instance):
    data = make_instance(
        meetings=[{"id": "M1", "participants": ["E1", "B1"]}, {"id": "M2", "participants": ["E1", "E999"]}]
    )
    assert problems_of(data) == ["meetings[1].participants[1]: unknown participant E999"]


def test_every_problem_is_reported_at_once(make_instance):
    data = make_instance(
        format="fairmatch-schedule/2",
        tables=-1,
        participants=[{"id": "E1", "forbidden_slots": ["s9"], "max_meetings": "many"}, {"id": "E1"}],
        meetings=[{"id": "M1", "participants": ["E1"], "priority": 0, "session": "evening", "fixed_slot": "s7"}],
        objective={"schedule": "some", "minimize_breaks": "yes", "fairness": -2},
    )
    assert problems_of(data) == [
        'format: expected "fairmatch-schedule/1", got "fairmatch-schedule/2"',
        "tables: expected a whole number of at least 0, got -1",
        "participants[0].forbidden_slots[0]: unknown slot s9",
        'participants[0].max_meetings: expected null or a whole number of at least 0, got "many"',
        "participants[1].id: duplicate participant id E1",
        'meetings[0].participants: expected a list of exactly two participant ids, got ["E1"]',
        "meetings[0].priority: expected a whole number of at least 1, got 0",
        'meetings[0].session: expected null, "am" or "pm", got "evening"',
        "meetings[0].fixed_slot: unknown slot s7",
        'objective.schedule: expected "all" or "max", got "some"',
        'objective.minimize_breaks: expected true or false, got "yes"',
        "objective.fairness: expected null or a whole number of at least 0, got -2",
    ]


def test_a_participant_cannot_meet_itself(make_instance):
    data = make_instance(meetings=[{"id": "M1", "participants": ["E1", "E1"]}])
    assert problems_of(data) == ["meetings[0].participants: a participant cannot meet itself (E1)"]


def test_slots_of_a_day_must_not_be_split_by_another_day(make_instance):
    data = make_instance(slots=[{"id": "a", "day": "d1"}, {"id": "b", "day": "d2"}, {"id": "c", "day": "d1"}])
    assert problems_of(data) == ["slots[2].day: day d1 comes back after another day; slots must be in time order"]


@pytest.mark.parametrize("data", [None, [], "instance", 3])
def test_anything_but_an_object_is_refused(data):
    assert problems_of(data) == ["$: expected a JSON object"]


def test_odd_values_are_reported_not_crashed_on(make_instance):
    data = make_instance(meetings=[{"id": ["M1"], "participants": [{"id": "E1"}, ["B1"]], "fixed_slot": {}}])
    problems = problems_of(data)
    assert problems[0] == 'meetings[0].id: expected a non-empty string, got ["M1"]'
    assert "meetings[0].participants[0]: unknown participant {" in problems[1]
    assert len(problems) == 4
