//! Findings: what a rule reports. Plain data; renderers turn them into text,
//! JSON, SARIF or GitHub annotations.

use serde::{Deserialize, Serialize};

use crate::article::Part;
use crate::source::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One side of a finding: a span, the part of the article it is in, and what
/// that side says ("key point says", "body says").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub part: Part,
    pub role: String,
}

/// A defect found by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    /// One clause, lowercase start, no trailing period, values in backticks.
    pub message: String,
    /// An instruction to fix it, when there is a useful one.
    pub help: Option<String>,
    /// One per side, the primary side first.
    pub labels: Vec<Label>,
    /// Edits that resolve the finding, when newslint knows them
    /// ([`crate::fix`] attaches them after the rules ran).
    pub fix: Option<Fix>,
}

/// Whether a fix may be applied without a human reading it (as in ruff).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Changes only what the finding proves wrong (`--fix` applies it).
    Safe,
    /// May change the meaning (applied only with `--unsafe-fixes`).
    Unsafe,
}

impl Applicability {
    pub fn as_str(&self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement: the bytes at `span` become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// The edits that resolve one finding, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, as an instruction: "replace `Tuesday` with `Wednesday`".
    pub message: String,
    pub applicability: Applicability,
    /// Non-overlapping, sorted by position.
    pub edits: Vec<Edit>,
}

impl Finding {
    /// Start a finding for a rule. Its severity is the rule's default and may
    /// be changed by settings after the rule ran.
    pub fn new(meta: &crate::rules::RuleMeta, message: impl Into<String>) -> Self {
        Finding {
            code: meta.code,
            rule: meta.name,
            severity: meta.category.default_severity().unwrap_or(Severity::Info),
            message: message.into(),
            help: None,
            labels: Vec::new(),
            fix: None,
        }
    }

    pub fn label(mut self, span: Span, part: Part, role: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            part,
            role: role.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The position findings are sorted by: the earliest label.
    pub fn position(&self) -> (usize, usize) {
        self.labels
            .iter()
            .map(|l| (l.span.start, l.span.end))
            .min()
            .unwrap_or((0, 0))
    }
}
