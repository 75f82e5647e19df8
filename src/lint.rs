//! One article's findings as every front end wants them (`check`, the
//! language server, the library facade): the enabled rules, then the fixes
//! the article supports, then the inline suppressions.

use crate::article::Article;
use crate::claims::Claims;
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, RuleMeta};
use crate::source::SourceFile;

/// Choices that change which findings a run keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct LintOptions {
    /// Report suppression comments that hide nothing (`SUP001`).
    pub report_unused_suppressions: bool,
}

/// Run the rules `severity_of` enables (at the severity it gives), attach
/// fixes and drop suppressed findings; sorted by position, then code.
pub fn findings(
    source: &SourceFile,
    article: &Article,
    claims: &Claims,
    severity_of: impl Fn(&RuleMeta) -> Option<Severity>,
    opts: LintOptions,
) -> Vec<Finding> {
    let cx = Context {
        source,
        article,
        claims,
    };
    let mut found = crate::rules::run(&cx, severity_of);
    crate::fix::attach(&cx, &mut found);
    crate::suppress::apply(source, found, opts.report_unused_suppressions)
}
