//! The real binary: formats, exit codes, inputs, config, baseline.
//!
//! The rules are written in parallel with this layer, so tests that need
//! findings derive the expected exit code from the JSON report of the same
//! run instead of assuming which rules fire; render tests cover the formats
//! on hand-built findings.

use std::io::Read;

use serde_json::Value;

use crate::cli_support::{
    assert_exit, assert_stderr_has, code, interrupted_check, json, mkfifo, newslint, paths_of,
    repo, run, run_in, stderr, stdout, wait_bounded,
};

/// The exit code a report calls for at `--fail-on error`.
fn expected_code(report: &Value) -> i32 {
    if report["summary"]["unreadable"].as_u64() > Some(0) {
        2
    } else if report["summary"]["errors"].as_u64() > Some(0) {
        1
    } else {
        0
    }
}

const FOLDER: &str = "fixtures/cli";

#[test]
fn directory_walk_keeps_txt_and_md_and_skips_hidden_and_gitignored_files() {
    let out = run(&["check", FOLDER, "--isolated", "--format", "json"]);
    let report = json(&out);
    assert_eq!(
        paths_of(&report),
        [
            "fixtures/cli/clean.txt",
            "fixtures/cli/conflict.txt",
            "fixtures/cli/nested/followup.txt",
            "fixtures/cli/notes.md",
        ]
    );
    assert_eq!(code(&out), expected_code(&report), "{}", stderr(&out));
}

#[test]
fn glob_changes_which_walked_files_are_read() {
    let out = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--format",
        "json",
        "--glob",
        "*.md",
    ]);
    assert_eq!(paths_of(&json(&out)), ["fixtures/cli/notes.md"]);
}

#[test]
fn a_file_named_explicitly_is_read_whatever_its_extension() {
    let out = run(&[
        "check",
        "fixtures/cli/data.json",
        "--isolated",
        "--format",
        "json",
    ]);
    let report = json(&out);
    assert_eq!(paths_of(&report), ["fixtures/cli/data.json"]);
    assert_eq!(report["files"][0]["error"], Value::Null);
}

#[test]
fn every_format_renders_the_fixture_folder_with_the_same_exit_code() {
    let report = json(&run(&["check", FOLDER, "--isolated", "--format", "json"]));
    let want = expected_code(&report);
    let findings = report["summary"]["findings"].as_u64().expect("count") as usize;
    for format in ["human", "json", "jsonl", "sarif", "github"] {
        let out = run(&["check", FOLDER, "--isolated", "--format", format]);
        assert_eq!(code(&out), want, "--format {format}: {}", stderr(&out));
        let text = stdout(&out);
        match format {
            "human" => assert!(
                text.lines()
                    .last()
                    .is_some_and(|l| l.starts_with("No findings") || l.starts_with("Found")),
                "{text}"
            ),
            "jsonl" => {
                assert_eq!(text.lines().count(), findings);
                for line in text.lines() {
                    let v: Value = serde_json::from_str(line).expect("JSON line");
                    assert!(v["path"].is_string() && v["code"].is_string());
                }
            }
            "sarif" => {
                let v: Value = serde_json::from_str(&text).expect("SARIF is JSON");
                assert_eq!(v["version"], "2.1.0");
                let results = v["runs"][0]["results"].as_array().expect("results");
                assert_eq!(results.len(), findings);
            }
            "github" => {
                assert_eq!(text.lines().count(), findings);
                assert!(text.lines().all(|l| l.starts_with("::")));
            }
            _ => assert_eq!(json(&out), report),
        }
    }
}

#[test]
fn jsonl_summary_line_only_with_summary_flag() {
    let out = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--format",
        "jsonl",
        "--summary",
    ]);
    let last = stdout(&out)
        .lines()
        .last()
        .map(str::to_string)
        .expect("a line");
    let v: Value = serde_json::from_str(&last).expect("JSON");
    assert_eq!(v["summary"]["files"], 4);
}

#[test]
fn fail_on_never_always_exits_zero_and_fail_on_info_fails_on_any_finding() {
    let report = json(&run(&["check", FOLDER, "--isolated", "--format", "json"]));
    let out = run(&["check", FOLDER, "--isolated", "--fail-on", "never"]);
    assert_eq!(code(&out), 0);
    let out = run(&["check", FOLDER, "--isolated", "--fail-on", "info"]);
    let any = report["summary"]["findings"].as_u64() > Some(0);
    assert_eq!(code(&out), i32::from(any));
}

