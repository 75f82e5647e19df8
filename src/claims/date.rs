//! Dates and weekdays.
//!
//! Recognised: "June 10, 2025", "10 June 2025", "2025-06-10", "Dec. 2",
//! "June 2025", weekdays ("on Wednesday"), weekday + date pairs ("Wednesday,
//! June 11", "Wednesday (June 11)", "June 11 (Wednesday)") and relative
//! mentions ("yesterday", "last week", "two days ago"). A missing year is
//! inferred when every written year of the article's full dates agrees. A date is
//! linked to an event ("press conference") only when the clause says so
//! plainly: "the press conference held on Wednesday", "On June 3, the council
//! held a hearing".

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::article::{Block, Part};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Every weekday, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    fn parse(s: &str) -> Option<Weekday> {
        let l = s.to_ascii_lowercase();
        let i = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|p| l.starts_with(p))?;
        Self::ALL.get(i).copied()
    }

    pub fn name(&self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// The weekday of a calendar date (proleptic Gregorian), `None` when the
    /// date does not exist.
    pub fn of(year: i32, month: u32, day: u32) -> Option<Weekday> {
        if day == 0 || day > days_in_month(year, month)? {
            return None;
        }
        // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
        let y = i64::from(year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        // 1970-01-01 was a Thursday.
        let idx = (days + 3).rem_euclid(7);
        Self::ALL.get(usize::try_from(idx).ok()?).copied()
    }
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateKind {
    /// A calendar date: "June 10, 2025", "10 June", "2025-06-10".
    Absolute,
    /// A weekday alone: "on Wednesday".
    Weekday,
    /// A weekday with its date: "Wednesday, June 11".
    WeekdayDate,
    /// "last week", "yesterday", "two days ago".
    Relative,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub text: String,
    pub span: Span,
    pub part: Part,
    pub kind: DateKind,
    pub year: Option<i32>,
    /// True when the year is not written but inferred from the article.
    pub year_inferred: bool,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
    /// The event the date is attached to, normalised ("press conference"),
    /// when the clause makes it clear.
    pub event: Option<String>,
    /// The event is named definitely ("the press conference", "the mayors’
    /// meeting"), i.e. as one already known to the reader.
    pub event_definite: bool,
}

impl DateMention {
    /// The weekday the calendar date falls on, when year, month and day are
    /// all known (written or inferred).
    pub fn computed_weekday(&self) -> Option<Weekday> {
        Weekday::of(self.year?, self.month?, self.day?)
    }
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY: &str = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// The date patterns, compiled once with Unicode word boundaries and once
/// with ASCII ones. The two agree on every text without non-ASCII word
/// characters (letters, digits, marks), which is nearly every article; the
/// ASCII set runs on the lazy DFA, the Unicode set falls back to slower
/// engines on non-ASCII text.
struct DateRegexes {
    iso: Regex,
    month_day: Regex,
    day_month: Regex,
    month_year: Regex,
    weekday: Regex,
    relative: Regex,
}

impl DateRegexes {
    fn new(b: &str) -> DateRegexes {
        let re = |p: String| Regex::new(&p).unwrap_or_else(|_| unreachable!());
        DateRegexes {
            iso: re(format!(r"{b}(\d{{4}})-(\d{{2}})-(\d{{2}}){b}")),
            month_day: re(format!(
                r"{b}(?:{WEEKDAY}(?:,[ \t]*|[ \t]+|[ \t]*\([ \t]*))?{MONTH}[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?{b}(?:,?[ \t]+(\d{{4}}){b})?(?:[ \t]*\)|[ \t]*\([ \t]*{WEEKDAY}[ \t]*\))?"
            )),
            day_month: re(format!(
                r"{b}(?:{WEEKDAY},?[ \t]+)?(?:the[ \t]+)?(\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH}(?:{b}|[ \t])(?:,?[ \t]*(\d{{4}}){b})?"
            )),
            month_year: re(format!(r"{b}{MONTH}[ \t]+(\d{{4}}){b}")),
            weekday: re(format!(r"{b}(?:(?i:last|next|this)[ \t]+)?{WEEKDAY}{b}")),
            relative: re(format!(
                r"(?i){b}(?:yesterday|today|tonight|tomorrow|(?:earlier|later)[ \t]+this[ \t]+(?:week|month|year)|(?:last|this|next)[ \t]+(?:week|weekend|month|year|night|morning|afternoon|evening)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)[ \t]+(?:days?|weeks?|months?|years?)[ \t]+ago){b}",
            )),
        }
    }
}

static UNICODE_RES: LazyLock<DateRegexes> = LazyLock::new(|| DateRegexes::new(r"\b"));
static ASCII_RES: LazyLock<DateRegexes> = LazyLock::new(|| DateRegexes::new(r"(?-u:\b)"));

/// A word character (Unicode `\w`) outside ASCII: where ASCII and Unicode
/// word boundaries can differ.
static NON_ASCII_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").unwrap_or_else(|_| unreachable!()));

/// The patterns to use on `text`: the fast ASCII-boundary set whenever it
/// finds exactly what the Unicode set would.
fn regexes_for(text: &str) -> &'static DateRegexes {
    if text.is_ascii() || !NON_ASCII_WORD.is_match(text) {
        &ASCII_RES
    } else {
        &UNICODE_RES
    }
}

/// The English name of month `m` (1 = January), `?` when out of range.
pub fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    m.checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

fn month_number(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let i = names.iter().position(|n| l.starts_with(n))?;
    u32::try_from(i + 1).ok()
}

/// A calendar date with a weekday is a weekday-date pair; without, absolute.
fn calendar_kind(weekday: Option<Weekday>) -> DateKind {
    if weekday.is_some() {
        DateKind::WeekdayDate
    } else {
        DateKind::Absolute
    }
}

/// A date found in one block, before year inference.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: DateKind,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<Weekday>,
}

fn plausible(year: Option<i32>, month: u32, day: Option<u32>) -> bool {
    let y_ok = year.is_none_or(|y| (1800..=2200).contains(&y));
    let d_ok =
        day.is_none_or(|d| d >= 1 && d <= days_in_month(year.unwrap_or(2000), month).unwrap_or(0));
    y_ok && (1..=12).contains(&month) && d_ok
}

fn parse_year(s: Option<regex::Match<'_>>) -> Option<i32> {
    s.and_then(|m| m.as_str().parse().ok())
}

fn parse_u32(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

fn find_dates(text: &str) -> Vec<Found> {
    let res = regexes_for(text);
    let mut all: Vec<Found> = Vec::new();
    // Each pattern runs only where a literal it cannot match without is
    // present: most blocks hold no date, and the gates cost far less than
    // the patterns (see `Gates`).
    let gates = Gates::new(text);
    let none = || res.iso.captures_iter("");
    for c in if gates.iso {
        res.iso.captures_iter(text)
    } else {
        none()
    } {
        let (Some(m), year, month, day) = (
            c.get(0),
            parse_year(c.get(1)),
            parse_u32(c.get(2)),
            parse_u32(c.get(3)),
        ) else {
            continue;
        };
        let (Some(month), Some(day)) = (month, day) else {
            continue;
        };
        if plausible(year, month, Some(day)) {
            all.push(Found {
                start: m.start(),
                end: m.end(),
                kind: DateKind::Absolute,
                year,
                month: Some(month),
                day: Some(day),
                weekday: None,
            });
        }
    }
    let month = |re: &'static Regex| re.captures_iter(if gates.month { text } else { "" });
    for c in month(&res.month_day) {
        let Some(m) = c.get(0) else { continue };
        let month = c.get(2).and_then(|x| month_number(x.as_str()));
        let day = parse_u32(c.get(3));
        let year = parse_year(c.get(4));
        let weekday = c
            .get(1)
            .or(c.get(5))
            .and_then(|w| Weekday::parse(w.as_str()));
        let Some(month) = month else { continue };
        if !plausible(year, month, day) {
            continue;
        }
        // "Wednesday (June 11" without the closing parenthesis: trim the
        // dangling parenthesis out of the span.
        let mut end = m.end();
        let s = &text[m.start()..end];
        if s.ends_with(')') && !s.contains('(') {
            end -= 1;
            while text[..end].ends_with([' ', '\t']) {
                end -= 1;
            }
        }
        all.push(Found {
            start: m.start(),
            end,
            kind: calendar_kind(weekday),
            year,
            month: Some(month),
            day,
            weekday,
        });
    }
    for c in month(&res.day_month) {
        let Some(m) = c.get(0) else { continue };
        let weekday = c.get(1).and_then(|w| Weekday::parse(w.as_str()));
        let day = parse_u32(c.get(2));
        let month = c.get(3).and_then(|x| month_number(x.as_str()));
        let year = parse_year(c.get(4));
        let Some(month) = month else { continue };
        // "the 2 May" is fine; "400 May" is not a day.
        if !plausible(year, month, day) {
            continue;
        }
        let end = m.start() + m.as_str().trim_end().len();
        all.push(Found {
            start: m.start(),
            end,
            kind: calendar_kind(weekday),
            year,
            month: Some(month),
            day,
            weekday,
        });
    }
    for c in month(&res.month_year) {
        let Some(m) = c.get(0) else { continue };
        let month = c.get(1).and_then(|x| month_number(x.as_str()));
        let year = parse_year(c.get(2));
        let Some(month) = month else { continue };
        if plausible(year, month, None) {
            all.push(Found {
                start: m.start(),
                end: m.end(),
                kind: DateKind::Absolute,
                year,
                month: Some(month),
                day: None,
                weekday: None,
            });
        }
    }
    for c in res
        .weekday
        .captures_iter(if gates.weekday { text } else { "" })
    {
        let (Some(m), Some(w)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !weekday_is_a_day(text, w.start(), w.end()) {
            continue;
        }
        all.push(Found {
            start: m.start(),
            end: m.end(),
            kind: DateKind::Weekday,
            year: None,
            month: None,
            day: None,
            weekday: Weekday::parse(w.as_str()),
        });
    }
    for m in res
        .relative
        .find_iter(if gates.relative { text } else { "" })
    {
        all.push(Found {
            start: m.start(),
            end: m.end(),
            kind: DateKind::Relative,
            year: None,
            month: None,
            day: None,
            weekday: None,
        });
    }
    // Longest match wins where matches overlap.
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::new();
    for f in all {
        if kept.last().is_some_and(|k| f.start < k.end) {
            continue;
        }
        kept.push(f);
    }
    kept
}

/// Necessary conditions for the date patterns, each far cheaper than the
/// pattern it guards: when a gate is shut, its pattern cannot match.
struct Gates {
    /// `iso` needs a `-` between two digits.
    iso: bool,
    /// `month_day`, `day_month` and `month_year` need a month name, and
    /// every one starts with one of these twelve prefixes.
    month: bool,
    /// `weekday` needs a weekday name: all end in "day".
    weekday: bool,
    /// `relative` needs one of its case-insensitive words (its other
    /// alternatives each hold one of them too).
    relative: bool,
}

static MONTH_GATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec").unwrap_or_else(|_| unreachable!())
});
static RELATIVE_GATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)day|tomorrow|week|month|year|night|morning|afternoon|evening")
        .unwrap_or_else(|_| unreachable!())
});

