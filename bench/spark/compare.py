"""Compare cassalytics with PySpark and the Spark Cassandra Connector on the same four questions.

Usage (bench/spark/run.sh installs the venv first and is the usual entry point):

    bench/.venv/bin/python bench/spark/compare.py --scale 1m [--runs 3] [--warm-runs 5]

Steps, in order:
 1. Build cassalytics (by default from a snapshot of git HEAD, so edits in the work tree during a
    run change nothing) and load the scale's events into keyspace bench_<scale> unless it already
    contains them.
 2. Start one long-lived process per side and run each question once. Both results must be equal
    (same columns, same rows in the same order, numbers equal to 1e-9 relative) before anything
    is timed. These first results are also the warm-up and are not reported.
 3. Warm runs: the same processes run each question again, Spark and cassalytics in turn
    (A B A B ...). This is the time without process start-up.
 4. Cold runs: a new process per question run, again in turn, timed from process start to the result.
 5. Write bench/spark/results/<scale>-<spark read strategy>.json, then rebuild the section of
    docs/benchmarks.md and the plot from every results file present, so runs at different scales
    add up.

Every result of every run is checked against the reference result of step 2. The peak RSS of a
process tree is the sum of each process's VmHWM (Linux keeps it per process), read when the result
arrives. For warm runs the counters are reset first through /proc/PID/clear_refs. CPU seconds are
user plus system time of the tree, including exited children that a tree process has waited for.
Linux only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import queue
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SPARK_DIR = Path(__file__).resolve().parent
BENCH_DIR = SPARK_DIR.parent
REPO_ROOT = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / ".work"
RESULTS_DIR = SPARK_DIR / "results"
DOCS_FILE = REPO_ROOT / "docs" / "benchmarks.md"
PLOT_FILE = REPO_ROOT / "docs" / "benchmarks-spark-vs-cassalytics.png"
VENV_PYTHON = BENCH_DIR / ".venv" / "bin" / "python"
JARS_DIR = WORK_DIR / "spark-jars"
DEFAULT_JAVA17_HOME = Path("/usr/lib/jvm/java-17-openjdk-amd64")

MESSAGE_PREFIX = "@@bench "
SIDES = ("spark", "cassalytics")
SIDE_LABELS = {"spark": "PySpark + connector", "cassalytics": "cassalytics"}
CASSANDRA_WAIT_SECONDS = 300
EXIT_WAIT_SECONDS = 120

sys.path.insert(0, str(SPARK_DIR))
from docs_section import write_docs_section  # noqa: E402


class BenchmarkError(Exception):
    """A run failed, a side returned a wrong result, or a prerequisite is missing. The message names which."""


# ---------------------------------------------------------------------------------------------
# Process-tree measurements
# ---------------------------------------------------------------------------------------------


def process_tree(root_pid: int) -> list[psutil.Process]:
    root = psutil.Process(root_pid)
    return [root, *root.children(recursive=True)]


def peak_rss_bytes(processes: list[psutil.Process]) -> int:
    """Return the sum of VmHWM over the processes. A process that exited meanwhile counts 0."""
    total = 0
    for process in processes:
        try:
            with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1]) * 1024
                        break
        except FileNotFoundError:
            pass
    return total


def reset_peak_rss(processes: list[psutil.Process]) -> None:
    # Writing 5 to clear_refs sets VmHWM back to the current RSS (Linux 4.0 and later).
    for process in processes:
        try:
            with open(f"/proc/{process.pid}/clear_refs", "w", encoding="ascii") as clear_refs:
                clear_refs.write("5")
        except FileNotFoundError:
            pass


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def find_cassandra() -> psutil.Process | None:
    for process in psutil.process_iter(["cmdline"]):
        if any("org.apache.cassandra.service.CassandraDaemon" in part for part in process.info["cmdline"] or []):
            return process
    return None


def cassandra_cpu_seconds(process: psutil.Process | None) -> float | None:
    if process is None:
        return None
    try:
        times = process.cpu_times()
    except psutil.NoSuchProcess:
        return None
    return times.user + times.system


def cassandra_reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def wait_for_cassandra(host: str, port: int, seconds: float = CASSANDRA_WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    warned = False
    while not cassandra_reachable(host, port):
        if time.monotonic() > deadline:
            raise BenchmarkError(f"Cassandra at {host}:{port} did not accept connections for {seconds:.0f} s. Start it with npm run cassandra:start.")
        if not warned:
            log(f"Cassandra at {host}:{port} does not accept connections, waiting up to {seconds:.0f} s")
            warned = True
        time.sleep(2)


# ---------------------------------------------------------------------------------------------
# Runner processes
# ---------------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{dt.datetime.now().strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class RunnerProcess:
    """A spark_runner.py or cassalytics-runner.mjs process and its @@bench message stream."""

    def __init__(self, command: list[str], env: dict[str, str], log_path: Path):
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_file = open(log_path, "a", encoding="utf-8")
        self.log_file.write(f"\n--- {dt.datetime.now().isoformat()} {shlex.join(command)}\n")
        self.log_file.flush()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log_file,
            text=True,
            bufsize=1,
        )
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=self._read_stdout, daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(MESSAGE_PREFIX):
                self.messages.put(json.loads(line[len(MESSAGE_PREFIX):]))
            else:
                # The JVM shares stdout with the Python driver; keep its lines in the log.
                self.log_file.write(line)
        self.messages.put(None)

    def read_message(self, timeout: float) -> dict:
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise BenchmarkError(f"{self.process.args[1]} timed out: no result within {timeout:.0f} s (log: {self.log_file.name})") from None
        if message is None:
            code = self.process.wait()
            raise BenchmarkError(f"{self.process.args[1]} exited with code {code} before sending a result (log: {self.log_file.name})")
        if message["type"] == "error":
            raise BenchmarkError(f"{self.process.args[1]} failed: {message['message']} (log: {self.log_file.name})")
        return message

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.close()
                self.process.wait(timeout=EXIT_WAIT_SECONDS)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.log_file.close()


@dataclass
class Sides:
    """The command lines and environment that start each side's runner."""

    keyspace: str
    args: argparse.Namespace
    dist: Path
    env: dict[str, str] = field(default_factory=dict)

    def command(self, side: str, mode: list[str]) -> list[str]:
        if side == "spark":
            return [
                os.path.relpath(VENV_PYTHON, REPO_ROOT), "bench/spark/spark_runner.py",
                "--keyspace", self.keyspace,
                "--cassandra", self.args.cassandra,
                "--strategy", self.args.spark_read,
                "--driver-memory", self.args.driver_memory,
                "--cores", str(self.args.spark_cores),
                *mode,
            ]
        return [
            "node", "bench/spark/cassalytics-runner.mjs",
            "--keyspace", self.keyspace,
            "--cassandra", self.args.cassandra,
            "--dist", os.path.relpath(self.dist, REPO_ROOT),
            *mode,
        ]

    def start(self, side: str, mode: list[str]) -> RunnerProcess:
        return RunnerProcess(self.command(side, mode), self.env, WORK_DIR / "logs" / f"{side}-{self.keyspace}.log")


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------


