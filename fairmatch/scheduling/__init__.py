"""The meeting scheduler core: plain data in, plain data out, no web framework.

    instance = load_instance(json.load(file))   # raises InstanceError with one message per problem
    result = solve(instance, time_limit=30)
    json.dump(result.to_dict(), sys.stdout)

The `fairmatch-schedule/1` format is described in shared/formats/schedule.md."""

from fairmatch.scheduling.loading import load_instance
from fairmatch.scheduling.model import Instance, InstanceError, Meeting, Objective, Participant, Slot
from fairmatch.scheduling.result import Result
from fairmatch.scheduling.solver import DEFAULT_TIME_LIMIT, solve

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "Instance",
    "InstanceError",
    "Meeting",
    "Objective",
    "Participant",
    "Result",
    "Slot",
    "load_instance",
    "solve",
]
