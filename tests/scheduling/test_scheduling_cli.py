"""`python -m fairmatch.scheduling solve`: JSON on stdout for a good instance, readable problems
on stderr for a bad one, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

from schedule_rules import violations

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fairmatch.scheduling", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_good_instance_prints_only_the_result_json_and_exits_0():
    run = run_cli("solve", str(DATA / "tiny-20.json"), "--time-limit", "5")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["format"] == "fairmatch-schedule-result/1"
    assert result["stats"]["total_priority"] == 30
    instance = json.loads((DATA / "tiny-20.json").read_text(encoding="utf-8"))
    assert violations(instance, result) == []


def test_a_malformed_instance_exits_1_with_one_path_prefixed_problem_per_line(tmp_path, make_instance):
    data = make_instance(tables="many", meetings=[{"id": "M1", "participants": ["E1", "E999"], "priority": -1}])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    run = run_cli("solve", str(path))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        'tables: expected a whole number of at least 0, got "many"',
        "meetings[0].participants[1]: unknown participant E999",
        "meetings[0].priority: expected a whole number of at least 1, got -1",
    ]


def test_a_file_that_is_not_json_exits_1_without_a_traceback(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', encoding="utf-8")
    run = run_cli("solve", str(path))
    assert run.returncode == 1
    assert run.stderr.startswith("$: not valid JSON (line 1")
    assert "Traceback" not in run.stderr


def test_a_missing_file_exits_1_without_a_traceback(tmp_path):
    run = run_cli("solve", str(tmp_path / "nowhere.json"))
    assert run.returncode == 1
    assert "cannot read the file" in run.stderr
    assert "Traceback" not in run.stderr
