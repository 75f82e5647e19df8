//! `newslint server`: a language server over stdio (LSP, with the
//! `lsp-server` and `lsp-types` crates rust-analyzer uses).
//!
//! - On open, change and save of a `.txt` or `.md` document (or one whose
//!   language is `markdown` / `plaintext`) the findings are published as
//!   diagnostics: the primary side as the range, the other sides as
//!   `relatedInformation` with their role text, the code with a link to the
//!   rule's docs, the severity from `newslint.toml` found from the
//!   document's folder upward.
//! - Code actions: each finding's fix (safe ones preferred, unsafe ones
//!   marked) and "suppress this finding" (an inline suppression comment).
//! - Hover on a figure: its range and the counted thing.
//!
//! The main loop only routes messages; articles are checked on a worker
//! thread, so a slow article never blocks the client. Changes are debounced:
//! a document is checked once its text has been still for
//! [`DEBOUNCE`]; results for a version that is no longer current are
//! dropped. Positions are UTF-16 code units, the protocol's default.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::claims::Claims;
use crate::diagnostic::{Applicability, Finding, Severity};
use crate::settings::{self, CliOverrides, Settings};
use crate::source::SourceFile;

/// How long a changed document must stay unchanged before it is checked.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Run the server on stdin/stdout until the client sends `exit`.
pub fn run() -> anyhow::Result<u8> {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    io_threads.join()?;
    result.map(|()| crate::app::EXIT_OK)
}

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The initialize handshake, then the main loop.
pub fn serve(connection: &Connection) -> anyhow::Result<()> {
    let (id, _params) = connection.initialize_start()?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "newslint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection.initialize_finish(id, result)?;
    let (jobs, job_rx) = crossbeam_channel::unbounded::<Job>();
    let (done_tx, done) = crossbeam_channel::unbounded::<Checked>();
    let worker = std::thread::Builder::new()
        .name("newslint-check".into())
        .spawn(move || worker(&job_rx, &done_tx))?;
    let mut server = Server {
        docs: HashMap::new(),
        pending: HashMap::new(),
        jobs,
        docs_dir: rule_docs_dir(),
        config_error_shown: None,
    };
    let outcome = server.main_loop(connection, &done);
    // Closing the job channel ends the worker.
    drop(server);
    let _ = worker.join();
    outcome
}

/// A document the client has open.
struct Doc {
    version: i32,
    text: String,
    /// The file path, for config discovery and per-path settings.
    path: Option<PathBuf>,
    /// The last published analysis (of `version` or an older one).
    checked: Option<Checked>,
}

/// One article to check on the worker.
struct Job {
    uri: Uri,
    version: i32,
    text: String,
    path: Option<PathBuf>,
}

/// A worker's result.
#[derive(Clone)]
struct Checked {
    uri: Uri,
    version: i32,
    source: SourceFile,
    claims: Claims,
    findings: Vec<Finding>,
    /// A configuration problem to show the user.
    config_error: Option<String>,
}

struct Server {
    docs: HashMap<Uri, Doc>,
    /// Documents waiting to be checked, with the time they may be.
    pending: HashMap<Uri, Instant>,
    jobs: Sender<Job>,
    /// Where each rule's docs are written for `codeDescription` links.
    docs_dir: Option<PathBuf>,
    /// The configuration error last shown, so that it is shown once.
    config_error_shown: Option<String>,
}

