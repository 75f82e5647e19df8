"""Run newslint as the mapper of a Spark job and count findings per rule.

The corpus is an NDJSON file ({"id": ..., "text": ...} per line). Each
partition of it is piped through

    newslint check --input ndjson --format jsonl --fail-on never -

with RDD.pipe; every output line is one finding (JSON), so a reduceByKey
gives per-rule counts. With --direct FILE the findings are compared with
those of a direct run of the binary on the same corpus (JSON Lines in FILE):
the job exits 1 unless both the per-rule counts and the multiset of findings
are equal.

Locally:   python newslint_job.py --binary target/release/newslint --input corpus.ndjson
           --master 'local[2]'
Cluster:   spark-submit --master yarn --files target/release/newslint newslint_job.py \
               --binary ./newslint --input hdfs:///corpus.ndjson
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shlex
import sys


def canonical(line: str) -> str:
    """One finding as a canonical JSON string, for multiset comparison."""
    return json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)


def rule_of(line: str) -> str:
    record = json.loads(line)
    if "code" in record:
        return record["code"]
    if "error" in record:
        return "unreadable"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True,
                    help="newslint executable; on a cluster the name shipped with --files")
    ap.add_argument("--input", required=True, help="NDJSON corpus (any Spark-readable URI)")
    ap.add_argument("--master", default=None,
                    help="Spark master, e.g. local[2]; leave out under spark-submit")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--direct", default=None,
                    help="JSON Lines of a direct run to compare with")
    ap.add_argument("--output", default=None,
                    help="write the findings (JSON Lines) collected by Spark here")
    args = ap.parse_args()

    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName("newslint")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))
    if args.master:
        # under spark-submit the master comes from --master; locally from here
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")

    # Locally an absolute path; on a cluster `./newslint`, the copy that
    # spark-submit --files puts (executable) in each executor's working
    # directory, where RDD.pipe starts its processes.
    command = [args.binary, "check", "--input", "ndjson", "--format", "jsonl",
               "--fail-on", "never", "--quiet", "--threads", "1", "-"]

    corpus = sc.textFile(args.input, minPartitions=args.partitions)
    findings = corpus.pipe(shlex.join(command), checkCode=True).cache()
    counts = dict(findings.map(lambda l: (rule_of(l), 1)).reduceByKey(lambda a, b: a + b).collect())
    spark_lines = findings.collect()
    articles = corpus.count()
    spark.stop()

    print(f"spark: {articles} articles, {len(spark_lines)} findings")
    for code in sorted(counts):
        print(f"  {code:<12} {counts[code]}")
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            for line in spark_lines:
                f.write(line + "\n")

    if args.direct is None:
        return 0
    with open(args.direct, encoding="utf-8") as f:
        direct_lines = [l.rstrip("\n") for l in f if l.strip()]
    direct_counts = collections.Counter(rule_of(l) for l in direct_lines)
    ok = True
    if dict(direct_counts) != counts:
        ok = False
        print("MISMATCH in per-rule counts:", file=sys.stderr)
        for code in sorted(set(direct_counts) | set(counts)):
            print(f"  {code:<12} direct {direct_counts.get(code, 0):>6}  spark {counts.get(code, 0):>6}",
                  file=sys.stderr)
    a = collections.Counter(canonical(l) for l in spark_lines)
    b = collections.Counter(canonical(l) for l in direct_lines)
    if a != b:
        ok = False
        only_spark = list((a - b).elements())[:3]
        only_direct = list((b - a).elements())[:3]
        print(f"MISMATCH in findings: {sum((a - b).values())} only in the Spark run, "
              f"{sum((b - a).values())} only in the direct run", file=sys.stderr)
        for l in only_spark:
            print("  spark only: " + l[:300], file=sys.stderr)
        for l in only_direct:
            print("  direct only: " + l[:300], file=sys.stderr)
    if ok:
        print(f"OK: the Spark run and the direct run agree ({len(direct_lines)} findings)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
