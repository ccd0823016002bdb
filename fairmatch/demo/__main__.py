"""`python -m fairmatch.demo [--seed N] [--enterprises N]`: print a demo fair as exchange JSON."""

import argparse
import json
import sys

from fairmatch.demo.generate import build_demo_exchange


def main(argv: list[str] | None = None) -> int:
    """Parse the options and write the document to stdout."""
    parser = argparse.ArgumentParser(prog="python -m fairmatch.demo", description=__doc__)
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--enterprises", type=int, default=300, help="how many enterprises (default 300)")
    args = parser.parse_args(argv)
    if args.enterprises < 0:
        parser.error("--enterprises must not be negative")
    document = build_demo_exchange(seed=args.seed, enterprises=args.enterprises)
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
