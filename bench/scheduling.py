"""Quality and speed of the meeting scheduler on the reference instances.

    .venv/bin/python bench/scheduling.py [DIRECTORY]

Runs `python -m fairmatch.scheduling solve` on every instance in DIRECTORY (default
../shared/bench/schedule beside the repository), on the planted forum-like instances of
bench/forum_like.py (fewest breaks known: at most the planted number) and on the national fair of
bench/national_fair.py, with the time limits of the product goals, and prints per instance:
meetings placed, total priority against the proven optimum, breaks against the reference, status,
wall-clock seconds (start-up included) and the hard-rule violations that an independent checker
finds in the result (it must find none). For the `"all"` instances, a second table gives the
shortest time limit (of 1, 2, 5, 10 and 30 s) at which the result places every meeting, and at
which it reaches the reference. Last, the load spread of the demo fair's schedule (seed-demo).
Exits 1 when any result breaks a rule."""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

from forum_like import PLANTED, planted
from national_fair import NAME, PROVEN_OPTIMUM, national_fair

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "shared" / "bench" / "schedule"

# From shared/bench/README.md: the proven optimum of total priority, and the reference for breaks.
PROVEN_PRIORITY = {"tiny-20": 30, "fair-300-a": 864, "fair-300-b": 1786, "fair-1000": 5449, NAME: PROVEN_OPTIMUM}
REFERENCE = {
    "forum-like-30": "3 (proven min)",
    "forum-like-30-infeasible": "infeasible",
    "forum-like-50": "6 (best known)",
}
REFERENCE_BREAKS = {"forum-like-30": 3, "forum-like-50": 6} | {name: recipe[-1] for name, recipe in PLANTED.items()}
TIME_LIMIT = {"tiny-20": 2, "fair-300-a": 2, "fair-300-b": 2, "fair-1000": 10}
DEFAULT_TIME_LIMIT = 30
SWEEP = (1, 2, 5, 10, 30)


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else DEFAULT_DIRECTORY
    with tempfile.TemporaryDirectory() as generated:
        for name, recipe in PLANTED.items():
            REFERENCE[name] = f"<= {recipe[-1]} (planted)"
            (Path(generated) / f"{name}.json").write_text(json.dumps(planted(*recipe)), encoding="utf-8")
        (Path(generated) / f"{NAME}.json").write_text(json.dumps(national_fair()), encoding="utf-8")
        paths = sorted(directory.glob("*.json")) + sorted(Path(generated).glob("*.json"))
        violations = quality(paths)
        sweep(
            [path for path in paths if json.loads(path.read_text(encoding="utf-8"))["objective"]["schedule"] == "all"]
        )
    demo_spread()
    return 1 if violations else 0


