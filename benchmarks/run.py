"""Measure kamgen's start-up, validate and build times, peak memory, parallel and no-op builds.

Usage, from the checkout with kamgen installed::

    python benchmarks/run.py                    # everything, writes docs/benchmarks.md
    python benchmarks/run.py --quick --print    # small sizes, prints instead of writing

Every measurement runs kamgen as a child process (``python -m kamgen``) and
reads the child's wall-clock time and peak resident memory (``ru_maxrss``
from ``os.wait4``, which includes the child's worker processes). Runs on
Linux and macOS; Windows lacks ``os.wait4``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import load_example, portfolio_with_customers, write_repository, write_yaml  # noqa: E402

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = REPOSITORY_ROOT / "docs" / "benchmarks.md"

CUSTOMER_COUNTS = (100, 1_000, 10_000)
REPOSITORY_INPUTS = 200
REPOSITORY_ROUNDS = 4  # the repository is built in this many shards, alternating --jobs 1 and --jobs 2
STARTUP_REPEATS = 15

# The targets the benchmarks are judged against.
HELP_MAX_RATIO = 1.5  # kamgen --help against python -c "import click"
NO_OP_MAX_SHARE = 0.05  # no-op rebuild against the full build
JOBS_MIN_SPEEDUP = 1.7  # --jobs 2 against --jobs 1, on at least two cores
SCALE_MAX_RATIO = 12.0  # build time for 10,000 customers against 1,000
PEAK_MEMORY_MAX_MB = 500.0  # build of 10,000 customers
# A load average above this many runnable processes per core means other work competed for the CPU.
BUSY_LOAD_PER_CORE = 0.5


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the child and its worker processes
    peak_mb: float
    exit_code: int
    other_cpu_seconds: float | None = None  # CPU time other processes used meanwhile (Linux only)


def machine_busy_seconds() -> float | None:
    """Return the CPU time all processes used since boot, from /proc/stat, or None where it does not exist."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()
    except OSError:
        return None
    # user, nice, system, (idle), (iowait), irq, softirq, steal
    busy_ticks = sum(int(fields[index]) for index in (1, 2, 3, 6, 7, 8))
    return busy_ticks / os.sysconf("SC_CLK_TCK")


def add_runs(runs: list[Run]) -> Run:
    others = [run.other_cpu_seconds for run in runs]
    return Run(
        sum(run.seconds for run in runs), sum(run.cpu_seconds for run in runs), max(run.peak_mb for run in runs),
        max(run.exit_code for run in runs), None if None in others else sum(others),
    )


def run_child(arguments: list[str], cwd: Path | None = None) -> Run:
    """Run a command, wait for it with os.wait4, and return its time, peak memory and exit code."""
    environment = dict(os.environ)
    for name in ("KAMGEN_LANG", "SOURCE_DATE_EPOCH"):
        environment.pop(name, None)
    with tempfile.TemporaryFile() as errors:
        busy_before = machine_busy_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(arguments, cwd=cwd, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        busy_after = machine_busy_seconds()
        # Tell Popen the child is gone, so it does not try to reap it again.
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(arguments)} exited with {process.returncode}:\n{errors.read().decode(errors='replace')}")
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    cpu_seconds = usage.ru_utime + usage.ru_stime
    other = None if busy_before is None or busy_after is None else max(0.0, busy_after - busy_before - cpu_seconds)
    return Run(seconds, cpu_seconds, usage.ru_maxrss / divisor, process.returncode, other)


def kamgen(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "kamgen", *arguments]


def median_run(arguments: list[str], repeats: int, cwd: Path | None = None) -> Run:
    runs = [run_child(arguments, cwd) for _ in range(repeats)]
    return Run(
        statistics.median(run.seconds for run in runs), statistics.median(run.cpu_seconds for run in runs),
        max(run.peak_mb for run in runs), runs[-1].exit_code,
    )


def machine_description() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    from kamgen import __version__

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "CPU": cpu,
        "cores usable": str(usable),
        "memory": memory or "unknown",
        "system": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "kamgen": __version__,
        "date": dt.date.today().isoformat(),
        "load average at start (1 min)": f"{load:.2f}" if load is not None else "unknown",
    }


