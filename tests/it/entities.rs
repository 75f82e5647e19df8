//! Quotes, people and dates: assert-based tests of the extractors on the
//! example article and on small texts, plus snapshots of the claims fixtures.

use newslint::claims::{Claims, DateKind, EntityKind, Weekday};
use newslint::SourceFile;

use crate::common::{check, load};

fn claims_of(text: &str) -> (SourceFile, Claims) {
    let source = SourceFile::new("t.txt", text);
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    (source, claims)
}

fn example() -> (SourceFile, Claims) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/examples/la-mayors-immigration-raids.txt");
    let text = std::fs::read_to_string(&path)
        .or_else(|_| {
            std::fs::read_to_string("/work/shared/examples/la-mayors-immigration-raids.txt")
        })
        .unwrap_or_default();
    claims_of(&text)
}

fn person<'a>(claims: &'a Claims, name: &str) -> &'a newslint::claims::Entity {
    claims
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.name == name)
        .unwrap_or_else(|| panic!("no person {name}: {:#?}", claims.entities))
}

fn mention_texts(e: &newslint::claims::Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn example_people_have_their_titles_and_every_mention() {
    let (source, claims) = example();
    if source.text.is_empty() {
        return;
    }
    let expected = [
        (
            "Karen Bass",
            "mayor",
            vec!["Karen Bass", "Karen Bass", "Bass"],
        ),
        (
            "Donald Trump",
            "president",
            vec![
                "Trump",
                "Trump",
                "Donald Trump",
                "Trump",
                "Trump",
                "Trump",
                "Trump",
            ],
        ),
        ("Gavin Newsom", "governor", vec!["Gavin Newsom"]),
        (
            "Arturo Flores",
            "mayor of huntington park",
            vec!["Arturo Flores"],
        ),
        ("Scott Sherman", "major general", vec!["Scott Sherman"]),
    ];
    for (name, title, mentions) in expected {
        let p = person(&claims, name);
        assert!(
            p.titles.iter().any(|t| t.text == title),
            "{name} lacks title {title}: {:?}",
            p.titles
        );
        assert_eq!(mention_texts(p), mentions, "{name}");
        for m in &p.mentions {
            assert_eq!(source.slice(&m.span), m.text);
        }
    }
    let people: Vec<&str> = claims
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people.len(), 5, "unexpected people: {people:?}");
}

#[test]
fn example_organisations_and_places_are_not_people() {
    let (source, claims) = example();
    if source.text.is_empty() {
        return;
    }
    let kind_of = |name: &str| {
        claims
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    };
    assert_eq!(kind_of("Truth Social"), Some(EntityKind::Organisation));
    assert_eq!(kind_of("National Guard"), Some(EntityKind::Organisation));
    assert_eq!(kind_of("Marine Corps"), Some(EntityKind::Organisation));
    assert_eq!(kind_of("Los Angeles"), Some(EntityKind::Place));
    assert_eq!(kind_of("Huntington Park"), Some(EntityKind::Place));
    assert_eq!(kind_of("Downtown Los Angeles"), Some(EntityKind::Place));
    for word in ["Moreover", "During", "Local", "Many"] {
        assert!(
            claims.entities.iter().all(|e| !e.name.contains(word)),
            "{word} taken as a name"
        );
    }
}

#[test]
fn example_quotes_have_speakers_and_scare_flags() {
    let (source, claims) = example();
    if source.text.is_empty() {
        return;
    }
    let got: Vec<(&str, Option<&str>, bool)> = claims
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.scare))
        .collect();
    assert_eq!(
        got,
        [
            ("experiment", Some("Karen Bass"), true),
            ("crime scene", Some("Donald Trump"), true),
            (
                "militarization of immigration enforcement has no place in our neighborhoods",
                Some("Arturo Flores"),
                false
            ),
            ("crime scene", Some("Donald Trump"), true),
        ]
    );
    let flores = &claims.quotes[2];
    assert_eq!(flores.speaker_span.map(|s| source.slice(&s)), Some("He"));
    assert!(source.slice(&flores.outer).starts_with('\u{201C}'));
    assert!(!source.slice(&flores.span).ends_with(','));
}

#[test]
fn example_has_no_quote_name_or_date_findings() {
    let (source, _) = example();
    if source.text.is_empty() {
        return;
    }
    let findings = check(&source);
    let ours: Vec<_> = findings
        .iter()
        .filter(|f| ["QUO001", "PER001", "DAT001"].contains(&f.code))
        .collect();
    assert!(ours.is_empty(), "{ours:#?}");
}