def values_equal(left, right) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return left == right
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-12)
    return left == right


def answer_difference(expected: dict, actual: dict) -> str | None:
    """Return a description of the first difference between two result messages, or None when they are equal."""
    if expected["columns"] != actual["columns"]:
        return f"columns differ: {expected['columns']} against {actual['columns']}"
    if len(expected["rows"]) != len(actual["rows"]):
        return f"row counts differ: {len(expected['rows'])} against {len(actual['rows'])}"
    for index, (left, right) in enumerate(zip(expected["rows"], actual["rows"])):
        if len(left) != len(right) or not all(values_equal(a, b) for a, b in zip(left, right)):
            return f"row {index + 1} differs: {left} against {right}"
    return None


def check_answer(reference: dict, message: dict, side: str, run_label: str) -> None:
    difference = answer_difference(reference, message)
    if difference is not None:
        raise BenchmarkError(f"{SIDE_LABELS[side]} returned a different result for {message['question']} in {run_label}: {difference}")


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------


def measure_warm(runner: RunnerProcess, question: str, cassandra: psutil.Process | None, timeout: float) -> tuple[dict, dict]:
    processes = process_tree(runner.process.pid)
    reset_peak_rss(processes)
    cpu_before = cpu_seconds(processes)
    cassandra_before = cassandra_cpu_seconds(cassandra)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    runner.send(question)
    message = runner.read_message(timeout)
    wall = time.perf_counter() - started
    processes = process_tree(runner.process.pid)
    cassandra_after = cassandra_cpu_seconds(cassandra)
    run = {
        "wall_s": wall,
        "inside_s": message["seconds"],
        "cpu_s": cpu_seconds(processes) - cpu_before,
        "peak_rss_mib": peak_rss_bytes(processes) / 2**20,
        "cassandra_cpu_s": None if cassandra_before is None or cassandra_after is None else cassandra_after - cassandra_before,
        "load1": load,
    }
    return run, message


