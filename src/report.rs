//! The report model: what a `check` run found, as plain serde data.
//!
//! This is the only bridge between the library's findings (spans, parts) and
//! the renderers: every location is resolved here to a path, a section label,
//! 1-based line and column (columns count Unicode scalar values), byte offsets
//! and the exact source text. Renderers read only this module's types.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Applicability, Finding, Severity};
use crate::rules::RuleMeta;
use crate::source::SourceFile;

/// Bumped whenever a field of the JSON report is renamed or removed or its
/// meaning changes. Adding a field does not bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// One side of a finding, resolved against its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub path: String,
    /// The part of the article: `headline`, `lede`, `section 4`, `key point 4`,
    /// `summary`, `faq 2 answer`...
    pub section: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file (end exclusive).
    pub start: usize,
    pub end: usize,
    /// The exact source text at `start..end`.
    pub text: String,
    /// What this side is: "body says", "key point says".
    pub role: String,
}

/// A finding with its locations resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFinding {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// One per side, the primary side first.
    pub locations: Vec<Location>,
    /// Stable across edits elsewhere in the file: a hash of the rule code,
    /// the path and the located texts (not their positions).
    pub fingerprint: String,
    /// The edits that resolve the finding; absent (not `null`) when there
    /// are none, so reports without fixes are unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<ReportFix>,
}

/// A finding's fix, resolved against its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFix {
    /// `safe` (applied by `--fix`) or `unsafe` (only with `--unsafe-fixes`).
    pub applicability: Applicability,
    pub message: String,
    /// Non-overlapping, in file order.
    pub edits: Vec<ReportEdit>,
}

/// One replacement: `start..end` (bytes; lines and columns as in
/// [`Location`]) becomes `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEdit {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    /// The text there now.
    pub text: String,
    pub replacement: String,
}

/// The result for one input: its findings, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    pub findings: Vec<ReportFinding>,
    /// Why the input could not be read or decoded; `null` when it was checked.
    pub error: Option<String>,
    /// The file's text, for renderers that quote source lines. Not serialised.
    #[serde(skip)]
    pub source: Option<String>,
    /// A warning about how the input was read (e.g. decoded lossily), shown
    /// on stderr. Not serialised.
    #[serde(skip)]
    pub notice: Option<String>,
    /// Fixes applied (`--fix`) or that would be (`--diff`). Not serialised.
    #[serde(skip)]
    pub fixed: usize,
    /// With `--diff`: the unified diff of the fixes. Not serialised.
    #[serde(skip)]
    pub diff: Option<String>,
    /// Parts of the article a rule did not check because a size limit keeps
    /// it linear (see `Rule::limits`): findings there may be missing. Left
    /// out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<LimitNote>,
}

/// A rule's note that it did not check all of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitNote {
    pub code: String,
    pub message: String,
}

/// Counts over the whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Inputs seen (checked or not).
    pub files: usize,
    /// Findings at severity error.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// All findings.
    pub findings: usize,
    /// Inputs that could not be read.
    pub unreadable: usize,
}

/// A rule's documentation, as the SARIF and listing renderers need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    pub category: String,
    /// `None` when the rule is off by default.
    pub default_severity: Option<Severity>,
    pub summary: String,
    /// The full Markdown docs.
    pub docs: String,
}

impl RuleInfo {
    pub fn from_meta(meta: &RuleMeta) -> Self {
        RuleInfo {
            code: meta.code.to_string(),
            name: meta.name.to_string(),
            category: meta.category.as_str().to_string(),
            default_severity: meta.category.default_severity(),
            summary: meta.summary().to_string(),
            docs: dedent_docs(meta.docs),
        }
    }

    /// Every registered rule, in code order.
    pub fn all() -> Vec<RuleInfo> {
        crate::rules::RULES
            .iter()
            .map(|r| RuleInfo::from_meta(r.meta()))
            .collect()
    }
}

/// A rule's docs as written in its `///` comment, without the one space
/// that follows every `///` (so Markdown indentation and code blocks keep
/// their meaning), trimmed at both ends.
pub fn dedent_docs(docs: &str) -> String {
    docs.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A whole run: files in input order and the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub files: Vec<FileReport>,
    pub summary: Summary,
    /// Documentation of the rules (SARIF's `tool.driver.rules`). Not part of
    /// the JSON report.
    #[serde(skip)]
    pub rules: Vec<RuleInfo>,
}

