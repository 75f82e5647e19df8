#!/usr/bin/env bash
# Run newslint in a PySpark job (local[2]) over a generated NDJSON corpus,
# two ways -- RDD.pipe through the binary, and DataFrame.mapInPandas with
# the Python package's check_many -- and check that each one's findings
# equal a direct run's.
#
#   examples/spark/run.sh                 # 300 articles, both paths
#   ARTICLES=5000 examples/spark/run.sh   # bigger
#   VIA=pipe examples/spark/run.sh        # one path only
#
# Sets up its own Python environment under target/spark-venv (pyspark,
# pandas, pyarrow and maturin from PyPI; needs Java 17+ on PATH) and builds
# the newslint wheel into it. Exits non-zero on any mismatch.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ARTICLES="${ARTICLES:-300}"
SEED="${SEED:-7}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/target/spark-venv"
WORK="$ROOT/target/spark-example"
PYSPARK_SPEC="${PYSPARK_SPEC:-pyspark>=3.5,<5}"
# PySpark warns that it does not yet fully support pandas 3
PANDAS_SPEC="${PANDAS_SPEC:-pandas>=2,<3}"
VIA="${VIA:-pipe,dataframe}"

command -v java >/dev/null || { echo "spark example: java is not on PATH" >&2; exit 2; }

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import pyspark, pyarrow, pandas; assert int(pandas.__version__.split(".")[0]) < 3' 2>/dev/null \
    || [ ! -x "$VENV/bin/maturin" ]; then
    # pandas and pyarrow: what mapInPandas needs; maturin builds the wheel
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$PYSPARK_SPEC" "$PANDAS_SPEC" pyarrow maturin
fi
mkdir -p "$WORK"
case ",$VIA," in
    *,dataframe,*)
        # the package from this checkout (incremental: cargo's target/ is shared)
        rm -rf "$WORK/wheels"
        "$VENV/bin/maturin" build --quiet --release --locked \
            --manifest-path "$ROOT/python/Cargo.toml" --out "$WORK/wheels"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps \
            "$WORK"/wheels/newslint-*.whl
        ;;
esac

cargo build --release --locked --quiet --bin newslint --example gen_corpus
BIN="$ROOT/target/release/newslint"
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

# the Spark runs: partitions piped through the binary, and Arrow batches
# checked by newslint.check_many; each counted per rule and compared
export PYSPARK_PYTHON="$VENV/bin/python"
export PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
"$VENV/bin/python" "$ROOT/examples/spark/newslint_job.py" \
    --master 'local[2]' \
    --binary "$BIN" \
    --input "$WORK/corpus.ndjson" \
    --partitions 4 \
    --via "$VIA" \
    --direct "$WORK/direct.jsonl" \
    --output "$WORK/spark.jsonl"
