//! Fixes: edits (byte range → replacement) that resolve a finding, marked
//! safe or unsafe as ruff marks them.
//!
//! The rules only find; [`attach`] runs after them and gives a finding its
//! fix when the article proves what the right text is:
//!
//! - safe: a weekday that does not fall on its fully written date becomes the
//!   date's weekday (DAT001; unsafe when the year is inferred); a key-point
//!   or outline list that skips or repeats is renumbered 1, 2, 3… (ART002); an
//!   outline entry worded differently from its section takes the section's
//!   heading (ART001);
//! - unsafe: a restated figure (key point, headline, summary, FAQ) that
//!   conflicts with the body is set to the body's wording (NUM001).
//!
//! [`apply`] applies fixes to a text as `check --fix` does: in order, each
//! fix whole or not at all, skipping one that overlaps a fix already applied.

use crate::article::normalize::norm;
use crate::article::{Entry, NoteKind, Part};
use crate::claims::DateKind;
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::report::FileReport;
use crate::rules::Context;
use crate::source::{SourceFile, Span};

/// Give each finding the fix the article supports, if any.
///
/// A list that skips several times has several ART002 findings; only the
/// first carries the renumbering (it resolves them all), so the fixes stay
/// linear in the size of the list.
pub fn attach(cx: &Context<'_>, findings: &mut [Finding]) {
    let mut renumbered: Vec<&str> = Vec::new();
    for f in findings.iter_mut() {
        if f.fix.is_some() {
            continue;
        }
        f.fix = match f.code {
            "DAT001" => weekday_fix(cx, f),
            "ART002" => {
                let list = match f.labels.first().map(|l| l.part) {
                    Some(Part::KeyPoint(_)) => "key points",
                    Some(Part::Outline(_)) => "outline",
                    _ => continue,
                };
                if renumbered.contains(&list) {
                    continue;
                }
                renumbered.push(list);
                renumber_fix(cx, f)
            }
            "ART001" => outline_fix(cx, f),
            "NUM001" => figure_fix(cx, f),
            _ => None,
        };
    }
}

fn edit(span: Span, replacement: impl Into<String>) -> Edit {
    Edit {
        span,
        replacement: replacement.into(),
    }
}

/// `word` written in the case style of `like`: `TUESDAY`, `tuesday` or
/// `Tuesday`.
fn same_case(like: &str, word: &str) -> String {
    if like.chars().all(|c| !c.is_lowercase()) {
        word.to_uppercase()
    } else if like.chars().all(|c| !c.is_uppercase()) {
        word.to_lowercase()
    } else {
        word.to_string()
    }
}

/// DAT001 "June 11, 2025 is a `Wednesday`, not a `Tuesday`": the weekday
/// word inside the date's span becomes the real one.
fn weekday_fix(cx: &Context<'_>, f: &Finding) -> Option<Fix> {
    let [primary] = f.labels.as_slice() else {
        return None;
    };
    let d = cx.claims.dates.iter().find(|d| {
        d.span == primary.span && d.kind == DateKind::WeekdayDate && d.weekday.is_some()
    })?;
    let said = d.weekday?;
    let real = d.computed_weekday()?;
    if real == said {
        return None;
    }
    let text = cx.source.slice(&d.span);
    // The weekday is written in full ("Tuesday"); find that word in the
    // date's own text.
    let name = said.name();
    let at = text.char_indices().map(|(i, _)| i).find(|&i| {
        text.get(i..i + name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name))
            && !text[..i].ends_with(|c: char| c.is_alphanumeric())
            && !text[i + name.len()..].starts_with(|c: char| c.is_alphanumeric())
    })?;
    let written = &text[at..at + name.len()];
    let start = d.span.start + at;
    let span = cx.source.span(start, start + name.len());
    let replacement = same_case(written, real.name());
    Some(Fix {
        message: format!("replace `{written}` with `{replacement}`"),
        applicability: if d.year_inferred {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        },
        edits: vec![edit(span, replacement)],
    })
}

/// ART002: number every entry of the list by its position.
fn renumber_fix(cx: &Context<'_>, f: &Finding) -> Option<Fix> {
    let a = cx.article;
    let (list, what): (&[Entry], &str) = match f.labels.first()?.part {
        Part::KeyPoint(_) => (&a.key_points, "key points"),
        Part::Outline(_) => (&a.outline, "outline"),
        _ => return None,
    };
    let edits: Vec<Edit> = list
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let span = e.number_span?;
            let want = u32::try_from(i + 1).ok()?;
            (e.value? != want).then(|| edit(span, want.to_string()))
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    Some(Fix {
        message: format!("renumber the {what} 1 to {}", list.len()),
        applicability: Applicability::Safe,
        edits,
    })
}

/// ART001 "outline entry is worded differently from its heading": the entry
/// takes the heading's words.
fn outline_fix(cx: &Context<'_>, f: &Finding) -> Option<Fix> {
    let [entry, heading] = f.labels.as_slice() else {
        return None;
    };
    let is_rewording = cx.article.notes.iter().any(|n| {
        n.kind == NoteKind::OutlineHeadingDiffers
            && n.span == entry.span
            && n.related == Some(heading.span)
    });
    if !is_rewording || !matches!(entry.part, Part::Outline(_)) {
        return None;
    }
    let words = cx.source.slice(&heading.span);
    if words.is_empty() || words.contains(['\n', '|']) {
        return None;
    }
    Some(Fix {
        message: format!("rename the outline entry to `{words}`"),
        applicability: Applicability::Safe,
        edits: vec![edit(entry.span, words)],
    })
}

