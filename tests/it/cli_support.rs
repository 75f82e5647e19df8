//! Running the real binary, shared by the CLI tests (`cli.rs`, `hostile.rs`,
//! `threads.rs`): spawn it with piped output, wait with a deadline, and read
//! its exit code, stdout, stderr and JSON report.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_newslint");

/// Long enough for a debug build on a loaded two-core machine; a hang is
/// far longer. Tests never time the binary (benchmarks do that); they only
/// refuse to wait forever.
pub const DEADLINE: Duration = Duration::from_secs(300);

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of a fixture, by its path under `fixtures/`.
pub fn fixture_text(rel: &str) -> String {
    let path = repo().join("fixtures").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `newslint ARGS` in `dir`: stdin closed, stdout and stderr piped,
/// `NO_COLOR` unset, and none of the variables that change its output
/// (`COLUMNS`, `FORCE_COLOR`, `CLICOLOR_FORCE`, `NEWSLINT_CONFIG`) inherited
/// from the terminal running the tests. Tests that need more (a pipe to `head`, a signal)
/// spawn it themselves and end with [`wait_bounded`].
pub fn newslint(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NEWSLINT_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Wait for a spawned child, killing it (and failing) past the deadline.
pub fn wait_bounded(child: Child, what: &str) -> Output {
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(out) => out.expect("wait for newslint"),
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("{what}: newslint did not finish within {DEADLINE:?}");
        }
    }
}

/// Run newslint in `dir` with `args`; `stdin` is written to it and closed
/// (`None`: stdin is closed from the start). Bounded by [`DEADLINE`].
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = newslint(dir, args);
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("spawn newslint");
    if let (Some(bytes), Some(mut input)) = (stdin, child.stdin.take()) {
        let bytes = bytes.to_vec();
        // From a thread, so that a child that stops reading cannot block the
        // test before the deadline applies.
        std::thread::spawn(move || match input.write_all(&bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        });
    }
    wait_bounded(child, &args.join(" "))
}

/// Run newslint at the repository root, stdin closed.
pub fn run(args: &[&str]) -> Output {
    run_in(&repo(), args, None)
}

/// Start `newslint check - --isolated --format json --output TARGET` in
/// `dir` (waiting on stdin), interrupt it with SIGINT once its handler is
/// installed, and wait for it.
pub fn interrupted_check(dir: &Path, target: &Path) -> Output {
    let target = target.to_str().expect("utf-8 path");
    let child = newslint(
        dir,
        &[
            "check",
            "-",
            "--isolated",
            "--format",
            "json",
            "--output",
            target,
        ],
    )
    .stdin(Stdio::piped())
    .spawn()
    .expect("spawn newslint");
    crate::common::interrupt_once_handled(child.id());
    wait_bounded(child, "SIGINT")
}

/// The exit code; fails if the process was killed by a signal.
pub fn code(out: &Output) -> i32 {
    out.status
        .code()
        .expect("exit code (not killed by a signal)")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Stdout as one JSON document.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

/// The paths of a JSON report's files, in order.
pub fn paths_of(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

/// The names of temporary files (`*.tmp`) left in `dir`.
pub fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Assert that stderr contains `want`; the failure shows all of stderr.
#[track_caller]
pub fn assert_stderr_has(out: &Output, want: &str) {
    let err = stderr(out);
    assert!(err.contains(want), "stderr lacks {want:?}:\n{err}");
}

/// Assert the exit code and that stderr contains `want` (the message that
/// names the file and the reason).
#[track_caller]
pub fn assert_exit(out: &Output, want_code: i32, want: &str) {
    assert_eq!(code(out), want_code, "exit code; stderr:\n{}", stderr(out));
    assert_stderr_has(out, want);
}

/// Make a named pipe (FIFO) at `path`.
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}
