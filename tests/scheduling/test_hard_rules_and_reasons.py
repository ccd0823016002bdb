"""The rules a schedule never breaks, and the reason given for each meeting left out."""

from schedule_rules import violations

from fairmatch.scheduling import load_instance, solve


def solved(instance: dict, time_limit: float = 10) -> dict:
    result = solve(load_instance(instance), time_limit).to_dict()
    assert violations(instance, result) == []
    return result


def reasons(result: dict) -> dict[str, str]:
    return {item["meeting"]: item["reason"] for item in result["unscheduled"]}


def participants(*ids: str, **fields) -> list[dict]:
    return [{"id": pid, "forbidden_slots": [], **fields} for pid in ids]


def test_a_participant_never_has_two_meetings_in_one_slot(make_instance):
    meetings = [{"id": f"M{i}", "participants": ["E1", f"B{i}"]} for i in range(4)]
    result = solved(make_instance(participants=participants("E1", "B0", "B1", "B2", "B3"), meetings=meetings))
    assert len(result["assignments"]) == 3
    assert len({a["slot"] for a in result["assignments"]}) == 3
    [(left_out, reason)] = reasons(result).items()
    partner = "B" + left_out[1:]
    assert reason == (
        f"E1 is busy in every slot {partner} can also attend (E1 has 4 meetings requested but only 3 slots to "
        "hold them), with meetings of equal or higher priority"
    )


def test_the_higher_priority_meeting_wins_the_only_common_slot(make_instance):
    result = solved(
        make_instance(
            slots=[{"id": "s1"}],
            participants=participants("E1", "B1", "B2"),
            meetings=[
                {"id": "low", "participants": ["E1", "B1"], "priority": 1},
                {"id": "high", "participants": ["E1", "B2"], "priority": 3},
            ],
        )
    )
    assert [a["meeting"] for a in result["assignments"]] == ["high"]
    assert result["status"] == "optimal"
    assert "low" in reasons(result)


def test_forbidden_slots_and_sessions_leave_no_common_free_slot(make_instance):
    result = solved(
        make_instance(
            slots=[{"id": "s1", "session": "am"}, {"id": "s2", "session": "pm"}],
            participants=[
                {"id": "E1", "forbidden_slots": ["s1"]},
                {"id": "B1", "forbidden_slots": ["s2"]},
                {"id": "B2", "forbidden_slots": []},
            ],
            meetings=[
                {"id": "M1", "participants": ["E1", "B1"]},
                {"id": "M2", "participants": ["E1", "B2"], "session": "am"},
            ],
        )
    )
    assert reasons(result) == {
        "M1": "E1 and B1 have no common free slot",
        "M2": "E1 and B2 have no common free slot in the am session",
    }


def test_table_count_is_respected_and_booth_meetings_need_no_table(make_instance):
    meetings = [{"id": f"M{i}", "participants": [f"E{i}", f"B{i}"], "needs_table": i < 3} for i in range(5)]
    ids = [p for i in range(5) for p in (f"E{i}", f"B{i}")]
    result = solved(make_instance(slots=[{"id": "s1"}], tables=2, participants=participants(*ids), meetings=meetings))
    tables = sorted(a.get("table") or "-" for a in result["assignments"])
    assert tables == ["-", "-", "T01", "T02"]
    assert reasons(result) == {"M2": "no table is free in any slot both E2 and B2 can attend"}


def test_a_participant_cap_is_never_exceeded_and_named_as_the_reason(make_instance):
    meetings = [{"id": f"M{i}", "participants": ["E1", f"B{i}"]} for i in range(3)]
    result = solved(
        make_instance(
            participants=[{"id": "E1", "max_meetings": 2}, *participants("B0", "B1", "B2")], meetings=meetings
        )
    )
    assert result["stats"]["scheduled"] == 2
    assert list(reasons(result).values()) == ["E1 reached its cap of 2 meetings"]


def test_a_fixed_meeting_stays_in_its_slot(make_instance):
    result = solved(make_instance(meetings=[{"id": "M1", "participants": ["E1", "B1"], "fixed_slot": "s3"}]))
    assert result["assignments"] == [{"meeting": "M1", "slot": "s3", "table": "T01"}]


def test_a_fixed_slot_that_a_participant_cannot_attend_is_explained(make_instance):
    result = solved(
        make_instance(
            participants=[{"id": "E1", "forbidden_slots": ["s2"]}, {"id": "B1"}],
            meetings=[{"id": "M1", "participants": ["E1", "B1"], "fixed_slot": "s2"}],
        )
    )
    assert reasons(result) == {"M1": "its fixed slot s2 is forbidden for E1"}


def test_an_all_instance_that_cannot_fit_is_infeasible_and_still_shows_what_fits(make_instance):
    meetings = [{"id": f"M{i}", "participants": ["E1", f"B{i}"]} for i in range(4)]
    result = solved(
        make_instance(
            participants=participants("E1", "B0", "B1", "B2", "B3"), meetings=meetings, objective={"schedule": "all"}
        )
    )
    assert result["status"] == "infeasible"
    assert result["stats"]["scheduled"] == 3
    assert len(result["unscheduled"]) == 1


def test_breaks_count_gaps_within_a_day_but_not_the_lunch_pause_or_the_night(make_instance):
    slots = [
        {"id": "d1am", "day": "d1", "session": "am"},
        {"id": "d1pm", "day": "d1", "session": "pm"},
        {"id": "d2am", "day": "d2", "session": "am"},
        {"id": "d2pm", "day": "d2", "session": "pm"},
    ]
    meetings = [
        {"id": "M1", "participants": ["E1", "B1"], "fixed_slot": "d1am"},
        {"id": "M2", "participants": ["E1", "B2"], "fixed_slot": "d1pm"},
        {"id": "M3", "participants": ["E1", "B3"], "fixed_slot": "d2pm"},
    ]
    result = solved(make_instance(slots=slots, participants=participants("E1", "B1", "B2", "B3"), meetings=meetings))
    assert result["stats"]["breaks"] == 0


def test_fewest_breaks_packs_each_participant_into_one_block(make_instance):
    slots = [{"id": f"s{i}", "day": "d1"} for i in range(6)]
    meetings = [{"id": f"M{i}", "participants": ["E1", f"B{i}"]} for i in range(3)]
    meetings.append({"id": "M9", "participants": ["E1", "B9"], "fixed_slot": "s4"})
    result = solved(
        make_instance(
            slots=slots,
            participants=participants("E1", "B0", "B1", "B2", "B9"),
            meetings=meetings,
            objective={"schedule": "all", "minimize_breaks": True},
        )
    )
    assert result["status"] == "optimal"
    assert result["stats"]["breaks"] == 0
    assert sorted(a["slot"] for a in result["assignments"]) in (["s1", "s2", "s3", "s4"], ["s2", "s3", "s4", "s5"])


def test_the_fairness_bound_holds_even_when_it_costs_priority(make_instance):
    slots = [{"id": f"s{i}", "day": "d1"} for i in range(3)]
    meetings = [
        {"id": "M1", "participants": ["E1", "B1"], "fixed_slot": "s0"},
        {"id": "M2", "participants": ["E1", "B2"], "fixed_slot": "s2"},
        {"id": "M3", "participants": ["E2", "B3"]},
    ]
    result = solved(
        make_instance(
            slots=slots,
            participants=participants("E1", "E2", "B1", "B2", "B3"),
            meetings=meetings,
            objective={"schedule": "max", "fairness": 0},
        )
    )
    assert result["stats"]["scheduled"] == 2
    assert result["status"] == "optimal"
    assert "fairness" in next(iter(reasons(result).values()))