impl Server {
    fn main_loop(&mut self, conn: &Connection, done: &Receiver<Checked>) -> anyhow::Result<()> {
        loop {
            let wait = self
                .pending
                .values()
                .min()
                .map(|t| t.saturating_duration_since(Instant::now()))
                .unwrap_or(Duration::from_secs(3600));
            select! {
                recv(conn.receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(()) };
                    match msg {
                        Message::Request(req) => {
                            if conn.handle_shutdown(&req)? {
                                return Ok(());
                            }
                            let resp = self.request(req);
                            conn.sender.send(resp.into())?;
                        }
                        Message::Notification(n) => {
                            if n.method == "exit" {
                                return Ok(());
                            }
                            if let Some(reply) = self.notification(n) {
                                conn.sender.send(reply.into())?;
                            }
                        }
                        Message::Response(_) => {}
                    }
                }
                recv(done) -> checked => {
                    if let Ok(checked) = checked {
                        self.publish(conn, checked)?;
                    }
                }
                default(wait) => {}
            }
            self.dispatch_due();
        }
    }

    /// Hand every document whose debounce time has passed to the worker.
    fn dispatch_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .pending
            .iter()
            .filter(|(_, &t)| t <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.pending.remove(&uri);
            if let Some(doc) = self.docs.get(&uri) {
                let _ = self.jobs.send(Job {
                    uri,
                    version: doc.version,
                    text: doc.text.clone(),
                    path: doc.path.clone(),
                });
            }
        }
    }

    fn schedule(&mut self, uri: Uri, delay: Duration) {
        self.pending.insert(uri, Instant::now() + delay);
    }

    /// Handle a notification; returns one to send back, if any.
    fn notification(&mut self, n: Notification) -> Option<Notification> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return None;
                };
                let doc = p.text_document;
                if !is_article(&doc.uri, &doc.language_id) {
                    return None;
                }
                self.docs.insert(
                    doc.uri.clone(),
                    Doc {
                        version: doc.version,
                        text: doc.text,
                        path: uri_to_path(&doc.uri),
                        checked: None,
                    },
                );
                self.schedule(doc.uri, Duration::ZERO);
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return None;
                };
                let uri = p.text_document.uri;
                let doc = self.docs.get_mut(&uri)?;
                // Full sync: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    doc.text = change.text;
                    doc.version = p.text_document.version;
                    self.schedule(uri, DEBOUNCE);
                }
            }
            "textDocument/didSave" => {
                let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) else {
                    return None;
                };
                let uri = p.text_document.uri;
                let doc = self.docs.get_mut(&uri)?;
                if let Some(text) = p.text {
                    doc.text = text;
                }
                self.schedule(uri, Duration::ZERO);
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return None;
                };
                let uri = p.text_document.uri;
                self.pending.remove(&uri);
                // A closed document's diagnostics are cleared, as the
                // protocol asks of a server that owns them.
                self.docs.remove(&uri)?;
                let params = PublishDiagnosticsParams {
                    uri,
                    diagnostics: Vec::new(),
                    version: None,
                };
                return Some(Notification::new(
                    "textDocument/publishDiagnostics".into(),
                    params,
                ));
            }
            _ => {}
        }
        None
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match req.method.as_str() {
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(id, self.code_actions(&p)),
                    Err(e) => invalid(id, &e),
                }
            }
            "textDocument/hover" => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(id, self.hover(&p)),
                Err(e) => invalid(id, &e),
            },
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("newslint does not handle `{}`", req.method),
            ),
        }
    }

    /// Publish a worker's result if it is still the document's version.
    fn publish(&mut self, conn: &Connection, checked: Checked) -> anyhow::Result<()> {
        let Some(doc) = self.docs.get_mut(&checked.uri) else {
            return Ok(());
        };
        if checked.version != doc.version || checked.source.text != doc.text {
            return Ok(());
        }
        if checked.config_error.is_some() && checked.config_error != self.config_error_shown {
            self.config_error_shown.clone_from(&checked.config_error);
            let e = checked.config_error.as_deref().unwrap_or("");
            let params = serde_json::json!({"type": 1, "message": format!("newslint: {e}")});
            conn.sender
                .send(Notification::new("window/showMessage".into(), params).into())?;
        }
        let diagnostics: Vec<Diagnostic> = checked
            .findings
            .iter()
            .map(|f| diagnostic(&checked.uri, &checked.source, f, self.docs_dir.as_deref()))
            .collect();
        let params = PublishDiagnosticsParams {
            uri: checked.uri.clone(),
            diagnostics,
            version: Some(checked.version),
        };
        conn.sender
            .send(Notification::new("textDocument/publishDiagnostics".into(), params).into())?;
        doc.checked = Some(checked);
        Ok(())
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(checked) = self.docs.get(uri).and_then(|d| d.checked.as_ref()) else {
            return Vec::new();
        };
        let src = &checked.source;
        let mut out = Vec::new();
        for f in &checked.findings {
            let Some(primary) = f.labels.first() else {
                continue;
            };
            if !overlaps(range(src, primary.span.start, primary.span.end), p.range) {
                continue;
            }
            let diag = diagnostic(uri, src, f, self.docs_dir.as_deref());
            if let Some(fix) = &f.fix {
                let edits: Vec<TextEdit> = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit {
                        range: range(src, e.span.start, e.span.end),
                        new_text: e.replacement.clone(),
                    })
                    .collect();
                let safe = fix.applicability == Applicability::Safe;
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: if safe {
                        format!("Fix {}: {}", f.code, fix.message)
                    } else {
                        format!("Fix {} (unsafe): {}", f.code, fix.message)
                    },
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} here", f.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag]),
                edit: Some(workspace_edit(uri, suppress_edits(src, f))),
                ..CodeAction::default()
            }));
        }
        out
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let at = &p.text_document_position_params;
        let checked = self
            .docs
            .get(&at.text_document.uri)
            .and_then(|d| d.checked.as_ref())?;
        let src = &checked.source;
        let byte = offset(&src.text, at.position)?;
        let f = checked
            .claims
            .figures
            .iter()
            .find(|f| f.span.start <= byte && byte < f.span.end.max(f.span.start + 1))?;
        let mut text = format!(
            "**{}**: {}",
            f.text,
            crate::rules::figures::describe_range(f)
        );
        match &f.key {
            Some(key) => text.push_str(&format!("\n\ncounts: {key}")),
            None => text.push_str("\n\ncounts: (unknown)"),
        }
        if let Some(anchor) = &f.anchor {
            text.push_str(&format!("\n\nanchored to: {anchor}"));
        }
        text.push_str(&format!("\n\n{}", f.part.label()));
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(range(src, f.span.start, f.span.end)),
        })
    }
}

