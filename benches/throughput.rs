//! Throughput and memory benchmark for newslint (a harness, not timed tests).
//!
//! ```text
//! cargo bench --bench throughput                 # full run (~ a few minutes)
//! cargo bench --bench throughput -- --quick      # small corpus, small stream
//! cargo bench --bench throughput -- --articles 4000 --stream-mb 100 --big-mb 10
//! ```
//!
//! It generates a deterministic corpus with `examples/gen_corpus.rs` and
//! reports, for three stages —
//!
//! - `parse`: text → `SourceFile` (line index) → `Article`
//! - `claims`: parse + `extract`
//! - `check`: parse + extract + rules + JSON rendering of the findings
//!
//! — MB/s and articles/s on one thread and on all threads (rayon pools of 1
//! and N), the peak resident memory of this process, the cost of one big
//! article against one ten times smaller, and an NDJSON stream processed in
//! constant memory in-process and (when the binary supports `check --input
//! ndjson`) through the real binary under `/usr/bin/time -v`.
//!
//! Options (after `--`): `--articles N` (default 3000), `--threads N` (default:
//! all cores), `--runs N` (best of N, default 3), `--stream-mb N` (default
//! 100), `--big-mb N` (default 10), `--seed S`, `--quick`, `--no-binary`,
//! `--markdown FILE` (also write the table as Markdown), `--only
//! parse|claims|check` (one stage, one thread, then stop: for profilers),
//! `--only big` (the three stages on one `--big-mb` article, then stop).
//!
//! Rates are wall-clock; the `MB/CPU-s` column divides by the CPU time all
//! threads spent, which stays meaningful on a machine shared with other jobs.

/// The allocator of the binary (`src/main.rs`), so the stages measure what
/// `newslint check` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Deserialize;

use newslint::render;
use newslint::report::{FileReport, Report};
use newslint::{Finding, SourceFile};

struct Options {
    articles: usize,
    threads: usize,
    runs: usize,
    stream_mb: usize,
    big_mb: usize,
    seed: u64,
    binary: bool,
    markdown: Option<PathBuf>,
    /// Run one stage on one thread and stop (for profilers).
    only: Option<String>,
}

fn options() -> Options {
    let mut o = Options {
        articles: 3000,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        runs: 3,
        stream_mb: 100,
        big_mb: 10,
        seed: 42,
        binary: true,
        markdown: None,
        only: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    let num = |i: usize| -> usize {
        args.get(i + 1)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{} needs a number", args[i]))
    };
    while i < args.len() {
        match args[i].as_str() {
            "--articles" => o.articles = num(i),
            "--threads" => o.threads = num(i),
            "--runs" => o.runs = num(i).max(1),
            "--stream-mb" => o.stream_mb = num(i),
            "--big-mb" => o.big_mb = num(i).max(1),
            "--seed" => o.seed = num(i) as u64,
            "--markdown" => {
                o.markdown = args.get(i + 1).map(PathBuf::from);
            }
            "--only" => {
                o.only = args.get(i + 1).cloned();
            }
            "--quick" => {
                o.articles = 500;
                o.runs = 1;
                o.stream_mb = 10;
                o.big_mb = 2;
                i += 1;
                continue;
            }
            "--no-binary" => {
                o.binary = false;
                i += 1;
                continue;
            }
            // cargo bench passes `--bench`; filters are not used
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    o
}

// ---------------------------------------------------------------- stages

/// The report of one checked article, as `check` builds it (without the
/// source text, which only the human renderer needs).
fn file_report(source: &SourceFile, findings: &[Finding]) -> FileReport {
    let mut file = FileReport::checked(source, findings);
    file.source = None;
    file
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Parse,
    Claims,
    Check,
}

impl Stage {
    const ALL: [Stage; 3] = [Stage::Parse, Stage::Claims, Stage::Check];

    fn name(self) -> &'static str {
        match self {
            Stage::Parse => "parse",
            Stage::Claims => "claims",
            Stage::Check => "check --format json",
        }
    }
}

/// Run one stage over one article; returns a number that depends on the work
/// (so nothing is optimised away) — for `check`, the number of findings.
fn run_stage(stage: Stage, path: &str, text: &str, out: &mut Vec<u8>) -> usize {
    let source = SourceFile::new(path, text);
    let article = newslint::parse(&source);
    if stage == Stage::Parse {
        return black_box(&article).sections.len() + 1;
    }
    let claims = newslint::extract(&source, &article);
    if stage == Stage::Claims {
        return black_box(&claims).figures.len() + 1;
    }
    let findings = newslint::check(&source, &article, &claims);
    out.clear();
    // `check --format json` writes one document for all files; one document
    // per article costs the same per finding and keeps memory per article
    let report = Report::new(vec![file_report(&source, &findings)], Vec::new());
    let _ = render::json::render(&report, out);
    black_box(&out);
    findings.len()
}

struct Measured {
    time: Duration,
    /// CPU time of the best run, all threads.
    cpu: Duration,
    bytes: usize,
    articles: usize,
    work: usize,
}

impl Measured {
    fn mb_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.time.as_secs_f64()
    }
    fn articles_s(&self) -> f64 {
        self.articles as f64 / self.time.as_secs_f64()
    }
    /// MB per CPU-second (all threads together).
    fn mb_cpu_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.cpu.as_secs_f64().max(1e-9)
    }
}

