"""Run newslint over a corpus on Spark and count findings per rule, two ways.

The corpus is an NDJSON file ({"id": ..., "text": ...} per line).

- `pipe` (RDD.pipe): each partition of the text file is piped through the
  binary, `newslint check --input ndjson --format jsonl --fail-on never -`;
  every output line is one finding (JSON).
- `dataframe` (DataFrame.mapInPandas): the corpus is read as a DataFrame
  and each Arrow batch of its `text` column goes to `newslint.check_many`
  of the Python package (pip install ./python), in the Python worker; the
  result is a DataFrame of findings, one row each, typed columns plus the
  finding's JSON Lines record.

A reduce gives per-rule counts. With --direct FILE the findings are compared
with those of a direct run of the binary on the same corpus (JSON Lines in
FILE): the job exits 1 unless, for every path run, both the per-rule counts
and the multiset of findings are equal.

Locally:   python newslint_job.py --binary target/release/newslint --input corpus.ndjson
           --master 'local[2]' --via pipe,dataframe
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


# The DataFrame path's output: one row per finding (or per unreadable
# article, with `error` set and `code` null).
FINDINGS_SCHEMA = ("path string, code string, rule string, severity string, message string, "
                   "section string, line int, column int, error string, finding string")
FINDINGS_COLUMNS = [c.split()[0] for c in FINDINGS_SCHEMA.split(", ")]


def check_batches(batches, threads=1):
    """mapInPandas: pandas batches of (id, text) -> batches of findings.

    Runs in the Python workers; `newslint.check_many` releases the GIL and
    checks the batch on `threads` threads (1: Spark already runs one task
    per core). `finding` is the record `newslint check --format jsonl`
    writes for it, so the two paths compare exactly.
    """
    import pandas as pd

    import newslint

    for batch in batches:
        reports = newslint.check_many(batch["text"].tolist(), paths=batch["id"].tolist(),
                                      threads=threads)
        rows = []
        for report in reports:
            file = report["files"][0]
            if file["error"] is not None:
                record = {"path": file["path"], "error": file["error"]}
                rows.append({"path": file["path"], "error": file["error"],
                             "finding": json.dumps(record, ensure_ascii=False)})
            for f in file["findings"]:
                first = f["locations"][0]
                rows.append({
                    "path": file["path"], "code": f["code"], "rule": f["rule"],
                    "severity": f["severity"], "message": f["message"],
                    "section": first["section"], "line": first["line"],
                    "column": first["column"], "error": None,
                    "finding": json.dumps({"path": file["path"], **f}, ensure_ascii=False),
                })
        out = pd.DataFrame(rows, columns=FINDINGS_COLUMNS)
        out["line"] = out["line"].astype("Int32")
        out["column"] = out["column"].astype("Int32")
        yield out


def run_pipe(sc, args):
    """RDD.pipe through the binary: (finding lines, per-rule counts)."""
    # Locally an absolute path; on a cluster `./newslint`, the copy that
    # spark-submit --files puts (executable) in each executor's working
    # directory, where RDD.pipe starts its processes.
    command = [args.binary, "check", "--input", "ndjson", "--format", "jsonl",
               "--fail-on", "never", "--quiet", "--threads", "1", "-"]
    corpus = sc.textFile(args.input, minPartitions=args.partitions)
    findings = corpus.pipe(shlex.join(command), checkCode=True).cache()
    counts = dict(findings.map(lambda l: (rule_of(l), 1)).reduceByKey(lambda a, b: a + b).collect())
    return findings.collect(), counts


def run_dataframe(spark, args):
    """mapInPandas with newslint.check_many: (finding lines, per-rule counts)."""
    import functools

    from pyspark.sql import functions as F

    # FAILFAST: a line that is not an {"id", "text"} record fails the job
    # (the binary reports it and goes on; a DataFrame has no row for it).
    articles = (spark.read.schema("id string, text string").option("mode", "FAILFAST")
                .json(args.input).repartition(args.partitions))
    findings = articles.mapInPandas(functools.partial(check_batches, threads=args.threads),
                                    schema=FINDINGS_SCHEMA).cache()
    by_code = findings.groupBy(F.coalesce("code", F.lit("unreadable")).alias("code")).count()
    counts = {r["code"]: r["count"] for r in by_code.collect()}
    return [r["finding"] for r in findings.select("finding").collect()], counts


def compare(name, spark_lines, counts, direct_lines) -> bool:
    """Whether one Spark path's findings equal the direct run's; says why not."""
    direct_counts = collections.Counter(rule_of(l) for l in direct_lines)
    ok = True
    if dict(direct_counts) != counts:
        ok = False
        print(f"MISMATCH in per-rule counts ({name}):", file=sys.stderr)
        for code in sorted(set(direct_counts) | set(counts)):
            print(f"  {code:<12} direct {direct_counts.get(code, 0):>6}  {name} {counts.get(code, 0):>6}",
                  file=sys.stderr)
    a = collections.Counter(canonical(l) for l in spark_lines)
    b = collections.Counter(canonical(l) for l in direct_lines)
    if a != b:
        ok = False
        print(f"MISMATCH in findings: {sum((a - b).values())} only in the {name} run, "
              f"{sum((b - a).values())} only in the direct run", file=sys.stderr)
        for l in list((a - b).elements())[:3]:
            print(f"  {name} only: " + l[:300], file=sys.stderr)
        for l in list((b - a).elements())[:3]:
            print("  direct only: " + l[:300], file=sys.stderr)
    if ok:
        print(f"OK: the Spark run ({name}) and the direct run agree ({len(direct_lines)} findings)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=None,
                    help="newslint executable for the pipe path; on a cluster the name shipped "
                         "with --files")
    ap.add_argument("--input", required=True, help="NDJSON corpus (any Spark-readable URI)")
    ap.add_argument("--via", default="pipe",
                    help="comma-separated paths to run: pipe (RDD.pipe through the binary), "
                         "dataframe (mapInPandas with the newslint package); default pipe")
    ap.add_argument("--master", default=None,
                    help="Spark master, e.g. local[2]; leave out under spark-submit")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--threads", type=int, default=1,
                    help="threads of newslint.check_many in each task (dataframe path)")
    ap.add_argument("--direct", default=None,
                    help="JSON Lines of a direct run to compare with")
    ap.add_argument("--output", default=None,
                    help="write the findings (JSON Lines) collected by Spark here; with several "
                         "paths, one file each, named OUTPUT.PATH")
    args = ap.parse_args()
    via = [v.strip() for v in args.via.split(",") if v.strip()]
    unknown = sorted(set(via) - {"pipe", "dataframe"})
    if unknown or not via:
        ap.error(f"--via: expected pipe and/or dataframe, got {args.via!r}")
    if "pipe" in via and not args.binary:
        ap.error("--binary is required for the pipe path")

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

    articles = sc.textFile(args.input).filter(lambda l: l.strip()).count()
    results = {}
    for name in via:
        lines, counts = run_pipe(sc, args) if name == "pipe" else run_dataframe(spark, args)
        results[name] = (lines, counts)
        print(f"spark ({name}): {articles} articles, {len(lines)} findings")
        for code in sorted(counts):
            print(f"  {code:<12} {counts[code]}")
        if args.output:
            out = args.output if len(via) == 1 else f"{args.output}.{name}"
            with open(out, "w", encoding="utf-8") as f:
                for line in lines:
                    f.write(line + "\n")
    spark.stop()

    if args.direct is None:
        return 0
    with open(args.direct, encoding="utf-8") as f:
        direct_lines = [l.rstrip("\n") for l in f if l.strip()]
    ok = True
    for name, (lines, counts) in results.items():
        ok = compare(name, lines, counts, direct_lines) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
