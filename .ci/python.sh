#!/usr/bin/env bash
# CI: the Python package (python/). Builds the wheel with maturin in a fresh
# virtual environment (maturin, pytest and pandas from PyPI), installs it,
# and runs the pytest suite against the binary cargo builds. pytest's exit
# code 5 (no test collected) fails the run like any other failure.
#
# Network use: PyPI only (pip install).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
venv=target/ci-python/venv
wheels=target/ci-python/wheels
rm -rf "$venv" "$wheels"
"$PYTHON" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check maturin pytest pandas

"$venv/bin/maturin" build --release --locked --manifest-path python/Cargo.toml --out "$wheels"
wheel=$(ls "$wheels"/newslint-*.whl)
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "$wheel"

# The reference the package is compared with: the binary itself.
cargo build --locked --quiet --bin newslint
status=0
NEWSLINT_CLI="$PWD/target/debug/newslint" \
    "$venv/bin/python" -m pytest python/tests -p no:cacheprovider -q || status=$?
if [[ $status -eq 5 ]]; then
    echo "python: pytest collected no test" >&2
    exit 1
fi
exit $status
