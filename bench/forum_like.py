"""Forum-like scheduling instances whose fewest breaks is known: 0, planted.

    .venv/bin/python bench/forum_like.py OUT_DIRECTORY

Built to the recipe of the published B2B-forum benchmark (Bofill et al., JAIR 74, 2022: one day,
morning and afternoon sessions, 42-78 participants, 125-302 meetings, 8-22 slots, 12-27 tables,
some meetings restricted to a session, some forbidden slots, every meeting to be placed, fairness
2), but generated from a schedule in which every participant meets in one unbroken block: slot by
slot, the participants whose block is running are paired with partners they have not met yet. The
instance keeps the meetings and forgets the slots, so a scheduler must find a schedule with no
break at all, which the originals show to be the hard case (ticf-14crafa and forum-13 have 0)."""

import json
import random
import sys
from pathlib import Path

import networkx as nx

# name: (participants, slots in the morning, slots in the afternoon, seed, planted breaks)
PLANTED = {
    "planted-50": (50, 8, 6, 11, 0),
    "planted-60": (60, 10, 8, 12, 0),
    "planted-70": (70, 12, 8, 13, 0),
    "planted-78": (78, 12, 10, 14, 0),
    "planted-60-b3": (60, 10, 8, 22, 3),
    "planted-78-b2": (78, 12, 10, 24, 2),
    "planted-78-b6": (78, 12, 10, 26, 6),
}


def planted(participants: int, morning: int, afternoon: int, seed: int, breaks: int = 0) -> dict:
    """A `fairmatch-schedule/1` instance with a planted schedule of at most `breaks` breaks: where
    a slot would leave one participant without a partner, up to `breaks` times a running block
    pauses for that slot instead of ending, which is one break."""
    rng = random.Random(seed)
    slots = morning + afternoon
    waiting = [f"P{i:02d}" for i in range(participants)]
    rng.shuffle(waiting)
    length = {p: rng.randint(3, min(10, slots)) for p in waiting}
    target = participants * 2 // 5
    left: dict[str, int] = {}
    met: set[frozenset[str]] = set()
    placed: list[tuple[str, str, int]] = []
    for s in range(slots):
        active = [p for p, n in left.items() if n > 0]
        fits = [p for p in waiting if length[p] <= slots - s]
        joining = fits[: max(0, target - len(active) + rng.randint(-2, 2))]
        active += joining
        waiting = [p for p in waiting if p not in joining]
        paused = []
        if len(active) % 2:
            resumable = [p for p in active if left.get(p, 0) >= 2]
            if breaks and resumable:
                paused.append(rng.choice(resumable))
                active.remove(paused[0])
                breaks -= 1
            else:
                active.pop(rng.randrange(len(active)))
        pairs = _pairs(active, met, rng)
        if pairs is None:  # every running block ends here, unbroken
            left = dict.fromkeys(left, 0)
            continue
        for a, b in pairs:
            met.add(frozenset((a, b)))
            placed.append((a, b, s))
        for p in active:
            left[p] = left.get(p, length[p]) - 1
        for p in set(left) - set(active) - set(paused):
            left[p] = 0
    return _instance(placed, slots, morning, seed, rng)


def _pairs(active: list[str], met: set, rng: random.Random) -> list[tuple[str, str]] | None:
    """A perfect matching of `active` that repeats no earlier meeting, or None."""
    graph = nx.Graph()
    graph.add_nodes_from(active)
    for i, a in enumerate(active):
        for b in active[i + 1 :]:
            if frozenset((a, b)) not in met:
                graph.add_edge(a, b, weight=1 + rng.random())
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    if 2 * len(matching) != len(active):
        return None
    return sorted(tuple(sorted(pair)) for pair in matching)


def _instance(placed: list[tuple[str, str, int]], slots: int, morning: int, seed: int, rng: random.Random) -> dict:
    session = ["am" if s < morning else "pm" for s in range(slots)]
    busy: dict[str, set[int]] = {}
    for a, b, s in placed:
        busy.setdefault(a, set()).add(s)
        busy.setdefault(b, set()).add(s)
    participants = []
    for p in sorted(busy):
        free = [s for s in range(slots) if s not in busy[p]]
        forbidden = rng.sample(free, min(len(free), rng.randint(1, 3))) if free and rng.random() < 0.2 else []
        participants.append({"id": p, "forbidden_slots": [f"s{s:02d}" for s in sorted(forbidden)]})
    meetings = [
        {
            "id": f"M{i:03d}",
            "participants": [a, b],
            "session": session[s] if rng.random() < 0.3 else None,
        }
        for i, (a, b, s) in enumerate(sorted(placed, key=lambda item: rng.random()))
    ]
    per_slot = [sum(1 for *_, t in placed if t == s) for s in range(slots)]
    return {
        "format": "fairmatch-schedule/1",
        "name": f"planted-{len(participants)}-{seed}",
        "slots": [{"id": f"s{s:02d}", "day": "2026-10-15", "session": session[s]} for s in range(slots)],
        "tables": max(per_slot) + 3,
        "participants": participants,
        "meetings": meetings,
        "objective": {"schedule": "all", "minimize_breaks": True, "fairness": 2},
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("bench/out")
    out.mkdir(parents=True, exist_ok=True)
    for name, recipe in PLANTED.items():
        instance = planted(*recipe)
        (out / f"{name}.json").write_text(json.dumps(instance, indent=1), encoding="utf-8")
        print(
            name,
            len(instance["participants"]),
            "participants,",
            len(instance["meetings"]),
            "meetings,",
            len(instance["slots"]),
            "slots,",
            instance["tables"],
            "tables",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
