#!/usr/bin/env bash
# CI: run the Spark example (examples/spark/run.sh) on a small corpus when
# Java is available; skip it, successfully, when it is not.
#
# Bounded in time: SPARK_CI_TIMEOUT seconds (default 900) for the whole run,
# pyspark install included. Network use: PyPI only (pip install pyspark).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "spark example: skipped (java is not on PATH)"
    exit 0
fi

export ARTICLES="${SPARK_CI_ARTICLES:-300}"
timeout --kill-after=30 "${SPARK_CI_TIMEOUT:-900}" bash examples/spark/run.sh
