//! `--format html` rendered by a real browser: headless Chromium loads the
//! example's page, its DOM (`--dump-dom`) is asserted, and a screenshot is
//! written to `target/html-report/example.png` for a reader to look at.
//!
//! Chromium is the Debian package `chromium` (`.ci/run` installs it). Where
//! it is missing the test fails under `CI=true` and is skipped, with a
//! message, elsewhere.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::cli_support::{code, newslint, repo, stderr, stdout, wait_bounded};

/// Where the page and the screenshot go.
fn out_dir() -> PathBuf {
    let dir = repo().join("target").join("html-report");
    std::fs::create_dir_all(&dir).expect("create target/html-report");
    dir
}

fn chromium() -> Option<PathBuf> {
    let candidates = [
        PathBuf::from("/usr/bin/chromium"),
        PathBuf::from("/usr/bin/chromium-browser"),
    ];
    candidates.into_iter().find(|p| p.is_file())
}

/// Chromium with the flags of a quiet, offline, throw-away headless run.
fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1800",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    cmd
}

/// The example's page, written to `target/html-report/NAME` (each test its
/// own file, as tests run in parallel).
fn example_page(name: &str) -> PathBuf {
    let out = newslint(
        &repo(),
        &[
            "check",
            "--isolated",
            "--format",
            "html",
            "fixtures/parse/example.txt",
        ],
    )
    .env("SOURCE_DATE_EPOCH", "1780000000")
    .spawn()
    .expect("spawn newslint");
    let out = wait_bounded(out, "check --format html");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let page = out_dir().join(name);
    std::fs::write(&page, stdout(&out)).expect("write the page");
    page
}

/// `(data-loc, text)` of every `<mark>` in a document.
fn marks(dom: &str) -> Vec<(String, String)> {
    let re =
        regex::Regex::new(r#"<mark[^>]*data-loc="([^"]*)"[^>]*>([^<]*)</mark>"#).expect("regex");
    re.captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

/// The side boxes of the first finding: `(part · line, text)`.
fn sides(dom: &str) -> Vec<(String, String)> {
    let re = regex::Regex::new(
        r##"<a class="side" href="#m1-1-\d" data-side="1-\d"><span class="part">([^<]*)</span><span class="role">[^<]*</span><q>([^<]*)</q></a>"##,
    )
    .expect("regex");
    re.captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

#[test]
fn the_page_is_self_contained_and_marks_every_side() {
    let page = std::fs::read_to_string(example_page("example-static.html")).expect("read page");
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Nothing is fetched: no script, no external style, no remote URL.
    for banned in ["<script", "<link", "src=", "http://", "https://"] {
        assert!(!page.contains(banned), "the page holds {banned:?}");
    }
    assert!(page.contains("<time datetime=\"2026-05-28T20:26:40Z\">"));
    assert_eq!(
        marks(&page),
        [
            ("1-1".to_string(), "nearly 400 arrests".to_string()),
            ("1-2".to_string(), "Over 400 arrests".to_string()),
            ("1-3".to_string(), "nearly 400 arrests".to_string()),
        ]
    );
}

#[test]
fn several_files_get_a_table_of_contents_and_a_section_each() {
    let out = newslint(
        &repo(),
        &[
            "check",
            "--isolated",
            "--format",
            "html",
            "fixtures/parse/example.txt",
            "fixtures/fix/weekday_and_numbering.txt",
            "fixtures/cli/missing.txt",
        ],
    )
    .spawn()
    .expect("spawn newslint");
    let out = wait_bounded(out, "check --format html");
    assert_eq!(code(&out), 2, "an unreadable input: {}", stderr(&out));
    let page = stdout(&out);
    let toc = regex::Regex::new(r##"<li><a href="#file-(\d)">([^<]*)</a> · ([^<]*)</li>"##)
        .expect("regex");
    let entries: Vec<(String, String, String)> = toc
        .captures_iter(&page)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "1".into(),
                "fixtures/parse/example.txt".into(),
                "1 finding, with errors".into()
            ),
            (
                "2".into(),
                "fixtures/fix/weekday_and_numbering.txt".into(),
                "4 findings, with errors".into()
            ),
            (
                "3".into(),
                "fixtures/cli/missing.txt".into(),
                "could not be read".into()
            ),
        ]
    );
    for n in 1..=3 {
        assert!(page.contains(&format!("<section class=\"file\" id=\"file-{n}\"")));
    }
    // Counts per rule in the second file, and its fixes' suggested text.
    assert!(page.contains(
        "<tr data-code=\"ART002\"><td><code>ART002</code> numbering</td><td>2</td></tr>"
    ));
    assert!(page.contains("safe fix: replace <code>Monday</code> with <code>Tuesday</code>"));
}

#[test]
fn headless_chromium_renders_the_example_page() {
    let Some(chromium) = chromium() else {
        let msg = "chromium is not installed (Debian package `chromium`; .ci/run installs it)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{msg}");
        }
        eprintln!("skipping the browser test: {msg}");
        return;
    };
    let page = example_page("example.html");
    let url = format!("file://{}", page.display());
    let profile = tempfile::tempdir().expect("profile dir");

    let dump = headless(&chromium, profile.path())
        .arg("--dump-dom")
        .arg(&url)
        .spawn()
        .expect("spawn chromium");
    let dump = wait_bounded(dump, "chromium --dump-dom");
    assert_eq!(code(&dump), 0, "{}", stderr(&dump));
    let dom = stdout(&dump);
    // The DOM the browser built holds the NUM001's three highlighted spans…
    assert_eq!(
        marks(&dom),
        [
            ("1-1".to_string(), "nearly 400 arrests".to_string()),
            ("1-2".to_string(), "Over 400 arrests".to_string()),
            ("1-3".to_string(), "nearly 400 arrests".to_string()),
        ]
    );
    for id in ["m1-1-1", "m1-1-2", "m1-1-3"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "no mark {id}");
    }
    // …and the finding's three sides, each with its part and text.
    assert_eq!(
        sides(&dom),
        [
            (
                "section 4 · line 20".to_string(),
                "nearly 400 arrests".to_string()
            ),
            (
                "key point 4 · line 29".to_string(),
                "Over 400 arrests".to_string()
            ),
            (
                "faq 3 answer · line 39".to_string(),
                "nearly 400 arrests".to_string()
            ),
        ]
    );
    assert!(dom.contains("<li class=\"finding sev-error\" id=\"f1-1\" data-code=\"NUM001\""));
    assert!(dom.contains(
        "<tr data-code=\"NUM001\"><td><code>NUM001</code> quantity-conflict</td><td>1</td></tr>"
    ));

    let shot = out_dir().join("example.png");
    let _ = std::fs::remove_file(&shot);
    let profile = tempfile::tempdir().expect("profile dir");
    let run = headless(&chromium, profile.path())
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .spawn()
        .expect("spawn chromium");
    let run = wait_bounded(run, "chromium --screenshot");
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let png = std::fs::read(&shot).expect("the screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // A 1400×1800 page of text is far more than a blank image.
    assert!(png.len() > 50_000, "screenshot is only {} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
}
