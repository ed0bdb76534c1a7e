"""Speed and memory figures for landscape, as ratios measured in one run (machines are noisy).

Prints: interpreter start-up vs `landscape --version` vs a full `models --json` run; in-process
catalog load of the bundled data and of a synthetic 5,000-model dataset; and the baseline of
reading the same records from a JSON dump (what `jq` over a dump starts from).
Never a pass/fail: run `python benchmarks/bench_cli.py [--quick]` and read the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_runs(cmd: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time (s) and peak RSS (MiB) of a command run `repeat` times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), rss


def in_process(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic(path: Path, n: int) -> None:
    org = '[[organizations]]\nid = "o"\nname = "O"\ncountry = "US"\nsources = ["https://e.org"]\n'
    lic = '[[licenses]]\nid = "l"\nname = "L"\nosi_approved = true\nsources = ["https://e.org/l"]\n'
    open_terms = 'access = "open-unrestricted"\nlicense = "l"\n'
    closed_terms = 'access = "api"\n'
    rows = [
        f'[[models]]\nid = "m{i}"\nname = "Model {i}"\norganization = "o"\nrelease_date = "20{15 + i % 11}-0{1 + i % 9}"\n'
        + (open_terms if i % 2 else closed_terms)
        + f'params_b = {1 + i % 700}\ncontext_length = {2048 * (1 + i % 8)}\nmodalities = ["text"]\nsources = ["https://e.org/{i}"]\n'
        for i in range(n)
    ]
    path.write_text(org + lic + "".join(rows), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats (CI)")
    args = parser.parse_args()
    repeat = 3 if args.quick else 10
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("LANDSCAPE_DATA", None)
    py = sys.executable

    from openai_landscape.catalog import load

    base, _ = timed_runs([py, "-c", "pass"], repeat, env)
    version, _ = timed_runs([py, "-m", "openai_landscape", "--version"], repeat, env)
    full, rss = timed_runs([py, "-m", "openai_landscape", "models", "--json"], repeat, env)
    table, _ = timed_runs([py, "-m", "openai_landscape", "models", "--open-weights"], repeat, env)

    catalog = load()
    n_bundled = len(catalog.models) + len(catalog.events) + len(catalog.organizations)
    t_bundled = in_process(load, repeat)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "models.json"
        dump.write_text(json.dumps([m.model_dump(mode="json") for m in catalog.models.values()]))
        t_json = in_process(lambda: json.loads(dump.read_text()), repeat)
        big = Path(tmp) / "big.toml"
        synthetic(big, 5000)
        t_big = in_process(lambda: load([big], bundled=False), max(1, repeat // 3))

    print(f"python start-up                       {base * 1000:8.1f} ms")
    print(f"landscape --version                   {version * 1000:8.1f} ms   ({version / base:.1f}x start-up)")
    print(f"landscape models --json (bundled)     {full * 1000:8.1f} ms   ({full / base:.1f}x start-up)")
    print(f"landscape models --open-weights table {table * 1000:8.1f} ms   ({table / full:.2f}x the JSON run)")
    print(f"peak RSS of the CLI runs              {rss:8.1f} MiB")
    print(f"load bundled catalog in-process       {t_bundled * 1000:8.1f} ms   ({n_bundled} records, {t_bundled / n_bundled * 1e6:.0f} us/record)")
    print(f"json.loads of the same models (dump)  {t_json * 1000:8.1f} ms   (load is {t_bundled / t_json:.0f}x a bare JSON parse)")
    print(f"load 5,000 synthetic models           {t_big * 1000:8.1f} ms   ({t_big / 5000 * 1e6:.0f} us/model; {t_big / t_bundled:.1f}x bundled)")


if __name__ == "__main__":
    main()
