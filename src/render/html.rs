//! `--format html`: one self-contained review page (inline CSS, no script,
//! nothing fetched). Per file: the article with every finding's sides
//! highlighted in the finding's own colour, the findings with their sides
//! next to each other (role, part, line and text), a count per rule; a table
//! of contents when there are several files; the run's time in the header.
//!
//! The page is deterministic but for the time, which is taken once per
//! process and honours `SOURCE_DATE_EPOCH` (reproducible-builds convention).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::OnceLock;

use crate::diagnostic::Severity;
use crate::report::{FileReport, Report, ReportFinding, ReportFix};

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A message with its backticked values as `<code>`.
fn message_html(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}

/// Seconds since the Unix epoch as `(date-time for humans, ISO 8601)`, UTC.
pub fn format_time(secs: u64) -> (String, String) {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02}:{s:02} UTC"),
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z"),
    )
}

/// The time of this run: `SOURCE_DATE_EPOCH` when set, else now; the same
/// for every page this process writes.
fn run_time() -> &'static (String, String) {
    static TIME: OnceLock<(String, String)> = OnceLock::new();
    TIME.get_or_init(|| {
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            });
        format_time(secs)
    })
}

/// The finding's colour: hues a golden angle apart, so neighbours differ.
fn hue(index: usize) -> u32 {
    ((index as f64 * 137.508) % 360.0) as u32
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d2125; --muted: #5b636b; --line: #d6dbe0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f9; }
header.run { padding: 16px 24px; background: #1d2a38; color: #fff; }
header.run h1 { margin: 0; font-size: 20px; }
header.run p { margin: 4px 0 0; color: #c9d3dd; }
nav.toc { margin: 16px 24px; padding: 12px 16px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
nav.toc h2 { margin: 0 0 6px; font-size: 15px; }
nav.toc ol { margin: 0; padding-left: 20px; }
section.file { margin: 16px 24px 32px; }
section.file > h2 { font-size: 17px; margin: 0 0 8px; word-break: break-all; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
pre.article { margin: 0; padding: 16px; background: #fff; border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 Georgia, "Times New Roman", serif; }
mark { background: hsl(var(--h) 90% 80%); border-bottom: 2px solid hsl(var(--h) 70% 40%); border-radius: 2px; padding: 0 1px; color: inherit; }
mark:target { outline: 3px solid hsl(var(--h) 70% 40%); }
table.rules { border-collapse: collapse; margin: 0 0 12px; background: #fff; }
table.rules th, table.rules td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; font-size: 13px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid hsl(var(--h) 70% 45%); border-radius: 6px; padding: 10px 12px; margin-bottom: 12px; }
li.finding p { margin: 0 0 6px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; text-transform: uppercase; color: #fff; }
.sev-error .badge { background: #b42318; } .sev-warning .badge { background: #b54708; } .sev-info .badge { background: #175cd3; }
.rule { color: var(--muted); }
.sides { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
a.side { flex: 1 1 150px; display: block; padding: 6px 8px; border: 1px solid hsl(var(--h) 60% 75%); background: hsl(var(--h) 90% 96%); border-radius: 4px; color: inherit; text-decoration: none; }
a.side .part { display: block; font-size: 12px; font-weight: 600; text-transform: uppercase; color: var(--muted); }
a.side .role { display: block; font-size: 13px; }
a.side q { display: block; font-family: Georgia, serif; }
.help, .fix { font-size: 13px; color: var(--muted); }
.fix code, .help code { color: var(--ink); }
p.error { color: #b42318; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
"#;

/// Ids and data attributes are numbered by file (1-based) and finding
/// (1-based); a side's id is `m{file}-{finding}-{side}`.
fn finding_id(file: usize, finding: usize) -> String {
    format!("f{file}-{finding}")
}

/// The article text with every side of every finding marked. The text is
/// cut at every side's start and end; each piece covered by sides becomes
/// one `<mark>` listing them in `data-loc` ("finding-side" pairs), coloured
/// by the narrowest; the piece where a side starts carries its id.
fn article_html(file_no: usize, text: &str, findings: &[ReportFinding]) -> String {
    // (start, end, finding, side), 1-based finding and side.
    let mut sides: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        for (k, l) in f.locations.iter().enumerate() {
            let (s, e) = (l.start.min(text.len()), l.end.min(text.len()));
            if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
                sides.push((s, e, i + 1, k + 1));
            }
        }
    }
    let mut cuts: Vec<usize> = sides.iter().flat_map(|&(s, e, _, _)| [s, e]).collect();
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep over the cuts: sides enter at their start and leave at their
    // end, so the work is linear in cuts plus sides (times the overlap).
    sides.sort_unstable();
    let mut next = 0;
    let mut active: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut out = String::with_capacity(text.len() + sides.len() * 96);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&(_, e, _, _)| e > a);
        while next < sides.len() && sides[next].0 <= a {
            if sides[next].1 > a {
                active.push(sides[next]);
            }
            next += 1;
        }
        let piece = escape(&text[a..b]);
        let mut covering: Vec<&(usize, usize, usize, usize)> = active
            .iter()
            .filter(|&&(s, e, _, _)| s <= a && b <= e)
            .collect();
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        covering.sort_by_key(|&&(s, e, f, k)| (e - s, f, k));
        let locs: Vec<String> = covering
            .iter()
            .map(|&&(_, _, f, k)| format!("{f}-{k}"))
            .collect();
        let colour = covering[0].2;
        let starts = covering.iter().find(|&&&(s, _, _, _)| s == a);
        let id = starts.map_or(String::new(), |&&(_, _, f, k)| {
            format!(" id=\"m{file_no}-{f}-{k}\"")
        });
        out.push_str(&format!(
            "<mark{id} data-loc=\"{}\" style=\"--h: {}\">{piece}</mark>",
            locs.join(" "),
            hue(colour)
        ));
    }
    out
}

fn fix_html(fix: &ReportFix) -> String {
    let edits: Vec<String> = fix
        .edits
        .iter()
        .map(|e| {
            format!(
                "line {}: <code>{}</code> → <code>{}</code>",
                e.line,
                escape(&e.text),
                escape(&e.replacement)
            )
        })
        .collect();
    format!(
        "<p class=\"fix\">{} fix: {} ({})</p>",
        fix.applicability.as_str(),
        message_html(&fix.message),
        edits.join("; ")
    )
}

fn finding_html(file_no: usize, n: usize, f: &ReportFinding) -> String {
    let mut out = format!(
        "<li class=\"finding sev-{sev}\" id=\"{id}\" data-code=\"{code}\" style=\"--h: {h}\">\n\
         <p class=\"title\"><span class=\"badge\">{sev}</span> <code>{code}</code> {msg} <span class=\"rule\">({rule})</span></p>\n\
         <div class=\"sides\">\n",
        sev = f.severity.as_str(),
        id = finding_id(file_no, n),
        code = escape(&f.code),
        h = hue(n),
        msg = message_html(&f.message),
        rule = escape(&f.rule),
    );
    for (k, l) in f.locations.iter().enumerate() {
        out.push_str(&format!(
            "<a class=\"side\" href=\"#m{file_no}-{n}-{side}\" data-side=\"{n}-{side}\"><span class=\"part\">{part} · line {line}</span><span class=\"role\">{role}</span><q>{text}</q></a>\n",
            side = k + 1,
            part = escape(&l.section),
            line = l.line,
            role = escape(&l.role),
            text = escape(&l.text),
        ));
    }
    out.push_str("</div>\n");
    if let Some(help) = &f.help {
        out.push_str(&format!(
            "<p class=\"help\">help: {}</p>\n",
            message_html(help)
        ));
    }
    if let Some(fix) = &f.fix {
        out.push_str(&fix_html(fix));
        out.push('\n');
    }
    out.push_str("</li>\n");
    out
}

fn count_line(n: usize) -> String {
    match n {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    }
}

fn file_html(file_no: usize, file: &FileReport) -> String {
    let mut out = format!(
        "<section class=\"file\" id=\"file-{file_no}\" data-path=\"{p}\">\n<h2>{p}</h2>\n",
        p = escape(&file.path)
    );
    if let Some(error) = &file.error {
        out.push_str(&format!(
            "<p class=\"error\">could not be read: {}</p>\n</section>\n",
            escape(error)
        ));
        return out;
    }
    let mut per_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &file.findings {
        *per_rule.entry((&f.code, &f.rule)).or_default() += 1;
    }
    out.push_str(&format!("<p>{}</p>\n", count_line(file.findings.len())));
    if !per_rule.is_empty() {
        out.push_str("<table class=\"rules\"><tr><th>rule</th><th>findings</th></tr>\n");
        for ((code, rule), n) in &per_rule {
            out.push_str(&format!(
                "<tr data-code=\"{c}\"><td><code>{c}</code> {r}</td><td>{n}</td></tr>\n",
                c = escape(code),
                r = escape(rule)
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("<div class=\"columns\">\n<pre class=\"article\">");
    out.push_str(&article_html(
        file_no,
        file.source.as_deref().unwrap_or(""),
        &file.findings,
    ));
    out.push_str("</pre>\n<ol class=\"findings\">\n");
    for (i, f) in file.findings.iter().enumerate() {
        out.push_str(&finding_html(file_no, i + 1, f));
    }
    out.push_str("</ol>\n</div>\n</section>\n");
    out
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let (human, iso) = run_time();
    let s = &report.summary;
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newslint {version}\">\n\
         <title>newslint report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"run\"><h1>newslint report</h1>\
         <p>Run at <time datetime=\"{iso}\">{human}</time> · {files} · {summary}</p></header>\n",
        version = env!("CARGO_PKG_VERSION"),
        files = if s.files == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", s.files)
        },
        summary = escape(&super::human::summary_line(s)),
    )?;
    if report.files.len() > 1 {
        out.write_all(b"<nav class=\"toc\"><h2>Files</h2><ol>\n")?;
        for (i, file) in report.files.iter().enumerate() {
            let worst = file.findings.iter().map(|f| f.severity).max();
            let what = match (&file.error, worst) {
                (Some(_), _) => "could not be read".to_string(),
                (None, Some(Severity::Error)) => {
                    format!("{}, with errors", count_line(file.findings.len()))
                }
                (None, _) => count_line(file.findings.len()),
            };
            writeln!(
                out,
                "<li><a href=\"#file-{}\">{}</a> · {what}</li>",
                i + 1,
                escape(&file.path)
            )?;
        }
        out.write_all(b"</ol></nav>\n")?;
    }
    for (i, file) in report.files.iter().enumerate() {
        out.write_all(file_html(i + 1, file).as_bytes())?;
    }
    out.write_all(b"</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_calendar_dates() {
        assert_eq!(format_time(0).1, "1970-01-01T00:00:00Z");
        assert_eq!(format_time(951_782_400).1, "2000-02-29T00:00:00Z");
        assert_eq!(format_time(1_780_000_000).0, "2026-05-28 20:26:40 UTC");
    }

    #[test]
    fn text_and_messages_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            message_html("says `<b>` but"),
            "says <code>&lt;b&gt;</code> but"
        );
    }
}
