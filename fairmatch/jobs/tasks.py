"""The queue's own upkeep: jobs whose run died are run again, old generated files are pruned."""

from fairmatch.jobs import files, runner
from fairmatch.jobs.registry import periodic


@periodic("recover-jobs", 30)
def recover_jobs() -> int:
    return runner.recover()


@periodic("prune-files", 3600)
def prune_files() -> int:
    return files.prune()
