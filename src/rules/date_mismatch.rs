//! DAT001: a weekday that is not the date's weekday, or one event with two
//! dates.

use crate::claims::date::month_name;
use crate::claims::{DateKind, DateMention, Weekday};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// A weekday does not fall on its calendar date, or one event is given two dates.
    ///
    /// ## What it does
    ///
    /// Computes the weekday of every date written with one ("Wednesday, June
    /// 11, 2025", "Thursday (June 12)") and reports a mismatch. When the year
    /// is not written it is taken from the article's other dates; when the
    /// date lies more than three months from every dated mention, the rule
    /// stays silent if an adjacent year would make the pair right. It
    /// also reports an event ("the press conference", "the hearing") dated
    /// two different days in two places, when both clauses tie the date to
    /// the event plainly and at least one names it as already known ("the").
    ///
    /// ## Why is this bad?
    ///
    /// Readers plan around dates and quote them onwards. A weekday that does
    /// not match its date, or a meeting held on two different days, means at
    /// least one of the two is wrong.
    ///
    /// ## Example
    ///
    /// ```text
    /// The mayors met on Thursday, June 11, 2025.   (June 11, 2025 was a Wednesday)
    /// ```
    ///
    /// Not flagged: "Wednesday, June 11, 2025"; a weekday and date with no
    /// year anywhere in the article; "a hearing on June 3 ... another hearing
    /// on June 5".
    ///
    /// ## Known limits
    ///
    /// Relative dates ("last week", "yesterday") are never compared, since the
    /// publication date is unknown. Events are matched by their head noun
    /// phrase only ("press conference"), so two differently named mentions of
    /// one event are not compared.
    pub DateMismatch, "DAT001", "date-mismatch", Correctness
}

const MAX_EVENT_DATES: usize = 200;

impl Rule for DateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn limits(&self, cx: &Context<'_>) -> Vec<String> {
        let n = cx
            .claims
            .dates
            .iter()
            .filter(|d| d.event.is_some() && d.kind != DateKind::Relative)
            .count();
        if n > MAX_EVENT_DATES {
            vec![format!(
                "{n} dates of events (more than {MAX_EVENT_DATES}): only the first {MAX_EVENT_DATES} were compared"
            )]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let dates = &cx.claims.dates;
        // Months of the dates whose year is written: an inferred year is
        // trusted when the date sits within three months of one of them.
        let written: Vec<u32> = dates
            .iter()
            .filter(|d| d.year.is_some() && !d.year_inferred)
            .filter_map(|d| d.month)
            .collect();
        for d in dates {
            if let Some(f) = wrong_weekday(d, &written) {
                out.push(f);
            }
        }
        let evented: Vec<&DateMention> = dates
            .iter()
            .filter(|d| d.event.is_some() && d.kind != DateKind::Relative)
            .take(MAX_EVENT_DATES)
            .collect();
        // Each later mention of an event against its first dated mention.
        for (j, b) in evented.iter().enumerate() {
            let first = evented[..j].iter().find(|a| a.event == b.event);
            if let Some(f) = first.and_then(|a| event_conflict(a, b)) {
                out.push(f);
            }
        }
    }
}

fn wrong_weekday(d: &DateMention, written_months: &[u32]) -> Option<Finding> {
    if d.kind != DateKind::WeekdayDate {
        return None;
    }
    let (said, year, month, day) = (d.weekday?, d.year?, d.month?, d.day?);
    let real = Weekday::of(year, month, day)?;
    if real == said {
        return None;
    }
    let near_written = written_months.iter().any(|&m| m.abs_diff(month) <= 3);
    if d.year_inferred && !near_written {
        let other_year_fits = [year - 1, year + 1]
            .iter()
            .any(|&y| Weekday::of(y, month, day) == Some(said));
        if other_year_fits {
            return None;
        }
    }
    let inferred = if d.year_inferred {
        " (year taken from the article's other dates)"
    } else {
        ""
    };
    Some(
        Finding::new(
            &DateMismatch::META,
            format!(
                "{} {}, {} is a `{}`, not a `{}`",
                month_name(month),
                day,
                year,
                real.name(),
                said.name()
            ),
        )
        .label(
            d.span,
            d.part,
            format!("{} {}{inferred}", d.part.role(), said.name()),
        )
        .help("correct the weekday or the date"),
    )
}

/// How a dated mention reads in a message.
fn show(d: &DateMention) -> String {
    d.text.clone()
}

/// Two dates that cannot be the same day. `None` when unsure.
fn differ(a: &DateMention, b: &DateMention) -> Option<bool> {
    match ((a.month, a.day), (b.month, b.day)) {
        ((Some(ma), Some(da)), (Some(mb), Some(db))) => {
            if (ma, da) != (mb, db) {
                return Some(true);
            }
            match (a.year, b.year) {
                (Some(ya), Some(yb)) if !a.year_inferred && !b.year_inferred => Some(ya != yb),
                _ => Some(false),
            }
        }
        _ => {
            let wa = a.weekday.or_else(|| a.computed_weekday())?;
            let wb = b.weekday.or_else(|| b.computed_weekday())?;
            Some(wa != wb)
        }
    }
}

fn event_conflict(a: &DateMention, b: &DateMention) -> Option<Finding> {
    let ev = a.event.as_deref()?;
    if b.event.as_deref() != Some(ev) || !(a.event_definite || b.event_definite) {
        return None;
    }
    // Plural events ("protests") span days.
    if ev.ends_with('s') && !ev.ends_with("ss") {
        return None;
    }
    if a.span.line == b.span.line
        && a.part == b.part
        && b.span.start.saturating_sub(a.span.end) < 80
    {
        // "the hearing on June 3 and on June 5": one sentence listing days.
        return None;
    }
    if !differ(a, b)? {
        return None;
    }
    Some(
        Finding::new(
            &DateMismatch::META,
            format!(
                "the {ev} is dated `{}` in one place and `{}` in another",
                show(a),
                show(b)
            ),
        )
        .label(b.span, b.part, format!("{} {}", b.part.role(), show(b)))
        .label(a.span, a.part, format!("{} {}", a.part.role(), show(a)))
        .help("check which day the event took place and use it throughout"),
    )
}
