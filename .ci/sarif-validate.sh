#!/usr/bin/env bash
# Validate newslint's SARIF against the SARIF 2.1.0 schema with Microsoft's
# own validator (@microsoft/sarif-multitool from the npm registry), installed
# into a local directory (default: target/sarif-multitool) on first use.
#
# Usage: .ci/sarif-validate.sh [SARIF FILE...]
# Without arguments it checks the SARIF of fixtures/cli, of absolute paths,
# of standard input, of unreadable inputs, of NDJSON records (string and
# numeric ids) and of a report with hand-built findings on every side (the
# render test's shared report).
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
    bin_nl=./target/debug/newslint
    # exit 1 (findings) is expected; 2 only where an input is unreadable on purpose.
    expect() { local want=$1; shift; "$@" || [[ $? -eq $want ]]; }
    expect 1 "$bin_nl" check fixtures/cli --format sarif --output "$out/fixtures.sarif"
    # Absolute paths become file:// URIs, which must carry no uriBaseId.
    expect 1 "$bin_nl" check "$PWD/fixtures/parse/example.txt" "$PWD/fixtures/cli" --format sarif --output "$out/absolute.sarif"
    # Standard input, under its default name and a --stdin-filename.
    expect 1 "$bin_nl" check - --format sarif --output "$out/stdin.sarif" < fixtures/parse/example.txt
    expect 1 "$bin_nl" check - --stdin-filename "news/a b#1.txt" --format sarif --output "$out/stdin-named.sarif" < fixtures/parse/example.txt
    # Unreadable inputs (missing, a directory given as NDJSON, relative and
    # absolute) become tool notifications.
    expect 2 "$bin_nl" check fixtures/parse/example.txt missing.txt "$PWD/missing-too.txt" --format sarif --output "$out/unreadable.sarif"
    # NDJSON records: string and numeric ids, extra fields, a bad line.
    node -e '
        const text = require("fs").readFileSync(process.argv[1], "utf8");
        console.log(JSON.stringify({id: "doc-1", text, url: "https://example.invalid/1"}));
        console.log(JSON.stringify({id: 42, text}));
        console.log("not json");
    ' fixtures/parse/example.txt > "$out/records.ndjson"
    expect 2 "$bin_nl" check --input ndjson "$out/records.ndjson" --format sarif --output "$out/ndjson.sarif"
    NEWSLINT_SARIF_OUT="$out/shared.sarif" cargo test --locked --quiet --test it render::sarif_of_the_shared_report_is_written_for_validation >/dev/null
    files=("$out/fixtures.sarif" "$out/absolute.sarif" "$out/stdin.sarif" "$out/stdin-named.sarif" \
           "$out/unreadable.sarif" "$out/ndjson.sarif" "$out/shared.sarif")
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
