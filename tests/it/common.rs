//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use newslint::{Finding, SourceFile};

/// The repository's fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Load a fixture as a source file whose path is relative to the repo root.
pub fn load(rel: &str) -> SourceFile {
    let path = fixtures().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()));
    SourceFile::new(format!("fixtures/{rel}"), text)
}

/// Every `*.txt` / `*.md` file directly in a fixtures sub-folder, sorted.
pub fn fixture_files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(fixtures().join(dir))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .map(|n| format!("{dir}/{n}"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Parse, extract and check a source with default settings.
pub fn check(source: &SourceFile) -> Vec<Finding> {
    let article = newslint::parse(source);
    let claims = newslint::extract(source, &article);
    newslint::check(source, &article, &claims)
}

/// Parse, extract and check a source with every rule on, pedantic ones
/// included (at warning), as the rule fixtures are checked.
pub fn check_all_rules(source: &SourceFile) -> Vec<Finding> {
    let article = newslint::parse(source);
    let claims = newslint::extract(source, &article);
    let cx = newslint::rules::Context {
        source,
        article: &article,
        claims: &claims,
    };
    newslint::rules::run(&cx, |meta| {
        Some(
            meta.category
                .default_severity()
                .unwrap_or(newslint::Severity::Warning),
        )
    })
}

/// A compact, renderer-independent description of findings for snapshots:
/// one block per finding, one line per side with line:col and exact text.
pub fn describe(source: &SourceFile, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!(
            "{} {} {}: {}\n",
            f.code, f.rule, f.severity, f.message
        ));
        for l in &f.labels {
            out.push_str(&format!(
                "  {}:{}-{}:{} [{}] {}: {:?}\n",
                l.span.line,
                l.span.column,
                l.span.end_line,
                l.span.end_column,
                l.part,
                l.role,
                source.slice(&l.span)
            ));
        }
        if let Some(h) = &f.help {
            out.push_str(&format!("  help: {h}\n"));
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

/// Wait (up to 20 s) until process `pid` has installed a SIGINT handler (bit
/// 1 of `SigCgt` in /proc/PID/status), then send it SIGINT. Waiting for the
/// handler rather than sleeping keeps the SIGINT tests stable under load.
pub fn interrupt_once_handled(pid: u32) {
    let status_path = format!("/proc/{pid}/status");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let caught = std::fs::read_to_string(&status_path)
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("SigCgt:"))
                    .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
            })
            .is_some_and(|mask| mask & 0b10 != 0);
        if caught || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -INT {pid}");
}