def solve(path: Path, limit: float) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "fairmatch.scheduling", "solve", str(path), "--time-limit", str(limit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return run, time.monotonic() - started


def quality(paths: list[Path]) -> int:
    header = (
        "instance",
        "placed",
        "priority",
        "optimum",
        "ratio",
        "breaks",
        "reference",
        "status",
        "seconds",
        "limit",
        "violations",
    )
    rows = [header]
    total_violations = 0
    for path in paths:
        instance = json.loads(path.read_text(encoding="utf-8"))
        limit = TIME_LIMIT.get(path.stem, DEFAULT_TIME_LIMIT)
        run, seconds = solve(path, limit)
        if run.returncode != 0:
            rows.append(
                (
                    path.stem,
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    f"exit {run.returncode}",
                    f"{seconds:.2f}",
                    str(limit),
                    run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "?",
                )
            )
            total_violations += 1
            continue
        result = json.loads(run.stdout)
        violations = check(instance, result)
        total_violations += len(violations)
        optimum = PROVEN_PRIORITY.get(path.stem)
        priority = result["stats"]["total_priority"]
        rows.append(
            (
                path.stem,
                f"{result['stats']['scheduled']}/{len(instance['meetings'])}",
                str(priority),
                str(optimum) if optimum is not None else "-",
                f"{priority / optimum:.3f}" if optimum else "-",
                str(result["stats"]["breaks"]),
                REFERENCE.get(path.stem, "-"),
                result["status"],
                f"{seconds:.2f}",
                str(limit),
                str(len(violations)),
            )
        )
        for violation in violations[:10]:
            print(f"{path.stem}: {violation}", file=sys.stderr)
    table(rows)
    return total_violations


def sweep(paths: list[Path]) -> None:
    """For each `"all"` instance: the shortest time limit whose result places every meeting, the
    shortest whose breaks reach the reference, and the status and seconds at the last limit tried
    (the first that proves its result, or 30 s)."""
    rows = [("instance", "every meeting placed at", "reference reached at", "status at the last limit", "seconds")]
    for path in paths:
        reference = REFERENCE_BREAKS.get(path.stem)
        valid = reached = status = seconds = "-"
        for limit in SWEEP:
            run, took = solve(path, limit)
            if run.returncode != 0:
                tail = run.stderr.strip().splitlines()[-1:] or ["?"]
                print(f"{path.stem} at {limit} s: exit {run.returncode}: {tail[0]}", file=sys.stderr)
                status = f"exit {run.returncode}"
                continue
            result = json.loads(run.stdout)
            complete = not result["unscheduled"]
            if complete and valid == "-":
                valid = f"{limit} s"
            if complete and reference is not None and result["stats"]["breaks"] <= reference and reached == "-":
                reached = f"{limit} s"
            status, seconds = result["status"], f"{took:.2f}"
            if result["status"] in ("optimal", "infeasible"):
                break  # a longer limit changes nothing
        rows.append((path.stem, valid, reached if reference is not None else "-", status, seconds))
    print()
    table(rows)


def demo_spread() -> None:
    """Meetings per day and the busiest slot against the mean, in the schedule seed-demo publishes."""
    script = """
import json
from collections import Counter
from sqlalchemy import select
from fairmatch import create_app
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import Meeting
from fairmatch.meetings.schedule import slots_of
with create_app().app_context():
    fair = db.session.scalar(select(Fair))
    slots = [s.id for s in slots_of(fair)]
    meetings = db.session.scalars(select(Meeting).where(Meeting.state != "cancelled")).all()
    print(json.dumps({"slots": slots, "meetings": [m.slot_id for m in meetings]}))
"""
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"DATABASE_URL": f"sqlite:///{folder}/demo.db", "SECRET_KEY": "bench-only"}
        for command in (["init-db"], ["seed-demo"]):
            subprocess.run(
                [sys.executable, "-m", "flask", "--app", "fairmatch", *command],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    loads = Counter(found["meetings"])
    per_day = Counter(slot[:10] for slot in found["meetings"])
    mean = len(found["meetings"]) / len(found["slots"])
    print()
    print(
        f"demo fair: {len(found['meetings'])} meetings in {len(found['slots'])} slots; per day "
        f"{dict(sorted(per_day.items()))}; busiest slot {max(loads.values())} (mean {mean:.2f}, "
        f"{max(loads.values()) / mean:.1f} x the mean)"
    )


def table(rows: list[tuple]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def check(instance: dict, result: dict) -> list[str]:
    """Every broken hard rule in `result`, checked from the raw JSON alone (no solver code)."""
    problems: list[str] = []
    slots = {slot["id"]: index for index, slot in enumerate(instance["slots"])}
    days = [slot.get("day") for slot in instance["slots"]]
    sessions = [slot.get("session") for slot in instance["slots"]]
    participants = {p["id"]: p for p in instance["participants"]}
    meetings = {m["id"]: m for m in instance["meetings"]}
    busy: dict[tuple[str, int], str] = {}
    tables: dict[int, set[str]] = defaultdict(set)
    table_meetings: dict[int, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    used: dict[str, list[int]] = defaultdict(list)
    placed: set[str] = set()
    for assignment in result["assignments"]:
        meeting = meetings.get(assignment["meeting"])
        s = slots.get(assignment["slot"])
        if meeting is None or s is None or assignment["meeting"] in placed:
            problems.append(f"bad or repeated assignment {assignment}")
            continue
        placed.add(meeting["id"])
        if meeting.get("fixed_slot") and meeting["fixed_slot"] != assignment["slot"]:
            problems.append(f"{meeting['id']} is not in its fixed slot")
        if meeting.get("session") and sessions[s] != meeting["session"]:
            problems.append(f"{meeting['id']} is outside its session")
        for pid in meeting["participants"]:
            if assignment["slot"] in (participants[pid].get("forbidden_slots") or []):
                problems.append(f"{meeting['id']} uses a slot forbidden for {pid}")
            if (pid, s) in busy:
                problems.append(f"{pid} has {busy[pid, s]} and {meeting['id']} in slot {assignment['slot']}")
            busy[pid, s] = meeting["id"]
            count[pid] += 1
            used[pid].append(s)
        if meeting.get("needs_table", True):
            table_meetings[s] += 1
            label = assignment.get("table")
            if not label or label in tables[s]:
                problems.append(f"{meeting['id']} has a missing or shared table {label!r}")
            tables[s].add(label)
        elif assignment.get("table") is not None:
            problems.append(f"{meeting['id']} takes a table it does not need")
    for s, number in table_meetings.items():
        if number > instance["tables"]:
            problems.append(f"slot {instance['slots'][s]['id']} uses {number} tables of {instance['tables']}")
    for pid, participant in participants.items():
        cap = participant.get("max_meetings")
        if cap is not None and count[pid] > cap:
            problems.append(f"{pid} has {count[pid]} meetings, over its cap of {cap}")
    breaks = {pid: _breaks(sorted(used[pid]), days) for pid in participants}
    fairness = instance["objective"].get("fairness")
    if fairness is not None and breaks and max(breaks.values()) - min(breaks.values()) > fairness:
        problems.append(f"breaks differ by {max(breaks.values()) - min(breaks.values())}, over the fairness bound")
    unscheduled = {item["meeting"]: item.get("reason") for item in result["unscheduled"]}
    if set(unscheduled) | placed != set(meetings) or set(unscheduled) & placed:
        problems.append("assignments and unscheduled do not cover every meeting exactly once")
    problems += [f"{mid} has no reason" for mid, reason in unscheduled.items() if not reason]
    if instance["objective"]["schedule"] == "all" and result["status"] in ("optimal", "feasible") and unscheduled:
        problems.append(f"status {result['status']} for 'all' with {len(unscheduled)} meetings left out")
    stats = result["stats"]
    expected = (len(placed), sum(meetings[m].get("priority", 1) for m in placed), sum(breaks.values()))
    if (stats["scheduled"], stats["total_priority"], stats["breaks"]) != expected:
        problems.append(f"stats {stats} do not match the assignments {expected}")
    return problems


def _breaks(slots: list[int], days: list) -> int:
    return sum(1 for a, b in pairwise(slots) if days[a] == days[b] and b != a + 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