#[test]
fn example_press_conference_is_dated_wednesday() {
    let (_, claims) = example();
    let Some(d) = claims.dates.first() else {
        return;
    };
    assert_eq!(d.kind, DateKind::Weekday);
    assert_eq!(d.weekday, Some(Weekday::Wednesday));
    assert_eq!(d.event.as_deref(), Some("press conference"));
}

#[test]
fn quotes_are_attributed_by_said_colon_and_according_to() {
    let (_, claims) = claims_of(
        &std::fs::read_to_string(crate::common::fixtures().join("claims/quotes_attribution.txt"))
            .unwrap_or_default(),
    );
    let speaker = |start: &str| {
        claims
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .map(|q| q.speaker.clone())
            .unwrap_or_else(|| panic!("no quote {start}: {:#?}", claims.quotes))
    };
    // A quote of two sentences, attributed after it.
    assert_eq!(speaker("This jail will not"), Some("Hilda Solis".into()));
    assert_eq!(speaker("We have a duty"), Some("Robert Luna".into()));
    assert_eq!(speaker("unfit for human"), Some("Robert Luna".into()));
    assert_eq!(speaker("We can build"), Some("Hilda Solis".into()));
    assert_eq!(speaker("a waste"), None);
    let boondoggle = claims.quotes.iter().find(|q| q.text == "boondoggle");
    assert!(boondoggle.is_some_and(|q| q.scare));
    // The unbalanced “expensive mistake is skipped.
    assert!(claims.quotes.iter().all(|q| !q.text.contains("expensive")));
}

#[test]
fn quotes_are_attributed_to_people_with_qualified_titles() {
    let (_, claims) = claims_of(
        "Council President Anita Rao said, \u{201C}The vote will wait for the study.\u{201D} \
         \u{201C}We need those routes for our buses,\u{201D} said School Board President Hector Salinas. \
         \u{201C}Drivers deserve a say,\u{201D} said union president Marcus Boone. \
         \u{201C}The study is already late,\u{201D} the council president said.",
    );
    let speaker = |start: &str| {
        claims
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .and_then(|q| q.speaker.clone())
    };
    assert_eq!(speaker("The vote will wait"), Some("Anita Rao".into()));
    assert_eq!(
        speaker("We need those routes"),
        Some("Hector Salinas".into())
    );
    assert_eq!(speaker("Drivers deserve"), Some("Marcus Boone".into()));
    // Two presidents are named, but only one of the council.
    assert_eq!(speaker("The study is already"), Some("Anita Rao".into()));
}

#[test]
fn the_title_resolves_to_its_only_holder_whatever_the_qualifier() {
    let speaker_of = |others: &str| {
        let (_, claims) = claims_of(&format!(
            "Council President Anita Rao called the meeting to order on Monday. {others} \
             \u{201C}We will hear every speaker,\u{201D} the president said."
        ));
        claims
            .quotes
            .iter()
            .find(|q| q.text.starts_with("We will hear"))
            .and_then(|q| q.speaker.clone())
    };
    // A vice president is not a president.
    assert_eq!(
        speaker_of("Vice President Joel Park disagreed."),
        Some("Anita Rao".into())
    );
    // Two presidents of different bodies: the bare title is not guessed.
    assert_eq!(speaker_of("Board President Lena Ortiz arrived late."), None);
}

#[test]
fn unbalanced_and_odd_quote_marks_never_panic() {
    for text in [
        "\u{201C}",
        "\u{201D}",
        "\"",
        "He said \u{201C}yes\" and \"no\u{201D} then \u{201C}\u{201C}maybe\u{201D}.",
        "\u{201C}\u{201D}",
        "Bass: \"",
        "é\u{201C}é\u{201D}é said Karen Bass",
    ] {
        let (source, claims) = claims_of(text);
        for q in &claims.quotes {
            assert!(source.text.is_char_boundary(q.span.start));
            assert!(source.text.is_char_boundary(q.span.end));
            assert!(q.outer.contains(&q.span));
        }
    }
}

