#!/usr/bin/env bash
# Installs what the Spark comparison needs, all of it under the git-ignored bench/.venv and bench/.work:
#   bench/.venv                 Python venv with the packages of bench/spark/requirements.txt (pyspark 3.5.x)
#   bench/.work/spark-jars/     spark-cassandra-connector_2.12 3.5.1 and its runtime jars, copied by Maven
#
# Usage: bench/spark/setup.sh [--force]
# Steps already done are skipped; --force redoes both. Needs python3 (3.8 to 3.11 for pyspark 3.5),
# Maven and a JDK 17. Maven keeps what it downloads in ~/.m2, so a second resolution is offline.
set -euo pipefail

SPARK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_DIR="$(dirname "$SPARK_DIR")"
VENV_DIR="$BENCH_DIR/.venv"
JARS_DIR="$BENCH_DIR/.work/spark-jars"
JAVA17_HOME="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

force=false
for argument in "$@"; do
  case "$argument" in
    --force) force=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: invalid option '$argument': expected --force or --help" >&2; exit 2 ;;
  esac
done

if [[ ! -x "$JAVA17_HOME/bin/java" ]]; then
  echo "setup.sh: JDK 17 not found at $JAVA17_HOME. Install openjdk-17-jdk-headless or set JAVA17_HOME." >&2
  exit 1
fi
if ! command -v mvn > /dev/null; then
  echo "setup.sh: mvn not found. Install maven." >&2
  exit 1
fi

# The venv counts as done when its pip list matches every pinned requirement.
requirements_met() {
  [[ -x "$VENV_DIR/bin/python" ]] || return 1
  local installed
  installed="$("$VENV_DIR/bin/python" -m pip freeze 2> /dev/null)" || return 1
  local line
  while read -r line; do
    line="${line%%#*}"
    line="${line// /}"
    [[ -z "$line" ]] && continue
    grep -qix -- "$line" <<< "$installed" || return 1
  done < "$SPARK_DIR/requirements.txt"
}

if $force || ! requirements_met; then
  echo "setup.sh: installing Python packages into $VENV_DIR"
  python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/python" -m pip install --quiet --upgrade pip
  # pyspark comes as a 318 MB source archive, so the first install takes a few minutes.
  "$VENV_DIR/bin/python" -m pip install --quiet -r "$SPARK_DIR/requirements.txt"
else
  echo "setup.sh: $VENV_DIR already has the pinned packages"
fi

# The jars are copied into a scratch folder first, so an interrupted copy never looks complete.
if $force || [[ ! -f "$JARS_DIR/.complete" ]]; then
  echo "setup.sh: resolving the Spark Cassandra Connector jars into $JARS_DIR"
  rm -rf "$JARS_DIR.partial"
  # org.scala-lang (scala-library, scala-reflect, scala-collection-compat) is left out because
  # pyspark ships its own Scala 2.12 jars, and those take precedence on the driver classpath anyway.
  JAVA_HOME="$JAVA17_HOME" mvn -B -q -Dstyle.color=never -f "$SPARK_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime \
    -DexcludeGroupIds=org.scala-lang \
    -DoutputDirectory="$JARS_DIR.partial"
  touch "$JARS_DIR.partial/.complete"
  rm -rf "$JARS_DIR"
  mv "$JARS_DIR.partial" "$JARS_DIR"
else
  echo "setup.sh: $JARS_DIR already holds the connector jars"
fi

echo "setup.sh: ready ($("$VENV_DIR/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'), $(find "$JARS_DIR" -name '*.jar' | wc -l) jars)"
