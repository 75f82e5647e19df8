//! Inline suppressions, written as HTML comments so that they survive
//! Markdown and plain text alike (and are never read as article text):
//!
//! - `<!-- newslint-disable NUM001 -->` … `<!-- newslint-enable -->`: a region;
//!   without an enable comment it runs to the end of the file.
//! - `<!-- newslint-disable-next-line QUO001 -->`: the next non-blank line.
//! - `<!-- newslint-disable-file -->`: the whole file.
//!
//! Each takes rule selectors (codes, names, family prefixes such as `NUM`, or
//! `ALL`) separated by commas or spaces; none means every rule. Text after
//! ` -- ` is a reason and ignored. `newslint-enable` without selectors closes
//! every open region, with selectors the regions that name one of them.
//!
//! A finding is suppressed when its primary location starts inside a covered
//! range. With `--report-unused-suppressions`, a suppression that hides
//! nothing (as ESLint's unused-directive report) is reported as `SUP001`.

use crate::article::comments::html_comments;
use crate::article::Part;
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::rules::{Category, RuleMeta};
use crate::source::{SourceFile, Span};

/// The finding for a suppression that hides nothing. Not a rule of the
/// registry: it is reported only with `--report-unused-suppressions`.
pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    code: "SUP001",
    name: "unused-suppression",
    category: Category::Style,
    docs: "A suppression comment that hides no finding.\n\n\
## What it does\n\
With `--report-unused-suppressions`, reports a `newslint-disable…` comment that \
suppressed nothing in this run, or that names no known rule.\n\n\
## Why is this bad?\n\
A stale suppression hides the next real defect in its range.\n",
};

/// What a suppression covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// From the comment to `newslint-enable` or the end of the file.
    Region,
    /// The next non-blank line.
    NextLine,
    /// The whole file.
    File,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The whole comment.
    pub span: Span,
    /// The directive as written, without the comment markers and reason.
    pub directive: String,
    pub scope: Scope,
    /// Rule selectors; empty means every rule.
    pub selectors: Vec<String>,
    /// Byte range the suppression covers (end exclusive).
    pub covers: (usize, usize),
}

enum Directive {
    Disable(Scope, Vec<String>),
    Enable(Vec<String>),
}

/// Read a comment's body (`<!--` and `-->` stripped) as a directive.
fn directive(body: &str) -> Option<(Directive, String)> {
    let body = body.trim();
    let body = body.split(" -- ").next().unwrap_or(body).trim();
    let (word, rest) = match body.find(char::is_whitespace) {
        Some(i) => (&body[..i], &body[i..]),
        None => (body, ""),
    };
    let selectors: Vec<String> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let d = match word {
        "newslint-disable" => Directive::Disable(Scope::Region, selectors),
        "newslint-disable-next-line" => Directive::Disable(Scope::NextLine, selectors),
        "newslint-disable-file" => Directive::Disable(Scope::File, selectors),
        "newslint-enable" => Directive::Enable(selectors),
        _ => return None,
    };
    Some((d, body.to_string()))
}

/// The range of the first non-blank line after the line holding `at`.
fn next_line(text: &str, at: usize) -> (usize, usize) {
    let mut pos = match text.get(at..).and_then(|r| r.find('\n')) {
        Some(i) => at + i + 1,
        None => return (text.len(), text.len()),
    };
    while pos < text.len() {
        let len = text[pos..].find('\n').unwrap_or(text.len() - pos);
        if !text[pos..pos + len].trim().is_empty() {
            return (pos, pos + len);
        }
        pos += len + 1;
    }
    (text.len(), text.len())
}

/// Does a selector name this rule?
fn selects(selector: &str, code: &str, name: &str) -> bool {
    selector.eq_ignore_ascii_case("ALL")
        || selector.eq_ignore_ascii_case(code)
        || selector.eq_ignore_ascii_case(name)
        || (selector.len() < code.len()
            && selector.chars().all(|c| c.is_ascii_alphabetic())
            && code
                .get(..selector.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(selector)))
}

/// Does a selector name any known rule (or this module's own finding)?
fn known(selector: &str) -> bool {
    crate::rules::RULES
        .iter()
        .map(|r| r.meta())
        .chain(std::iter::once(&UNUSED_SUPPRESSION))
        .any(|m| selects(selector, m.code, m.name))
}

impl Suppression {
    fn covers_finding(&self, f: &Finding) -> bool {
        let Some(primary) = f.labels.first() else {
            return false;
        };
        let at = primary.span.start;
        let inside = self.covers.0 <= at && at < self.covers.1.max(self.covers.0 + 1);
        inside
            && (self.selectors.is_empty()
                || self.selectors.iter().any(|s| selects(s, f.code, f.rule)))
    }
}