def measure_cold(sides: Sides, side: str, question: str, cassandra: psutil.Process | None, timeout: float) -> tuple[dict, dict]:
    cassandra_before = cassandra_cpu_seconds(cassandra)
    load = os.getloadavg()[0]
    runner = sides.start(side, ["--run", question])
    try:
        message = runner.read_message(timeout)
        wall = time.perf_counter() - runner.started
        processes = process_tree(runner.process.pid)
        cpu = cpu_seconds(processes)
        peak = peak_rss_bytes(processes)
        cassandra_after = cassandra_cpu_seconds(cassandra)
    finally:
        runner.close()
    exit_wall = time.perf_counter() - runner.started
    run = {
        "wall_s": wall,
        "exit_s": exit_wall,
        "inside_s": message["seconds"],
        "cpu_s": cpu,
        "peak_rss_mib": peak / 2**20,
        "cassandra_cpu_s": None if cassandra_before is None or cassandra_after is None else cassandra_after - cassandra_before,
        "load1": load,
    }
    return run, message


def with_retries(args: argparse.Namespace, action, description: str):
    """Run action(); when it fails while Cassandra is down (another user restarting it), wait and try again."""
    for attempt in range(1, args.retries + 2):
        wait_for_cassandra(args.cassandra_host, args.cassandra_port)
        try:
            return action()
        except BenchmarkError as error:
            if attempt > args.retries or cassandra_reachable(args.cassandra_host, args.cassandra_port):
                raise
            log(f"{description} failed while Cassandra was unreachable ({error}); retrying")
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------
# Set-up steps
# ---------------------------------------------------------------------------------------------


def run_checked(command: list[str], cwd: Path = REPO_ROOT, env: dict[str, str] | None = None) -> str:
    log(f"$ {shlex.join(command)}")
    completed = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        raise BenchmarkError(f"{shlex.join(command)} failed with exit code {completed.returncode}")
    return completed.stdout


def build_cassalytics(mode: str) -> tuple[Path, dict]:
    """Compile cassalytics and return its dist directory and a description of what was built."""
    commit = run_checked(["git", "rev-parse", "HEAD"]).strip()
    changed = run_checked(["git", "status", "--porcelain", "--", "src"]).strip()
    if mode == "head":
        build_dir = WORK_DIR / "cassalytics-build" / commit[:12]
        marker = build_dir / "dist" / ".complete"
        if not marker.exists():
            if build_dir.exists():
                subprocess.run(["rm", "-rf", str(build_dir)], check=True)
            build_dir.mkdir(parents=True)
            log(f"building cassalytics {commit[:12]} from a snapshot of HEAD in {build_dir}")
            archive = subprocess.Popen(["git", "archive", "HEAD"], cwd=REPO_ROOT, stdout=subprocess.PIPE)
            subprocess.run(["tar", "-x", "-C", str(build_dir)], stdin=archive.stdout, check=True)
            if archive.wait() != 0:
                raise BenchmarkError("git archive HEAD failed")
            (build_dir / "node_modules").symlink_to(REPO_ROOT / "node_modules")
            run_checked(["npx", "tsc", "-p", "tsconfig.json"], cwd=build_dir)
            marker.touch()
        return build_dir / "dist", {"mode": "git HEAD snapshot", "commit": commit, "work_tree_src_changes": bool(changed)}
    if mode == "worktree":
        run_checked(["npm", "run", "build"])
    return REPO_ROOT / "dist", {"mode": f"work tree ({mode})", "commit": commit, "work_tree_src_changes": bool(changed)}


def load_data(args: argparse.Namespace, dist: Path) -> dict:
    output = run_checked(
        ["node", "bench/spark/load-data.mjs", "--scale", args.scale, "--cassandra", args.cassandra, "--dist", os.path.relpath(dist, REPO_ROOT)]
    )
    return json.loads(output.strip().splitlines()[-1])


def command_version(command: list[str], env: dict[str, str] | None = None) -> str:
    try:
        completed = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"
    return completed.stdout.strip().splitlines()[0] if completed.stdout.strip() else "unknown"