#[test]
fn stdin_is_read_under_the_stdin_filename() {
    let text = std::fs::read(repo().join("fixtures/cli/conflict.txt")).expect("fixture");
    let out = run_in(
        &repo(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "story.txt",
            "--isolated",
            "--format",
            "json",
        ],
        Some(&text),
    );
    let report = json(&out);
    assert_eq!(paths_of(&report), ["story.txt"]);
    let from_file = json(&run(&[
        "check",
        "fixtures/cli/conflict.txt",
        "--isolated",
        "--format",
        "json",
    ]));
    assert_eq!(
        report["files"][0]["findings"].as_array().map(Vec::len),
        from_file["files"][0]["findings"].as_array().map(Vec::len)
    );
}

#[test]
fn ndjson_records_are_checked_and_a_malformed_line_is_reported_with_its_number() {
    let clean = std::fs::read_to_string(repo().join("fixtures/cli/clean.txt")).expect("fixture");
    let record = |id: &str| serde_json::json!({"id": id, "text": clean}).to_string();
    let input = format!("{}\n{{not json\n\n{}\n", record("a-1"), record("b-2"));
    let out = run_in(
        &repo(),
        &[
            "check",
            "--input",
            "ndjson",
            "-",
            "--isolated",
            "--format",
            "json",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(code(&out), 2, "a malformed line is an input error");
    let report = json(&out);
    assert_eq!(paths_of(&report), ["a-1", "<stdin>", "b-2"]);
    let error = report["files"][1]["error"].as_str().expect("error");
    assert!(error.starts_with("line 2:"), "{error}");
    assert_eq!(report["files"][0]["error"], Value::Null);
    assert_eq!(report["files"][2]["error"], Value::Null);
    assert_stderr_has(&out, "<stdin>: line 2:");
}

#[test]
fn unreadable_inputs_among_good_ones_exit_2_and_the_rest_is_still_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 owners said on Monday.\n").expect("write");
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &dangling).expect("symlink");
    let good = repo().join("fixtures/cli/clean.txt");
    let sub = dir.path().join("a-directory.txt");
    std::fs::create_dir(&sub).expect("mkdir");
    let args = [
        "check",
        good.to_str().expect("utf-8 path"),
        bad.to_str().expect("utf-8 path"),
        dangling.to_str().expect("utf-8 path"),
        "no/such/file.txt",
        good.to_str().expect("utf-8 path"),
        "--isolated",
        "--format",
        "json",
    ];
    let out = run(&args);
    assert_eq!(code(&out), 2);
    let report = json(&out);
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 5);
    assert_eq!(files[0]["error"], Value::Null);
    assert_eq!(files[4]["error"], Value::Null);
    assert_eq!(
        files[1]["error"],
        "not valid UTF-8 (first bad byte at offset 3)"
    );
    assert!(files[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("dangling")));
    assert_eq!(files[3]["error"], "no such file");
    let err = stderr(&out);
    assert!(err.contains("latin1.txt: not valid UTF-8"), "{err}");
    assert!(err.contains("no/such/file.txt: no such file"), "{err}");
    assert_eq!(report["summary"]["unreadable"], 3);
}

#[test]
fn bad_inputs_are_refused_with_a_clear_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "contains only whitespace"),
        ("nul.txt", b"abc\0def", "binary file (NUL byte at offset 3)"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file"),
        // UTF-16 with a byte-order mark is decoded: see hostile.rs.
        ("utf32.txt", b"\xff\xfe\0\0H\0\0\0", "UTF-32"),
    ];
    for (name, bytes, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = run_in(dir.path(), &["check", name, "--isolated"], None);
        assert_eq!(code(&out), 2, "{name}");
        let err = stderr(&out);
        assert!(err.contains(name) && err.contains(want), "{name}: {err}");
    }
}

#[test]
fn max_bytes_refuses_larger_inputs() {
    let out = run(&[
        "check",
        "fixtures/cli/clean.txt",
        "--isolated",
        "--max-bytes",
        "100",
    ]);
    assert_exit(&out, 2, "larger than the limit of 100 bytes");
}

#[test]
fn a_symlink_loop_in_a_walked_directory_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        repo().join("fixtures/cli/clean.txt"),
        dir.path().join("a.txt"),
    )
    .expect("copy");
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).expect("symlink");
    let out = run_in(
        dir.path(),
        &["check", ".", "--isolated", "--format", "json"],
        None,
    );
    let report = json(&out);
    assert!(paths_of(&report).iter().any(|p| p.ends_with("a.txt")));
    // A self-referencing symlink is not a regular file: the walk skips it.
    assert_eq!(code(&out), expected_code(&report));
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    let out = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--format",
        "json",
        "--output",
        target.to_str().expect("utf-8"),
    ]);
    assert!(out.stdout.is_empty());
    let written: Value =
        serde_json::from_slice(&std::fs::read(&target).expect("report written")).expect("JSON");
    assert_eq!(written["summary"]["files"], 4);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("report.json")]);
}

