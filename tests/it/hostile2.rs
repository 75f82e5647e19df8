//! Hostile input, round two (issue 16): threads, NDJSON batches, unbounded
//! config and baseline reads, signals, odd `--output` targets, broken
//! stdout with a baseline, forged CI annotations, terminal escapes,
//! non-UTF-8 file names and CR-only line endings, each through the real
//! binary.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::cli_support::{
    assert_exit, code, json, newslint, repo, run_in, stderr, stdout, temp_files, wait_bounded,
};

fn conflict_text() -> String {
    std::fs::read_to_string(repo().join("fixtures/cli/conflict.txt")).expect("fixture")
}

/// A field of `/proc/PID/status` as a number (the first word after the key).
fn proc_status(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find_map(|l| l.strip_prefix(key))?;
    line.split_whitespace().next()?.parse().ok()
}

/// Wait until `pid` catches signal number `sig` (its handler is installed).
fn wait_for_handler(pid: u32, sig: u32) {
    for _ in 0..1000 {
        let caught = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("SigCgt:"))
                    .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
            })
            .is_some_and(|mask| mask & (1 << (sig - 1)) != 0);
        if caught {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("signal {sig} handler never installed");
}

#[test]
fn a_huge_thread_count_is_capped_at_a_few_per_cpu() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = newslint(
        dir.path(),
        &[
            "check",
            "-",
            "--isolated",
            "--threads",
            "100000",
            "--format",
            "json",
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .expect("spawn");
    let pid = child.id();
    wait_for_handler(pid, 2);
    // The pool is built before stdin is read: watch the thread count while
    // the run waits for its input.
    let mut most = 0;
    for _ in 0..50 {
        most = most.max(proc_status(pid, "Threads:").unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(conflict_text().as_bytes()).expect("write");
    drop(stdin);
    let out = wait_bounded(child, "--threads 100000");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    // One input: one worker, plus the main thread and the signal thread.
    assert!(most >= 1 && most <= 4 * cpus + 3, "{most} threads");
    assert!(!json(&out)["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .is_empty());
}

#[test]
fn threads_help_names_the_cap() {
    let out = run_in(&repo(), &["check", "--help"], None);
    assert!(
        stdout(&out).contains("capped at 4 per CPU"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn ndjson_batches_are_bounded_by_bytes() {
    // 8 records of 1 MB with one thread: the old batch (32 records) waited
    // for all of them (and for the end of stdin) before checking any; by
    // bytes (4 MB a thread) the first results come while stdin is open.
    let dir = tempfile::tempdir().expect("tempdir");
    let text = conflict_text();
    let big = format!("{text}\n{}", "Filler words here. ".repeat(1_000_000 / 19));
    let mut lines = String::new();
    for i in 0..8 {
        lines.push_str(&serde_json::json!({"id": format!("r{i}"), "text": big}).to_string());
        lines.push('\n');
    }
    let mut child = newslint(
        dir.path(),
        &[
            "check",
            "--input",
            "ndjson",
            "-",
            "--isolated",
            "--format",
            "jsonl",
            "-j",
            "1",
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(lines.as_bytes()).expect("write");
    // Keep stdin open; a watchdog closes it at the deadline so that the old
    // behaviour fails instead of hanging.
    let closed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let flag = closed.clone();
    let watchdog = std::thread::spawn(move || {
        let _ = rx.recv_timeout(crate::cli_support::DEADLINE);
        flag.store(true, std::sync::atomic::Ordering::SeqCst);
        drop(stdin);
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    out.read_exact(&mut first).expect("a first result");
    let early = !closed.load(std::sync::atomic::Ordering::SeqCst);
    let _ = tx.send(());
    watchdog.join().expect("watchdog");
    let mut rest = Vec::new();
    out.read_to_end(&mut rest).expect("read");
    let done = wait_bounded(child, "ndjson");
    assert!(
        early,
        "no result before stdin closed: the batch waited for every record"
    );
    assert_eq!(code(&done), 1, "{}", stderr(&done));
    let rows = rest.iter().filter(|&&b| b == b'\n').count();
    assert!(rows >= 8, "{rows} rows");
}

#[test]
fn an_endless_config_or_baseline_is_refused_not_read_to_the_end() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), conflict_text()).expect("write");
    let out = run_in(
        dir.path(),
        &["check", "a.txt", "--config", "/dev/zero"],
        None,
    );
    assert_exit(&out, 2, "/dev/zero: cannot read config: larger than");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "--isolated",
            "--baseline",
            "/dev/urandom",
            "--max-bytes",
            "100000",
        ],
        None,
    );
    assert_exit(&out, 2, "/dev/urandom: cannot read baseline");
}

#[test]
fn a_wrong_long_config_line_is_quoted_as_a_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = format!("select = [\"NUM001\", {}]\n", "\"x\", ".repeat(100_000));
    std::fs::write(
        dir.path().join("newslint.toml"),
        format!("bogus = 1\n{line}"),
    )
    .expect("w");
    std::fs::write(dir.path().join("a.txt"), conflict_text()).expect("write");
    let out = run_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.len() < 2_000, "{} bytes on stderr", err.len());
    let long = format!("selekt = \"{}\"\n", "y".repeat(1_000_000));
    std::fs::write(dir.path().join("newslint.toml"), long).expect("w");
    let out = run_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.len() < 2_000,
        "{} bytes on stderr: {}",
        err.len(),
        &err[..200]
    );
    assert!(err.contains("selekt") && err.contains('…'), "{err}");
}

fn terminated(signal: &str, number: u32) {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    let child = newslint(
        dir.path(),
        &[
            "check",
            "-",
            "--isolated",
            "--format",
            "json",
            "--output",
            target.to_str().expect("p"),
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .expect("spawn");
    wait_for_handler(child.id(), number);
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let out = wait_bounded(child, signal);
    assert_eq!(out.status.code(), Some(130), "{signal}: {}", stderr(&out));
    assert!(
        temp_files(dir.path()).is_empty(),
        "{signal}: temp file left"
    );
    assert!(!target.exists());
}

#[test]
fn sigterm_and_sighup_leave_no_temp_file() {
    terminated("TERM", 15);
    terminated("HUP", 1);
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_writes_its_target_and_a_device_is_written_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), conflict_text()).expect("write");
    std::fs::write(dir.path().join("real.json"), "old").expect("write");
    std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).expect("symlink");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "--isolated",
            "--format",
            "json",
            "-o",
            "link.json",
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("link.json")).expect("link");
    assert!(link.file_type().is_symlink(), "the link is kept");
    let report = std::fs::read_to_string(dir.path().join("real.json")).expect("target");
    assert!(report.contains("NUM001"), "{report}");
    let out = run_in(
        dir.path(),
        &["check", "a.txt", "--isolated", "-o", "/dev/null"],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let null = std::fs::metadata("/dev/null").expect("/dev/null");
    use std::os::unix::fs::FileTypeExt;
    assert!(null.file_type().is_char_device());
    assert!(temp_files(Path::new("/dev")).is_empty());
}

#[test]
fn output_equal_to_an_input_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = conflict_text();
    std::fs::write(dir.path().join("a.txt"), &text).expect("write");
    let out = run_in(
        dir.path(),
        &["check", "a.txt", "--isolated", "-o", "./a.txt"],
        None,
    );
    assert_exit(&out, 2, "is also an input");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).expect("r"),
        text
    );
}