fn measure_corpus(
    stage: Stage,
    corpus: &[gen_corpus::Generated],
    threads: usize,
    runs: usize,
) -> Measured {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool");
    let bytes = corpus.iter().map(|a| a.text.len()).sum();
    // warm up caches, lazily compiled regexes and the pool's threads
    pool.install(|| {
        corpus
            .par_iter()
            .take(64)
            .map_init(Vec::new, |out, a| run_stage(stage, &a.id, &a.text, out))
            .sum::<usize>()
    });
    let mut best = Duration::MAX;
    let mut cpu = Duration::ZERO;
    let mut work = 0;
    for _ in 0..runs {
        let cpu_start = process_cpu_ns();
        let start = Instant::now();
        work = pool.install(|| {
            corpus
                .par_iter()
                .map_init(Vec::new, |out, a| run_stage(stage, &a.id, &a.text, out))
                .sum()
        });
        let elapsed = start.elapsed();
        if elapsed < best {
            best = elapsed;
            cpu = Duration::from_nanos(process_cpu_ns().saturating_sub(cpu_start));
        }
    }
    Measured {
        time: best,
        cpu,
        bytes,
        articles: corpus.len(),
        work,
    }
}

/// CPU time consumed so far by every thread of this process, from
/// `/proc/self/task/*/schedstat` (nanoseconds on the CPU). On a shared machine
/// wall-clock rates understate the code's speed; MB per CPU-second does not.
fn process_cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

// ---------------------------------------------------------------- memory

/// A field of /proc/self/status in kB (VmHWM, VmRSS).
fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Reset the peak-RSS mark to the current RSS (Linux ≥ 4.0).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("n/a".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
}

// ---------------------------------------------------------------- stream

#[derive(Deserialize)]
struct NdjsonArticle {
    id: String,
    text: String,
}

/// Write (or reuse) an NDJSON corpus of at least `mb` megabytes.
fn ndjson_corpus(dir: &Path, mb: usize, seed: u64) -> std::io::Result<(PathBuf, usize)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!(
        "stream-{mb}mb-seed{seed}-v{}.ndjson",
        gen_corpus::GENERATOR_VERSION
    ));
    let want = mb * 1_000_000;
    if let Ok(meta) = std::fs::metadata(&path) {
        if meta.len() as usize >= want {
            let lines = std::io::BufReader::new(std::fs::File::open(&path)?)
                .lines()
                .count();
            return Ok((path, lines));
        }
    }
    let tmp = path.with_extension("tmp");
    let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
    let (mut written, mut i) = (0usize, 0usize);
    while written < want {
        let a = gen_corpus::article(seed, i);
        let line = gen_corpus::ndjson_line(&a.id, &a.text);
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")?;
        written += line.len() + 1;
        i += 1;
    }
    w.flush()?;
    std::fs::rename(&tmp, &path)?;
    Ok((path, i))
}

