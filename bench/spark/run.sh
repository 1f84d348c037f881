#!/usr/bin/env bash
# Runs the whole cassalytics-against-Spark comparison at one scale and updates docs/benchmarks.md.
#
# Usage: bench/spark/run.sh --scale 100k|1m|5m [more bench/spark/compare.py options]
#   e.g. bench/spark/run.sh --scale 1m --runs 5 --warm-runs 7
#
# Installs the venv and the connector jars when missing (setup.sh), makes sure the local Cassandra
# node accepts connections (npm run cassandra:start reuses a running one), then hands over to compare.py, which
# builds cassalytics, loads the events once, checks both sides' results, measures and writes the
# results, the docs section and the plot. Run it from any directory; paths are from the repository.
set -euo pipefail

SPARK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SPARK_DIR/../.." && pwd)"

if [[ $# -eq 0 || " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  [[ $# -eq 0 ]] && exit 2 || exit 0
fi

"$SPARK_DIR/setup.sh"
(cd "$REPO_ROOT" && npm run --silent cassandra:start)
cd "$REPO_ROOT"
# No __pycache__ folders beside the scripts, because they would show up as untracked files.
export PYTHONDONTWRITEBYTECODE=1
exec "$REPO_ROOT/bench/.venv/bin/python" "$SPARK_DIR/compare.py" "$@"