#[test]
fn closed_stdout_exits_quietly() {
    let many: Vec<&str> = std::iter::repeat_n("fixtures/cli/clean.txt", 3000).collect();
    let mut args = vec!["check", "--isolated", "--format", "json"];
    args.extend(many);
    let mut child = newslint(&repo(), &args).spawn().expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The read end is dropped here, as `| head -c 16` would.
    let out = wait_bounded(child, "| head -c 16");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
    assert_ne!(out.status.code(), Some(101));
}

// ---------------------------------------------------------------- config

#[test]
fn config_file_is_found_from_the_current_directory_upward() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("newslint.toml"), "fail-on = \"never\"\n").expect("write");
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let out = run_in(&sub, &["config"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("newslint.toml"), "{text}");
    assert!(text.contains("fail-on = \"never\""), "{text}");
    let isolated = stdout(&run_in(&sub, &["config", "--isolated"], None));
    assert!(isolated.contains("fail-on = \"error\""), "{isolated}");
    assert!(isolated.contains("config file: none"), "{isolated}");
}

#[test]
fn command_line_fail_on_wins_over_the_file() {
    let out = run(&[
        "config",
        "--config",
        "fixtures/config/valid.toml",
        "--fail-on",
        "info",
    ]);
    assert!(stdout(&out).contains("fail-on = \"info\""));
}

#[test]
fn unknown_keys_and_bad_values_name_the_file_and_the_key() {
    let cases = [
        ("unknown_key.toml", "unknown field `fail_on`"),
        ("unknown_override_key.toml", "unknown field `selekt`"),
        ("bad_value.toml", "fail-on = \"sometimes\""),
        (
            "unknown_rule.toml",
            "`ignore`: unknown rule `quantity-confict`",
        ),
        ("bad_toml.toml", "line 2"),
    ];
    for (file, want) in cases {
        let path = format!("fixtures/config/{file}");
        for cmd in ["config", "check"] {
            let mut args = vec![cmd, "--config", &path];
            if cmd == "check" {
                args.push("fixtures/cli/clean.txt");
            }
            let out = run(&args);
            assert_eq!(code(&out), 2, "{cmd} {file}");
            let err = stderr(&out);
            assert!(
                err.contains(&path) && err.contains(want),
                "{cmd} {file}: {err}"
            );
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
fn select_and_ignore_choose_the_rules_that_run() {
    let listed = |args: &[&str]| {
        let mut all = vec!["config", "--isolated"];
        all.extend_from_slice(args);
        stdout(&run(&all))
    };
    let only = listed(&["--select", "NUM001"]);
    assert!(
        only.contains("NUM001 quantity-conflict            error"),
        "{only}"
    );
    assert!(
        only.contains("NUM002 unsupported-quantity         off"),
        "{only}"
    );
    let none = listed(&["--ignore", "NUM"]);
    let num_lines: Vec<&str> = none.lines().filter(|l| l.starts_with("# NUM")).collect();
    assert!(!num_lines.is_empty(), "{none}");
    assert!(num_lines.iter().all(|l| l.ends_with(" off")), "{none}");
    assert!(
        none.contains("QUO001 quote-mismatch               error"),
        "{none}"
    );
    let by_name = listed(&["--select", "unsupported-quantity"]);
    assert!(
        by_name.contains("NUM001 quantity-conflict            off"),
        "{by_name}"
    );
    let out = run(&["check", "--isolated", "--select", "NUM999x", FOLDER]);
    assert_exit(&out, 2, "--select: unknown rule `NUM999x`");
}

#[test]
fn ignoring_every_rule_leaves_no_findings() {
    let out = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--ignore",
        "ALL",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["summary"]["findings"], 0);
}

// ---------------------------------------------------------------- baseline

#[test]
fn baseline_round_trip_silences_recorded_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let baseline = dir.path().join("baseline.json");
    let b = baseline.to_str().expect("utf-8");
    let write = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--write-baseline",
        b,
        "--format",
        "json",
    ]);
    assert_eq!(code(&write), 0, "{}", stderr(&write));
    let recorded: Value =
        serde_json::from_slice(&std::fs::read(&baseline).expect("baseline written")).expect("JSON");
    assert_eq!(recorded["schema_version"], 1);
    assert_eq!(
        recorded["findings"].as_array().map(Vec::len),
        json(&write)["summary"]["findings"]
            .as_u64()
            .map(|n| n as usize)
    );
    let again = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--baseline",
        b,
        "--format",
        "json",
    ]);
    assert_eq!(code(&again), 0);
    assert_eq!(json(&again)["summary"]["findings"], 0);
}

#[test]
fn a_bad_baseline_file_is_an_error_naming_it() {
    let out = run(&[
        "check",
        FOLDER,
        "--isolated",
        "--baseline",
        "fixtures/cli/clean.txt",
    ]);
    assert_exit(&out, 2, "fixtures/cli/clean.txt: not a newslint baseline");
}