/// Stream an NDJSON file through parse+extract+check with JSON Lines output,
/// in batches of lines so memory stays bounded; output order = input order.
fn stream_in_process(path: &Path, threads: usize) -> std::io::Result<(Duration, usize, usize)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool");
    let start = Instant::now();
    let mut reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut sink = BufWriter::new(std::io::sink());
    let (mut findings, mut articles) = (0usize, 0usize);
    const BATCH: usize = 256;
    let mut batch: Vec<String> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        for _ in 0..BATCH {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                break;
            }
            batch.push(line);
        }
        if batch.is_empty() {
            break;
        }
        articles += batch.len();
        let rendered: Vec<(usize, Vec<u8>)> = pool.install(|| {
            batch
                .par_iter()
                .map(|line| {
                    let Ok(a) = serde_json::from_str::<NdjsonArticle>(line) else {
                        return (0, Vec::new());
                    };
                    let source = SourceFile::new(a.id, a.text);
                    let article = newslint::parse(&source);
                    let claims = newslint::extract(&source, &article);
                    let found = newslint::check(&source, &article, &claims);
                    let mut out = Vec::new();
                    let report = Report::new(vec![file_report(&source, &found)], Vec::new());
                    let _ = render::jsonl::render(&report, render::Options::default(), &mut out);
                    (found.len(), out)
                })
                .collect()
        });
        for (n, out) in rendered {
            findings += n;
            sink.write_all(&out)?;
        }
    }
    sink.flush()?;
    Ok((start.elapsed(), articles, findings))
}

/// Does the binary have `check --input ndjson --format jsonl`?
fn binary_streams(bin: &Path) -> bool {
    Command::new(bin)
        .args(["check", "--help"])
        .output()
        .map(|o| {
            let help = String::from_utf8_lossy(&o.stdout);
            o.status.success() && help.contains("ndjson") && help.contains("jsonl")
        })
        .unwrap_or(false)
}

struct BinaryRun {
    time: Duration,
    peak_kb: Option<u64>,
    lines: usize,
    status: String,
}