/// `text` with its first letter upper-cased when `like` starts with one.
fn capitalised_like(like: &str, text: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// NUM001: every restating side worded differently from the body takes the
/// body's wording. Unsafe: the body may be the side that is wrong.
fn figure_fix(cx: &Context<'_>, f: &Finding) -> Option<Fix> {
    let body = f.labels.iter().find(|l| l.part.is_body())?;
    let body_text = cx.source.slice(&body.span);
    if body_text.is_empty() || body_text.contains('\n') {
        return None;
    }
    let mut edits: Vec<Edit> = f
        .labels
        .iter()
        .filter(|l| l.part.is_restatement())
        .filter_map(|l| {
            let said = cx.source.slice(&l.span);
            (norm(said) != norm(body_text)).then(|| edit(l.span, capitalised_like(said, body_text)))
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup_by(|b, a| b.span.start < a.span.end);
    let what = if edits.len() == 1 {
        "the restated figure"
    } else {
        "the restated figures"
    };
    Some(Fix {
        message: format!("set {what} to the body's `{body_text}`"),
        applicability: Applicability::Unsafe,
        edits,
    })
}

/// A fix as plain byte edits (`start`, `end`, replacement), sorted.
pub type ByteEdits = Vec<(usize, usize, String)>;

/// Apply fixes to `text` in the order given: each fix whole or not at all,
/// skipping a fix with an edit out of bounds, off a char boundary, or
/// overlapping an edit already taken. Returns the new text and how many
/// fixes were applied.
pub fn apply(text: &str, fixes: &[ByteEdits]) -> (String, usize) {
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let fits = fix.iter().all(|(s, e, _)| {
            s <= e
                && *e <= text.len()
                && text.is_char_boundary(*s)
                && text.is_char_boundary(*e)
                && !taken.iter().any(|(ts, te, _)| s < te && ts < e)
        });
        let disjoint = fix
            .iter()
            .enumerate()
            .all(|(i, (s, e, _))| fix[i + 1..].iter().all(|(s2, e2, _)| e <= s2 || e2 <= s));
        if fits && disjoint && !fix.is_empty() {
            taken.extend(fix.iter().map(|(s, e, r)| (*s, *e, r.as_str())));
            applied += 1;
        }
    }
    taken.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (s, e, r) in taken {
        out.push_str(&text[pos..s]);
        out.push_str(r);
        pos = e;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// Does this fix apply under the chosen mode?
pub fn applies(applicability: Applicability, unsafe_fixes: bool) -> bool {
    applicability == Applicability::Safe || unsafe_fixes
}

/// The outcome of fixing one file until no applicable fix is left.
pub struct Fixed {
    /// The file's final text.
    pub source: SourceFile,
    /// The findings of the final text.
    pub report: FileReport,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
}

/// Rounds of fixing one file: a fix can reveal another, as in ruff.
const MAX_ROUNDS: usize = 10;

/// Apply the report's applicable fixes, check the new text with `recheck`,
/// and repeat until nothing applies (at most [`MAX_ROUNDS`] rounds).
pub fn fix_file(
    mut source: SourceFile,
    mut report: FileReport,
    unsafe_fixes: bool,
    recheck: impl Fn(&SourceFile) -> FileReport,
) -> Fixed {
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let fixes: Vec<ByteEdits> = report
            .findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|fix| applies(fix.applicability, unsafe_fixes))
            .map(|fix| {
                fix.edits
                    .iter()
                    .map(|e| (e.start, e.end, e.replacement.clone()))
                    .collect()
            })
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (text, n) = apply(&source.text, &fixes);
        if n == 0 || text == source.text {
            break;
        }
        applied += n;
        source = SourceFile::new(source.path.clone(), text);
        report = recheck(&source);
    }
    Fixed {
        source,
        report,
        applied,
    }
}

/// A unified diff (three lines of context) from `old` to `new`, with `path`
/// on both header lines; empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: usize, end: usize, r: &str) -> (usize, usize, String) {
        (s, end, r.to_string())
    }

    #[test]
    fn fixes_apply_in_order_and_overlaps_are_skipped() {
        let text = "one two three";
        let fixes = vec![
            vec![e(0, 3, "1"), e(8, 13, "3")],
            vec![e(2, 5, "x")],
            vec![e(4, 7, "2")],
        ];
        assert_eq!(apply(text, &fixes), ("1 2 3".to_string(), 2));
    }

    #[test]
    fn a_fix_off_a_char_boundary_is_skipped() {
        assert_eq!(apply("é", &[vec![e(1, 2, "e")]]), ("é".to_string(), 0));
    }

    #[test]
    fn case_follows_the_written_word() {
        assert_eq!(same_case("TUESDAY", "Wednesday"), "WEDNESDAY");
        assert_eq!(same_case("tuesday", "Wednesday"), "wednesday");
        assert_eq!(same_case("Tuesday", "Wednesday"), "Wednesday");
        assert_eq!(capitalised_like("Over 400", "nearly 400"), "Nearly 400");
    }
}
