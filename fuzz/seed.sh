#!/bin/sh
# Seed the fuzz corpora from the repository's fixtures.
# Usage: fuzz/seed.sh   (from anywhere; corpora land in fuzz/corpus/<target>/)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in parse claims check; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    find "$root/fixtures" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.ndjson' \) |
        sort | while read -r f; do
            rel=${f#"$root/fixtures/"}
            cp "$f" "$dir/$(printf '%s' "$rel" | tr '/' '_')"
        done
done
if [ -d "$root/fixtures" ] && find "$root/fixtures" -name '*.toml' | grep -q .; then
    dir="$here/corpus/config"
    mkdir -p "$dir"
    find "$root/fixtures" -type f -name '*.toml' | sort | while read -r f; do
        rel=${f#"$root/fixtures/"}
        cp "$f" "$dir/$(printf '%s' "$rel" | tr '/' '_')"
    done
fi
for d in "$here"/corpus/*; do
    echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"
done