#[test]
fn titled_mentions_and_possessives_group_into_one_person() {
    let (_, claims) = claims_of(
        "Los Angeles Mayor Karen Bass spoke on Monday. Ms. Bass said the city was calm. \
         Bass’s office agreed. President Trump disagreed, and Donald Trump posted online.",
    );
    let bass = person(&claims, "Karen Bass");
    assert_eq!(mention_texts(bass), ["Karen Bass", "Bass", "Bass"]);
    assert_eq!(bass.titles.len(), 1);
    assert_eq!(bass.titles[0].text, "mayor");
    let trump = person(&claims, "Donald Trump");
    assert_eq!(mention_texts(trump), ["Trump", "Donald Trump"]);
    assert_eq!(trump.titles[0].text, "president");
}

/// The titles of the person named `name`, in order.
fn titles_of(claims: &Claims, name: &str) -> Vec<String> {
    person(claims, name)
        .titles
        .iter()
        .map(|t| t.text.clone())
        .collect()
}

#[test]
fn a_qualifier_before_a_title_belongs_to_the_title() {
    let (source, claims) = claims_of(
        "Board President Miriam Cole opened the hearing on Monday. \
         Council President Anita Rao said, \u{201C}We are not done yet.\u{201D} \
         Later, City Clerk Rebecca Stone read the notice aloud. \
         School Board President Hector Salinas and Board Chair Lydia Grant disagreed. \
         Police Chief Omar Haddad sat beside County Clerk Nora Feld. \
         State Sen. Paul Ridley wrote to Assembly Speaker Tara Quinn. \
         Executive Director Priya Menon stood behind Union President Marcus Boone. \
         Fire Marshal Greta Olsen inspected the hall. \
         Glenwood Mayor Ruth Adler watched from the gallery.",
    );
    for (name, title) in [
        ("Miriam Cole", "board president"),
        ("Anita Rao", "council president"),
        ("Rebecca Stone", "city clerk"),
        ("Hector Salinas", "school board president"),
        ("Lydia Grant", "board chair"),
        ("Omar Haddad", "police chief"),
        ("Nora Feld", "county clerk"),
        ("Paul Ridley", "state senator"),
        ("Tara Quinn", "assembly speaker"),
        ("Priya Menon", "executive director"),
        ("Marcus Boone", "union president"),
        ("Greta Olsen", "fire marshal"),
        ("Ruth Adler", "glenwood mayor"),
    ] {
        assert_eq!(titles_of(&claims, name), [title], "{name}");
        let p = person(&claims, name);
        assert_eq!(mention_texts(p), [name], "{name}");
        // The title's span covers its qualifier: "Council President".
        let t = &p.titles[0];
        assert_eq!(
            source
                .slice(&t.span)
                .to_lowercase()
                .replace("sen.", "senator"),
            title,
            "{name}"
        );
    }
    // No organisation or place swallows a titled name.
    assert!(
        claims
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Person)
            .all(|e| e.titles.is_empty() && e.name.split(' ').count() <= 2),
        "{:#?}",
        claims.entities
    );
}

#[test]
fn a_known_place_before_a_title_stays_a_place() {
    let (_, claims) = claims_of(
        "Los Angeles City Council President Marta Ibarra spoke first. \
         Oregon’s Labor Commissioner Dale Strand replied.",
    );
    assert_eq!(
        titles_of(&claims, "Marta Ibarra"),
        ["city council president"]
    );
    assert_eq!(titles_of(&claims, "Dale Strand"), ["labor commissioner"]);
    for place in ["Los Angeles", "Oregon"] {
        assert!(
            claims
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Place && e.name == place),
            "{place}: {:#?}",
            claims.entities
        );
    }
}

#[test]
fn a_sentence_of_titled_names_with_a_short_verb_is_not_a_headline() {
    let (_, claims) =
        claims_of("Board Chair Lydia Grant met with Police Chief Omar Haddad on Monday.");
    assert_eq!(titles_of(&claims, "Lydia Grant"), ["board chair"]);
    assert_eq!(titles_of(&claims, "Omar Haddad"), ["police chief"]);
}

#[test]
fn lowercase_roles_before_a_name_are_titles() {
    let (_, claims) = claims_of(
        "Tenants rallied outside the depot on Saturday, and organizer Janet Moore led the march. \
         The company did not answer, and spokeswoman Ana Ruiz declined to comment. \
         Drivers cheered when union president Marcus Boone arrived with attorney Dana Li. \
         Later, former city clerk Rebecca Stone joined them.",
    );
    assert_eq!(titles_of(&claims, "Janet Moore"), ["organizer"]);
    assert_eq!(titles_of(&claims, "Ana Ruiz"), ["spokesperson"]);
    assert_eq!(titles_of(&claims, "Marcus Boone"), ["union president"]);
    assert_eq!(titles_of(&claims, "Dana Li"), ["attorney"]);
    assert_eq!(titles_of(&claims, "Rebecca Stone"), ["city clerk"]);
    assert!(person(&claims, "Rebecca Stone").titles[0].former);
}

