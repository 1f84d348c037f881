"""Write the Spark comparison's section of docs/benchmarks.md and its plot from bench/spark/results/*.json.

The section sits between two HTML comments under its own heading, so the rest of the file stays as
it is. The plot shows, per question, the median time against the event count for both sides, with
and without process start-up.
"""

from __future__ import annotations

import json
from pathlib import Path

SECTION_HEADING = "## cassalytics against PySpark with the Spark Cassandra Connector"
BEGIN_MARKER = "<!-- spark-comparison:begin (written by bench/spark/compare.py; edits inside are overwritten) -->"
END_MARKER = "<!-- spark-comparison:end -->"
SIDES = ("spark", "cassalytics")
REPO_ROOT = Path(__file__).resolve().parents[2]


def connector_parts(jar_version: str) -> tuple[str, str]:
    """Split the connector jar's suffix, such as "2.12-3.5.1", into the Scala and connector versions."""
    scala, _, version = jar_version.partition("-")
    return (scala, version) if version else ("", jar_version)


def display_command(command: str) -> str:
    """Return a recorded command with the repository path removed, so it reads the same on any machine."""
    return command.replace(f"{REPO_ROOT}/", "")


def load_results(results_dir: Path) -> list[dict]:
    """Return every results record, grouped by Spark read strategy (pushdown first), then by event count."""
    records = [json.loads(path.read_text(encoding="utf-8")) for path in results_dir.glob("*.json")]
    strategy_order = {"pushdown": 0, "direct-join": 1}
    return sorted(records, key=lambda record: (strategy_order.get(record["settings"]["spark_read"], 2), record["events"]))


def median(record: dict, question: str, side: str, phase: str, key: str) -> float | None:
    summary = record["questions"][question][side][f"{phase}_summary"].get(key)
    return None if summary is None else summary["median"]


def seconds_cell(record: dict, question: str, side: str, phase: str) -> str:
    summary = record["questions"][question][side][f"{phase}_summary"]["wall_s"]
    return f"{summary['median']:.2f} ({summary['min']:.2f}–{summary['max']:.2f})"


