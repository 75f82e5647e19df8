//! The labelled evaluation sets: `fixtures/<set>/*.{txt,md}` with the findings
//! a careful copy editor expects in `fixtures/<set>/labels.json` (format in
//! `fixtures/eval/README.md`). Two sets run through the same harness:
//! `fixtures/eval` (the main set, with a bar the rules must meet) and
//! `fixtures/holdout` (held out: written without reading the rules and never
//! used to tune them, so it gives an honest precision/recall).
//!
//! Every article is run through `parse` + `extract` + `check`; findings at
//! warning or above are matched against the labels, and the test prints a
//! per-article table with recall and false findings per article (also written
//! to `target/eval-report.md` / `target/holdout-report.md` for the README to
//! quote).
//!
//! Matching rule: a finding matches an expected entry when
//! - the codes are equal, and
//! - the finding's label lines (every line any of its labels touches) include
//!   at least `sides` distinct lines of the entry's `lines`, where `sides`
//!   defaults to 2 for entries listing two or more distinct lines and to 1
//!   otherwise (an entry may lower it to 1 when a rule could fairly point at
//!   either side alone, e.g. a numbering gap).
//!
//! Each expected entry is matched at most once. A finding that matches only
//! entries already matched is a duplicate: reported, but neither a hit nor a
//! false finding. A finding that matches no entry is a false finding.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use newslint::{Finding, Severity};
use serde::Deserialize;

use crate::common::{check, fixture_files, fixtures, load};

/// The least recall the evaluation accepts. Set to 0.0 while the rules are
/// being written; the lead raises it as the rules land (aim: 0.90).
const MIN_RECALL: f64 = 0.85;

/// The most unmatched findings per article the evaluation accepts. Unbounded
/// while the rules are being written; the lead lowers it as the rules land
/// (aim: 0.1).
const MAX_FALSE_PER_ARTICLE: f64 = 0.1;

/// The least recall the first held-out set (`fixtures/holdout/`) accepts.
/// Its first honest measurement was recall 0.667 with 0.79 false findings per
/// article; its misses were then studied and fixed in general ways, so it is
/// no longer blind and now guards against regressions.
const HOLDOUT_MIN_RECALL: f64 = 0.85;

/// The most false findings per article the first held-out set accepts.
const HOLDOUT_MAX_FALSE_PER_ARTICLE: f64 = 0.15;

/// The blind set (`fixtures/holdout2/`), written without seeing the code or
/// running the tool: it only reports, so that a tuned bar never hides what it
/// measures.
const BLIND_MIN_RECALL: f64 = 0.0;
const BLIND_MAX_FALSE_PER_ARTICLE: f64 = f64::INFINITY;

/// One article's labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleLabels {
    file: String,
    expected: Vec<Expected>,
}

/// One defect a careful reader expects to be flagged.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    /// 1-based lines of every side of the defect.
    lines: Vec<usize>,
    /// How many distinct listed lines a finding must touch (see module docs).
    #[serde(default)]
    sides: Option<usize>,
    note: String,
}

impl Expected {
    fn distinct_lines(&self) -> BTreeSet<usize> {
        self.lines.iter().copied().collect()
    }

    /// Distinct listed lines a finding must touch to match.
    fn required_sides(&self) -> usize {
        let n = self.distinct_lines().len();
        self.sides.unwrap_or(2).clamp(1, n.max(1))
    }
}

/// What the evaluation needs of a finding: its code and the lines it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    code: String,
    lines: BTreeSet<usize>,
    /// A one-line description for the report.
    text: String,
}

impl Found {
    fn from_finding(f: &Finding) -> Self {
        let mut lines = BTreeSet::new();
        for l in &f.labels {
            let s = &l.span;
            // An exclusive end at column 1 of a later line stops on the line before.
            let last = if s.end_line > s.line && s.end_column <= 1 {
                s.end_line - 1
            } else {
                s.end_line.max(s.line)
            };
            lines.extend(s.line..=last);
        }
        let shown: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        Found {
            code: f.code.to_string(),
            text: format!("{} [{}] {}", f.code, shown.join(","), f.message),
            lines,
        }
    }