#[test]
fn an_appositive_role_keeps_its_organisation() {
    let (_, claims) = claims_of(
        "Janet Moore, president of the Oakwood Neighborhood Association, said the group would sue. \
         Ruth Adler, the mayor of Glenwood, stayed neutral.",
    );
    assert_eq!(
        titles_of(&claims, "Janet Moore"),
        ["president of oakwood neighborhood association"]
    );
    assert_eq!(titles_of(&claims, "Ruth Adler"), ["mayor of glenwood"]);
    assert!(claims.entities.iter().any(|e| {
        e.kind == EntityKind::Organisation && e.name == "Oakwood Neighborhood Association"
    }));
}

#[test]
fn several_titles_before_a_name_and_an_organisation_after_it() {
    let (_, claims) = claims_of(
        "Chief Executive Dr. Alan Whitcomb of Whitcomb Freight told reporters on Friday. \
         Dr. Whitcomb said trucks would avoid school streets.",
    );
    let whitcomb = person(&claims, "Alan Whitcomb");
    assert_eq!(
        titles_of(&claims, "Alan Whitcomb"),
        ["chief executive", "dr", "dr"]
    );
    assert_eq!(mention_texts(whitcomb), ["Alan Whitcomb", "Whitcomb"]);
    assert!(claims
        .entities
        .iter()
        .any(|e| e.kind == EntityKind::Organisation && e.name == "Whitcomb Freight"));
}

#[test]
fn abbreviated_titles_and_former_or_acting_are_recognised() {
    let (_, claims) = claims_of(
        &std::fs::read_to_string(crate::common::fixtures().join("claims/people_titles.txt"))
            .unwrap_or_default(),
    );
    let title = |name: &str| person(&claims, name).titles.first().cloned();
    assert_eq!(
        title("Gavin Newsom").map(|t| t.text),
        Some("governor".into())
    );
    let brown = title("Jerry Brown");
    assert!(brown
        .as_ref()
        .is_some_and(|t| t.former && t.text == "governor"));
    let choi = title("Dominic Choi");
    assert!(choi
        .as_ref()
        .is_some_and(|t| t.acting && t.text == "police chief"));
    assert_eq!(
        title("Alex Padilla").map(|t| t.text),
        Some("senator".into())
    );
    assert_eq!(
        title("Maxine Waters").map(|t| t.text),
        Some("representative".into())
    );
    assert_eq!(title("Anthony Fauci").map(|t| t.text), Some("dr".into()));
    let newsom = person(&claims, "Gavin Newsom");
    assert_eq!(mention_texts(newsom), ["Gavin Newsom", "Newsom", "Newsom"]);
    let kind_of = |name: &str| {
        claims
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    };
    assert_eq!(kind_of("ICE"), Some(EntityKind::Organisation));
    assert_eq!(
        kind_of("Department of Homeland Security"),
        Some(EntityKind::Organisation)
    );
}

