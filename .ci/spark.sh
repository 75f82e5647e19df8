#!/usr/bin/env bash
# CI: run the Spark example (examples/spark/run.sh) on a small corpus when
# Java is available, both paths (RDD.pipe through the binary, and
# mapInPandas with the Python package); skip it, successfully, when Java is
# not there.
#
# Bounded in time: SPARK_CI_TIMEOUT seconds (default 1500) for the whole run,
# installs and the wheel's build included. Network use: PyPI only (pip
# install pyspark pandas pyarrow maturin).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "spark example: skipped (java is not on PATH)"
    exit 0
fi

export ARTICLES="${SPARK_CI_ARTICLES:-300}"
timeout --kill-after=30 "${SPARK_CI_TIMEOUT:-1500}" bash examples/spark/run.sh