def measure(work: Path, counts: tuple[int, ...], repository_inputs: int, log) -> dict:
    results: dict = {"machine": machine_description()}

    # The console script is what people run. It is taken from the interpreter's own bin folder, because a
    # version-manager shim on the PATH (pyenv) would add its own start-up time. Without it, -m is used.
    script = shutil.which("kamgen", path=str(Path(sys.executable).parent))
    help_command = [script, "--help"] if script else kamgen("--help")
    results["help_command"] = "kamgen --help" if script else "python -m kamgen --help"
    log(f"start-up: {results['help_command']} against python -c 'import click'")
    results["import_click"] = median_run([sys.executable, "-c", "import click"], STARTUP_REPEATS)
    results["help"] = median_run(help_command, STARTUP_REPEATS)

    example = load_example()
    results["sizes"] = {}
    for count in counts:
        source = write_yaml(work / f"portfolio-{count}.yaml", portfolio_with_customers(example, count))
        log(f"{count} customers: validate")
        validate = run_child(kamgen("validate", str(source)))
        log(f"{count} customers: build")
        build = run_child(kamgen("build", "--force", "-q", str(source), "-o", str(work / f"out-{count}")))
        results["sizes"][count] = (validate, build)

    repository = work / "repository"
    write_repository(repository, repository_inputs)
    # Alternating --jobs 1 and --jobs 2 shard by shard exposes both to the same background load.
    serial, parallel = [], []
    for shard in range(1, REPOSITORY_ROUNDS + 1):
        part = f"{shard}/{REPOSITORY_ROUNDS}"
        log(f"repository of {repository_inputs} inputs, shard {part}: build with --jobs 1, then --jobs 2")
        serial.append(run_child(kamgen("build", "-q", "--jobs", "1", "--shard", part, str(repository), "-o", str(work / "repo-out-1"))))
        parallel.append(run_child(kamgen("build", "-q", "--jobs", "2", "--shard", part, str(repository), "-o", str(work / "repo-out-2"))))
    results["jobs1"], results["jobs2"] = add_runs(serial), add_runs(parallel)
    log("repository: no-op rebuild")
    results["noop"] = run_child(kamgen("build", "-q", str(repository), "-o", str(work / "repo-out-1")))
    results["repository_inputs"] = repository_inputs
    if hasattr(os, "getloadavg"):
        results["machine"]["load average at end (1 min)"] = f"{os.getloadavg()[0]:.2f}"
    return results


def other(run: Run) -> str:
    return "n/a" if run.other_cpu_seconds is None else f"{run.other_cpu_seconds:.1f}"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "not judged"}[met]