fn invalid(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}

/// Check jobs until the channel closes, newest version of each document
/// only: jobs that queued up while one ran are coalesced.
fn worker(jobs: &Receiver<Job>, done: &Sender<Checked>) {
    while let Ok(first) = jobs.recv() {
        let mut latest: Vec<Job> = vec![first];
        while let Ok(more) = jobs.try_recv() {
            latest.retain(|j| j.uri != more.uri);
            latest.push(more);
        }
        for job in latest {
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&job)));
            if let Ok(checked) = checked {
                if done.send(checked).is_err() {
                    return;
                }
            }
        }
    }
}

/// The settings for a document: `newslint.toml` from its folder upward.
fn settings_for(path: Option<&Path>) -> (Settings, Option<String>) {
    let found = path.and_then(Path::parent).and_then(settings::discover);
    let loaded = match &found {
        Some(p) => settings::load_config(p)
            .and_then(|file| Settings::resolve(Some(p), file, &CliOverrides::default())),
        None => Settings::resolve(
            None,
            settings::ConfigFile::default(),
            &CliOverrides::default(),
        ),
    };
    match loaded {
        Ok(s) => (s, None),
        Err(e) => (Settings::default(), Some(e.to_string())),
    }
}

fn check(job: &Job) -> Checked {
    let (settings, config_error) = settings_for(job.path.as_deref());
    let name = job
        .path
        .as_ref()
        .map_or_else(|| job.uri.as_str().to_string(), |p| p.display().to_string());
    let source = SourceFile::new(name, job.text.clone());
    let article = crate::parse(&source);
    let claims = crate::extract(&source, &article);
    let findings = crate::lint::findings(
        &source,
        &article,
        &claims,
        |meta| settings.severity_for(meta, Some(source.path.as_str())),
        crate::lint::LintOptions::default(),
    );
    Checked {
        uri: job.uri.clone(),
        version: job.version,
        source,
        claims,
        findings,
        config_error,
    }
}

/// Is this document an article newslint reads?
fn is_article(uri: &Uri, language: &str) -> bool {
    let path = uri.as_str().split(['?', '#']).next().unwrap_or("");
    matches!(language, "markdown" | "plaintext") || path.ends_with(".txt") || path.ends_with(".md")
}

/// A `file:` URI as a path (percent-decoded); `None` for other schemes.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..(i + 3).min(bytes.len())]).ok()?;
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let path = String::from_utf8(out).ok()?;
    Some(PathBuf::from(path))
}

