"""A national fair's meeting-scheduling instance, and an exact reference for its best total priority.

    .venv/bin/python bench/national_fair.py OUT.json [--reference] [--time-limit SECONDS]

Writes a `fairmatch-schedule/1` instance built to the fair-like recipe of ../shared/bench/README.md
at national scale: 2,000 participants (667 exhibitors, 1,333 buyers) and 10,000 requests over
5 days x 2 half-day sessions x 4 slots of 30 minutes. Exhibitors' popularity is Zipf-skewed, so the
most wanted of them are asked for far more meetings than their 40 slots hold; buyers come for 2-4
half-day sessions on one or two days (every other slot forbidden) and earlier days draw more of
them; a quarter of the buyers accept at most 6 meetings; one exhibitor in ten misses one day;
priorities run 1-3 and a quarter of the meetings happen at the exhibitor's booth (no table). The
objective is `max` with fewest breaks. The seed is fixed, so the file is the same on every run.

With `--reference` it then solves the plain slot-level MIP of the total priority with HiGHS (one
binary per meeting and allowed slot; one slot per meeting, one meeting per participant and slot,
the tables of each slot, the caps) and prints the best total it found, its proven upper bound and
the time taken, as an independent check of the scheduler: a schedule whose total reaches the bound
is optimal. HiGHS checks its time limit only between phases, so it may run minutes past it. On the
2-core reference machine it had the bound (14,428) after about 200 s and stopped at 14,421 without
closing the gap within 600 s. Nothing here imports fairmatch.
"""

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np

NAME = "national-fair-2000"
SEED = 2026
DAYS = ("2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16", "2026-10-17")
# Share of buyers' visits per day: the opening days draw the most, the last day (a Saturday) the fewest.
DAY_WEIGHTS = (1.4, 1.2, 1.0, 0.9, 0.5)
SESSION_STARTS = {"am": ("09:00", "09:30", "10:00", "10:30"), "pm": ("14:00", "14:30", "15:00", "15:30")}
EXHIBITORS = 667
BUYERS = 1333
REQUESTS = 10_000
TABLES = 150
ZIPF_EXPONENT = 0.7
AT_BOOTH_SHARE = 0.25
CAPPED_BUYER_SHARE = 0.25
BUYER_CAP = 6
EXHIBITORS_MISSING_A_DAY_SHARE = 0.1
PRIORITY_WEIGHTS = {1: 2, 2: 1, 3: 1}

# The largest total priority: the plain MIP's bound (its root LP, with --reference) is 14,428, and a
# schedule the independent checker of bench/scheduling.py passes reaches it (7,768 meetings).
PROVEN_OPTIMUM = 14_428


def national_fair() -> dict:
    """The national fair's `fairmatch-schedule/1` instance (the same dict on every call)."""
    rng = random.Random(SEED)
    slots = _slots()
    slots_of_session = defaultdict(list)
    for slot in slots:
        slots_of_session[slot["day"], slot["session"]].append(slot["id"])

    participants = []
    exhibitors = [f"E{i:03d}" for i in range(EXHIBITORS)]
    for pid in exhibitors:
        forbidden: list[str] = []
        if rng.random() < EXHIBITORS_MISSING_A_DAY_SHARE:
            day = rng.choice(DAYS)
            forbidden = slots_of_session[day, "am"] + slots_of_session[day, "pm"]
        participants.append({"id": pid, "forbidden_slots": forbidden, "max_meetings": None})

    buyers = [f"B{i:04d}" for i in range(BUYERS)]
    sessions_attended = {}
    for pid in buyers:
        attended = _buyer_sessions(rng)
        sessions_attended[pid] = len(attended)
        forbidden = [slot["id"] for slot in slots if (slot["day"], slot["session"]) not in attended]
        cap = BUYER_CAP if rng.random() < CAPPED_BUYER_SHARE else None
        participants.append({"id": pid, "forbidden_slots": forbidden, "max_meetings": cap})

    # Each request: an exhibitor drawn by popularity, a buyer drawn by how long it stays; a pair asks once.
    popularity = [1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(EXHIBITORS)]
    stay = [sessions_attended[pid] for pid in buyers]
    asked: set[tuple[str, str]] = set()
    meetings = []
    while len(meetings) < REQUESTS:
        pair = (rng.choices(exhibitors, popularity)[0], rng.choices(buyers, stay)[0])
        if pair in asked:
            continue
        asked.add(pair)
        meetings.append(
            {
                "id": f"R{len(meetings) + 1:05d}",
                "participants": list(pair),
                "needs_table": rng.random() >= AT_BOOTH_SHARE,
                "priority": rng.choices(list(PRIORITY_WEIGHTS), list(PRIORITY_WEIGHTS.values()))[0],
                "session": None,
                "fixed_slot": None,
            }
        )
    return {
        "format": "fairmatch-schedule/1",
        "name": NAME,
        "slots": slots,
        "tables": TABLES,
        "participants": participants,
        "meetings": meetings,
        "objective": {"schedule": "max", "minimize_breaks": True, "fairness": None},
    }


def _slots() -> list[dict]:
    slots = []
    for number, day in enumerate(DAYS, start=1):
        for session, starts in SESSION_STARTS.items():
            for start in starts:
                hours, minutes = map(int, start.split(":"))
                end = f"{hours + (minutes + 30) // 60:02d}:{(minutes + 30) % 60:02d}"
                slot_id = f"d{number}-{hours:02d}{minutes:02d}"
                slots.append({"id": slot_id, "day": day, "session": session, "start": start, "end": end})
    return slots