def describe_machine(java_home: Path, cassandra_version: str) -> dict:
    cpu_model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    os_name = platform.platform()
    if Path("/etc/os-release").exists():
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"') + f", Linux {platform.release()}"
    pyspark_version = command_version([str(VENV_PYTHON), "-c", "import pyspark; print(pyspark.__version__)"])
    pyspark_jars = Path(subprocess.run(
        [str(VENV_PYTHON), "-c", "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'jars'))"],
        stdout=subprocess.PIPE, text=True, check=True,
    ).stdout.strip())
    scala = sorted(path.name for path in pyspark_jars.glob("scala-library-*.jar"))
    connector = sorted(path.name for path in JARS_DIR.glob("spark-cassandra-connector_*.jar"))
    return {
        "cpu": cpu_model,
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": os_name,
        "java": command_version([str(java_home / "bin" / "java"), "-version"]),
        "node": command_version(["node", "--version"]),
        "python": platform.python_version(),
        "pyspark": pyspark_version,
        "scala": scala[0].removeprefix("scala-library-").removesuffix(".jar") if scala else "unknown",
        "connector": connector[0].removeprefix("spark-cassandra-connector_").removesuffix(".jar") if connector else "unknown",
        "cassandra": cassandra_version,
    }


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def summarize(runs: list[dict]) -> dict:
    summary = {}
    for key in ("wall_s", "exit_s", "inside_s", "cpu_s", "peak_rss_mib", "cassandra_cpu_s"):
        values = [run[key] for run in runs if run.get(key) is not None]
        if values:
            summary[key] = {"median": statistics.median(values), "min": min(values), "max": max(values)}
    return summary


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Compare cassalytics with PySpark and the Spark Cassandra Connector.")
    parser.add_argument("--scale", required=True, help="event count such as 100k, 1m or 5m; the keyspace is bench_<scale>")
    parser.add_argument("--runs", type=int, default=3, help="cold runs per side and question (default: %(default)s)")
    parser.add_argument("--warm-runs", type=int, default=5, help="warm runs per side and question (default: %(default)s)")
    parser.add_argument("--questions", nargs="+", help="names from bench/spark/questions.json (default: all four)")
    parser.add_argument("--cassandra", default="127.0.0.1:9042", help="Cassandra contact point as HOST:PORT (default: %(default)s)")
    parser.add_argument("--spark-read", choices=("pushdown", "direct-join"), default="pushdown", help="how Spark reads the partitions (default: %(default)s)")
    parser.add_argument("--driver-memory", default="2g", help="spark.driver.memory, the Spark JVM's heap (default: %(default)s)")
    parser.add_argument("--spark-cores", type=int, default=os.cpu_count() or 2, help="Spark local[N] threads (default: the machine's cores, %(default)s)")
    parser.add_argument("--build", choices=("head", "worktree", "none"), default="head",
                        help="compile cassalytics from a snapshot of git HEAD, from the work tree (npm run build), or use dist/ as it is (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one question may take (default: %(default)s)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a run that failed while Cassandra was down (default: %(default)s)")
    parser.add_argument("--java-home", type=Path, default=Path(os.environ.get("JAVA17_HOME", DEFAULT_JAVA17_HOME)), help="JDK 17 for Spark (default: %(default)s)")
    parser.add_argument("--no-docs", action="store_true", help="write the results file but leave docs/ unchanged")
    args = parser.parse_args()
    host, _, port = args.cassandra.rpartition(":")
    args.cassandra_host, args.cassandra_port = (host, int(port)) if host else (args.cassandra, 9042)
    if args.runs < 1 or args.warm_runs < 1:
        parser.error("--runs and --warm-runs must be at least 1")
    return args