    fn matches(&self, e: &Expected) -> bool {
        if self.code != e.code {
            return false;
        }
        let hit = e
            .distinct_lines()
            .intersection(&self.lines)
            .take(e.required_sides())
            .count();
        hit >= e.required_sides()
    }
}

/// The outcome of matching one article's findings against its labels.
#[derive(Debug, Default, Clone, PartialEq)]
struct Outcome {
    expected: usize,
    found: usize,
    /// Expected entries matched by at least one finding.
    matched: usize,
    /// Findings that matched only entries already matched.
    duplicates: usize,
    /// Descriptions of the expected entries nobody matched.
    missed: Vec<String>,
    /// Descriptions of findings that matched no entry.
    false_findings: Vec<String>,
    /// Per rule code: (expected, matched, false).
    per_code: BTreeMap<String, (usize, usize, usize)>,
}

/// Match findings to expected entries. Each finding takes the first entry it
/// matches that is still unmatched; failing that it is a duplicate when it
/// matches an already-matched entry, and a false finding otherwise.
fn score(expected: &[Expected], found: &[Found]) -> Outcome {
    let mut taken = vec![false; expected.len()];
    let mut out = Outcome {
        expected: expected.len(),
        found: found.len(),
        ..Outcome::default()
    };
    for f in found {
        let candidates: Vec<usize> = expected
            .iter()
            .enumerate()
            .filter(|(_, e)| f.matches(e))
            .map(|(i, _)| i)
            .collect();
        match candidates.iter().find(|&&i| !taken[i]) {
            Some(&i) => {
                taken[i] = true;
                out.matched += 1;
                out.per_code.entry(f.code.clone()).or_default().1 += 1;
            }
            None if !candidates.is_empty() => out.duplicates += 1,
            None => {
                out.false_findings.push(f.text.clone());
                out.per_code.entry(f.code.clone()).or_default().2 += 1;
            }
        }
    }
    for (e, t) in expected.iter().zip(&taken) {
        out.per_code.entry(e.code.clone()).or_default().0 += 1;
        if !t {
            out.missed
                .push(format!("{} {:?} {}", e.code, e.lines, e.note.as_str()));
        }
    }
    out
}

/// The labels of the set in `fixtures/<set>/`.
fn load_labels(set: &str) -> Vec<ArticleLabels> {
    let path = fixtures().join(set).join("labels.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad {}: {e}", path.display()))
}

/// Run the whole evaluation of the set in `fixtures/<set>/` and render the
/// report under `title`.
fn evaluate(set: &str, title: &str, labels: &[ArticleLabels]) -> (String, f64, f64) {
    let mut table = String::new();
    let mut details = String::new();
    let _ = writeln!(
        table,
        "| file | expected | found | matched | missed | false | duplicates |"
    );
    let _ = writeln!(table, "|---|---:|---:|---:|---:|---:|---:|");
    let mut total = Outcome::default();
    for a in labels {
        let source = load(&format!("{set}/{}", a.file));
        let found: Vec<Found> = check(&source)
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(Found::from_finding)
            .collect();
        let o = score(&a.expected, &found);
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {} | {} | {} |",
            a.file,
            o.expected,
            o.found,
            o.matched,
            o.missed.len(),
            o.false_findings.len(),
            o.duplicates
        );
        for m in &o.missed {
            let _ = writeln!(details, "- {}: missed {}", a.file, m);
        }
        for f in &o.false_findings {
            let _ = writeln!(details, "- {}: false {}", a.file, f);
        }
        total.expected += o.expected;
        total.found += o.found;
        total.matched += o.matched;
        total.duplicates += o.duplicates;
        total.missed.extend(o.missed);
        total.false_findings.extend(o.false_findings);
        for (code, (e, m, f)) in o.per_code {
            let t = total.per_code.entry(code).or_default();
            t.0 += e;
            t.1 += m;
            t.2 += f;
        }
    }
    let articles = labels.len().max(1) as f64;
    let recall = if total.expected == 0 {
        1.0
    } else {
        total.matched as f64 / total.expected as f64
    };
    let false_per_article = total.false_findings.len() as f64 / articles;
    let _ = writeln!(
        table,
        "| **total ({} articles)** | {} | {} | {} | {} | {} | {} |",
        labels.len(),
        total.expected,
        total.found,
        total.matched,
        total.missed.len(),
        total.false_findings.len(),
        total.duplicates
    );
    let mut report = format!("# {title}\n\n");
    let _ = writeln!(
        report,
        "recall {:.1}% ({}/{}), false findings per article {:.2} ({} in {} articles)\n",
        recall * 100.0,
        total.matched,
        total.expected,
        false_per_article,
        total.false_findings.len(),
        labels.len()
    );
    report.push_str(&table);
    report
        .push_str("\n| rule | expected | matched | recall | false |\n|---|---:|---:|---:|---:|\n");
    for (code, (e, m, f)) in &total.per_code {
        let r = if *e == 0 {
            "-".to_string()
        } else {
            format!("{:.0}%", *m as f64 * 100.0 / *e as f64)
        };
        let _ = writeln!(report, "| {code} | {e} | {m} | {r} | {f} |");
    }
    if !details.is_empty() {
        report.push_str("\n## Missed and false findings\n\n");
        report.push_str(&details);
    }
    (report, recall, false_per_article)
}