impl Gates {
    fn new(text: &str) -> Gates {
        let iso = text.match_indices('-').any(|(i, _)| {
            let before = text.get(..i).and_then(|s| s.chars().next_back());
            let after = text.get(i + 1..).and_then(|s| s.chars().next());
            before.is_some_and(char::is_numeric) && after.is_some_and(char::is_numeric)
        });
        let weekday = text.contains("day");
        Gates {
            iso,
            month: MONTH_GATE.is_match(text),
            weekday,
            relative: weekday || RELATIVE_GATE.is_match(text),
        }
    }
}

/// "Sunday Times", "Super Tuesday", "Black Friday", "Good Friday" are names,
/// not days.
fn weekday_is_a_day(text: &str, start: usize, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    let next_cap = after
        .strip_prefix(' ')
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_uppercase());
    let next_is_month = MONTH_START.is_match(after);
    if next_cap && !next_is_month {
        return false;
    }
    let before = text.get(..start).unwrap_or("").trim_end_matches(' ');
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let prev_named = prev.chars().next().is_some_and(|c| c.is_uppercase())
        && before.len() + 1 == start
        && !matches!(
            prev,
            "On" | "By" | "Last" | "Next" | "This" | "Since" | "Until" | "Early" | "Late"
        );
    !matches!(
        prev,
        "Super" | "Black" | "Good" | "Cyber" | "Ash" | "Bloody" | "Holy"
    ) && !prev_named
}

