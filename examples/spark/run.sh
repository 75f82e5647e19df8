#!/usr/bin/env bash
# Run newslint as the mapper of a PySpark job (local[2]) over a generated
# NDJSON corpus and check that its findings equal a direct run's.
#
#   examples/spark/run.sh                 # 300 articles
#   ARTICLES=5000 examples/spark/run.sh   # bigger
#
# Sets up its own Python environment under target/spark-venv (pyspark from
# PyPI; needs Java 17+ on PATH). Exits non-zero on any mismatch.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ARTICLES="${ARTICLES:-300}"
SEED="${SEED:-7}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/target/spark-venv"
WORK="$ROOT/target/spark-example"
PYSPARK_SPEC="${PYSPARK_SPEC:-pyspark>=3.5,<5}"

command -v java >/dev/null || { echo "spark example: java is not on PATH" >&2; exit 2; }

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$PYSPARK_SPEC"
fi

cargo build --release --locked --quiet --bin newslint --example gen_corpus
BIN="$ROOT/target/release/newslint"
mkdir -p "$WORK"
"$ROOT/target/release/examples/gen_corpus" --articles "$ARTICLES" --seed "$SEED" \
    --ndjson "$WORK/corpus.ndjson"

# the direct run: one process over the whole stream
"$BIN" check --input ndjson --format jsonl --fail-on never --quiet \
    "$WORK/corpus.ndjson" > "$WORK/direct.jsonl"
direct_findings=$(wc -l < "$WORK/direct.jsonl")
echo "direct: $direct_findings findings"
if [ "$direct_findings" -eq 0 ]; then
    # an empty comparison proves little; say so (REQUIRE_FINDINGS=1 makes it fatal)
    echo "spark example: warning: the direct run found nothing to compare" >&2
    [ "${REQUIRE_FINDINGS:-0}" = 1 ] && exit 1
fi

# the Spark run: partitions piped through the binary, counted per rule
export PYSPARK_PYTHON="$VENV/bin/python"
export PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
"$VENV/bin/python" "$ROOT/examples/spark/newslint_job.py" \
    --master 'local[2]' \
    --binary "$BIN" \
    --input "$WORK/corpus.ndjson" \
    --partitions 4 \
    --direct "$WORK/direct.jsonl" \
    --output "$WORK/spark.jsonl"