/// Every suppression comment of a file, in order.
pub fn suppressions(source: &SourceFile) -> Vec<Suppression> {
    let text = source.text.as_str();
    if !text.contains("newslint-") {
        return Vec::new();
    }
    let mut out: Vec<Suppression> = Vec::new();
    // Indices into `out` of the regions still open.
    let mut open: Vec<usize> = Vec::new();
    for (s, e) in html_comments(text) {
        let body = text.get(s + 4..e - 3).unwrap_or("");
        let Some((d, written)) = directive(body) else {
            continue;
        };
        match d {
            Directive::Disable(scope, selectors) => {
                let covers = match scope {
                    Scope::Region => (e, text.len()),
                    Scope::NextLine => next_line(text, e),
                    Scope::File => (0, text.len()),
                };
                if scope == Scope::Region {
                    open.push(out.len());
                }
                out.push(Suppression {
                    span: source.span(s, e),
                    directive: written,
                    scope,
                    selectors,
                    covers,
                });
            }
            Directive::Enable(selectors) => {
                open.retain(|&i| {
                    let Some(region) = out.get_mut(i) else {
                        return false;
                    };
                    let closes = selectors.is_empty()
                        || region
                            .selectors
                            .iter()
                            .any(|r| selectors.iter().any(|s| s.eq_ignore_ascii_case(r)));
                    if closes {
                        region.covers.1 = s;
                    }
                    !closes
                });
            }
        }
    }
    out
}

/// Drop the findings a suppression covers; with `report_unused`, add a
/// `SUP001` finding for each suppression that hid nothing or names an
/// unknown rule. The result is sorted as [`crate::rules::run`] sorts.
pub fn apply(source: &SourceFile, findings: Vec<Finding>, report_unused: bool) -> Vec<Finding> {
    let list = suppressions(source);
    if list.is_empty() {
        return findings;
    }
    let mut used = vec![false; list.len()];
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let mut hidden = false;
            for (i, s) in list.iter().enumerate() {
                if s.covers_finding(f) {
                    used[i] = true;
                    hidden = true;
                }
            }
            !hidden
        })
        .collect();
    if report_unused {
        for (s, used) in list.iter().zip(used) {
            let unknown: Vec<&String> = s.selectors.iter().filter(|x| !known(x)).collect();
            let message = if let Some(x) = unknown.first() {
                format!("suppression `{}` names no known rule `{x}`", s.directive)
            } else if !used {
                format!("suppression `{}` hides no finding", s.directive)
            } else {
                continue;
            };
            let mut f = Finding::new(&UNUSED_SUPPRESSION, message)
                .label(s.span, Part::Comment, "suppression")
                .help("remove the comment, or correct the rules it names");
            // An unused one is removed (as ruff removes an unused `noqa`);
            // one naming an unknown rule may be a typo for a real one.
            if unknown.is_empty() {
                f.fix = Some(removal(source, s));
            }
            kept.push(f);
        }
        kept.sort_by(|a, b| {
            a.position()
                .cmp(&b.position())
                .then_with(|| a.code.cmp(b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
    }
    kept
}

/// The safe fix that deletes a suppression comment, with its line when the
/// comment is all the line holds.
fn removal(source: &SourceFile, s: &Suppression) -> Fix {
    let text = source.text.as_str();
    let (mut start, mut end) = (s.span.start, s.span.end);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let alone = text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
    if alone {
        start = line_start;
        end = if line_end < text.len() {
            line_end + 1
        } else {
            line_end
        };
    }
    Fix {
        message: "remove the suppression".into(),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            span: source.span(start, end),
            replacement: String::new(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(text: &str) -> Vec<(Scope, String, String)> {
        let source = SourceFile::new("t.md", text);
        suppressions(&source)
            .into_iter()
            .map(|s| {
                (
                    s.scope,
                    s.selectors.join(","),
                    text[s.covers.0..s.covers.1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn region_runs_to_enable_or_end() {
        let t = "a\n<!-- newslint-disable NUM001, QUO -->b\n<!-- newslint-enable -->c\n<!-- newslint-disable -->d";
        assert_eq!(
            covers(t),
            vec![
                (Scope::Region, "NUM001,QUO".into(), "b\n".into()),
                (Scope::Region, String::new(), "d".into()),
            ]
        );
    }

    #[test]
    fn next_line_skips_blank_lines_and_reason_is_ignored() {
        let t = "<!-- newslint-disable-next-line QUO001 -- quoted twice on purpose -->\n\n  \nThe line.\nNot this.";
        assert_eq!(
            covers(t),
            vec![(Scope::NextLine, "QUO001".into(), "The line.".into())]
        );
    }

    #[test]
    fn selectors_match_codes_names_and_families() {
        assert!(selects("NUM001", "NUM001", "quantity-conflict"));
        assert!(selects("quantity-conflict", "NUM001", "quantity-conflict"));
        assert!(selects("num", "NUM001", "quantity-conflict"));
        assert!(selects("ALL", "NUM001", "quantity-conflict"));
        assert!(!selects("NUM002", "NUM001", "quantity-conflict"));
        assert!(!selects("NUM0", "NUM001", "quantity-conflict"));
        assert!(known("DAT001") && !known("XYZ001"));
    }

    #[test]
    fn other_comments_are_not_suppressions() {
        assert!(covers("<!-- newslint-disabled -->\n<!-- a note -->\nText").is_empty());
    }
}