// ---------------------------------------------------------------- other commands

#[test]
fn rules_lists_every_rule_and_rule_prints_its_docs() {
    let list = stdout(&run(&["rules"]));
    for rule in newslint::rules::RULES {
        let m = rule.meta();
        assert!(list.contains(m.code) && list.contains(m.name), "{list}");
        let docs = run(&["rule", m.code]);
        assert_eq!(code(&docs), 0);
        assert!(stdout(&docs).contains(m.summary()));
        assert_eq!(stdout(&run(&["rule", m.name])), stdout(&docs));
    }
    let md = stdout(&run(&["rules", "--markdown"]));
    assert!(md.starts_with("| code | name | category | default | summary |\n|---|"));
    assert_eq!(md.lines().count(), newslint::rules::RULES.len() + 2);
    let js: Value =
        serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).expect("JSON");
    assert_eq!(
        js.as_array().map(Vec::len),
        Some(newslint::rules::RULES.len())
    );
    let unknown = run(&["rule", "XYZ123"]);
    assert_exit(&unknown, 2, "unknown rule `XYZ123`");
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains("check"), "{shell}");
    }
    let man = run(&["man"]);
    assert_eq!(code(&man), 0);
    assert!(stdout(&man).starts_with(".ie") || stdout(&man).contains(".TH"));
}

#[test]
fn parse_and_claims_report_input_errors_with_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.txt"), b"ok \xff").expect("write");
    let cases = [
        ("missing.txt", "missing.txt: no such file"),
        (".", ".: is a directory"),
        (
            "bad.txt",
            "bad.txt: not valid UTF-8 (first bad byte at offset 3)",
        ),
    ];
    for cmd in ["parse", "claims"] {
        for (path, want) in cases {
            let out = run_in(dir.path(), &[cmd, path], None);
            assert_eq!(code(&out), 2, "{cmd} {path}");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains(want), "{cmd} {path}: {err}");
        }
    }
    let ok = run(&["parse", "fixtures/cli/clean.txt", "--compact"]);
    assert_eq!(code(&ok), 0);
    assert_eq!(json(&ok)["schema_version"], 1);
}

#[test]
fn lossy_decodes_invalid_utf8_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 owners met on Monday.\n",
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "latin1.txt",
            "--isolated",
            "--lossy",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(&out)["files"][0]["error"], Value::Null);
    let err = stderr(&out);
    assert!(err.contains("warning: latin1.txt: not valid UTF-8 (first bad byte at offset 3); decoded with replacement characters"), "{err}");
}

#[test]
fn sigint_exits_130_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = interrupted_check(dir.path(), &dir.path().join("report.json"));
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn ndjson_from_a_file_skips_an_over_long_line_and_keeps_going() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = std::fs::read_to_string(repo().join("fixtures/cli/clean.txt")).expect("fixture");
    let big = "x".repeat(20_000);
    let lines = [
        serde_json::json!({"id": "first", "text": clean}).to_string(),
        serde_json::json!({"id": "huge", "text": big}).to_string(),
        serde_json::json!({"id": "last", "text": clean}).to_string(),
    ];
    std::fs::write(dir.path().join("corpus.ndjson"), lines.join("\n")).expect("write");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--input",
            "ndjson",
            "corpus.ndjson",
            "--isolated",
            "--format",
            "jsonl",
            "--summary",
            "--max-bytes",
            "2000",
        ],
        None,
    );
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    let rows: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let errors: Vec<&Value> = rows.iter().filter(|r| r.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert_eq!(errors[0]["path"], "corpus.ndjson");
    assert!(errors[0]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("line 2: larger than the limit")));
    assert_eq!(rows.last().expect("summary")["summary"]["files"], 3);
}

#[test]
fn closed_stdin_is_an_empty_input() {
    let out = run(&["check", "-", "--isolated"]);
    assert_exit(&out, 2, "<stdin>: empty file");
}

#[test]
fn a_fifo_in_a_walked_directory_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        repo().join("fixtures/cli/clean.txt"),
        dir.path().join("a.txt"),
    )
    .expect("copy");
    mkfifo(&dir.path().join("pipe.txt"));
    let out = run_in(
        dir.path(),
        &["check", ".", "--isolated", "--format", "json"],
        None,
    );
    assert_eq!(paths_of(&json(&out)), ["a.txt"]);
}

#[test]
fn quiet_leaves_out_the_human_summary_line() {
    let out = run(&["check", "fixtures/cli/clean.txt", "--isolated", "--quiet"]);
    assert!(!stdout(&out).contains("findings in"), "{}", stdout(&out));
    let loud = run(&["check", "fixtures/cli/clean.txt", "--isolated"]);
    assert!(stdout(&loud)
        .lines()
        .last()
        .is_some_and(|l| l.contains("in 1 file.")));
}