def _buyer_sessions(rng: random.Random) -> set[tuple[str, str]]:
    """The half-day sessions a buyer attends: 2-4 of them, on one or two days."""
    count = rng.choice((2, 3, 4))
    one_day = count == 2 and rng.random() < 0.6
    days = _weighted_distinct(rng, DAYS, DAY_WEIGHTS, 1 if one_day else 2)
    if one_day:
        return {(days[0], "am"), (days[0], "pm")}
    if count == 2:
        return {(day, rng.choice(("am", "pm"))) for day in days}
    full, partial = days
    attended = {(full, "am"), (full, "pm"), (partial, "am"), (partial, "pm")}
    if count == 3:
        attended.discard((partial, rng.choice(("am", "pm"))))
    return attended


def _weighted_distinct(rng: random.Random, items, weights, count: int) -> list:
    chosen: list = []
    while len(chosen) < count:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


@dataclass(frozen=True)
class Reference:
    """What the plain MIP found: `status` is "optimal" when HiGHS closed the gap; `bound` is an
    upper bound on the total priority of any schedule either way."""

    status: str
    total_priority: int
    meetings: int
    bound: int
    seconds: float


def reference_optimum(instance: dict, time_limit: float = 600.0) -> Reference:
    """The largest total priority of `instance` by the plain slot-level MIP, solved by HiGHS within
    about `time_limit` seconds."""
    started = time.monotonic()
    slot_index = {slot["id"]: s for s, slot in enumerate(instance["slots"])}
    sessions = [slot.get("session") for slot in instance["slots"]]
    forbidden = {p["id"]: {slot_index[s] for s in p.get("forbidden_slots") or []} for p in instance["participants"]}
    caps = {p["id"]: p.get("max_meetings") for p in instance["participants"]}
    meetings = instance["meetings"]

    columns: list[tuple[int, int]] = []
    for m, meeting in enumerate(meetings):
        allowed = range(len(sessions))
        if meeting.get("fixed_slot"):
            allowed = [slot_index[meeting["fixed_slot"]]]
        for s in allowed:
            if meeting.get("session") and sessions[s] != meeting["session"]:
                continue
            if any(s in forbidden[pid] for pid in meeting["participants"]):
                continue
            columns.append((m, s))

    rows: dict[tuple, list[int]] = defaultdict(list)
    limits: dict[tuple, int] = {}
    for j, (m, s) in enumerate(columns):
        rows["one slot", m].append(j)
        limits["one slot", m] = 1
        for pid in meetings[m]["participants"]:
            rows["one meeting", pid, s].append(j)
            limits["one meeting", pid, s] = 1
            if caps[pid] is not None:
                rows["cap", pid].append(j)
                limits["cap", pid] = caps[pid]
        if meetings[m].get("needs_table", True):
            rows["tables", s].append(j)
            limits["tables", s] = instance["tables"]
    binding = [key for key, members in rows.items() if len(members) > limits[key]]
    total = sum(meeting.get("priority", 1) for meeting in meetings)

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    # The root LP is highly degenerate (four interchangeable slots per session): the dual simplex
    # took 171 s on it alone, the interior-point method 37 s.
    highs.setOptionValue("mip_lp_solver", "ipm")
    count = len(columns)
    highs.addVars(count, np.zeros(count), np.ones(count))
    priorities = np.array([float(meetings[m].get("priority", 1)) for m, _ in columns])
    highs.changeColsCost(count, np.arange(count, dtype=np.int32), priorities)
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    highs.changeColsIntegrality(
        count, np.arange(count, dtype=np.int32), np.full(count, highspy.HighsVarType.kInteger.value, dtype=np.uint8)
    )
    starts = np.cumsum([0] + [len(rows[key]) for key in binding[:-1]], dtype=np.int32)
    indices = np.fromiter((j for key in binding for j in rows[key]), dtype=np.int32)
    highs.addRows(
        len(binding),
        np.full(len(binding), -highspy.kHighsInf),
        np.array([float(limits[key]) for key in binding]),
        len(indices),
        starts,
        indices,
        np.ones(len(indices)),
    )
    highs.run()
    info = highs.getInfo()
    values = np.array(highs.getSolution().col_value) if info.primal_solution_status == 2 else np.zeros(count)
    placed = np.flatnonzero(values > 0.5)
    return Reference(
        status="optimal" if highs.getModelStatus() == highspy.HighsModelStatus.kOptimal else "not proven",
        total_priority=int(sum(meetings[columns[j][0]].get("priority", 1) for j in placed)),
        meetings=len(placed),
        bound=int(np.floor(min(info.mip_dual_bound, total) + 1e-6)),
        seconds=time.monotonic() - started,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the national fair's scheduling instance.")
    parser.add_argument("out", help="path of the instance JSON file to write")
    parser.add_argument("--reference", action="store_true", help="also solve the plain MIP of the total priority")
    parser.add_argument(
        "--time-limit", type=float, default=600.0, help="seconds for the MIP (default 600; HiGHS may overrun it)"
    )
    arguments = parser.parse_args(argv)
    instance = national_fair()
    Path(arguments.out).write_text(json.dumps(instance, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if arguments.reference:
        reference = reference_optimum(instance, arguments.time_limit)
        print(
            f"{instance['name']}: plain MIP {reference.status}, total priority {reference.total_priority} "
            f"({reference.meetings} meetings), bound {reference.bound}, {reference.seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