impl Report {
    pub fn new(files: Vec<FileReport>, rules: Vec<RuleInfo>) -> Self {
        let summary = Summary::of(&files);
        Report {
            schema_version: SCHEMA_VERSION,
            files,
            summary,
            rules,
        }
    }

    /// The highest severity among all findings.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings().map(|(_, f)| f.severity).max()
    }

    /// Every finding with its file, in output order.
    pub fn findings(&self) -> impl Iterator<Item = (&FileReport, &ReportFinding)> {
        self.files
            .iter()
            .flat_map(|file| file.findings.iter().map(move |f| (file, f)))
    }
}

impl Summary {
    pub fn of(files: &[FileReport]) -> Self {
        let mut s = Summary::default();
        for file in files {
            s.add(file);
        }
        s
    }

    /// Count one more file.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        if file.error.is_some() {
            self.unreadable += 1;
        }
        for f in &file.findings {
            self.findings += 1;
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// The highest severity counted.
    pub fn max_severity(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

impl FileReport {
    /// The report for a checked file.
    pub fn checked(source: &SourceFile, findings: &[Finding]) -> Self {
        FileReport {
            path: source.path.clone(),
            findings: findings.iter().map(|f| resolve(source, f)).collect(),
            error: None,
            source: Some(source.text.clone()),
            notice: None,
            limits: Vec::new(),
            fixed: 0,
            diff: None,
        }
    }

    /// The report for an input that could not be read.
    pub fn unreadable(path: impl Into<String>, reason: impl Into<String>) -> Self {
        FileReport {
            path: path.into(),
            findings: Vec::new(),
            error: Some(reason.into()),
            source: None,
            notice: None,
            limits: Vec::new(),
            fixed: 0,
            diff: None,
        }
    }
}

/// Resolve a finding's labels against its source file.
pub fn resolve(source: &SourceFile, finding: &Finding) -> ReportFinding {
    let locations: Vec<Location> = finding
        .labels
        .iter()
        .map(|label| {
            // Re-derive through `span()` so a hand-built span is always
            // clamped to char boundaries and has correct line/column.
            let span = source.span(label.span.start, label.span.end);
            Location {
                path: source.path.clone(),
                section: label.part.label(),
                line: span.line,
                column: span.column,
                end_line: span.end_line,
                end_column: span.end_column,
                start: span.start,
                end: span.end,
                text: source.slice(&span).to_string(),
                role: label.role.clone(),
            }
        })
        .collect();
    let fingerprint = fingerprint(finding.code, &source.path, &locations);
    ReportFinding {
        code: finding.code.to_string(),
        rule: finding.rule.to_string(),
        severity: finding.severity,
        message: finding.message.clone(),
        help: finding.help.clone(),
        locations,
        fingerprint,
        fix: finding.fix.as_ref().map(|fix| ReportFix {
            applicability: fix.applicability,
            message: fix.message.clone(),
            edits: fix
                .edits
                .iter()
                .map(|e| {
                    let span = source.span(e.span.start, e.span.end);
                    ReportEdit {
                        line: span.line,
                        column: span.column,
                        end_line: span.end_line,
                        end_column: span.end_column,
                        start: span.start,
                        end: span.end,
                        text: source.slice(&span).to_string(),
                        replacement: e.replacement.clone(),
                    }
                })
                .collect(),
        }),
    }
}

/// A stable 64-bit FNV-1a hash (hex) of the rule code, the path and the
/// located texts with their roles. Line numbers and offsets are left out so
/// that edits elsewhere in the article keep the fingerprint.
pub fn fingerprint(code: &str, path: &str, locations: &[Location]) -> String {
    let mut h = Fnv::new();
    h.write(code.as_bytes());
    h.write(&[0]);
    h.write(path.as_bytes());
    for l in locations {
        h.write(&[0]);
        h.write(l.role.as_bytes());
        h.write(&[1]);
        h.write(l.text.as_bytes());
    }
    format!("{:016x}", h.0)
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
