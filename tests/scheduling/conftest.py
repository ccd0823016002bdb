"""Factories for scheduling instances: each test states only what matters to it."""

import copy
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def reference_instance():
    """A copy of one of the reference instances kept in tests/scheduling/data."""

    def load(name: str) -> dict:
        return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def make_instance():
    """An instance as raw JSON data: two participants and one meeting in a morning of three slots,
    with `overrides` replacing whole top-level fields."""

    def make(**overrides) -> dict:
        instance = {
            "format": "fairmatch-schedule/1",
            "name": "test",
            "slots": [
                {"id": "s1", "day": "d1", "session": "am"},
                {"id": "s2", "day": "d1", "session": "am"},
                {"id": "s3", "day": "d1", "session": "am"},
            ],
            "tables": 5,
            "participants": [{"id": "E1", "forbidden_slots": []}, {"id": "B1", "forbidden_slots": []}],
            "meetings": [{"id": "M1", "participants": ["E1", "B1"], "needs_table": True, "priority": 1}],
            "objective": {"schedule": "max", "minimize_breaks": False, "fairness": None},
        }
        instance.update(copy.deepcopy(overrides))
        return instance

    return make
