"""Speed and memory of landscape as ratios measured in one run (the machines are shared and
noisy, so only ratios taken side by side mean anything). Prints every figure and each target.

    python benchmarks/bench_cli.py            # full: 7 runs each, 1,000 / 10,000 / 100,000 models
    python benchmarks/bench_cli.py --quick    # CI: fewer runs, figures only

Whole processes are timed (warm-up first, then A/B alternated, medians), peak RSS read from
each child's rusage. `jq` comes from Debian: `apt-get install -y jq` (rows needing it are
skipped, and say so, without it). Never a pass/fail: a ratio over target is marked, not fatal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

PY = sys.executable
LANDSCAPE = [PY, "-m", "openai_landscape"]
FLOOR = [PY, "-c", "import typer, pydantic"]


def run_once(cmd: list[str], env: dict[str, str], stdin_path: str | None = None) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB) of one run."""
    elapsed, rss, _ = run_cpu(cmd, env)
    return elapsed, rss


def run_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall time (s), peak RSS (MiB) and CPU time (s, user + system, with any helper process
    the run forked and reaped) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def compare(cmds: dict[str, list[str]], env: dict[str, str], repeat: int, before: dict[str, object] | None = None) -> dict[str, tuple[float, float]]:
    """Median time and max RSS per command, runs alternated A, B, C, A, B, C ... after a warm-up."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, float] = dict.fromkeys(cmds, 0.0)
    for cmd in cmds.values():
        run_once(cmd, env)
    for _ in range(repeat):
        for name, cmd in cmds.items():
            if before and name in before:
                before[name]()  # type: ignore[operator]
            t, r = run_once(cmd, env)
            times[name].append(t)
            rss[name] = max(rss[name], r)
    return {k: (statistics.median(v), rss[k]) for k, v in times.items()}


def line(label: str, value: float, floor_name: str, ratio: float, target: float | None) -> str:
    mark = "" if target is None else ("  ok" if ratio <= target else "  OVER TARGET")
    tgt = "" if target is None else f"  (target <= {target:g}x)"
    return f"  {label:<52} {value * 1000:9.1f} ms  {ratio:5.2f}x {floor_name}{tgt}{mark}"


def bundled(env: dict[str, str], repeat: int) -> None:
    print("Bundled dataset (warm cache)")
    cmds = {
        "floor": FLOOR,
        "json": [*LANDSCAPE, "models", "--open-weights", "--json"],
        "table": [*LANDSCAPE, "models"],
        "show": [*LANDSCAPE, "show", "llama-2-70b"],
        "compare": [*LANDSCAPE, "compare", "llama-2-70b", "mixtral-8x7b"],
        "version": [*LANDSCAPE, "--version"],
    }
    r = compare(cmds, env, repeat)
    floor = r["floor"][0]
    label = 'python -c "import typer, pydantic" (the floor)'
    print(f"  {label:<52} {floor * 1000:9.1f} ms")
    targets = {"json": 1.3, "table": 1.6, "show": 1.5, "compare": 1.5, "version": None}
    labels = {
        "json": "models --open-weights --json",
        "table": "models (table)",
        "show": "show llama-2-70b",
        "compare": "compare llama-2-70b mixtral-8x7b",
        "version": "--version",
    }
    for k, target in targets.items():
        print(line(labels[k], r[k][0], "floor", r[k][0] / floor, target))
    print(f"  peak RSS, models --open-weights --json: {r['json'][1]:.1f} MiB")


def dataset(n: int, root: Path) -> tuple[Path, Path]:
    """The synthetic TOML dataset and the same models as one JSON file (what jq reads)."""
    data = root / f"synth-{n}"
    generate(n, data)
    dump = root / f"synth-{n}.json"
    env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache-dump")}
    with open(dump, "w") as handle:
        subprocess.run([*LANDSCAPE, "models", "--json", "--no-bundled", "--data", str(data)], stdout=handle, env=env, check=True)
    return data, dump


def scale(env: dict[str, str], repeat: int, sizes: list[int], root: Path) -> None:
    jq = shutil.which("jq")
    rows = []
    for n in sizes:
        data, dump = dataset(n, root)
        files = sorted(str(p) for p in data.rglob("*.toml"))
        listing = root / f"files-{n}.txt"
        listing.write_text("\n".join(files))
        parse = [PY, "-c", f"import typer, pydantic, tomli; [tomli.loads(open(p).read()) for p in open({str(listing)!r}).read().split()]"]
        warm_env = {**env, "XDG_CACHE_HOME": str(root / f"cache-{n}")}
        cold_dir = root / f"cold-{n}"
        cold_env = {**env, "XDG_CACHE_HOME": str(cold_dir)}
        query = ["models", "--open-weights", "--json", "--no-bundled", "--data", str(data)]
        cmds = {"floor+parse": parse, "warm": [*LANDSCAPE, *query]}
        if jq:
            cmds["jq"] = [jq, "-c", "[.[] | select(.open_weights)]", str(dump)]
        reps = repeat if n <= 10_000 else max(1, repeat // 3)
        r = compare(cmds, warm_env, reps)
        cold_times, cold_rss, cold_cpu, serial_times = [], 0.0, [], []
        serial_env = {**cold_env, "LANDSCAPE_SERIAL": "1"}
        for _ in range(max(1, reps // 2 if n > 10_000 else reps)):
            shutil.rmtree(cold_dir, ignore_errors=True)
            t, m, c = run_cpu([*LANDSCAPE, *query], cold_env)
            cold_times.append(t)
            cold_cpu.append(c)
            cold_rss = max(cold_rss, m)
            if n <= 10_000:  # the same cold run without the helper process (docs/performance.md)
                shutil.rmtree(cold_dir, ignore_errors=True)
                serial_times.append(run_once([*LANDSCAPE, *query], serial_env)[0])
        cold = statistics.median(cold_times)
        r["cold cpu"] = (statistics.median(cold_cpu), 0.0)
        if serial_times:
            r["cold serial"] = (statistics.median(serial_times), 0.0)
        rows.append((n, r, cold, cold_rss))
    print("Synthetic datasets (--data DIR --no-bundled), models --open-weights --json")
    print(f"  {'models':>8} {'warm':>9} {'warm RSS':>9} {'cold':>9} {'cold CPU':>9} {'cold RSS':>9} {'jq':>9} {'warm/jq':>8} {'cold/(floor+parse)':>19}")
    for n, r, cold, cold_rss in rows:
        jq_t = r["jq"][0] if "jq" in r else None
        warm_jq = f"{r['warm'][0] / jq_t:8.2f}" if jq_t else "   (no jq)"
        jq_s = f"{jq_t * 1000:7.0f}ms" if jq_t else "      -"
        print(
            f"  {n:>8,} {r['warm'][0] * 1000:7.0f}ms {r['warm'][1]:7.0f}Mi {cold * 1000:7.0f}ms {r['cold cpu'][0] * 1000:7.0f}ms {cold_rss:7.0f}Mi "
            f"{jq_s:>9} {warm_jq} {cold / r['floor+parse'][0]:19.2f}"
        )
    for n, r, cold, _ in rows:
        if n == 10_000:
            if "jq" in r:
                ratio = r["warm"][0] / r["jq"][0]
                print(f"  10,000 warm vs jq: {ratio:.2f}x (target <= 0.5x, no worse than 1.0x){'  ok' if ratio <= 0.5 else '  OVER TARGET'}")
            ratio = cold / r["floor+parse"][0]
            print(f"  10,000 cold vs floor + bare tomli parse: {ratio:.2f}x (target <= 1.15x){'  ok' if ratio <= 1.15 else '  OVER TARGET'}")
            if "cold serial" in r:
                print(f"  10,000 cold without the helper process (LANDSCAPE_SERIAL=1): {r['cold serial'][0] / r['floor+parse'][0]:.2f}x")
        if n == 100_000:
            ok = r["warm"][0] < 1.0 and r["warm"][1] < 500
            print(f"  100,000 warm: {r['warm'][0]:.2f} s, peak RSS {r['warm'][1]:.0f} MiB (targets < 1 s, < 500 MB){'  ok' if ok else '  OVER TARGET'}")
    if len(rows) >= 2:
        (n0, r0, c0, _), (n1, r1, c1, _) = rows[0], rows[-1]
        factor = n1 / n0
        print(
            f"  growth {n0:,} -> {n1:,} models ({factor:.0f}x): warm time {r1['warm'][0] / r0['warm'][0]:.1f}x, "
            f"warm RSS {r1['warm'][1] / r0['warm'][1]:.1f}x, cold time {c1 / c0:.1f}x (linear would be at most {factor:.0f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (CI)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic dataset sizes")
    args = parser.parse_args()
    repeat = 5 if args.quick else 7  # medians of 3 swung by 0.2x on this shared machine
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # Bytecode as an installed package has it (pip compiles it at install time); this machine's
        # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every run.
        env = {k: v for k, v in os.environ.items() if k not in ("LANDSCAPE_DATA", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")}
        env.update(NO_COLOR="1", COLUMNS="100", XDG_CACHE_HOME=str(root / "cache-bundled"))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
        bundled(env, repeat)
        scale(env, repeat, sizes, root)


if __name__ == "__main__":
    main()