def report(results: dict) -> str:
    machine = results["machine"]
    sizes = results["sizes"]
    lines = [
        "# Benchmarks",
        "",
        "Measured with `python benchmarks/run.py`, which generates the inputs with",
        "`benchmarks/generate.py` (the example portfolio's criteria with N synthetic",
        "customers, YAML) and runs every command as a child process. Times are",
        "wall-clock seconds, with the CPU seconds (user + system, including worker",
        "processes) beside them because other work on the machine stretches wall-clock",
        "time but hardly CPU time; memory is the child's peak resident set",
        "(`ru_maxrss`, including worker processes). One run per figure, except",
        f"start-up (median of {STARTUP_REPEATS}). Numbers from another machine will differ.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
    ]
    lines += [f"| {name} | {value} |" for name, value in machine.items()]
    # The load at the end includes the benchmark's own processes; the load at the start does not.
    start_load = machine.get("load average at start (1 min)", "unknown")
    if start_load != "unknown" and float(start_load) > BUSY_LOAD_PER_CORE * int(machine["cores usable"] or 1):
        lines += [
            "",
            f"Other work was running on the machine when this run started (load average {start_load} on",
            f"{machine['cores usable']} cores). It stretches wall-clock times, and the `--jobs 2` figure most,",
            "because kamgen's two workers then share the cores with it; CPU seconds are less affected.",
        ]

    help_ratio = results["help"].seconds / results["import_click"].seconds
    lines += [
        "",
        "## Start-up",
        "",
        "| command | seconds | CPU s |",
        "| --- | ---: | ---: |",
        f"| `python -c \"import click\"` | {results['import_click'].seconds:.3f} | {results['import_click'].cpu_seconds:.3f} |",
        f"| `{results['help_command']}` | {results['help'].seconds:.3f} | {results['help'].cpu_seconds:.3f} |",
        "",
        f"Ratio {help_ratio:.2f} (target ≤ {HELP_MAX_RATIO}): {verdict(help_ratio <= HELP_MAX_RATIO)}.",
        "",
        "## One portfolio",
        "",
        "| customers | validate s | validate CPU s | validate peak MB | build s | build CPU s | build peak MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for count, (validate, build) in sizes.items():
        lines.append(
            f"| {count:,} | {validate.seconds:.2f} | {validate.cpu_seconds:.2f} | {validate.peak_mb:.0f} "
            f"| {build.seconds:.2f} | {build.cpu_seconds:.2f} | {build.peak_mb:.0f} |"
        )

    scale_ratio = None
    if 1_000 in sizes and 10_000 in sizes:
        scale_ratio = sizes[10_000][1].seconds / sizes[1_000][1].seconds
        peak = sizes[10_000][1].peak_mb
        lines += [
            "",
            f"Build time from 1,000 to 10,000 customers: ×{scale_ratio:.1f} (target ≤ ×{SCALE_MAX_RATIO:.0f}): "
            f"{verdict(scale_ratio <= SCALE_MAX_RATIO)}.",
            f"Peak memory for 10,000 customers: {peak:.0f} MB (target < {PEAK_MEMORY_MAX_MB:.0f} MB): "
            f"{verdict(peak < PEAK_MEMORY_MAX_MB)}. Validating the same file peaks at "
            f"{sizes[10_000][0].peak_mb:.0f} MB, so computing and rendering add the rest.",
        ]

    jobs1, jobs2, noop = results["jobs1"], results["jobs2"], results["noop"]
    speedup = jobs1.seconds / jobs2.seconds
    cores = int(machine["cores usable"] or 1)
    noop_share = noop.seconds / jobs1.seconds
    lines += [
        "",
        f"## A repository of {results['repository_inputs']} inputs",
        "",
        "Each input is a portfolio of the example's size with its own organisation, in",
        f"subfolders of 20. The full builds run as {REPOSITORY_ROUNDS} shards (`--shard k/{REPOSITORY_ROUNDS}`), each",
        "built with `--jobs 1` and then with `--jobs 2`, and the shard times are added up;",
        "alternating this way exposes both to the same background load. \"Other CPU s\" is",
        "the CPU time the rest of the machine used meanwhile (from /proc/stat).",
        "",
        "| build | seconds | CPU s | other CPU s | peak MB |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| full, `--jobs 1` | {jobs1.seconds:.1f} | {jobs1.cpu_seconds:.1f} | {other(jobs1)} | {jobs1.peak_mb:.0f} |",
        f"| full, `--jobs 2` | {jobs2.seconds:.1f} | {jobs2.cpu_seconds:.1f} | {other(jobs2)} | {jobs2.peak_mb:.0f} |",
        f"| no-op rebuild | {noop.seconds:.2f} | {noop.cpu_seconds:.2f} | {other(noop)} | {noop.peak_mb:.0f} |",
        "",
        f"`--jobs 2` is ×{speedup:.2f} faster than `--jobs 1` (target ≥ ×{JOBS_MIN_SPEEDUP} on two cores): "
        f"{verdict(speedup >= JOBS_MIN_SPEEDUP if cores >= 2 else None)}.",
        f"The no-op rebuild takes {noop_share:.1%} of the full build (target < {NO_OP_MAX_SHARE:.0%}): "
        f"{verdict(noop_share < NO_OP_MAX_SHARE)}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure kamgen and write docs/benchmarks.md.")
    parser.add_argument("--quick", action="store_true", help="use 10, 100 and 1,000 customers and 20 inputs, to try the script out")
    parser.add_argument("--print", dest="print_only", action="store_true", help="print the report instead of writing it")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_REPORT, help="where to write the report (default: docs/benchmarks.md)")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the generated inputs and outputs, kept afterwards")
    arguments = parser.parse_args(argv)

    counts = (10, 100, 1_000) if arguments.quick else CUSTOMER_COUNTS
    inputs = 20 if arguments.quick else REPOSITORY_INPUTS

    def log(message: str) -> None:
        print(f"benchmarks: {message}", file=sys.stderr, flush=True)

    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
        results = measure(arguments.keep, counts, inputs, log)
    else:
        with tempfile.TemporaryDirectory(prefix="kamgen-benchmarks-") as work:
            results = measure(Path(work), counts, inputs, log)

    text = report(results)
    if arguments.print_only:
        print(text)
    else:
        arguments.output.write_text(text, encoding="utf-8")
        log(f"written {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
