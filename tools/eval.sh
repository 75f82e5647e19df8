#!/usr/bin/env bash
# Accuracy on the labelled sets, per set: recall by kind, false findings per
# article (the scorer is shared/corpus/score.py, laid beside the clone), and
# the findings on 1,221 real edited articles, where nearly every one is a
# false alarm until a reader has checked it.
#
# Usage: tools/eval.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${NEWSLINT_CORPUS:-../shared/corpus}"
cargo build --release --locked --quiet
bin=target/release/newslint
for set in "$corpus/dev-real" "$corpus/dev-synth" fixtures/holdout4; do
    echo "== $set"
    python3 "$corpus/score.py" "$bin" "$set" "$@"
done
echo "== $corpus/raw-real"
python3 "$corpus/raw_findings.py" "$bin"