/// Run the binary over `args` with stdout counted, under `/usr/bin/time -v`
/// when available (for the peak RSS of the child).
fn run_binary(bin: &Path, args: &[&str], threads: usize) -> std::io::Result<BinaryRun> {
    let time_v = Path::new("/usr/bin/time").exists();
    let mut cmd = if time_v {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let stderr = child.stderr.take();
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    let mut lines = 0usize;
    if let Some(out) = child.stdout.take() {
        let mut r = std::io::BufReader::with_capacity(1 << 20, out);
        let mut buf = Vec::new();
        while r.read_until(b'\n', &mut buf)? > 0 {
            lines += 1;
            buf.clear();
        }
    }
    let status = child.wait()?;
    let time = start.elapsed();
    let stderr = err_thread.join().unwrap_or_default();
    let peak_kb = stderr
        .lines()
        .find(|l| l.contains("Maximum resident set size"))
        .and_then(|l| l.rsplit(':').next())
        .and_then(|v| v.trim().parse().ok());
    Ok(BinaryRun {
        time,
        peak_kb,
        lines,
        status: status
            .code()
            .map_or("killed".into(), |c| format!("exit {c}")),
    })
}

// ---------------------------------------------------------------- main

/// Run the whole pipeline once on a small article, so that one-off costs
/// (compiling the regexes, the lexicons) are not charged to the first stage
/// timed.
fn warm_up() {
    let mut out = Vec::new();
    black_box(run_stage(
        Stage::Check,
        "warm-up.txt",
        &gen_corpus::article(0, 0).text,
        &mut out,
    ));
}

/// Best-of-`runs` wall-clock seconds of each stage (parse, claims, check) on
/// one article.
fn time_big(text: &str, runs: usize) -> [f64; 3] {
    let mut best = [f64::INFINITY; 3];
    let mut out = Vec::new();
    for _ in 0..runs.max(1) {
        for (stage, b) in Stage::ALL.into_iter().zip(best.iter_mut()) {
            let start = Instant::now();
            black_box(run_stage(stage, "big.txt", text, &mut out));
            *b = b.min(start.elapsed().as_secs_f64());
        }
    }
    best
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or("? GB".into(), |k| {
            format!("{:.0} GB", k as f64 / 1024.0 / 1024.0)
        });
    format!("{cpu}, {cores} cores, {mem} RAM, {}", std::env::consts::OS)
}

fn main() {
    let o = options();
    let mut md = String::new();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newslint"));
    let data_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");

    println!("newslint throughput benchmark");
    println!("machine: {}", machine());
    let _ = writeln!(md, "Machine: {}\n", machine());

    let corpus: Vec<gen_corpus::Generated> = (0..o.articles)
        .map(|i| gen_corpus::article(o.seed, i))
        .collect();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    println!(
        "corpus: {} generated articles, {:.1} MB, {:.1} KB average (seed {}); best of {} runs\n",
        corpus.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / corpus.len().max(1) as f64,
        o.seed,
        o.runs
    );
    let _ = writeln!(
        md,
        "Corpus: {} generated articles, {:.1} MB ({:.1} KB average), best of {} runs.\n",
        corpus.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / corpus.len().max(1) as f64,
        o.runs
    );

    if o.only.as_deref() == Some("big") {
        let text = gen_corpus::big_article(o.seed, o.big_mb * 1_000_000);
        warm_up();
        for (stage, t) in Stage::ALL.into_iter().zip(time_big(&text, o.runs)) {
            println!(
                "{} of one {:.1} MB article: {:.3} s (best of {})",
                stage.name(),
                text.len() as f64 / 1e6,
                t,
                o.runs
            );
        }
        return;
    }
    if let Some(only) = &o.only {
        let stage = match only.as_str() {
            "parse" => Stage::Parse,
            "claims" => Stage::Claims,
            _ => Stage::Check,
        };
        let m = measure_corpus(stage, &corpus, 1, o.runs);
        println!(
            "{}: {:.1} MB/s, {:.0} articles/s, {:.1} MB per CPU-second",
            stage.name(),
            m.mb_s(),
            m.articles_s(),
            m.mb_cpu_s()
        );
        return;
    }

    // ---- stages × threads
    let mut thread_counts = vec![1];
    if o.threads > 1 {
        thread_counts.push(o.threads);
    }
    println!(
        "{:<22} {:>7} {:>10} {:>12} {:>9} {:>12} {:>9}",
        "stage", "threads", "MB/s", "articles/s", "speedup", "MB/CPU-s", "findings"
    );
    let _ = writeln!(
        md,
        "| stage | threads | MB/s | articles/s | speedup | MB per CPU-second | findings |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for stage in Stage::ALL {
        let mut one = None;
        for &t in &thread_counts {
            let m = measure_corpus(stage, &corpus, t, o.runs);
            let base = *one.get_or_insert(m.mb_s());
            let findings = if stage == Stage::Check {
                m.work.to_string()
            } else {
                "-".into()
            };
            let (mb_s, per_s) = (format!("{:.1}", m.mb_s()), format!("{:.0}", m.articles_s()));
            let (speedup, cpu) = (
                format!("{:.2}", m.mb_s() / base),
                format!("{:.1}", m.mb_cpu_s()),
            );
            let name = stage.name();
            println!(
                "{name:<22} {t:>7} {mb_s:>10} {per_s:>12} {speedup:>8}x {cpu:>12} {findings:>9}"
            );
            let _ = writeln!(
                md,
                "| {name} | {t} | {mb_s} | {per_s} | {speedup}× | {cpu} | {findings} |"
            );
        }
    }
    let hwm = proc_status_kb("VmHWM:");
    println!(
        "\npeak RSS of this process so far: {} (includes the in-memory corpus)",
        mb(hwm)
    );
    let _ = writeln!(
        md,
        "\nPeak RSS of the bench process after the table: {} (the corpus itself is held in memory).\n",
        mb(hwm)
    );
    drop(corpus);

    // ---- big articles: cost vs size
    println!("\nbig article (one article, many sections), one thread:");
    let _ = writeln!(
        md,
        "One big article (many sections), one thread, in-process and through the binary (`check --format json FILE`):\n\n| size | parse | claims | check | check ratio to 1/10 the size | binary |\n|---:|---:|---:|---:|---:|---|"
    );
    let mut sizes = vec![o.big_mb * 1_000_000 / 100, o.big_mb * 1_000_000 / 10];
    sizes.push(o.big_mb * 1_000_000);
    let mut previous: Option<f64> = None;
    warm_up();
    for size in sizes {
        let text = gen_corpus::big_article(o.seed, size);
        let times = time_big(&text, o.runs);
        let ratio = previous.map_or("-".into(), |p| format!("{:.1}×", times[2] / p));
        // the same article through the binary: read, check, render JSON
        let mut binary = "-".to_string();
        if o.binary && std::fs::create_dir_all(&data_dir).is_ok() {
            let file = data_dir.join(format!("big-{size}.txt"));
            if std::fs::write(&file, &text).is_ok() {
                let p = file.to_string_lossy().to_string();
                let args = ["check", "--format", "json", "--fail-on", "never", &p];
                if let Ok(r) = run_binary(&bin, &args, 1) {
                    binary = format!(
                        "{:.3} s, peak RSS {} ({})",
                        r.time.as_secs_f64(),
                        mb(r.peak_kb),
                        r.status
                    );
                }
            }
        }
        let size = format!("{:.2}", text.len() as f64 / 1e6);
        let [parse, claims, check] = times.map(|t| format!("{t:.3}"));
        println!(
            "  {size:>7} MB  parse {parse:>8}s  claims {claims:>8}s  check {check:>8}s  ratio {ratio:>6}  binary {binary}"
        );
        let _ = writeln!(
            md,
            "| {size} MB | {parse} s | {claims} s | {check} s | {ratio} | {binary} |"
        );
        previous = Some(times[2]);
        if times[2] > 60.0 {
            println!("  (stopping: a bigger article would take too long)");
            break;
        }
    }

    // ---- NDJSON stream
    if o.stream_mb > 0 {
        println!("\nNDJSON stream:");
        let _ = writeln!(md, "\nNDJSON stream:\n");
        match ndjson_corpus(&data_dir, o.stream_mb, o.seed) {
            Err(e) => println!("  cannot write the stream corpus: {e}"),
            Ok((path, n)) => {
                let size = std::fs::metadata(&path).map_or(0, |m| m.len() as usize);
                println!(
                    "  {} ({:.1} MB, {n} articles)",
                    path.display(),
                    size as f64 / 1e6
                );
                let _ = writeln!(
                    md,
                    "| how | threads | time | MB/s | articles/s | peak RSS |\n|---|---:|---:|---:|---:|---:|"
                );
                for &t in &thread_counts {
                    let before = proc_status_kb("VmRSS:");
                    let reset = reset_peak_rss();
                    match stream_in_process(&path, t) {
                        Ok((time, articles, findings)) => {
                            let peak = if reset {
                                proc_status_kb("VmHWM:")
                            } else {
                                None
                            };
                            let growth = match (peak, before) {
                                (Some(p), Some(b)) => {
                                    format!(
                                        " (+{:.1} MB over the start)",
                                        p.saturating_sub(b) as f64 / 1024.0
                                    )
                                }
                                _ => String::new(),
                            };
                            let s = time.as_secs_f64();
                            println!(
                                "  in-process  threads {t}: {:.2}s  {:.1} MB/s  {:.0} articles/s  {findings} findings  peak RSS {}{growth}",
                                s,
                                size as f64 / 1e6 / s,
                                articles as f64 / s,
                                mb(peak)
                            );
                            let _ = writeln!(
                                md,
                                "| in-process (library, JSON Lines to a sink) | {t} | {:.2} s | {:.1} | {:.0} | {}{growth} |",
                                s,
                                size as f64 / 1e6 / s,
                                articles as f64 / s,
                                mb(peak)
                            );
                        }
                        Err(e) => println!("  in-process stream failed: {e}"),
                    }
                }
                if o.binary && binary_streams(&bin) {
                    let p = path.to_string_lossy().to_string();
                    for &t in &thread_counts {
                        let threads = t.to_string();
                        let args = [
                            "check",
                            "--input",
                            "ndjson",
                            "--format",
                            "jsonl",
                            "--fail-on",
                            "never",
                            "--threads",
                            &threads,
                            &p,
                        ];
                        match run_binary(&bin, &args, t) {
                            Ok(r) => {
                                let s = r.time.as_secs_f64();
                                println!(
                                    "  binary      threads {t}: {:.2}s  {:.1} MB/s  {:.0} articles/s  {} lines  peak RSS {}  ({})",
                                    s,
                                    size as f64 / 1e6 / s,
                                    n as f64 / s,
                                    r.lines,
                                    mb(r.peak_kb),
                                    r.status
                                );
                                let _ = writeln!(
                                    md,
                                    "| `newslint check --input ndjson --format jsonl` | {t} | {:.2} s | {:.1} | {:.0} | {} |",
                                    s,
                                    size as f64 / 1e6 / s,
                                    n as f64 / s,
                                    mb(r.peak_kb)
                                );
                            }
                            Err(e) => println!("  binary run failed: {e}"),
                        }
                    }
                } else {
                    println!("  binary: skipped (no `check --input ndjson --format jsonl` in this build, or --no-binary)");
                    let _ = writeln!(
                        md,
                        "\n(binary run skipped: no `check --input ndjson` in this build)"
                    );
                }
            }
        }
    }

    if let Some(path) = &o.markdown {
        if let Err(e) = std::fs::write(path, &md) {
            eprintln!("cannot write {}: {e}", path.display());
        } else {
            println!("\nMarkdown table written to {}", path.display());
        }
    }
}
