"""Draw the random sample of records an audit checks, reproducibly from a seed.

Usage: python docs/audit_sample.py SEED N [--data DIR]

Records are drawn uniformly from every record of every type (models,
organisations, events, licences, scores, software, benchmarks), so each type is
sampled in proportion to its size. The same seed over the same data always gives the same sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import tomli

TYPES = ("models", "organizations", "events", "licenses", "scores", "software", "benchmarks")


def records(data: Path) -> list[tuple[str, str, str]]:
    """(type, id, file) for every record, in a stable order."""
    out = []
    for path in sorted(data.rglob("*.toml")):
        doc = tomli.loads(path.read_text(encoding="utf-8"))
        for kind in TYPES:
            for rec in doc.get(kind, []):
                out.append((kind, rec["id"], str(path.relative_to(data.parent))))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("n", type=int)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    args = parser.parse_args(argv)
    population = records(args.data)
    for kind, rid, path in random.Random(args.seed).sample(population, args.n):
        print(f"{kind}\t{rid}\t{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