def ratio_cell(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or denominator is None or denominator == 0:
        return "–"
    return f"{numerator / denominator:.1f}×"


def number_cell(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def scale_tables(record: dict) -> list[str]:
    settings = record["settings"]
    loads = [
        run["load1"]
        for question in record["questions"].values()
        for side in SIDES
        for phase in ("warm", "cold")
        for run in question[side][phase]
    ]
    lines = [
        f"### {record['events']:,} requested events, Spark read strategy {record['settings']['spark_read']}",
        "",
        f"{record['rows']:,} rows in keyspace `{record['keyspace']}`.",
        "",
        f"Measured {record['started_at']} to {record['finished_at']}: {settings['runs']} cold and "
        f"{settings['warm_runs']} warm runs per side and question, the sides in turn. Spark master "
        f"`{settings['spark_master']}`, driver memory "
        f"{settings['driver_memory']}. cassalytics {record['cassalytics_build']['mode']} at "
        f"`{record['cassalytics_build']['commit'][:12]}`. One-minute load average at the runs' "
        f"starts: {min(loads):.1f} to {max(loads):.1f} on {record['machine']['cores']} cores.",
    ]
    if record.get("cassandra_restarted"):
        lines += ["", "NOTE: the Cassandra process changed during these runs, because another user of the node restarted it."]
    lines += [
        "",
        "Seconds, median (min–max). End to end: from process start to the result in the parent. "
        "Warm: the Spark session or the cassalytics engine already open. Ratio: Spark divided by cassalytics.",
        "",
        "| Question | Rows | Spark end to end | cassalytics end to end | Ratio | Spark warm | cassalytics warm | Ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, question in record["questions"].items():
        lines.append(
            f"| {question['title']} | {question['result_rows']} "
            f"| {seconds_cell(record, name, 'spark', 'cold')} | {seconds_cell(record, name, 'cassalytics', 'cold')} "
            f"| {ratio_cell(median(record, name, 'spark', 'cold', 'wall_s'), median(record, name, 'cassalytics', 'cold', 'wall_s'))} "
            f"| {seconds_cell(record, name, 'spark', 'warm')} | {seconds_cell(record, name, 'cassalytics', 'warm')} "
            f"| {ratio_cell(median(record, name, 'spark', 'warm', 'wall_s'), median(record, name, 'cassalytics', 'warm', 'wall_s'))} |"
        )
    lines += [
        "",
        "Resources, medians. Peak RSS: the sum of each process's peak resident set (the JVM plus the "
        "Python driver for Spark, the Node process for cassalytics). CPU: user plus system seconds of "
        "the process tree. Cassandra CPU: what the shared node spent meanwhile, including any other "
        "client's load, so it is only a rough guide.",
        "",
        "| Question | Spark peak RSS MiB, end to end | cassalytics peak RSS MiB, end to end | Ratio "
        "| Spark CPU s, end to end | cassalytics CPU s, end to end | Ratio "
        "| Spark peak RSS MiB, warm | cassalytics peak RSS MiB, warm "
        "| Spark CPU s, warm | cassalytics CPU s, warm | Cassandra CPU s, warm (Spark / cassalytics) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, question in record["questions"].items():
        def value(side: str, phase: str, key: str) -> float | None:
            return median(record, name, side, phase, key)

        lines.append(
            f"| {question['title']} "
            f"| {number_cell(value('spark', 'cold', 'peak_rss_mib'), 0)} | {number_cell(value('cassalytics', 'cold', 'peak_rss_mib'), 0)} "
            f"| {ratio_cell(value('spark', 'cold', 'peak_rss_mib'), value('cassalytics', 'cold', 'peak_rss_mib'))} "
            f"| {number_cell(value('spark', 'cold', 'cpu_s'))} | {number_cell(value('cassalytics', 'cold', 'cpu_s'))} "
            f"| {ratio_cell(value('spark', 'cold', 'cpu_s'), value('cassalytics', 'cold', 'cpu_s'))} "
            f"| {number_cell(value('spark', 'warm', 'peak_rss_mib'), 0)} | {number_cell(value('cassalytics', 'warm', 'peak_rss_mib'), 0)} "
            f"| {number_cell(value('spark', 'warm', 'cpu_s'), 2)} | {number_cell(value('cassalytics', 'warm', 'cpu_s'), 2)} "
            f"| {number_cell(value('spark', 'warm', 'cassandra_cpu_s'), 2)} / {number_cell(value('cassalytics', 'warm', 'cassandra_cpu_s'), 2)} |"
        )
    return lines


def startup_lines(records: list[dict]) -> list[str]:
    """Return a paragraph on start-up cost: end-to-end median minus warm median, per side, over all records."""
    gaps: dict[str, list[float]] = {side: [] for side in SIDES}
    for record in records:
        for name in record["questions"]:
            for side in SIDES:
                cold = median(record, name, side, "cold", "wall_s")
                warm = median(record, name, side, "warm", "wall_s")
                if cold is not None and warm is not None:
                    gaps[side].append(cold - warm)
    return [
        "Start-up and first-query cost, the end-to-end median minus the warm median, ranges from "
        f"{min(gaps['spark']):.1f} to {max(gaps['spark']):.1f} s for Spark and from "
        f"{min(gaps['cassalytics']):.1f} to {max(gaps['cassalytics']):.1f} s for cassalytics over the "
        "questions and scales below. On this shared machine it follows the load of other jobs more than "
        "the data size, so compare the warm columns to see how each side scales with the data.",
    ]


def machine_lines(record: dict) -> list[str]:
    machine = record["machine"]
    return [
        f"- CPU: {machine['cpu']}, {machine['cores']} cores; memory {machine['memory_gib']} GiB; {machine['os']}",
        f"- Java for Spark: {machine['java']}",
        f"- Node {machine['node']}, Python {machine['python']}",
        "- pyspark {} (Scala {}), spark-cassandra-connector_{} {}".format(machine["pyspark"], machine["scala"], *connector_parts(machine["connector"])),
        f"- Cassandra {machine['cassandra']}, one local node on 127.0.0.1, shared with other developers' tests",
    ]


def section_text(records: list[dict], plot_name: str) -> str:
    latest = max(records, key=lambda record: record["finished_at"])
    commands = latest["commands"]
    lines = [
        SECTION_HEADING,
        "",
        BEGIN_MARKER,
        "",
        "The same four questions answered by cassalytics (SQL through its API, the saved reports in "
        "`queries/`) and by PySpark 3.5 with the Spark Cassandra Connector (the DataFrame API, in "
        "`bench/spark/spark_questions.py`), on the same generated events in the same Cassandra node. "
        "Both results are compared, row by row, before any time is taken, and every later result is "
        "compared with them again. The Spark side reads only the hourly partitions of each question's "
        "date range. With strategy `pushdown`, `=` and `IN` filters on every key column go to Cassandra. "
        "With `direct-join`, a DataFrame of partition keys joined with the table becomes a Cassandra "
        "Direct Join. `bench/README.md` explains the method and its limits.",
        "",
        "Machine of the latest run:",
        "",
        *machine_lines(latest),
        "",
        "Commands (from the repository root):",
        "",
        "```sh",
        "bench/spark/setup.sh                       # venv with pyspark, connector jars from Maven",
        *dict.fromkeys(display_command(record["commands"]["whole_comparison"]) for record in records),
        "",
        "# what run.sh starts for each cold run:",
        display_command(commands["spark_cold"]),
        display_command(commands["cassalytics_cold"]),
        "# and, for the warm runs, one long-lived process per side:",
        display_command(commands["spark_warm"]),
        display_command(commands["cassalytics_warm"]),
        "```",
        "",
        f"![Median seconds against event count, per question]({plot_name})",
        "",
        *startup_lines(records),
        "",
    ]
    for record in records:
        lines += scale_tables(record) + [""]
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def replace_section(document: str, section: str) -> str:
    """Replace the heading and marked block in document, or append them when missing."""
    begin = document.find(BEGIN_MARKER)
    end = document.find(END_MARKER, max(begin, 0))
    if begin != -1 and end != -1:
        heading = document.rfind(SECTION_HEADING, 0, begin)
        start = heading if heading != -1 else begin
        rest = document[end + len(END_MARKER):].lstrip("\n")
        return document[:start] + section + ("\n" + rest if rest else "")
    if not document.strip():
        return "# Benchmarks\n\n" + section
    return document.rstrip("\n") + "\n\n" + section


def write_plot(records: list[dict], plot_file: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(records[-1]["questions"])
    strategies = sorted({record["settings"]["spark_read"] for record in records})
    spark_colors = {"pushdown": "tab:orange", "direct-join": "tab:red"}
    # cassalytics does not depend on the Spark strategy, so each scale's latest record gives its points.
    latest_per_scale: dict[int, dict] = {}
    for record in sorted(records, key=lambda record: record["finished_at"]):
        latest_per_scale[record["events"]] = record
    series = []
    for strategy in strategies:
        chosen = [record for record in records if record["settings"]["spark_read"] == strategy]
        color = spark_colors.get(strategy, "tab:green")
        series.append((chosen, "spark", "cold", color, "-", "o", f"Spark ({strategy}), end to end"))
        series.append((chosen, "spark", "warm", color, "--", "s", f"Spark ({strategy}), warm"))
    cassalytics_records = sorted(latest_per_scale.values(), key=lambda record: record["events"])
    series.append((cassalytics_records, "cassalytics", "cold", "tab:blue", "-", "o", "cassalytics, end to end"))
    series.append((cassalytics_records, "cassalytics", "warm", "tab:blue", "--", "s", "cassalytics, warm"))

    figure, axes = plt.subplots(2, 2, figsize=(11, 8.6), sharex=True)
    for axis, name in zip(axes.flat, names):
        for chosen, side, phase, color, line, marker, label in series:
            points = [(record["events"], median(record, name, side, phase, "wall_s")) for record in chosen if name in record["questions"]]
            axis.plot([p[0] for p in points], [p[1] for p in points], color=color, linestyle=line, marker=marker, label=label)
        axis.set_title(records[-1]["questions"][name]["title"], fontsize=10)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.grid(True, which="both", alpha=0.3)
    for axis in axes[1]:
        axis.set_xlabel("events in the keyspace (log scale)")
    for axis in axes[:, 0]:
        axis.set_ylabel("median seconds (log scale)")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=3, fontsize=9)
    machine = records[-1]["machine"]
    figure.suptitle(
        f"cassalytics against PySpark {machine['pyspark']} + connector {connector_parts(machine['connector'])[1]}, "
        f"Cassandra {machine['cassandra']}, {machine['cores']} cores",
        fontsize=11,
    )
    # Room at the bottom for the shared legend, which would otherwise hide lines inside a panel.
    figure.tight_layout(rect=(0, 0.07, 1, 1))
    plot_file.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(plot_file, dpi=100)
    plt.close(figure)


def write_docs_section(results_dir: Path, docs_file: Path, plot_file: Path) -> None:
    records = load_results(results_dir)
    if not records:
        raise FileNotFoundError(f"no results in {results_dir}; run bench/spark/run.sh first")
    write_plot(records, plot_file)
    document = docs_file.read_text(encoding="utf-8") if docs_file.exists() else ""
    section = section_text(records, plot_file.name)
    docs_file.parent.mkdir(parents=True, exist_ok=True)
    docs_file.write_text(replace_section(document, section), encoding="utf-8")


if __name__ == "__main__":
    write_docs_section(REPO_ROOT / "bench" / "spark" / "results", REPO_ROOT / "docs" / "benchmarks.md", REPO_ROOT / "docs" / "benchmarks-spark-vs-cassalytics.png")