#[test]
fn write_baseline_survives_a_closed_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), conflict_text()).expect("write");
    let mut args = vec![
        "check",
        "--isolated",
        "--color",
        "never",
        "--write-baseline",
        "b.json",
    ];
    args.extend(std::iter::repeat_n("a.txt", 500));
    let mut child = newslint(dir.path(), &args).spawn().expect("spawn");
    let pipe = child.stdout.take().expect("stdout");
    let head = Command::new("head")
        .arg("-1")
        .stdin(Stdio::from(pipe))
        .stdout(Stdio::piped())
        .spawn()
        .expect("head");
    let head = head.wait_with_output().expect("head");
    assert_eq!(String::from_utf8_lossy(&head.stdout).lines().count(), 1);
    let out = wait_bounded(child, "--write-baseline | head -1");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let baseline = std::fs::read_to_string(dir.path().join("b.json")).expect("baseline written");
    let v: serde_json::Value = serde_json::from_str(&baseline).expect("json");
    assert_eq!(v["findings"].as_array().expect("findings").len(), 500);
}

#[cfg(unix)]
#[test]
fn a_file_name_cannot_forge_a_workflow_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "x\n::warning file=README.md,line=1,title=forged::Approved by newslint\n.txt";
    std::fs::write(dir.path().join(name), b"Votes\n\xff\n").expect("write");
    let out = run_in(
        dir.path(),
        &["check", name, "--isolated", "--format", "github"],
        None,
    );
    assert_eq!(code(&out), 2);
    for stream in [stdout(&out), stderr(&out)] {
        for line in stream.lines() {
            assert!(
                !line.starts_with("::warning"),
                "a forged command line: {line:?} in\n{stream}"
            );
        }
    }
    assert!(
        stdout(&out).starts_with("::error file=x%0A%3A%3Awarning"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("x\\n::warning"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn an_ndjson_id_with_a_newline_is_escaped_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rec = serde_json::json!({"id": "a\n::warning ::forged", "text": ""}).to_string();
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--input",
            "ndjson",
            "-",
            "--isolated",
            "--format",
            "github",
        ],
        Some(rec.as_bytes()),
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        !stderr(&out).lines().any(|l| l.starts_with("::")),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("a\\n::warning"), "{}", stderr(&out));
}

