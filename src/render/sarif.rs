//! `--format sarif`: SARIF 2.1.0. `tool.driver.rules` comes from the rule
//! docs; each result has its primary side in `locations` and every other side
//! in `relatedLocations`, all with physical locations whose columns count
//! Unicode code points (`run.columnKind`). URIs are relative to
//! `%SRCROOT%`; `partialFingerprints` hold the report's fingerprint, which
//! ignores line numbers.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::report::{Location, Report, ReportFix, RuleInfo};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encode a path into a relative URI reference: unreserved
/// characters and `/` stay, everything else (spaces, `%`, `#`, non-ASCII
/// bytes) is encoded. A leading `./` is dropped; backslashes become `/`.
pub fn path_to_uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::with_capacity(path.len());
    let absolute = path.starts_with('/');
    if absolute {
        out.push_str("file://");
    }
    for &b in path.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An `artifactLocation`: a relative URI against `%SRCROOT%`, or an
/// absolute `file:` URI on its own.
pub fn artifact_location(path: &str) -> Value {
    let uri = path_to_uri(path);
    // `path_to_uri` makes `/…` paths `file://` URIs; everything else is relative.
    if uri.starts_with("file://") {
        json!({ "uri": uri })
    } else {
        json!({ "uri": uri, "uriBaseId": "%SRCROOT%" })
    }
}

fn rule_json(rule: &RuleInfo) -> Value {
    let body = rule
        .docs
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n");
    let full = body.trim();
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": if full.is_empty() { rule.summary.as_str() } else { full }},
        "help": {"text": rule.docs.trim(), "markdown": rule.docs.trim()},
        "defaultConfiguration": {
            "enabled": rule.default_severity.is_some(),
            "level": level(rule.default_severity.unwrap_or(Severity::Warning)),
        },
        "properties": {"category": rule.category, "tags": [rule.category]},
    })
}

fn physical(l: &Location) -> Value {
    json!({
        "artifactLocation": artifact_location(&l.path),
        "region": {
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": l.end_line,
            "endColumn": l.end_column,
            "byteOffset": l.start,
            "byteLength": l.end - l.start,
            "snippet": {"text": l.text},
        },
    })
}

/// The project's home page (Cargo.toml `homepage`, else `repository`), or
/// `null` when neither is set.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// A SARIF `fix`: one artifact change whose replacements are the edits
/// (deleted region by line/column and bytes, inserted text). SARIF has no
/// applicability, so it is a property.
fn fix_json(path: &str, fix: &ReportFix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            json!({
                "deletedRegion": {
                    "startLine": e.line,
                    "startColumn": e.column,
                    "endLine": e.end_line,
                    "endColumn": e.end_column,
                    "byteOffset": e.start,
                    "byteLength": e.end - e.start,
                },
                "insertedContent": {"text": e.replacement},
            })
        })
        .collect();
    json!({
        "description": {"text": fix.message},
        "artifactChanges": [{
            "artifactLocation": artifact_location(path),
            "replacements": replacements,
        }],
        "properties": {"applicability": fix.applicability.as_str()},
    })
}

pub fn to_value(report: &Report) -> Value {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in &report.files {
        if let Some(error) = &file.error {
            notifications.push(json!({
                "level": "error",
                "message": {"text": format!("{}: {error}", file.path)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(&file.path),
                }}],
            }));
        }
        for l in &file.limits {
            notifications.push(json!({
                "level": "warning",
                "message": {"text": format!("{}: {} not fully checked: {}", file.path, l.code, l.message)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(&file.path),
                }}],
                "associatedRule": {"id": l.code},
            }));
        }
        for f in &file.findings {
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": {"text": match &f.help {
                    Some(h) => format!("{}\nhelp: {h}", f.message),
                    None => f.message.clone(),
                }},
                "partialFingerprints": {"newslint/v1": f.fingerprint},
            });
            if let Some(i) = report.rules.iter().position(|r| r.code == f.code) {
                result["ruleIndex"] = json!(i);
            }
            let mut sides = f.locations.iter().enumerate();
            if let Some((_, primary)) = sides.next() {
                result["locations"] = json!([{
                    "physicalLocation": physical(primary),
                    "message": {"text": format!("{} ({})", primary.role, primary.section)},
                }]);
            }
            let related: Vec<Value> = sides
                .map(|(i, l)| {
                    json!({
                        "id": i,
                        "physicalLocation": physical(l),
                        "message": {"text": format!("{} ({})", l.role, l.section)},
                    })
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &f.fix {
                result["fixes"] = json!([fix_json(&file.path, fix)]);
            }
            results.push(result);
        }
    }
    let mut log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": report.rules.iter().map(rule_json).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": report.summary.unreadable == 0,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    if let Some(uri) = information_uri() {
        log["runs"][0]["tool"]["driver"]["informationUri"] = json!(uri);
    }
    log
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
}
