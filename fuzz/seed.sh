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
# long_sentence: a repeat count byte, a heading line, then the unit that is
# repeated into one long sentence or block (issue 16).
dir="$here/corpus/long_sentence"
mkdir -p "$dir"
i=0
for unit in \
    'Over 400 arrests were made on Monday and ' \
    'Over 400 arrests were made on Monday and\n' \
    '\342\200\234over 400 arrests were made on Monday, police said, and ' \
    'nearly 300 people were arrested in Albuquerque according to the city and ' \
    'Police made nearly 400 arrests, said \342\200\234Mayor Bass\342\200\235 on June 10, 2025; ' \
    'Mayor Karen Bass said ' \
    'Question: Why?\n' \
    '1 | Police made nearly 1 arrests |\n' \
    'more than nearly about ' \
    '4\342\200\21300 arrests; '; do
    i=$((i + 1))
    printf "\377Votes\n$unit" > "$dir/unit_$i"
done
for d in "$here"/corpus/*; do
    echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"
done