/// The LSP position of a byte offset: line (0-based) and UTF-16 column.
pub fn position(text: &str, byte: usize) -> Position {
    let byte = crate::source::floor_char_boundary(text, byte.min(text.len()));
    let before = &text[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The byte offset of an LSP position (clamped to its line's end).
pub fn offset(text: &str, pos: Position) -> Option<usize> {
    let mut line_start = 0;
    for _ in 0..pos.line {
        line_start += text.get(line_start..)?.find('\n')? + 1;
    }
    let line = text.get(line_start..)?;
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut units = 0u32;
    for (i, c) in line.char_indices() {
        if units >= pos.character {
            return Some(line_start + i);
        }
        units += u32::try_from(c.len_utf16()).unwrap_or(2);
    }
    Some(line_start + line.len())
}

fn range(src: &SourceFile, start: usize, end: usize) -> Range {
    Range {
        start: position(&src.text, start),
        end: position(&src.text, end),
    }
}

fn overlaps(a: Range, b: Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A folder holding each rule's docs (`CODE.md`, as `newslint rule CODE`
/// prints them), written once per server so that a diagnostic's code links
/// to the docs of the running version.
fn rule_docs_dir() -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("newslint-{}-rules", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(&dir).ok()?;
    for rule in crate::rules::RULES {
        let m = rule.meta();
        let path = dir.join(format!("{}.md", m.code));
        let text = format!("# {} ({})\n\n{}\n", m.name, m.code, m.docs.trim());
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            crate::app::write_atomic(&path, text.as_bytes()).ok()?;
        }
    }
    Some(dir)
}

/// A path as a `file:` URI (percent-encoding what is not unreserved).
fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    let mut out = String::from("file://");
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.parse().ok()
}

fn diagnostic(uri: &Uri, src: &SourceFile, f: &Finding, docs: Option<&Path>) -> Diagnostic {
    let primary = f.labels.first();
    let primary_range =
        primary.map_or_else(Range::default, |l| range(src, l.span.start, l.span.end));
    let related: Vec<DiagnosticRelatedInformation> = f
        .labels
        .iter()
        .skip(1)
        .map(|l| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range(src, l.span.start, l.span.end),
            },
            message: format!("{} ({})", l.role, l.part.label()),
        })
        .collect();
    let message = match (primary, &f.help) {
        (Some(p), Some(h)) => format!("{}\n{} ({})\nhelp: {h}", f.message, p.role, p.part.label()),
        (Some(p), None) => format!("{}\n{} ({})", f.message, p.role, p.part.label()),
        (None, Some(h)) => format!("{}\nhelp: {h}", f.message),
        (None, None) => f.message.clone(),
    };
    Diagnostic {
        range: primary_range,
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_string())),
        code_description: docs
            .map(|d| d.join(format!("{}.md", f.code)))
            .filter(|p| p.is_file())
            .and_then(|p| path_to_uri(&p))
            .map(|href| CodeDescription { href }),
        source: Some("newslint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Byte ranges of the lines of `text`, in order.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let len = text[pos..].find('\n').unwrap_or(text.len() - pos);
        out.push((pos, pos + len));
        if pos + len >= text.len() {
            break;
        }
        pos += len + 1;
    }
    out
}

/// The edits that suppress a finding: a `newslint-disable-next-line` comment
/// above its primary line; for a table row (where a line between rows would
/// split the table) a `newslint-disable` … `newslint-enable` pair around the
/// table.
fn suppress_edits(src: &SourceFile, f: &Finding) -> Vec<TextEdit> {
    let text = src.text.as_str();
    let at = f.labels.first().map_or(0, |l| l.span.start);
    let all = lines(text);
    let i = all.partition_point(|&(_, e)| e < at).min(all.len() - 1);
    let is_row = |k: usize| all.get(k).is_some_and(|&(s, e)| text[s..e].contains('|'));
    let insert = |byte: usize, s: String| TextEdit {
        range: range(src, byte, byte),
        new_text: s,
    };
    if is_row(i) {
        let mut first = i;
        while first > 0 && is_row(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while is_row(last + 1) {
            last += 1;
        }
        let end = all[last].1;
        let tail = if end < text.len() { "\n" } else { "" };
        let newline_at_end = if end < text.len() { "" } else { "\n" };
        return vec![
            insert(
                all[first].0,
                format!("<!-- newslint-disable {} -->\n", f.code),
            ),
            insert(
                end + tail.len(),
                format!("{newline_at_end}<!-- newslint-enable {} -->\n", f.code),
            ),
        ];
    }
    vec![insert(
        all[i].0,
        format!("<!-- newslint-disable-next-line {} -->\n", f.code),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        let text = "a\n😀é x\nend";
        let x = text.find('x').expect("x");
        let p = position(text, x);
        assert_eq!((p.line, p.character), (1, 4));
        assert_eq!(offset(text, p), Some(x));
        assert_eq!(offset(text, Position::new(2, 99)), Some(text.len()));
        assert_eq!(offset(text, Position::new(9, 0)), None);
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///tmp/a%20b/c.md".parse().expect("uri");
        assert_eq!(uri_to_path(&uri), Some(PathBuf::from("/tmp/a b/c.md")));
        let other: Uri = "untitled:Untitled-1".parse().expect("uri");
        assert_eq!(uri_to_path(&other), None);
    }

    #[test]
    fn suppressing_a_table_row_wraps_the_table() {
        let text = "Lede.\n| 1 | a |\n| 3 | b |\nAfter.";
        let src = SourceFile::new("t.txt", text);
        let f = Finding::new(&crate::rules::numbering::Numbering::META, "m").label(
            src.span(17, 18),
            crate::article::Part::KeyPoint(2),
            "number",
        );
        let edits = suppress_edits(&src, &f);
        let at: Vec<(u32, &str)> = edits
            .iter()
            .map(|e| (e.range.start.line, e.new_text.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                (1, "<!-- newslint-disable ART002 -->\n"),
                (3, "<!-- newslint-enable ART002 -->\n")
            ]
        );
    }
}