def main() -> int:
    args = parse_arguments()
    if not VENV_PYTHON.exists() or not (JARS_DIR / ".complete").exists():
        raise BenchmarkError("bench/.venv or bench/.work/spark-jars is missing; run bench/spark/setup.sh first")
    if not (args.java_home / "bin" / "java").exists():
        raise BenchmarkError(f"no java in {args.java_home}; set --java-home or JAVA17_HOME to a JDK 17")
    all_questions = json.loads((SPARK_DIR / "questions.json").read_text(encoding="utf-8"))["questions"]
    questions = [q for q in all_questions if args.questions is None or q["name"] in args.questions]
    unknown = set(args.questions or []) - {q["name"] for q in all_questions}
    if unknown:
        raise BenchmarkError(f"unknown question(s) {', '.join(sorted(unknown))}; expected names from bench/spark/questions.json")

    started_at = dt.datetime.now(dt.timezone.utc)
    wait_for_cassandra(args.cassandra_host, args.cassandra_port)
    dist, build = build_cassalytics(args.build)
    data = load_data(args, dist)
    keyspace = data["keyspace"]
    log(f"{keyspace} holds {data['rows']:,} rows ({'loaded now' if data['loaded'] else 'already loaded'})")

    env = dict(os.environ)
    env.update({"JAVA_HOME": str(args.java_home), "SPARK_LOCAL_IP": "127.0.0.1", "TZ": "UTC", "PYSPARK_PYTHON": str(VENV_PYTHON)})
    sides = Sides(keyspace, args, dist, env)
    cassandra = find_cassandra()
    cassandra_pid = cassandra.pid if cassandra else None

    results = {q["name"]: {"title": q["title"], "params": q["params"], "spark": {"warm": [], "cold": []}, "cassalytics": {"warm": [], "cold": []}} for q in questions}
    references: dict[str, dict] = {}

    # Steps 2 and 3: long-lived processes, the result check, then warm runs in turn.
    servers: dict[str, RunnerProcess] = {}
    try:
        for side in SIDES:
            log(f"starting the {SIDE_LABELS[side]} server")
            servers[side] = sides.start(side, ["--serve"])
            servers[side].read_message(args.timeout)
        for question in questions:
            name = question["name"]
            answers = {}
            for side in SIDES:
                _, answers[side] = with_retries(args, lambda: measure_warm(servers[side], name, cassandra, args.timeout), f"{side} {name}")
            difference = answer_difference(answers["cassalytics"], answers["spark"])
            if difference is not None:
                raise BenchmarkError(f"the two sides return different results for {name}, so no time is reported: {difference}")
            if args.spark_read == "direct-join" and not answers["spark"].get("direct_join"):
                raise BenchmarkError(f"Spark planned {name} without a Cassandra Direct Join; see the executed plan in the Spark log")
            references[name] = answers["cassalytics"]
            results[name]["result_rows"] = len(answers["cassalytics"]["rows"])
            log(f"{name}: both sides return the same {len(answers['spark']['rows'])} rows")
        for question in questions:
            name = question["name"]
            for run_index in range(args.warm_runs):
                for side in SIDES:
                    run, message = with_retries(args, lambda: measure_warm(servers[side], name, cassandra, args.timeout), f"{side} {name}")
                    check_answer(references[name], message, side, f"warm run {run_index + 1}")
                    results[name][side]["warm"].append(run)
                    log(f"warm {name} {side} run {run_index + 1}: {run['wall_s']:.2f} s")
    finally:
        for server in servers.values():
            server.close()

    # Step 4: cold runs, one new process per question run.
    for question in questions:
        name = question["name"]
        for run_index in range(args.runs):
            for side in SIDES:
                run, message = with_retries(args, lambda: measure_cold(sides, side, name, cassandra, args.timeout), f"{side} {name}")
                check_answer(references[name], message, side, f"cold run {run_index + 1}")
                results[name][side]["cold"].append(run)
                log(f"cold {name} {side} run {run_index + 1}: {run['wall_s']:.2f} s, {run['peak_rss_mib']:.0f} MiB")

    for name, result in results.items():
        for side in SIDES:
            result[side]["warm_summary"] = summarize(result[side]["warm"])
            result[side]["cold_summary"] = summarize(result[side]["cold"])

    cassandra_now = find_cassandra()
    record = {
        "scale": args.scale,
        "events": data["events"],
        "keyspace": keyspace,
        "rows": data["rows"],
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": describe_machine(args.java_home, data.get("cassandraVersion", "unknown")),
        "cassalytics_build": build,
        "settings": {
            "runs": args.runs,
            "warm_runs": args.warm_runs,
            "spark_read": args.spark_read,
            "spark_master": f"local[{args.spark_cores}]",
            "driver_memory": args.driver_memory,
        },
        "commands": {
            "whole_comparison": shlex.join(["bench/spark/run.sh", *sys.argv[1:]]),
            "spark_cold": shlex.join(sides.command("spark", ["--run", "QUESTION"])),
            "spark_warm": shlex.join(sides.command("spark", ["--serve"])),
            "cassalytics_cold": shlex.join(sides.command("cassalytics", ["--run", "QUESTION"])),
            "cassalytics_warm": shlex.join(sides.command("cassalytics", ["--serve"])),
        },
        "cassandra_restarted": cassandra_now is None or cassandra_now.pid != cassandra_pid,
        "questions": results,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    label = keyspace.removeprefix("bench_")
    results_path = RESULTS_DIR / f"{label}-{args.spark_read}.json"
    results_path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {results_path.relative_to(REPO_ROOT)}")
    if not args.no_docs:
        write_docs_section(RESULTS_DIR, DOCS_FILE, PLOT_FILE)
        log(f"wrote {DOCS_FILE.relative_to(REPO_ROOT)} and {PLOT_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchmarkError as error:
        log(f"compare.py: {error}")
        sys.exit(2)
