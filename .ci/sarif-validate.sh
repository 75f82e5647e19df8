#!/usr/bin/env bash
# Validate newslint's SARIF against the SARIF 2.1.0 schema with Microsoft's
# own validator (@microsoft/sarif-multitool from the npm registry), installed
# into a local directory (default: target/sarif-multitool) on first use.
#
# Usage: .ci/sarif-validate.sh [SARIF FILE...]
# Without arguments it checks the SARIF of fixtures/cli and of a report with
# hand-built findings on every side (the render test's shared report).
set -euo pipefail
cd "$(dirname "$0")/.."

tool_dir="${SARIF_MULTITOOL_DIR:-target/sarif-multitool}"
bin="$tool_dir/node_modules/.bin/sarif-multitool"
if [[ ! -x "$bin" ]]; then
    mkdir -p "$tool_dir"
    npm install --prefix "$tool_dir" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool >&2
fi

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    out="target/sarif-validate"
    mkdir -p "$out"
    cargo build --locked --quiet
    # exit 1 (findings) is expected; 2 would mean an unreadable input.
    ./target/debug/newslint check fixtures/cli --format sarif --output "$out/fixtures.sarif" || [[ $? -eq 1 ]]
    NEWSLINT_SARIF_OUT="$out/shared.sarif" cargo test --locked --quiet --test it render::sarif_of_the_shared_report_is_written_for_validation >/dev/null
    files=("$out/fixtures.sarif" "$out/shared.sarif")
fi

# The validator's own report is SARIF: any result at level "error" (schema
# violations, SARIF10xx rules) fails the check; warnings are printed.
errors_in() {
    node -e '
        const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const results = (log.runs || []).flatMap(r => r.results || []);
        for (const r of results) {
            const text = (r.message && (r.message.text || JSON.stringify(r.message))) || "";
            console.error(`  ${r.level || "warning"} ${r.ruleId}: ${text}`);
        }
        console.log(results.filter(r => r.level === "error").length);
    ' "$1"
}

status=0
for f in "${files[@]}"; do
    log="$f.validation.sarif"
    rm -f "$log"
    if ! "$bin" validate "$f" --output "$log" >/dev/null 2>&1 && [[ ! -f "$log" ]]; then
        echo "INVALID SARIF: $f (the validator failed to run)" >&2
        status=1
        continue
    fi
    n=$(errors_in "$log")
    if [[ "$n" == "0" ]]; then
        echo "valid SARIF 2.1.0: $f"
    else
        echo "INVALID SARIF: $f ($n errors, see $log)" >&2
        status=1
    fi
done
exit $status
