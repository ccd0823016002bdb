"""`python -m fairmatch.scheduling solve INSTANCE.json [--time-limit SECONDS]`: the result JSON on
stdout (exit 0), or one problem per line on stderr (exit 1) when the instance cannot be read."""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from fairmatch.scheduling import load_instance, solve
from fairmatch.scheduling.model import InstanceError
from fairmatch.scheduling.solver import DEFAULT_TIME_LIMIT

# Writing the result and leaving (see __main__.py) take this long at most on the reference machine.
OUTPUT_SECONDS = 0.1
_IMPORTED_AT = time.monotonic()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = _parser().parse_args(argv)
    try:
        data = json.loads(Path(arguments.instance).read_text(encoding="utf-8"))
    except OSError as error:
        return _fail([f"{arguments.instance}: cannot read the file ({error.strerror or error})"])
    except UnicodeDecodeError:
        return _fail([f"{arguments.instance}: not UTF-8 text"])
    except json.JSONDecodeError as error:
        return _fail([f"$: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"])
    try:
        instance = load_instance(data)
    except InstanceError as error:
        return _fail(error.problems)
    result = solve(instance, arguments.time_limit, spent=_seconds_since_start() + OUTPUT_SECONDS)
    sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fairmatch.scheduling", description="Schedule B2B meetings.")
    commands = parser.add_subparsers(dest="command", required=True)
    solve_command = commands.add_parser("solve", help="solve a fairmatch-schedule/1 instance")
    solve_command.add_argument("instance", help="path of the instance JSON file")
    solve_command.add_argument(
        "--time-limit",
        type=_positive_seconds,
        default=DEFAULT_TIME_LIMIT,
        help=f"seconds to spend at most, start-up included (default {DEFAULT_TIME_LIMIT:g})",
    )
    return parser


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text}")
    return value


def _seconds_since_start() -> float:
    """Wall-clock seconds since this process started, so that loading Python and the solvers
    (about half a second) counts against the time limit; read from /proc on Linux, else counted
    from the import of this module."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat, open("/proc/uptime", encoding="ascii") as uptime:
            started_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            return max(0.0, float(uptime.read().split()[0]) - started_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def _fail(problems: list[str]) -> int:
    sys.stderr.write("".join(f"{problem}\n" for problem in problems))
    return 1