static MONTH_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ \t]*,?[ \t]*\(?[ \t]*{MONTH}[ \t]+\d"))
        .unwrap_or_else(|_| unreachable!())
});

/// Event nouns, multi-word ones first.
const EVENTS: &[&str] = &[
    "press conference",
    "news conference",
    "town hall",
    "city council meeting",
    "council meeting",
    "board meeting",
    "press briefing",
    "court hearing",
    "meeting",
    "hearing",
    "vote",
    "election",
    "primary",
    "referendum",
    "rally",
    "summit",
    "ceremony",
    "speech",
    "address",
    "debate",
    "trial",
    "sentencing",
    "funeral",
    "vigil",
    "parade",
    "announcement",
    "briefing",
    "launch",
    "raid",
    "deployment",
    "visit",
    "signing",
    "inauguration",
    "deadline",
    "walkout",
    "strike",
    "shooting",
    "explosion",
    "earthquake",
    "crash",
    "attack",
    "opening",
    "concert",
    "festival",
    "conference",
    "session",
    "gathering",
    "protest",
    "march",
    "demonstration",
    "sit-in",
    "curfew",
];

/// Words before an event noun that make it a different occurrence.
const OTHER_OCCURRENCE: &[&str] = &[
    "another",
    "second",
    "first",
    "third",
    "next",
    "previous",
    "earlier",
    "later",
    "latest",
    "new",
    "separate",
    "follow-up",
    "subsequent",
    "similar",
    "upcoming",
    "last",
    "each",
    "every",
    "weekly",
    "daily",
    "monthly",
    "annual",
];