#[test]
fn dates_in_every_form_with_inferred_years_and_events() {
    let (_, claims) = claims_of(
        &std::fs::read_to_string(crate::common::fixtures().join("claims/dates_forms.txt"))
            .unwrap_or_default(),
    );
    let find = |text: &str| {
        claims
            .dates
            .iter()
            .find(|d| d.text == text)
            .unwrap_or_else(|| panic!("no date {text}: {:#?}", claims.dates))
    };
    let d = find("Wednesday, June 11, 2025");
    assert_eq!(
        (d.kind, d.year, d.month, d.day),
        (DateKind::WeekdayDate, Some(2025), Some(6), Some(11))
    );
    assert_eq!(d.weekday, Some(Weekday::Wednesday));
    assert_eq!(d.computed_weekday(), Some(Weekday::Wednesday));
    assert_eq!(d.event.as_deref(), Some("press conference"));
    let d = find("June 6");
    assert!(d.year_inferred && d.year == Some(2025));
    let d = find("Tuesday (June 10)");
    assert_eq!(d.kind, DateKind::WeekdayDate);
    assert_eq!(d.event.as_deref(), Some("city council meeting"));
    assert_eq!(find("20 June 2025").day, Some(20));
    assert_eq!(find("2025-06-09").month, Some(6));
    assert_eq!(find("June 12").event.as_deref(), Some("hearing"));
    let dec = find("Dec. 2");
    assert_eq!(
        (dec.month, dec.day, dec.year_inferred),
        (Some(12), Some(2), true)
    );
    assert_eq!(find("last week").kind, DateKind::Relative);
    assert_eq!(find("yesterday").kind, DateKind::Relative);
    assert_eq!(find("two days ago").kind, DateKind::Relative);
    assert_eq!(find("Friday").kind, DateKind::Weekday);
    assert_eq!(find("March 2025").day, None);
    // Not dates: "Sunday Times", "Super Tuesday", the modal "may".
    assert!(claims.dates.iter().all(|d| !d.text.contains("Sunday")));
    assert!(claims
        .dates
        .iter()
        .all(|d| !d.text.contains("Tuesday") || d.text.contains("June")));
    assert!(claims.dates.iter().all(|d| d.month != Some(5)));
}

/// A compact view of the claims this module owns, for snapshots.
fn describe(source: &SourceFile, claims: &Claims) -> String {
    let mut out = String::new();
    for e in &claims.entities {
        let titles: Vec<String> = e
            .titles
            .iter()
            .map(|t| {
                let mut s = t.text.clone();
                if t.former {
                    s.push_str(" (former)");
                }
                if t.acting {
                    s.push_str(" (acting)");
                }
                s
            })
            .collect();
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{}:{} {:?}",
                    m.span.line,
                    m.span.column,
                    source.slice(&m.span)
                )
            })
            .collect();
        out.push_str(&format!(
            "entity {:?} {:?} titles={titles:?}\n  {}\n",
            e.kind,
            e.name,
            mentions.join(", ")
        ));
    }
    for q in &claims.quotes {
        out.push_str(&format!(
            "quote {}:{} {:?} speaker={:?}{}\n",
            q.span.line,
            q.span.column,
            q.text,
            q.speaker,
            if q.scare { " scare" } else { "" }
        ));
    }
    for d in &claims.dates {
        out.push_str(&format!(
            "date {}:{} {:?} {:?} y={:?}{} m={:?} d={:?} wd={:?} event={:?}{}\n",
            d.span.line,
            d.span.column,
            source.slice(&d.span),
            d.kind,
            d.year,
            if d.year_inferred { " (inferred)" } else { "" },
            d.month,
            d.day,
            d.weekday,
            d.event,
            if d.event_definite { " (definite)" } else { "" }
        ));
    }
    out
}

#[test]
fn entity_quote_and_date_claims_of_fixtures() {
    for prefix in ["quotes_", "people_", "dates_"] {
        for rel in crate::common::fixture_files("claims") {
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if !name.starts_with(prefix) {
                continue;
            }
            let source = load(&rel);
            let article = newslint::parse(&source);
            let claims = newslint::extract(&source, &article);
            insta::assert_snapshot!(rel.replace('/', "__"), describe(&source, &claims));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text: no panic, every quote, mention, title and date span in
    /// bounds and on char boundaries.
    #[test]
    fn entity_quote_and_date_spans_stay_on_char_boundaries(
        text in "(Mayor |Karen |Bass|Ms\\. |Gov\\. |June 11, |Wednesday|, |“|”|\"|é|\n|said |He |the |of |Park |2025|Dec\\. 2|[a-zA-Z’. ]{0,6}){0,60}"
    ) {
        let (source, claims) = claims_of(&text);
        let ok = |s: &newslint::Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        for q in &claims.quotes {
            proptest::prop_assert!(ok(&q.span) && ok(&q.outer));
            if let Some(s) = &q.speaker_span {
                proptest::prop_assert!(ok(s));
            }
        }
        for e in &claims.entities {
            for m in &e.mentions {
                proptest::prop_assert!(ok(&m.span));
                proptest::prop_assert_eq!(source.slice(&m.span), m.text.as_str());
            }
            for t in &e.titles {
                proptest::prop_assert!(ok(&t.span));
            }
        }
        for d in &claims.dates {
            proptest::prop_assert!(ok(&d.span));
        }
        let _ = check(&source);
    }
}