/// Every article of `fixtures/<set>/` is labelled once, every label names an
/// article, and every labelled line exists.
fn assert_labels_consistent(set: &str) {
    let labels = load_labels(set);
    let labelled: BTreeSet<String> = labels.iter().map(|a| format!("{set}/{}", a.file)).collect();
    let files: BTreeSet<String> = fixture_files(set)
        .into_iter()
        .filter(|f| !f.ends_with("/README.md"))
        .collect();
    assert_eq!(labelled.len(), labels.len(), "an article is labelled twice");
    assert_eq!(labelled, files, "labels.json and fixtures/{set} disagree");
    for a in &labels {
        let source = load(&format!("{set}/{}", a.file));
        let line_count = source.text.lines().count();
        for e in &a.expected {
            assert!(!e.lines.is_empty(), "{}: {} has no lines", a.file, e.code);
            assert!(
                e.lines.iter().all(|&l| l >= 1 && l <= line_count),
                "{}: {} lines {:?} outside 1..={line_count}",
                a.file,
                e.code,
                e.lines
            );
            assert!(!e.note.is_empty(), "{}: {} needs a note", a.file, e.code);
        }
    }
}

#[test]
fn every_eval_article_is_labelled_and_every_label_has_an_article() {
    assert_labels_consistent("eval");
}

#[test]
fn every_holdout_article_is_labelled_and_every_label_has_an_article() {
    assert_labels_consistent("holdout");
}

#[test]
fn every_blind_article_is_labelled_and_every_label_has_an_article() {
    assert_labels_consistent("holdout2");
    assert_labels_consistent("holdout3");
}

/// Evaluate the set in `fixtures/<set>/`, print the report, write it to
/// `target/<report>`, and fail below the given bar.
fn run_set(set: &str, title: &str, report_file: &str, min_recall: f64, max_false: f64) {
    let labels = load_labels(set);
    let (report, recall, false_per_article) = evaluate(set, title, &labels);
    println!("{report}");
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&target);
    let _ = std::fs::write(target.join(report_file), &report);
    assert!(
        recall >= min_recall,
        "recall {recall:.3} below {min_recall}\n{report}"
    );
    assert!(
        false_per_article <= max_false,
        "false findings per article {false_per_article:.3} above {max_false}\n{report}"
    );
}

#[test]
fn eval_set_meets_the_bar() {
    run_set(
        "eval",
        "newslint evaluation",
        "eval-report.md",
        MIN_RECALL,
        MAX_FALSE_PER_ARTICLE,
    );
}

#[test]
fn holdout_set_report() {
    run_set(
        "holdout",
        "newslint held-out evaluation",
        "holdout-report.md",
        HOLDOUT_MIN_RECALL,
        HOLDOUT_MAX_FALSE_PER_ARTICLE,
    );
}

#[test]
fn blind_set_report() {
    run_set(
        "holdout2",
        "newslint blind evaluation",
        "blind-report.md",
        BLIND_MIN_RECALL,
        BLIND_MAX_FALSE_PER_ARTICLE,
    );
}

/// The second blind set (`fixtures/holdout3/`), written the same way in the
/// second session after the speed work: reports only.
#[test]
fn second_blind_set_report() {
    run_set(
        "holdout3",
        "newslint second blind evaluation",
        "blind3-report.md",
        BLIND_MIN_RECALL,
        BLIND_MAX_FALSE_PER_ARTICLE,
    );
}

