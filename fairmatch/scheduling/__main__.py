"""`python -m fairmatch.scheduling`: see cli.py."""

import os
import sys

from fairmatch.scheduling.cli import main

if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip the interpreter's teardown: unloading OR-Tools and pandas takes about half a second,
    # which would count against the time limit the caller asked for.
    os._exit(code)
