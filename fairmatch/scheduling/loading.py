"""Reading a `fairmatch-schedule/1` instance from parsed JSON, with every problem reported at once."""

import json
from typing import Any

from fairmatch.scheduling.model import (
    FORMAT,
    SESSIONS,
    Instance,
    InstanceError,
    Meeting,
    Objective,
    Participant,
    Slot,
)


def load_instance(data: Any) -> Instance:
    """Return the instance described by `data` (parsed JSON), or raise InstanceError listing every
    problem found, each as `json.path: what is wrong`."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise InstanceError(["$: expected a JSON object"])
    if data.get("format") != FORMAT:
        problems.append(f'format: expected "{FORMAT}", got {_show(data.get("format"))}')
    name = _optional_text(data, "name", "name", problems)
    slots = _slots(data.get("slots"), problems)
    slot_ids = {slot.id for slot in slots}
    tables = data.get("tables")
    if not _is_int(tables) or tables < 0:
        problems.append(f"tables: expected a whole number of at least 0, got {_show(tables)}")
    participants = _participants(data.get("participants"), slot_ids, problems)
    meetings = _meetings(data.get("meetings"), {p.id for p in participants}, slot_ids, problems)
    objective = _objective(data.get("objective"), problems)
    if problems:
        raise InstanceError(problems)
    return Instance(tuple(slots), tables, tuple(participants), tuple(meetings), objective, name)


def _slots(raw: Any, problems: list[str]) -> list[Slot]:
    if not isinstance(raw, list):
        problems.append(f"slots: expected a list of slots, got {_show(raw)}")
        return []
    slots: list[Slot] = []
    seen: set[str] = set()
    finished_days: set[str | None] = set()
    for index, item in enumerate(raw):
        path = f"slots[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: expected an object, got {_show(item)}")
            continue
        slot_id = _identifier(item, path, seen, "slot", problems)
        fields = {
            key: _optional_text(item, key, f"{path}.{key}", problems) for key in ("day", "session", "start", "end")
        }
        if slot_id is None:
            continue
        slot = Slot(slot_id, **fields)
        if slots and slots[-1].day != slot.day:
            finished_days.add(slots[-1].day)
        if slot.day in finished_days:
            problems.append(f"{path}.day: day {slot.day} comes back after another day; slots must be in time order")
        slots.append(slot)
    return slots


def _participants(raw: Any, slot_ids: set[str], problems: list[str]) -> list[Participant]:
    if not isinstance(raw, list):
        problems.append(f"participants: expected a list of participants, got {_show(raw)}")
        return []
    participants: list[Participant] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        path = f"participants[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: expected an object, got {_show(item)}")
            continue
        participant_id = _identifier(item, path, seen, "participant", problems)
        forbidden = item.get("forbidden_slots") or []
        if not isinstance(forbidden, list):
            problems.append(f"{path}.forbidden_slots: expected a list of slot ids, got {_show(forbidden)}")
            forbidden = []
        for position, slot_id in enumerate(forbidden):
            if not _known(slot_id, slot_ids):
                problems.append(f"{path}.forbidden_slots[{position}]: unknown slot {_ref(slot_id)}")
        cap = item.get("max_meetings")
        if cap is not None and (not _is_int(cap) or cap < 0):
            problems.append(f"{path}.max_meetings: expected null or a whole number of at least 0, got {_show(cap)}")
        if participant_id is not None:
            chosen = frozenset(s for s in forbidden if _known(s, slot_ids))
            participants.append(Participant(participant_id, chosen, cap if _is_int(cap) else None))
    return participants


def _meetings(raw: Any, participant_ids: set[str], slot_ids: set[str], problems: list[str]) -> list[Meeting]:
    if not isinstance(raw, list):
        problems.append(f"meetings: expected a list of meetings, got {_show(raw)}")
        return []
    meetings: list[Meeting] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        path = f"meetings[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: expected an object, got {_show(item)}")
            continue
        count = len(problems)
        meeting_id = _identifier(item, path, seen, "meeting", problems)
        pair = item.get("participants")
        if not isinstance(pair, list) or len(pair) != 2:
            problems.append(f"{path}.participants: expected a list of exactly two participant ids, got {_show(pair)}")
        else:
            for position, participant_id in enumerate(pair):
                if not _known(participant_id, participant_ids):
                    problems.append(f"{path}.participants[{position}]: unknown participant {_ref(participant_id)}")
            if pair[0] == pair[1]:
                problems.append(f"{path}.participants: a participant cannot meet itself ({_ref(pair[0])})")
        needs_table = item.get("needs_table", True)
        if not isinstance(needs_table, bool):
            problems.append(f"{path}.needs_table: expected true or false, got {_show(needs_table)}")
        priority = item.get("priority", 1)
        if not _is_int(priority) or priority < 1:
            problems.append(f"{path}.priority: expected a whole number of at least 1, got {_show(priority)}")
        session = item.get("session")
        if session is not None and session not in SESSIONS:
            problems.append(f'{path}.session: expected null, "am" or "pm", got {_show(session)}')
        fixed = item.get("fixed_slot")
        if fixed is not None and not _known(fixed, slot_ids):
            problems.append(f"{path}.fixed_slot: unknown slot {_ref(fixed)}")
        if len(problems) == count:
            meetings.append(Meeting(meeting_id, (pair[0], pair[1]), needs_table, priority, session, fixed))
    return meetings


def _objective(raw: Any, problems: list[str]) -> Objective:
    if raw is None:
        return Objective()
    if not isinstance(raw, dict):
        problems.append(f"objective: expected an object, got {_show(raw)}")
        return Objective()
    schedule = raw.get("schedule", "max")
    if schedule not in ("all", "max"):
        problems.append(f'objective.schedule: expected "all" or "max", got {_show(schedule)}')
    minimize_breaks = raw.get("minimize_breaks", False)
    if not isinstance(minimize_breaks, bool):
        problems.append(f"objective.minimize_breaks: expected true or false, got {_show(minimize_breaks)}")
    fairness = raw.get("fairness")
    if fairness is not None and (not _is_int(fairness) or fairness < 0):
        problems.append(f"objective.fairness: expected null or a whole number of at least 0, got {_show(fairness)}")
    spread = raw.get("spread", True)
    if not isinstance(spread, bool):
        problems.append(f"objective.spread: expected true or false, got {_show(spread)}")
    if schedule not in ("all", "max") or not isinstance(minimize_breaks, bool) or not isinstance(spread, bool):
        return Objective()
    return Objective(schedule, minimize_breaks, fairness if _is_int(fairness) else None, spread)


def _identifier(item: dict, path: str, seen: set[str], kind: str, problems: list[str]) -> str | None:
    value = item.get("id")
    if not isinstance(value, str) or not value:
        problems.append(f"{path}.id: expected a non-empty string, got {_show(value)}")
        return None
    if value in seen:
        problems.append(f"{path}.id: duplicate {kind} id {value}")
        return None
    seen.add(value)
    return value


def _optional_text(item: dict, key: str, path: str, problems: list[str]) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        problems.append(f"{path}: expected a string or null, got {_show(value)}")
        return None
    return value


def _known(value: Any, ids: set[str]) -> bool:
    return isinstance(value, str) and value in ids


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _show(value: Any) -> str:
    """A short JSON rendering of a value for a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _ref(value: Any) -> str:
    """An id as a person reads it: bare when it is a string."""
    return value if isinstance(value, str) else _show(value)
