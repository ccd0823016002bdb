"""The rules of `fairmatch-schedule/1`, written again from the format description and sharing no
code with the solver: a checker for results and a brute force for tiny instances."""

from collections import defaultdict
from itertools import pairwise


def violations(instance: dict, result: dict) -> list[str]:
    """Every hard rule that `result` breaks for `instance` (raw JSON on both sides)."""
    found: list[str] = []
    slot_ids = [slot["id"] for slot in instance["slots"]]
    meetings = {m["id"]: m for m in instance["meetings"]}
    participants = {p["id"]: p for p in instance["participants"]}
    seen: set[str] = set()
    busy: set[tuple[str, str]] = set()
    labels: dict[str, set[str]] = defaultdict(set)
    per_participant: dict[str, int] = defaultdict(int)
    for assignment in result["assignments"]:
        meeting, slot = meetings[assignment["meeting"]], assignment["slot"]
        if meeting["id"] in seen:
            found.append(f"{meeting['id']} placed twice")
        seen.add(meeting["id"])
        if slot not in slot_ids:
            found.append(f"{meeting['id']} in unknown slot {slot}")
            continue
        if meeting.get("fixed_slot") not in (None, slot):
            found.append(f"{meeting['id']} moved from its fixed slot")
        if meeting.get("session") and instance["slots"][slot_ids.index(slot)].get("session") != meeting["session"]:
            found.append(f"{meeting['id']} outside its session")
        for pid in meeting["participants"]:
            if slot in (participants[pid].get("forbidden_slots") or []):
                found.append(f"{meeting['id']} in a slot forbidden for {pid}")
            if (pid, slot) in busy:
                found.append(f"{pid} twice in {slot}")
            busy.add((pid, slot))
            per_participant[pid] += 1
        if meeting.get("needs_table", True):
            label = assignment.get("table")
            if not label or label in labels[slot]:
                found.append(f"{meeting['id']} without a table of its own")
            labels[slot].add(label)
        elif "table" in assignment:
            found.append(f"{meeting['id']} takes a table it does not need")
    for slot, used in labels.items():
        if len(used) > instance["tables"]:
            found.append(f"{slot} uses {len(used)} tables of {instance['tables']}")
    for pid, participant in participants.items():
        if participant.get("max_meetings") is not None and per_participant[pid] > participant["max_meetings"]:
            found.append(f"{pid} over its cap")
    fairness = instance["objective"].get("fairness")
    counts = breaks_per_participant(instance, {a["meeting"]: a["slot"] for a in result["assignments"]})
    if fairness is not None and counts and max(counts.values()) - min(counts.values()) > fairness:
        found.append("breaks differ by more than the fairness bound")
    left_out = [u["meeting"] for u in result["unscheduled"]]
    if sorted(left_out + list(seen)) != sorted(meetings):
        found.append("assignments and unscheduled do not list every meeting once")
    return found


def breaks_per_participant(instance: dict, slot_of: dict[str, str]) -> dict[str, int]:
    """Breaks as the format defines them: consecutive meetings of one day in non-adjacent slots."""
    position = {slot["id"]: i for i, slot in enumerate(instance["slots"])}
    day = [slot.get("day") for slot in instance["slots"]]
    used: dict[str, list[int]] = {p["id"]: [] for p in instance["participants"]}
    for meeting in instance["meetings"]:
        if meeting["id"] in slot_of:
            for pid in meeting["participants"]:
                used[pid].append(position[slot_of[meeting["id"]]])
    return {
        pid: sum(1 for a, b in pairwise(sorted(slots)) if day[a] == day[b] and b != a + 1)
        for pid, slots in used.items()
    }


def brute_force(instance: dict) -> tuple[int, int] | None:
    """The lexicographic optimum (total priority, then fewest breaks when asked) over every valid
    schedule, as (priority, breaks); for `"all"`, only schedules placing every meeting count, and
    None means there is none."""
    meetings = instance["meetings"]
    participants = {p["id"]: p for p in instance["participants"]}
    objective = instance["objective"]
    best: list[tuple[int, int] | None] = [None]
    chosen: dict[str, str] = {}

    def allowed(meeting: dict, slot: dict) -> bool:
        if meeting.get("fixed_slot") not in (None, slot["id"]):
            return False
        if meeting.get("session") and slot.get("session") != meeting["session"]:
            return False
        return all(slot["id"] not in (participants[p].get("forbidden_slots") or []) for p in meeting["participants"])

    def fits(meeting: dict, slot_id: str) -> bool:
        others = [m for m in meetings if chosen.get(m["id"]) == slot_id]
        if any(set(m["participants"]) & set(meeting["participants"]) for m in others):
            return False
        if meeting.get("needs_table", True):
            return sum(m.get("needs_table", True) for m in others) < instance["tables"]
        return True

    def under_caps() -> bool:
        count: dict[str, int] = defaultdict(int)
        for m in meetings:
            if m["id"] in chosen:
                for p in m["participants"]:
                    count[p] += 1
        return all(
            participants[p].get("max_meetings") is None or n <= participants[p]["max_meetings"]
            for p, n in count.items()
        )

    def visit(index: int) -> None:
        if not under_caps():
            return
        if index == len(meetings):
            counts = breaks_per_participant(instance, chosen)
            fairness = objective.get("fairness")
            if fairness is not None and counts and max(counts.values()) - min(counts.values()) > fairness:
                return
            priority = sum(m.get("priority", 1) for m in meetings if m["id"] in chosen)
            breaks = sum(counts.values()) if objective.get("minimize_breaks") else 0
            if best[0] is None or (priority, -breaks) > (best[0][0], -best[0][1]):
                best[0] = (priority, breaks)
            return
        meeting = meetings[index]
        for slot in instance["slots"]:
            if allowed(meeting, slot) and fits(meeting, slot["id"]):
                chosen[meeting["id"]] = slot["id"]
                visit(index + 1)
                del chosen[meeting["id"]]
        if objective["schedule"] == "max":
            visit(index + 1)

    visit(0)
    return best[0]
