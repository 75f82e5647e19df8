//! The bugs a new user hits and the conventions users expect (issue 14),
//! each checked on the real binary: SARIF of absolute paths, report file
//! modes, hard-wrapped Markdown, `..` paths, the config closest to each
//! file, man pages, rule docs, terminal-fitted output, `--statistics`,
//! `--output-format`, FORCE_COLOR, NDJSON records, several files for
//! `parse`/`claims`, and the notes of the rules' size limits.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::cli_support::{code, fixture_text, json, newslint, repo, run, run_in, stderr, stdout};

const CONFLICT: &str = "fixtures/cli/conflict.txt";

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create dir");
    }
    std::fs::write(path, text).expect("write");
}

/// Run newslint in `dir` with extra environment variables.
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = newslint(dir, args);
    cmd.env_remove("COLUMNS")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NEWSLINT_CONFIG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("spawn newslint");
    crate::cli_support::wait_bounded(child, &args.join(" "))
}

/// The codes of a JSON report's findings, per file path.
fn codes(report: &Value) -> Vec<(String, Vec<String>)> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let codes = f["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|x| x["code"].as_str().expect("code").to_string())
                .collect();
            (f["path"].as_str().expect("path").to_string(), codes)
        })
        .collect()
}

/// Every `artifactLocation` in a SARIF log.
fn artifact_locations(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if k == "artifactLocation" {
                    out.push(x.clone());
                }
                artifact_locations(x, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|x| artifact_locations(x, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------- 1. SARIF

#[test]
fn sarif_of_absolute_paths_has_file_uris_without_a_base_id() {
    let abs = repo().join(CONFLICT);
    let abs = abs.to_str().expect("utf-8 path");
    let missing = repo().join("no-such-file.txt");
    let missing = missing.to_str().expect("utf-8 path");
    let out = run(&["check", abs, missing, CONFLICT, "--format", "sarif"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let log = json(&out);
    let mut locations = Vec::new();
    artifact_locations(&log, &mut locations);
    let (absolute, relative): (Vec<&Value>, Vec<&Value>) = locations
        .iter()
        .partition(|l| l["uri"].as_str().is_some_and(|u| u.starts_with("file://")));
    assert!(
        absolute.len() >= 2,
        "a finding and the notification: {absolute:?}"
    );
    for l in &absolute {
        assert!(
            l.get("uriBaseId").is_none(),
            "absolute URI with a base: {l}"
        );
    }
    assert!(!relative.is_empty());
    for l in &relative {
        assert_eq!(
            l["uriBaseId"], "%SRCROOT%",
            "relative URI without a base: {l}"
        );
    }
    let notification = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        format!("file://{missing}")
    );
}

// ---------------------------------------------------------------- 2. modes

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

/// `umask 022; newslint ARGS` (the umask is the shell's: newslint takes no
/// libc dependency, and neither do its tests).
#[cfg(unix)]
fn run_with_umask(dir: &Path, umask: &str, args: &[&str]) -> Output {
    let script = format!("umask {umask}; exec \"$0\" \"$@\"");
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(crate::cli_support::BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    crate::cli_support::wait_bounded(child, &args.join(" "))
}

#[cfg(unix)]
#[test]
fn report_and_baseline_files_follow_the_umask_and_existing_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("a.txt"), &fixture_text("cli/conflict.txt"));
    let out = run_with_umask(
        dir.path(),
        "022",
        &[
            "check",
            "a.txt",
            "--isolated",
            "--format",
            "json",
            "-o",
            "new.json",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(mode(&dir.path().join("new.json")), 0o644);
    assert_eq!(mode(&dir.path().join("base.json")), 0o644);
    let out = run_with_umask(
        dir.path(),
        "077",
        &["check", "a.txt", "--isolated", "-o", "private.txt"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(mode(&dir.path().join("private.txt")), 0o600);

    let existing = dir.path().join("new.json");
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let out = run_with_umask(
        dir.path(),
        "022",
        &[
            "check",
            "a.txt",
            "--isolated",
            "--format",
            "json",
            "-o",
            "new.json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(mode(&existing), 0o664, "an existing report keeps its mode");
}

// ---------------------------------------------------------------- 3. Markdown

#[test]
fn a_hard_wrapped_markdown_paragraph_is_not_read_as_headings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "# Council approves budget\n\n\
                The city council approved the budget on Tuesday after a long debate\n\
                Members argued over the parks department for most of the evening\n\
                and the vote came just before midnight.\n\n\
                ## Parks\n\n\
                Parks will get a larger share than last year, the council said, and\n\
                Three new playgrounds are planned for the east side of the city.\n";
    write(&dir.path().join("a.md"), text);
    let out = run_in(
        dir.path(),
        &["check", "a.md", "--isolated", "--format", "json"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let parsed = json(&run_in(dir.path(), &["parse", "a.md"], None));
    let headings: Vec<&str> = parsed["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["heading"]["text"].as_str())
        .collect();
    assert_eq!(headings, ["Parks"], "{parsed}");
    // The README's own recipe: the evaluation set's README is clean.
    let out = run(&["check", "fixtures/eval/README.md", "--isolated"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

// ---------------------------------------------------------------- 4 and 5. config

/// cfg/newslint.toml ignores NUM001 under archive/; cfg/sub/deeper is empty.
fn config_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("cfg");
    write(
        &cfg.join("newslint.toml"),
        "[[overrides]]\nfiles = [\"archive/**\"]\nignore = [\"NUM001\"]\n",
    );
    write(
        &cfg.join("archive/a.txt"),
        &fixture_text("cli/conflict.txt"),
    );
    write(&cfg.join("news/b.txt"), &fixture_text("cli/conflict.txt"));
    std::fs::create_dir_all(cfg.join("sub/deeper")).expect("mkdir");
    dir
}

#[test]
fn overrides_apply_to_paths_spelled_with_dot_dot() {
    let dir = config_tree();
    let deeper = dir.path().join("cfg/sub/deeper");
    let report = json(&run_in(
        &deeper,
        &["check", "../..", "--format", "json"],
        None,
    ));
    let found = codes(&report);
    let archive = found
        .iter()
        .find(|(p, _)| p.ends_with("archive/a.txt"))
        .expect("archive file checked");
    assert!(!archive.1.contains(&"NUM001".to_string()), "{found:?}");
    let news = found
        .iter()
        .find(|(p, _)| p.ends_with("news/b.txt"))
        .expect("news file checked");
    assert!(news.1.contains(&"NUM001".to_string()), "{found:?}");
    let report = json(&run_in(
        &deeper,
        &["check", "../../news/../archive/./a.txt", "--format", "json"],
        None,
    ));
    assert!(codes(&report)[0].1.iter().all(|c| c != "NUM001"));
}

#[test]
fn a_baseline_hides_a_file_spelled_another_way() {
    let dir = config_tree();
    let cfg = dir.path().join("cfg");
    let out = run_in(
        &cfg,
        &["check", "news/b.txt", "--write-baseline", "base.json"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let deeper = cfg.join("sub/deeper");
    for spelling in ["../../news/b.txt", "../../news/./b.txt"] {
        let out = run_in(
            &deeper,
            &[
                "check",
                spelling,
                "--baseline",
                "../../base.json",
                "--format",
                "json",
            ],
            None,
        );
        assert_eq!(code(&out), 0, "{spelling}: {}", stdout(&out));
        assert_eq!(json(&out)["summary"]["findings"], 0, "{spelling}");
    }
}

#[test]
fn each_file_uses_the_config_closest_to_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        &root.join("a/newslint.toml"),
        "fail-on = \"never\"\n[severity]\nNUM001 = \"warning\"\n",
    );
    write(&root.join("a/x.txt"), &fixture_text("cli/conflict.txt"));
    write(&root.join("b/x.txt"), &fixture_text("cli/conflict.txt"));
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");

    // From a directory with no config, a/x.txt still gets a's.
    let out = run_env(&elsewhere, &["check", "../a/x.txt"], &[]);
    assert_eq!(code(&out), 0, "a's fail-on = never: {}", stdout(&out));
    let out = run_env(&elsewhere, &["check", "../b/x.txt"], &[]);
    assert_eq!(code(&out), 1, "b has no config: {}", stdout(&out));
    let out = run_env(
        &elsewhere,
        &["check", "../a", "../b", "--format", "json"],
        &[],
    );
    assert_eq!(code(&out), 1, "b's finding fails the run");
    let report = json(&out);
    let severities: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["findings"][0]["severity"].as_str().expect("severity"))
        .collect();
    assert_eq!(severities, ["warning", "error"]);

    // `config FILE` names the config and why.
    let out = run_env(&elsewhere, &["config", "../a/x.txt"], &[]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(text.contains("a/newslint.toml"), "{text}");
    assert!(text.contains("# why: the closest newslint.toml"), "{text}");
    assert!(text.contains("NUM001 quantity-conflict"), "{text}");
    assert!(text.contains("warning"), "{text}");
    let text = stdout(&run_env(&elsewhere, &["config", "../b/x.txt"], &[]));
    assert!(text.contains("config file: none"), "{text}");

    // --config and NEWSLINT_CONFIG force one config for every file.
    let forced = root.join("a/newslint.toml");
    let forced = forced.to_str().expect("utf-8 path");
    let out = run_env(
        &elsewhere,
        &["check", "../b/x.txt", "--config", forced],
        &[],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = run_env(
        &elsewhere,
        &["check", "../b/x.txt"],
        &[("NEWSLINT_CONFIG", forced)],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = stdout(&run_env(
        &elsewhere,
        &["config", "../b/x.txt"],
        &[("NEWSLINT_CONFIG", forced)],
    ));
    assert!(text.contains("# why: given by NEWSLINT_CONFIG"), "{text}");
}

#[test]
fn a_broken_config_near_a_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("a/newslint.toml"), "fail_on = \"never\"\n");
    write(
        &dir.path().join("a/x.txt"),
        &fixture_text("cli/conflict.txt"),
    );
    write(
        &dir.path().join("b/x.txt"),
        &fixture_text("cli/conflict.txt"),
    );
    let out = run_env(
        dir.path(),
        &["check", "a/x.txt", "b/x.txt", "--format", "json"],
        &[],
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("newslint.toml") && err.contains("fail_on"),
        "{err}"
    );
    assert_eq!(
        json(&out)["summary"]["unreadable"],
        1,
        "b/x.txt is still checked"
    );
}

// ---------------------------------------------------------------- 6 and 7. docs

#[test]
fn man_has_a_complete_page_for_every_subcommand() {
    let main = stdout(&run(&["man"]));
    assert!(main.contains("newslint\\-check(1)"), "{main}");
    for sub in [
        "check",
        "parse",
        "claims",
        "rule",
        "rules",
        "config",
        "completions",
        "man",
    ] {
        let out = run(&["man", sub]);
        assert_eq!(code(&out), 0, "{sub}: {}", stderr(&out));
        let page = stdout(&out);
        assert!(
            page.contains(&format!(".TH newslint-{sub} 1")),
            "{sub}: {page}"
        );
    }
    let check = stdout(&run(&["man", "check"]));
    for option in [
        "\\-\\-format",
        "\\-\\-statistics",
        "\\-\\-fail\\-on",
        "\\-\\-baseline",
    ] {
        assert!(check.contains(option), "newslint-check(1) lacks {option}");
    }
    assert_eq!(code(&run(&["man", "bogus"])), 2);
}

/// A line of prose docs that starts with one space (a `///` leftover).
fn stray_space_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(' ') && !l.starts_with("  "))
        .collect()
}

#[test]
fn rule_docs_have_no_stray_leading_space_in_any_output() {
    for code_ in ["NUM001", "QUO001", "ART004"] {
        let text = stdout(&run(&["rule", code_]));
        assert!(text.contains("## What it does"), "{text}");
        assert!(stray_space_lines(&text).is_empty(), "{code_}:\n{text}");
    }
    let rules = json(&run(&["rules", "--format", "json"]));
    for r in rules.as_array().expect("rules") {
        let docs = r["docs"].as_str().expect("docs");
        assert!(stray_space_lines(docs).is_empty(), "{docs}");
    }
    let sarif = json(&run(&["check", CONFLICT, "--format", "sarif"]));
    for r in sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
    {
        for key in ["text", "markdown"] {
            let text = r["help"][key].as_str().expect("help");
            assert!(stray_space_lines(text).is_empty(), "{text}");
        }
    }
}

// ---------------------------------------------------------------- 8. .ci/run

#[cfg(unix)]
#[test]
fn ci_run_is_executable() {
    let path = repo().join(".ci/run");
    assert_eq!(mode(&path) & 0o111, 0o111, ".ci/run must be executable");
    if let Ok(out) = Command::new("git")
        .args(["ls-files", "-s", ".ci/run"])
        .current_dir(repo())
        .output()
    {
        let listed = String::from_utf8_lossy(&out.stdout);
        if !listed.is_empty() {
            assert!(listed.starts_with("100755"), "git records {listed}");
        }
    }
}

#[test]
fn ci_runs_both_test_tiers_the_readme_names() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let ci = std::fs::read_to_string(repo().join(".ci/run")).expect(".ci/run");
    for command in [
        "cargo test --locked\n",
        "cargo test --locked --release --test it -- --ignored",
    ] {
        let bare = command.trim_end();
        assert!(readme.contains(bare), "README lacks `{bare}`");
        assert!(ci.contains(command), ".ci/run lacks `{bare}`");
    }
}

// ---------------------------------------------------------------- terminal width

/// Each `NN | source` line of a human report, with the line after it.
fn source_lines(text: &str) -> Vec<(&str, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.split_once(" | ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|(i, l)| (*l, lines.get(i + 1).copied().unwrap_or("")))
        .collect()
}

#[test]
fn human_output_is_windowed_to_the_terminal_width_with_carets_under_their_words() {
    let paths = [
        "fixtures/parse/example.txt",
        "fixtures/eval",
        "fixtures/rules",
    ];
    for width in [60usize, 80, 100, 140] {
        let cols = width.to_string();
        let mut args = vec!["check", "--isolated"];
        args.extend(paths);
        let out = run_env(&repo(), &args, &[("COLUMNS", &cols)]);
        let text = stdout(&out);
        let lines = source_lines(&text);
        assert!(lines.len() > 50, "{width}: {text}");
        for (line, _) in &lines {
            assert!(
                line.chars().count() <= width,
                "{width} columns, a source line of {}:\n{line}",
                line.chars().count()
            );
        }
    }
    // At 80 columns the example's marks sit under "nearly 400 arrests" and
    // "Over 400 arrests".
    let out = run_env(
        &repo(),
        &["check", "fixtures/parse/example.txt", "--isolated"],
        &[("COLUMNS", "80")],
    );
    let text = stdout(&out);
    let mut marked = Vec::new();
    for (line, below) in source_lines(&text) {
        let Some(at) = below.find(['^', '-']) else {
            continue;
        };
        let len = below[at..]
            .chars()
            .take_while(|&c| c == '^' || c == '-')
            .count();
        let chars: Vec<char> = line.chars().collect();
        let at_chars = below[..at].chars().count();
        marked.push(chars[at_chars..at_chars + len].iter().collect::<String>());
    }
    assert_eq!(
        marked,
        [
            "nearly 400 arrests",
            "Over 400 arrests",
            "nearly 400 arrests"
        ],
        "{text}"
    );
}

#[test]
fn human_output_is_100_columns_wide_when_not_a_terminal() {
    let wide = run_env(&repo(), &["check", "fixtures/parse/example.txt"], &[]);
    let hundred = run_env(
        &repo(),
        &["check", "fixtures/parse/example.txt"],
        &[("COLUMNS", "100")],
    );
    assert_eq!(stdout(&wide), stdout(&hundred));
    let bogus = run_env(
        &repo(),
        &["check", "fixtures/parse/example.txt"],
        &[("COLUMNS", "not-a-number")],
    );
    assert_eq!(stdout(&bogus), stdout(&hundred));
}

/// The first ```text block after `marker` in the README.
fn readme_block(marker: &str) -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let from = readme.find(marker).expect("marker in README");
    let start = readme[from..].find("```text\n").expect("a text block") + from + 8;
    let end = readme[start..].find("```").expect("block end") + start;
    readme[start..end].to_string()
}

#[test]
fn readme_sample_output_is_what_the_tool_prints() {
    let sample = readme_block("The first command checks the user's example article");
    let out = run_env(&repo(), &["check", "fixtures/parse/example.txt"], &[]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        sample,
        "the README's sample output is stale: paste `newslint check fixtures/parse/example.txt | cat`"
    );
}

// ---------------------------------------------------------------- conventions

#[test]
fn statistics_count_the_findings_per_rule() {
    let report = json(&run(&[
        "check",
        "fixtures/cli",
        "fixtures/eval",
        "--format",
        "json",
    ]));
    let mut want: std::collections::BTreeMap<String, u64> = Default::default();
    for (_, codes) in codes(&report) {
        for c in codes {
            *want.entry(c).or_default() += 1;
        }
    }
    assert!(!want.is_empty());
    let out = run(&["check", "fixtures/cli", "fixtures/eval", "--statistics"]);
    assert_eq!(code(&out), 1);
    let table = stdout(&out);
    let mut got: std::collections::BTreeMap<String, u64> = Default::default();
    for line in table.lines().filter(|l| !l.starts_with("Found")) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 3, "{line}");
        got.insert(cols[1].to_string(), cols[0].parse().expect("count"));
    }
    assert_eq!(got, want, "{table}");
    assert!(table.contains("Found "), "{table}");
    let rows = json(&run(&[
        "check",
        "fixtures/cli",
        "fixtures/eval",
        "--statistics",
        "--output-format",
        "json",
    ]));
    let total: u64 = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["count"].as_u64().expect("count"))
        .sum();
    assert_eq!(total, want.values().sum::<u64>());
    assert_eq!(
        code(&run(&[
            "check",
            CONFLICT,
            "--statistics",
            "--format",
            "sarif"
        ])),
        2
    );
}

#[test]
fn output_format_is_an_alias_of_format() {
    let a = run(&["check", CONFLICT, "--format", "json"]);
    let b = run(&["check", CONFLICT, "--output-format", "json"]);
    assert_eq!(code(&a), code(&b));
    assert_eq!(stdout(&a), stdout(&b));
    assert!(stdout(&run(&["check", "--help"])).contains("--output-format"));
}

#[test]
fn force_color_and_clicolor_force_colour_piped_output_unless_no_color() {
    let esc = |env: &[(&str, &str)]| {
        let out = run_env(&repo(), &["check", CONFLICT], env);
        stdout(&out).contains('\u{1b}')
    };
    assert!(!esc(&[]));
    assert!(esc(&[("FORCE_COLOR", "1")]));
    assert!(esc(&[("CLICOLOR_FORCE", "1")]));
    assert!(!esc(&[("FORCE_COLOR", "0")]));
    assert!(!esc(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    let out = run_env(
        &repo(),
        &["check", CONFLICT, "--color", "never"],
        &[("FORCE_COLOR", "1")],
    );
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn ndjson_records_may_have_extra_fields_and_numeric_ids() {
    let text = fixture_text("cli/conflict.txt");
    let records = [
        serde_json::json!({"id": 42, "text": text, "url": "https://example.invalid/42", "meta": {"a": 1}}),
        serde_json::json!({"id": "doc-2", "text": "Police made nearly 400 arrests.", "lang": "en"}),
        serde_json::json!({"id": 7.5, "text": "A short clean article."}),
    ];
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let out = run_in(
        &repo(),
        &[
            "check",
            "--input",
            "ndjson",
            "--format",
            "json",
            "--isolated",
        ],
        Some(input.as_bytes()),
    );
    let report = json(&out);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["42", "doc-2", "7.5"], "{}", stderr(&out));
    assert_eq!(report["summary"]["unreadable"], 0);
    assert!(codes(&report)[0].1.contains(&"NUM001".to_string()));
    let out = run_in(
        &repo(),
        &["check", "--input", "ndjson", "--isolated"],
        Some(b"{\"id\": true, \"text\": \"x\"}\n"),
    );
    assert_eq!(code(&out), 2, "an id must be a string or a number");
}

#[test]
fn parse_and_claims_take_several_files_as_json_lines() {
    for cmd in ["parse", "claims"] {
        let out = run(&[cmd, CONFLICT, "fixtures/parse/example.txt"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let docs: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
            .collect();
        assert_eq!(docs.len(), 2, "{text}");
        assert_eq!(docs[0]["path"], CONFLICT);
        assert_eq!(docs[1]["path"], "fixtures/parse/example.txt");
        // One file: the pretty document as before.
        let one = stdout(&run(&[cmd, CONFLICT]));
        assert!(one.lines().count() > 1);
        let single: Value = serde_json::from_str(&one).expect("json");
        assert_eq!(single, docs[0]);
        // An unreadable file is named, the others still printed, exit 2.
        let out = run(&[cmd, "missing.txt", CONFLICT]);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("missing.txt: no such file"));
        assert_eq!(stdout(&out).lines().count(), 1);
    }
}

/// The example article with 250 more body figures of arrests: NUM001
/// compares at most 200 body figures of one thing.
fn capped_article() -> String {
    let example = fixture_text("parse/example.txt");
    let lines: Vec<&str> = example.lines().collect();
    let mut text = lines[..21].join("\n");
    for i in 0..250 {
        text.push_str(&format!(
            "\n\nIn district {}, officers made {} arrests over the weekend near the federal building.",
            i + 1,
            i + 3
        ));
    }
    text.push('\n');
    text.push_str(&lines[21..].join("\n"));
    text.push('\n');
    text
}

#[test]
fn a_rule_that_hits_its_size_limit_says_so_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("big.txt"), &capped_article());
    let fmt = |format: &str| {
        let out = run_in(
            dir.path(),
            &["check", "big.txt", "--isolated", "--format", format],
            None,
        );
        stdout(&out)
    };
    let human = fmt("human");
    assert!(
        human.contains("note[NUM001]: big.txt: not fully checked: 251 body figures for `arrest`"),
        "{human}"
    );
    let report: Value = serde_json::from_str(&fmt("json")).expect("json");
    assert_eq!(report["files"][0]["limits"][0]["code"], "NUM001");
    let jsonl = fmt("jsonl");
    assert!(
        jsonl
            .lines()
            .any(|l| l.contains("\"note\":") && l.contains("NUM001")),
        "{jsonl}"
    );
    let sarif: Value = serde_json::from_str(&fmt("sarif")).expect("sarif");
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes[0]["level"], "warning");
    assert_eq!(notes[0]["associatedRule"]["id"], "NUM001");
    let github = fmt("github");
    assert!(
        github.contains("::warning file=big.txt,title=NUM001 not fully checked::"),
        "{github}"
    );
    // An ordinary article has no such note.
    let report = json(&run(&["check", "fixtures/cli", "--format", "json"]));
    for f in report["files"].as_array().expect("files") {
        assert!(f.get("limits").is_none(), "{f}");
    }
}