const DEFINITE: &[&str] = &["the", "this", "that", "its", "their", "his", "her", "our"];

/// Words between an event and its date: "the hearing held on June 3".
static EVENT_TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]+(?:(?:was|is|will[ \t]+be|had[ \t]+been|has[ \t]+been)[ \t]+)?(?:(?:held|scheduled|set|planned|called|convened|slated|staged|took[ \t]+place|takes[ \t]+place|happened|occurred|began|started|ended|set[ \t]+for)[ \t]+)?(?:on|for)?[ \t]*$",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// "On June 3, the council held a hearing": an event named right after a
/// sentence-initial date.
static DATE_THEN_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,[ \t]+(?:[A-Za-z’'\-]+[ \t]+){1,6}?(?:held|hosted|called|staged|convened|organized|organised|gave|delivered|announced)[ \t]+(a|an|the|their|its|his|her)[ \t]+",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// The event phrase ending exactly at `end` (block-relative), and whether it
/// is definite.
///
/// `stable` is the offset of the block's first char whose lower case has
/// another byte length ([`first_len_change`]).
fn event_ending_at(text: &str, end: usize, stable: usize) -> Option<(String, bool)> {
    let before = text.get(..end)?;
    // Lower-casing can change byte lengths; only trust ASCII-identical
    // text. Where no char of `before` changes length, its lower-cased
    // tail is the tail lower-cased, so only a window is lower-cased.
    let lower_start = if end <= stable {
        let mut w = end.saturating_sub(EVENT_WINDOW);
        while !before.is_char_boundary(w) {
            w -= 1;
        }
        w
    } else {
        0
    };
    let lower = before.get(lower_start..)?.to_lowercase();
    if lower.len() != before.len() - lower_start {
        return None;
    }
    let ev = EVENTS.iter().find(|e| {
        lower.ends_with(*e)
            && lower[..lower.len() - e.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })?;
    let head_start = end - ev.len();
    let prefix = before.get(..head_start)?.trim_end();
    let mut words = prefix
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let w1 = words.next().unwrap_or("");
    let w1l = w1.to_lowercase();
    let mut key = ev.to_string();
    let mut det = w1l.clone();
    if !DEFINITE.contains(&w1l.as_str())
        && !["a", "an"].contains(&w1l.as_str())
        && !w1l.ends_with(['\'', '\u{2019}'])
        && !w1l.ends_with("'s")
        && !w1l.ends_with("\u{2019}s")
    {
        if OTHER_OCCURRENCE.contains(&w1l.as_str()) {
            return None;
        }
        // A lower-case modifier belongs to the key ("emergency meeting").
        const NOT_MODIFIERS: &[&str] = &[
            "may", "will", "would", "can", "could", "should", "might", "must", "to", "and", "or",
            "of", "for", "in", "at", "on", "by", "with", "held", "was", "is",
        ];
        if NOT_MODIFIERS.contains(&w1l.as_str()) {
            return None;
        }
        if w1.chars().all(|c| c.is_ascii_lowercase()) && !w1.is_empty() {
            key = format!("{w1l} {ev}");
        }
        det = words.next().unwrap_or("").to_lowercase();
    }
    if OTHER_OCCURRENCE.contains(&det.as_str()) {
        return None;
    }
    // "final vote", "closing ceremony": one of a kind.
    let unique = key.starts_with("final ") || key.starts_with("closing ");
    let definite = unique
        || DEFINITE.contains(&det.as_str())
        || det.ends_with(['\'', '\u{2019}'])
        || det.ends_with("'s")
        || det.ends_with("\u{2019}s")
        || w1l.ends_with(['\'', '\u{2019}']);
    Some((key, definite))
}

/// Bytes before a date's event that are lower-cased to find it: more than
/// the longest event and the char before it.
const EVENT_WINDOW: usize = 64;

/// The offset of the first char of `text` whose lower case is not as long
/// as itself (`text.len()` when there is none).
fn first_len_change(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| {
            !c.is_ascii() && c.to_lowercase().map(char::len_utf8).sum::<usize>() != c.len_utf8()
        })
        .map_or(text.len(), |(i, _)| i)
}

/// Nothing but "On" (any case) or blanks since the last `.`, `!`, `?` or
/// line break of `lead`. Reads back only as far as it must: a paragraph
/// with no sentence end and thousands of dates stays linear.
fn sentence_initial(lead: &str) -> bool {
    // Non-blank chars after the last sentence end, last first.
    let mut word: Vec<char> = Vec::new();
    let mut after_word = false;
    for c in lead.chars().rev() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            break;
        }
        if c.is_whitespace() {
            after_word |= !word.is_empty();
        } else if after_word || word.len() >= 2 {
            return false;
        } else {
            word.push(c);
        }
    }
    match word.as_slice() {
        [] => true,
        [n, o] => n.eq_ignore_ascii_case(&'n') && o.eq_ignore_ascii_case(&'o'),
        _ => false,
    }
}

