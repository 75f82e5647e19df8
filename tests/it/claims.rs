//! The claims of every article fixture (parse variants and the example),
//! pinned as one compact line per claim so a reviewer can read them.

use crate::common::{fixture_files, load};
use newslint::claims::quantity::fmt_num;
use newslint::Claims;

/// One line per claim: where it is, what it is, and the fields that matter.
fn describe_claims(claims: &Claims) -> String {
    let mut out = String::new();
    for f in &claims.figures {
        out.push_str(&format!(
            "figure  {}:{} [{}] {:?} value={} hedge={:?} range={} unit={:?}{} key={:?}{}{}{}\n",
            f.span.line,
            f.span.column,
            f.part,
            f.text,
            fmt_num(f.value),
            f.hedge,
            f.range.notation(),
            f.unit.class,
            f.unit
                .code
                .as_deref()
                .map(|c| format!("/{c}"))
                .unwrap_or_default(),
            f.key.as_deref().unwrap_or("-"),
            if f.change { " change" } else { "" },
            f.anchor
                .as_deref()
                .map(|a| format!(" anchor={a:?}"))
                .unwrap_or_default(),
            if f.in_quote { " in-quote" } else { "" },
        ));
    }
    for t in &claims.tallies {
        out.push_str(&format!(
            "tally   {}:{} [{}] {:?}\n",
            t.span.line, t.span.column, t.part, t.text
        ));
    }
    for q in &claims.quotes {
        out.push_str(&format!(
            "quote   {}:{} [{}] {:?} speaker={}{}\n",
            q.span.line,
            q.span.column,
            q.part,
            q.text,
            q.speaker.as_deref().unwrap_or("-"),
            if q.scare { " scare" } else { "" },
        ));
    }
    for e in &claims.entities {
        let titles: Vec<&str> = e.titles.iter().map(|t| t.text.as_str()).collect();
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}:{}", m.span.line, m.text))
            .collect();
        out.push_str(&format!(
            "entity  {:?} {:?} titles={:?} mentions={:?}\n",
            e.kind, e.name, titles, mentions
        ));
    }
    for d in &claims.dates {
        out.push_str(&format!(
            "date    {}:{} [{}] {:?} {:?} y={:?}{} m={:?} d={:?} wd={:?} event={:?}\n",
            d.span.line,
            d.span.column,
            d.part,
            d.text,
            d.kind,
            d.year,
            if d.year_inferred { "(inferred)" } else { "" },
            d.month,
            d.day,
            d.weekday,
            d.event,
        ));
    }
    out
}

#[test]
fn claims_of_every_article_fixture() {
    for rel in fixture_files("parse") {
        let source = load(&rel);
        let article = newslint::parse(&source);
        let claims = newslint::extract(&source, &article);
        insta::assert_snapshot!(rel.replace('/', "__"), describe_claims(&claims));
    }
}

#[test]
fn example_claims_match_the_issue() {
    let source = load("parse/example.txt");
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    let find = |part: &str, text: &str| {
        claims
            .figures
            .iter()
            .find(|f| f.part.label() == part && f.text.eq_ignore_ascii_case(text))
            .unwrap_or_else(|| panic!("no figure {text:?} in {part}"))
    };
    let mayors = [
        find("lede", "more than 30"),
        find("section 1", "more than 30"),
        find("key point 1", "over 30"),
        find("faq 1 answer", "more than 30"),
    ];
    for m in &mayors {
        assert_eq!(m.key.as_deref(), Some("mayors"));
        assert_eq!(m.range, mayors[0].range);
        assert!(!m.range.low.inclusive && m.range.high.is_none());
    }
    let nearly = [
        find("section 4", "nearly 400"),
        find("faq 3 answer", "nearly 400"),
    ];
    let over = find("key point 4", "over 400");
    for n in &nearly {
        assert_eq!(n.key, over.key);
        assert_eq!(n.key.as_deref(), Some("arrests"));
        let high = n.range.high.expect("nearly has an upper end");
        assert!(high.value == 400.0 && !high.inclusive, "strictly below 400");
    }
    assert!(over.range.low.value == 400.0 && !over.range.low.inclusive);
    assert_eq!(
        find("section 4", "roughly 2,000").key.as_deref(),
        Some("national guard soldiers")
    );
    assert!(claims.figures.iter().any(|f| f.text == "2,000" && f.change));
    assert_eq!(
        find("section 4", "approximately 700").key.as_deref(),
        Some("marines")
    );
    assert_eq!(
        find("section 5", "nine").key.as_deref(),
        Some("officers injured")
    );
}
