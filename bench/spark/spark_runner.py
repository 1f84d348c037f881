"""Run the benchmark questions with PySpark and the Spark Cassandra Connector.

Run by bench/spark/compare.py with the venv's Python, in one of two modes:

    spark_runner.py --keyspace bench_1m --run add_to_cart_per_day   # start, run one question, wait for EOF on stdin
    spark_runner.py --keyspace bench_1m --serve                     # run each question whose name arrives on stdin

Messages for compare.py are single stdout lines that start with "@@bench " followed by JSON, because
the JVM shares stdout with this process. A result message contains the columns, the rows as JSON values
(dates and timestamps as ISO text, timestamps in UTC) and the seconds from building the DataFrame to
having every row in Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

from pyspark.sql import SparkSession

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spark_questions import QUESTIONS, READ_STRATEGIES  # noqa: E402

MESSAGE_PREFIX = "@@bench "
REPO_ROOT = Path(__file__).resolve().parents[2]


def send(message: dict) -> None:
    sys.stdout.write(MESSAGE_PREFIX + json.dumps(message) + "\n")
    sys.stdout.flush()


def json_value(value):
    """Convert a value from Row into JSON: dates as YYYY-MM-DD, timestamps as UTC ISO text with milliseconds."""
    if isinstance(value, dt.datetime):
        # collect() returns naive datetimes in the Python process's local zone, which the parent sets to UTC.
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def build_session(args: argparse.Namespace) -> SparkSession:
    jars = sorted(glob.glob(os.path.join(args.jars_dir, "*.jar")))
    if not jars:
        raise SystemExit(f"spark_runner: no jars in {args.jars_dir}; run bench/spark/setup.sh first")
    session = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("cassalytics-bench")
        .config("spark.jars", ",".join(jars))
        .config("spark.driver.memory", args.driver_memory)
        # Everything stays on loopback: the driver, the block manager and the Cassandra contact point.
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # Two shuffle partitions per core instead of 200: the grouped results are small.
        .config("spark.sql.shuffle.partitions", str(2 * args.cores))
        .config("spark.sql.extensions", "com.datastax.spark.connector.CassandraSparkExtensions")
        .config("spark.cassandra.connection.host", args.cassandra_host)
        .config("spark.cassandra.connection.port", str(args.cassandra_port))
    )
    if args.strategy == "direct-join":
        # Connector 3.5.1 cannot canonicalize its CassandraDirectJoinExec: the copy binds the
        # normalized join keys (none#0) against the key plan's real columns and fails with
        # IllegalStateException "Couldn't find none#0". Adaptive execution and exchange reuse both
        # canonicalize every exchange above the join, so both are off for this read strategy.
        session = session.config("spark.sql.adaptive.enabled", "false").config("spark.sql.exchange.reuse", "false")
    spark = session.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_question(spark: SparkSession, args: argparse.Namespace, questions: dict, name: str) -> dict:
    question = questions.get(name)
    if question is None or name not in QUESTIONS:
        raise KeyError(f"unknown question {name!r}; expected one of {', '.join(sorted(questions))}")
    started = time.perf_counter()
    frame = QUESTIONS[name](spark, args.keyspace, args.strategy, question["params"])
    rows = frame.collect()
    seconds = time.perf_counter() - started
    plan = frame._jdf.queryExecution().executedPlan().toString()
    return {
        "type": "result",
        "question": name,
        "columns": frame.columns,
        "rows": [[json_value(value) for value in row] for row in rows],
        "seconds": seconds,
        "direct_join": "Cassandra Direct Join" in plan,
    }


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--run", metavar="QUESTION", help="run one question, print its result, then wait for EOF on stdin")
    mode.add_argument("--serve", action="store_true", help="run each question whose name arrives on stdin")
    parser.add_argument("--keyspace", required=True, help="keyspace that contains user_logs")
    parser.add_argument("--cassandra", default="127.0.0.1:9042", help="contact point as HOST:PORT (default: %(default)s)")
    parser.add_argument("--strategy", choices=READ_STRATEGIES, default="pushdown", help="how partitions are read (default: %(default)s)")
    parser.add_argument("--driver-memory", default="2g", help="spark.driver.memory (default: %(default)s)")
    parser.add_argument("--cores", type=int, default=2, help="local[N] worker threads (default: %(default)s)")
    parser.add_argument("--questions", default=str(REPO_ROOT / "bench" / "spark" / "questions.json"), help="question list (default: %(default)s)")
    parser.add_argument("--jars-dir", default=str(REPO_ROOT / "bench" / ".work" / "spark-jars"), help="connector jars (default: %(default)s)")
    args = parser.parse_args()
    host, _, port = args.cassandra.rpartition(":")
    args.cassandra_host, args.cassandra_port = (host, int(port)) if host else (args.cassandra, 9042)
    return args


def main() -> int:
    args = parse_arguments()
    with open(args.questions, encoding="utf-8") as file:
        questions = {question["name"]: question for question in json.load(file)["questions"]}
    spark = build_session(args)
    try:
        if args.run is not None:
            send(run_question(spark, args, questions, args.run))
            sys.stdin.read()
            return 0
        send({"type": "ready"})
        for line in sys.stdin:
            name = line.strip()
            if not name:
                continue
            # A failed question (for example while Cassandra restarts) is reported and the server
            # keeps its session, so compare.py can ask again.
            try:
                send(run_question(spark, args, questions, name))
            except Exception as error:  # noqa: BLE001 - every failure goes back to compare.py
                send({"type": "error", "message": f"{type(error).__name__}: {error}"})
        return 0
    finally:
        spark.stop()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # noqa: BLE001 - any failure is reported to the parent, then re-raised for the log
        send({"type": "error", "message": f"{type(error).__name__}: {error}"})
        raise