/// The event a date at `start..end` dates, when the clause says so plainly.
fn link_event(text: &str, start: usize, end: usize, stable: usize) -> Option<(String, bool)> {
    // "the press conference held on Wednesday".
    let before = text.get(..start)?;
    let window_start = before
        .char_indices()
        .rev()
        .take(60)
        .last()
        .map_or(0, |(i, _)| i);
    let window = before.get(window_start..)?;
    for (i, _) in window.char_indices() {
        let cut = window_start + i;
        if let Some(gap) = text.get(cut..start) {
            if EVENT_TO_DATE.is_match(gap) {
                if let Some(e) = event_ending_at(text, cut, stable) {
                    return Some(e);
                }
            }
        }
    }
    // "On June 3, the council held a hearing".
    if sentence_initial(before.trim_end()) {
        let after = text.get(end..)?;
        if let Some(m) = DATE_THEN_EVENT.captures(after) {
            let m0 = m.get(0)?;
            let det = m.get(1).map_or("", |d| d.as_str());
            let rest = after.get(m0.end()..)?.to_lowercase();
            let ev = EVENTS.iter().find(|e| {
                rest.starts_with(*e)
                    && rest[e.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })?;
            return Some((ev.to_string(), det != "a" && det != "an"));
        }
    }
    None
}

/// The (month, day) of every calendar date written in `text`.
pub fn days_written(text: &str) -> Vec<(u32, u32)> {
    find_dates(text)
        .into_iter()
        .filter_map(|f| Some((f.month?, f.day?)))
        .collect()
}

/// Extract dates.
pub fn extract(source: &SourceFile, blocks: &[Block<'_>]) -> Vec<DateMention> {
    let mut out = Vec::new();
    for block in blocks {
        let found = find_dates(block.text);
        let stable = if found.is_empty() {
            0
        } else {
            first_len_change(block.text)
        };
        for f in found {
            let Some(text) = block.text.get(f.start..f.end) else {
                continue;
            };
            let (event, event_definite) = link_event(block.text, f.start, f.end, stable)
                .map_or((None, false), |(e, d)| (Some(e), d));
            out.push(DateMention {
                text: text.to_string(),
                span: source.span(block.span.start + f.start, block.span.start + f.end),
                part: block.part,
                kind: f.kind,
                year: f.year,
                year_inferred: false,
                month: f.month,
                day: f.day,
                weekday: f.weekday,
                event,
                event_definite,
            });
        }
    }
    infer_years(&mut out);
    out
}

/// Give a year to dates written without one when the years of the
/// article's full dates (day, month and year written) all agree.
///
/// A month and year alone ("the peak reached in September 2022", "the next
/// census in October 2026") usually dates another, historical or future,
/// matter than the day-dated events of the story, so it lends no year.
fn infer_years(dates: &mut [DateMention]) {
    let mut years: Vec<i32> = dates
        .iter()
        .filter(|d| d.month.is_some() && d.day.is_some())
        .filter_map(|d| d.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let [year] = years[..] else {
        return;
    };
    for d in dates.iter_mut() {
        if d.year.is_none() && d.month.is_some() && d.day.is_some() {
            d.year = Some(year);
            d.year_inferred = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_fit_the_lowercased_window() {
        assert!(EVENTS.iter().all(|e| e.len() + 8 <= EVENT_WINDOW));
    }

    #[test]
    fn sentence_initial_reads_the_tail_after_the_last_sentence_end() {
        for (lead, want) in [
            ("", true),
            ("On", true),
            ("He left. on", true),
            ("He left.  ", true),
            ("He left.\n On ", true),
            ("He left. In", false),
            ("He left. o n", false),
            ("He left. Once", false),
            ("Police said", false),
        ] {
            assert_eq!(sentence_initial(lead.trim_end()), want, "{lead:?}");
        }
    }

    #[test]
    fn ascii_and_unicode_patterns_agree_without_non_ascii_letters() {
        let text = "On Wednesday, June 11 — “the 3rd of May 2024” (Friday) and 2025-06-10; \
                    two days ago, next week, Dec. 2, 2024.\u{a0}Sunday";
        assert!(std::ptr::eq(regexes_for(text), &*ASCII_RES));
        let spans = |r: &DateRegexes| -> Vec<(usize, usize)> {
            [
                &r.iso,
                &r.month_day,
                &r.day_month,
                &r.month_year,
                &r.weekday,
                &r.relative,
            ]
            .iter()
            .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
            .collect()
        };
        assert_eq!(spans(&ASCII_RES), spans(&UNICODE_RES));
        assert!(std::ptr::eq(regexes_for("Ébe June 2025"), &*UNICODE_RES));
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(Weekday::of(2025, 6, 11), Some(Weekday::Wednesday));
        assert_eq!(Weekday::of(1970, 1, 1), Some(Weekday::Thursday));
        assert_eq!(Weekday::of(2000, 2, 29), Some(Weekday::Tuesday));
        assert_eq!(Weekday::of(2024, 12, 2), Some(Weekday::Monday));
        assert_eq!(Weekday::of(2023, 2, 29), None);
    }
}