#[test]
fn terminal_escapes_in_an_article_are_shown_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Votes\n\nNo. | Key Points |\n---|---|\n1 | Over 400 arrests \u{1b}[2J\u{1b}]0;pwned\u{7} \u{202e}were made |\n\nPolice made nearly 400 arrests on Monday.\n";
    std::fs::write(dir.path().join("esc.txt"), text).expect("write");
    for format in ["human", "github"] {
        let out = run_in(
            dir.path(),
            &[
                "check",
                "esc.txt",
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let shown = stdout(&out);
        assert!(!shown.contains('\u{1b}'), "{format}: raw ESC in {shown:?}");
        assert!(!shown.contains('\u{7}'), "{format}: raw BEL");
        assert!(!shown.contains('\u{202e}'), "{format}: raw bidi override");
        if format == "human" {
            assert!(shown.contains("\u{241b}[2J"), "{shown}");
            assert!(shown.contains("<U+202E>"), "{shown}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn two_non_utf8_file_names_stay_apart() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let text = conflict_text();
    let a = OsStr::from_bytes(b"c\xff.txt");
    let b = OsStr::from_bytes(b"c\xfe.txt");
    std::fs::write(dir.path().join(a), &text).expect("write");
    std::fs::write(dir.path().join(b), &text).expect("write");
    // A baseline of the first file must not silence the second.
    let out = newslint(
        dir.path(),
        &["check", "--isolated", "--write-baseline", "b.json"],
    )
    .arg(a)
    .output()
    .expect("run");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = newslint(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--baseline",
            "b.json",
            "--format",
            "json",
        ],
    )
    .arg(a)
    .arg(b)
    .output()
    .expect("run");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    let files = report["files"].as_array().expect("files");
    assert_eq!(files[0]["path"], "c\\xff.txt");
    assert_eq!(files[1]["path"], "c\\xfe.txt");
    assert!(files[0]["findings"].as_array().expect("f").is_empty());
    assert!(!files[1]["findings"].as_array().expect("f").is_empty());
}

/// `text` with its line breaks rewritten: every one as `\r`, or cycling
/// through `\n`, `\r\n` and `\r`.
fn with_line_ends(text: &str, mixed: bool) -> String {
    let ends = ["\n", "\r\n", "\r"];
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        if i + 1 < lines.len() {
            out.push_str(if mixed { ends[i % 3] } else { "\r" });
        }
    }
    out
}

#[test]
fn cr_only_and_mixed_line_endings_read_like_lf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lf = std::fs::read_to_string(repo().join("fixtures/eval/clean_earnings_report.txt"))
        .expect("fixture");
    let conflict = conflict_text();
    std::fs::write(dir.path().join("lf.txt"), &lf).expect("w");
    std::fs::write(dir.path().join("cr.txt"), with_line_ends(&lf, false)).expect("w");
    std::fs::write(dir.path().join("mixed.txt"), with_line_ends(&lf, true)).expect("w");
    std::fs::write(dir.path().join("c-lf.txt"), &conflict).expect("w");
    std::fs::write(
        dir.path().join("c-cr.txt"),
        with_line_ends(&conflict, false),
    )
    .expect("w");
    let shape = |name: &str| {
        let out = run_in(dir.path(), &["parse", name], None);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v = json(&out);
        let count = |k: &str| v[k].as_array().map_or(0, Vec::len);
        (count("key_points"), count("faq"), count("sections"))
    };
    let want = shape("lf.txt");
    assert!(
        want.0 > 0 && want.1 > 0,
        "the fixture has key points and a FAQ: {want:?}"
    );
    assert_eq!(shape("cr.txt"), want);
    assert_eq!(shape("mixed.txt"), want);
    let findings = |names: &[&str]| {
        let mut args = vec!["check", "--isolated", "--format", "json"];
        args.extend(names);
        let out = run_in(dir.path(), &args, None);
        let v = json(&out);
        v["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| {
                f["findings"]
                    .as_array()
                    .expect("findings")
                    .iter()
                    .map(|x| (x["code"].clone(), x["locations"][0]["line"].clone()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let all = findings(&["lf.txt", "cr.txt", "mixed.txt", "c-lf.txt", "c-cr.txt"]);
    assert!(
        all[0].is_empty() && all[1].is_empty() && all[2].is_empty(),
        "{all:?}"
    );
    assert!(!all[3].is_empty());
    assert_eq!(
        all[3], all[4],
        "CR-only: the same findings on the same lines"
    );
}

#[test]
fn invisible_characters_do_not_hide_a_contradiction() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = std::fs::read_to_string(repo().join("fixtures/parse/example.txt")).expect("fx");
    assert!(example.contains("Over 400"), "the example says `Over 400`");
    let variants = [
        ("zwsp", "Over 4\u{200b}00", true),
        ("soft-hyphen", "Over 4\u{ad}00", true),
        ("bom", "Over 4\u{feff}00", true),
        ("zwsp-in-hedge", "O\u{200b}ver 400", true),
        ("full-width", "Over \u{ff14}\u{ff10}\u{ff10}", false),
        ("bidi", "Over \u{202e}004\u{202c}", true),
    ];
    let mut names = Vec::new();
    for (name, text, _) in variants {
        let file = format!("{name}.txt");
        std::fs::write(
            dir.path().join(&file),
            example.replacen("Over 400", text, 1),
        )
        .expect("w");
        names.push(file);
    }
    let mut args = vec!["check", "--isolated", "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    let out = run_in(dir.path(), &args, None);
    let report = json(&out);
    for (i, (name, _, hidden)) in variants.iter().enumerate() {
        let codes: Vec<&str> = report["files"][i]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        // The bidi override really reads 004: only the hidden character is
        // reported; every other variant still reads 400.
        if *name != "bidi" {
            assert!(codes.contains(&"NUM001"), "{name}: {codes:?}");
        }
        assert_eq!(codes.contains(&"ART005"), *hidden, "{name}: {codes:?}");
    }
}