#[cfg(test)]
mod matching {
    use super::*;
    use newslint::{Part, SourceFile};

    fn expected(code: &str, lines: &[usize], sides: Option<usize>) -> Expected {
        Expected {
            code: code.into(),
            lines: lines.to_vec(),
            sides,
            note: "test".into(),
        }
    }

    fn found(code: &str, lines: &[usize]) -> Found {
        Found {
            code: code.into(),
            lines: lines.iter().copied().collect(),
            text: format!("{code} {lines:?}"),
        }
    }

    #[test]
    fn two_sided_entry_needs_two_of_its_lines() {
        let e = expected("NUM001", &[20, 29, 39], None);
        assert!(found("NUM001", &[20, 29]).matches(&e));
        assert!(found("NUM001", &[29, 39, 40]).matches(&e));
        assert!(!found("NUM001", &[20]).matches(&e));
        assert!(!found("NUM001", &[20, 21]).matches(&e));
    }

    #[test]
    fn a_different_code_never_matches() {
        let e = expected("NUM001", &[20, 29], None);
        assert!(!found("NUM002", &[20, 29]).matches(&e));
    }

    #[test]
    fn one_sided_entry_needs_one_line() {
        let e = expected("ART003", &[40], None);
        assert!(found("ART003", &[40]).matches(&e));
        assert!(!found("ART003", &[41]).matches(&e));
        let lenient = expected("ART002", &[26, 27], Some(1));
        assert!(found("ART002", &[27]).matches(&lenient));
    }

    #[test]
    fn both_sides_on_one_line_need_that_line_only() {
        let e = expected("NUM001", &[12, 12], None);
        assert!(found("NUM001", &[12]).matches(&e));
    }

    #[test]
    fn duplicates_count_once_and_are_not_false() {
        let exp = vec![expected("NUM001", &[20, 29], None)];
        let o = score(
            &exp,
            &[found("NUM001", &[20, 29]), found("NUM001", &[29, 20, 39])],
        );
        assert_eq!(o.matched, 1);
        assert_eq!(o.duplicates, 1);
        assert!(o.false_findings.is_empty());
        assert!(o.missed.is_empty());
    }

    #[test]
    fn unmatched_findings_are_false_and_unmatched_entries_missed() {
        let exp = vec![
            expected("NUM001", &[20, 29], None),
            expected("ART003", &[40], None),
        ];
        let o = score(&exp, &[found("NUM001", &[20, 29]), found("PER001", &[5])]);
        assert_eq!(o.matched, 1);
        assert_eq!(o.false_findings.len(), 1);
        assert_eq!(o.missed.len(), 1);
        assert!(o.missed[0].starts_with("ART003"));
        assert_eq!(o.per_code.get("NUM001"), Some(&(1, 1, 0)));
        assert_eq!(o.per_code.get("ART003"), Some(&(1, 0, 0)));
        assert_eq!(o.per_code.get("PER001"), Some(&(0, 0, 1)));
    }

    #[test]
    fn a_finding_takes_a_still_unmatched_entry_first() {
        let exp = vec![
            expected("NUM001", &[10, 20], None),
            expected("NUM001", &[10, 20, 30], None),
        ];
        let o = score(
            &exp,
            &[found("NUM001", &[10, 20]), found("NUM001", &[10, 20])],
        );
        assert_eq!(o.matched, 2);
        assert_eq!(o.duplicates, 0);
    }

    #[test]
    fn label_lines_come_from_spans_and_stop_before_an_exclusive_line_start() {
        let source = SourceFile::new("t.txt", "one\ntwo 400\nthree\nfour\n");
        let f = Finding {
            code: "NUM001",
            rule: "quantity-conflict",
            severity: Severity::Error,
            message: "m".into(),
            help: None,
            labels: Vec::new(),
            fix: None,
        }
        .label(source.span(8, 11), Part::Lede, "body says")
        // "three\n" ends at the start of line 4: line 3 only.
        .label(source.span(12, 18), Part::Summary, "summary says");
        let got = Found::from_finding(&f);
        assert_eq!(got.lines, [2, 3].into_iter().collect());
        assert_eq!(got.code, "NUM001");
    }
}
