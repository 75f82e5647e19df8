//! The rules, their registry, and the context they read.
//!
//! Adding a rule: write `src/rules/<name>.rs` with a [`declare_rule!`] block
//! (docs, code, name, category) and an `impl Rule`, then add one line to
//! [`RULES`]. A meta-test checks every rule has docs, a fixture and a
//! well-formed code and name.

pub mod date_mismatch;
pub mod empty_section;
pub mod figures;
pub mod hidden_character;
pub mod name_mismatch;
pub mod numbering;
pub mod outline_mismatch;
pub mod parts_exceed_total;
pub mod quantity_conflict;
pub mod quote_mismatch;
pub mod restated;
pub mod shares_over_hundred;
pub mod unanswered_question;
pub mod unsupported_quantity;

use serde::Serialize;

use crate::article::Article;
use crate::claims::Claims;
use crate::diagnostic::{Finding, Severity};
use crate::source::SourceFile;

/// Everything a rule may read about one article.
pub struct Context<'a> {
    pub source: &'a SourceFile,
    pub article: &'a Article,
    pub claims: &'a Claims,
}

/// Categories set a rule's default severity (as in clippy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Two statements cannot both be true: error.
    Correctness,
    /// Probably wrong, needs a human: warning.
    Suspicious,
    /// Structure and presentation: warning.
    Style,
    /// Precision not yet proven: off unless selected.
    Pedantic,
}

impl Category {
    /// `None` means the rule is off by default.
    pub fn default_severity(&self) -> Option<Severity> {
        match self {
            Category::Correctness => Some(Severity::Error),
            Category::Suspicious | Category::Style => Some(Severity::Warning),
            Category::Pedantic => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Suspicious => "suspicious",
            Category::Style => "style",
            Category::Pedantic => "pedantic",
        }
    }
}

/// A rule's metadata, declared once next to its check.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    /// The rule's documentation (Markdown): the first line is its summary,
    /// then "What it does", "Why is this bad?", "Example", "Known limits".
    pub docs: &'static str,
}

impl RuleMeta {
    /// The first line of the docs.
    pub fn summary(&self) -> &'static str {
        self.docs
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Push every finding about the article onto `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
    /// What this rule left unchecked on this article because a size limit
    /// keeps it linear, one sentence each. The output shows these notes in
    /// every format, so a limit never drops a finding silently.
    fn limits(&self, _cx: &Context<'_>) -> Vec<String> {
        Vec::new()
    }
}

/// A rule's note that part of an article was not checked (see
/// [`Rule::limits`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub code: &'static str,
    pub message: String,
}

/// The limits the enabled rules hit on this article, in code order.
pub fn limits(cx: &Context<'_>, severity_of: impl Fn(&RuleMeta) -> Option<Severity>) -> Vec<Limit> {
    RULES
        .iter()
        .filter(|r| severity_of(r.meta()).is_some())
        .flat_map(|r| {
            r.limits(cx).into_iter().map(|message| Limit {
                code: r.meta().code,
                message,
            })
        })
        .collect()
}

/// Declare a rule type and its metadata from doc comments (shape only; see
/// any file of `src/rules/` for a real one):
///
/// ```text
/// declare_rule! {
///     /// One-line summary.
///     ///
///     /// ## What it does ...
///     pub QuantityConflict, "NUM001", "quantity-conflict", Correctness
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub $ty:ident, $code:literal, $name:literal, $cat:ident) => {
        $(#[doc = $doc])*
        pub struct $ty;

        impl $ty {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                category: $crate::rules::Category::$cat,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Every rule, in code order. Registering a rule is one line here.
pub static RULES: &[&dyn Rule] = &[
    &quantity_conflict::QuantityConflict,
    &unsupported_quantity::UnsupportedQuantity,
    &parts_exceed_total::PartsExceedTotal,
    &shares_over_hundred::SharesOverHundred,
    &quote_mismatch::QuoteMismatch,
    &name_mismatch::NameMismatch,
    &date_mismatch::DateMismatch,
    &outline_mismatch::OutlineMismatch,
    &numbering::Numbering,
    &unanswered_question::UnansweredQuestion,
    &empty_section::EmptySection,
    &hidden_character::HiddenCharacter,
];

/// Look a rule up by code (`NUM001`) or name (`quantity-conflict`),
/// case-insensitively.
pub fn find_rule(key: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| {
        let m = r.meta();
        m.code.eq_ignore_ascii_case(key) || m.name.eq_ignore_ascii_case(key)
    })
}

/// Run the enabled rules and return their findings sorted by position, then
/// code. `severity_of` gives each rule's effective severity, `None` to skip it.
pub fn run(cx: &Context<'_>, severity_of: impl Fn(&RuleMeta) -> Option<Severity>) -> Vec<Finding> {
    let mut all = Vec::new();
    for rule in RULES {
        let Some(severity) = severity_of(rule.meta()) else {
            continue;
        };
        let mut found = Vec::new();
        rule.check(cx, &mut found);
        for mut f in found {
            f.severity = severity;
            all.push(f);
        }
    }
    all.sort_by(|a, b| {
        a.position()
            .cmp(&b.position())
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
    all.dedup();
    all
}
