//! Inputs that once crashed or broke an invariant, found by fuzzing or by the
//! property tests. Each test holds the input inline and says what went wrong.

use newslint::SourceFile;

use crate::invariants::verify_all;

fn verify(text: &str) {
    verify_all(&SourceFile::new("regression.txt", text));
}

#[test]
fn empty_and_whitespace_only_inputs() {
    for text in ["", " ", "\n", "\r\n", "\u{feff}", "\t\u{a0}\n"] {
        verify(text);
    }
}

/// Quote extraction is quadratic in the number of quotes per paragraph:
/// `quote::extract` tests every token against every quote pair
/// (`inside_quote`), looks each quote's sentence up by a linear scan, and
/// `attribute` filters all tokens of the block for every quote. 250 / 500 /
/// 1,000 repetitions take 1.9 s / 7.5 s / 21 s in a debug build; the 20 MB
/// line of `pathological::a_twenty_megabyte_single_line` never finishes.
#[test]
fn many_quotes_in_one_paragraph_finish_quickly() {
    let unit = "Police made nearly 400 arrests, said “Mayor Bass” on June 10, 2025; ";
    let source = SourceFile::new("regression.txt", unit.repeat(5_000));
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    assert_eq!(claims.quotes.len(), 5_000);
}

/// A mention's `text` is its words re-joined by single spaces
/// (`src/claims/person.rs`, `text: c.words.join(" ")`), so a name written
/// with a non-breaking or double space does not equal its source slice.
/// Found by `props::lossily_decoded_bytes_keep_every_invariant` (input
/// `"B\u{a0}B"`); fixed on `main`.
#[test]
fn mention_text_is_the_source_slice() {
    for text in [
        "Mayor Karen\u{a0}Bass said no.",
        "Mayor Karen  Bass said no.",
        "B\u{a0}B",
    ] {
        let source = SourceFile::new("regression.txt", text);
        let article = newslint::parse(&source);
        let claims = newslint::extract(&source, &article);
        for e in &claims.entities {
            for m in &e.mentions {
                assert_eq!(m.text, source.slice(&m.span), "in {text:?}");
            }
        }
    }
}

/// A hedge and its number split by a line break ("more\n  than 30", a
/// Markdown soft wrap, or "an \r million") make one figure, but the figure's
/// `sentence` is the UAX 29 sentence holding its first word, which ends at
/// the line break (`src/claims/quantity/mod.rs`, `sentences.at(a)`). Found by
/// `props::hedged_number_sentences_keep_claim_invariants` and
/// `props::fixtures_with_spliced_genre_lines_keep_every_invariant`.
#[test]
fn a_figure_lies_inside_its_sentence() {
    for text in [
        "Mayors spoke, \"more\n  than 30\" vs \"over 30\".",
        "Officials said more\nthan 30 mayors came.",
        "an \r million",
    ] {
        let source = SourceFile::new("regression.txt", text);
        let article = newslint::parse(&source);
        let claims = newslint::extract(&source, &article);
        for f in &claims.figures {
            assert!(
                f.sentence.contains(&f.span),
                "in {text:?}: figure {:?} {:?} outside its sentence {:?} {:?}",
                f.text,
                f.span.range(),
                source.slice(&f.sentence),
                f.sentence.range()
            );
        }
    }
}

/// `quantity_conflict::groups_has_body_figure` scans every figure (and
/// rebuilds its key) for every restated figure: O(n^2) in figures about one
/// thing. 1,000 / 2,000 / 4,000 key points "Police made nearly N arrests"
/// check in 16 / 66 / 205 ms (debug); 200,000 rows never finish.
#[test]
fn many_key_points_about_one_thing_check_quickly() {
    let mut text = String::from("Lede.\nNo. | Key Points |\n---|---|\n");
    for i in 1..=50_000 {
        text.push_str(&format!("{i} | Police made nearly {i} arrests |\n"));
    }
    let source = SourceFile::new("regression.txt", text);
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    newslint::check(&source, &article, &claims);
}

/// `name_mismatch::title_conflict` compares every pair of one person's
/// titles (parsing the office of each every time): "Mayor Karen Bass said "
/// repeated 1,000 / 2,000 / 4,000 times checks in 1.2 / 4.2 / 17 s (debug).
#[test]
fn many_titled_mentions_of_one_person_check_quickly() {
    let source = SourceFile::new("regression.txt", "Mayor Karen Bass said ".repeat(20_000));
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    newslint::check(&source, &article, &claims);
}

/// Found by the `config` fuzz target: a selector of 3 to 6 bytes whose third
/// byte falls inside a multi-byte char (`N€M`) panicked in
/// `Selector::parse` (`src/settings.rs`, `&upper[..3]`: "end byte index 3 is
/// not a char boundary"). The same selector arrives from `--select`.
#[test]
fn a_selector_with_a_multibyte_char_is_an_error_not_a_panic() {
    use newslint::settings::{parse_config, CliOverrides, Settings};
    for sel in ["N€M", "N\u{fffd}M", "NU€", "€UM001"] {
        let file =
            parse_config("newslint.toml", &format!("select = [\"{sel}\"]\n")).expect("valid TOML");
        let resolved = Settings::resolve(None, file, &CliOverrides::default());
        assert!(resolved.is_err(), "{sel:?} should be an unknown rule");
        let cli = CliOverrides {
            select: Some(vec![sel.to_string()]),
            ..CliOverrides::default()
        };
        assert!(Settings::resolve(None, Default::default(), &cli).is_err());
    }
}

/// Second blind set: "Asked about Lund’s criticism, she …" gave the quote to
/// Lund. A possessive mention owns the subject; it is never the speaker.
#[test]
fn a_possessive_mention_is_not_the_speaker() {
    let text = "Mayor Teresa Okafor called the levy “a promise to every kid who needs a quiet place.” Councilmember Derek Lund opposed it.\nAsked about Lund’s criticism, she repeated the line: the levy is “a promise to every kid who needs a quiet place.”\n";
    let source = SourceFile::new("regression.txt", text);
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    assert_eq!(claims.quotes.len(), 2, "{:#?}", claims.quotes);
    assert_ne!(claims.quotes[1].speaker.as_deref(), Some("Derek Lund"));
    let findings = newslint::check(&source, &article, &claims);
    assert!(findings.iter().all(|f| f.code != "QUO001"), "{findings:#?}");
}

/// Eval regression while fixing the above: the lede states the amount with
/// the day of the vote, the body without; one fact, so a key point that
/// contradicts it is still reported (it is not a total of parts).
#[test]
fn one_amount_stated_with_and_without_its_day_is_not_parts_of_a_total() {
    let text = "Lawmakers on Friday approved $340 million in state-backed bonds for the arena.\nArticle Subheadings | \n1 | The deal |\nThe deal\nThe state will issue $340 million in bonds, repaid over 30 years.\nNo. | Key Points |\n---|---|\n1 | The state will issue $430 million in bonds. |\n";
    let source = SourceFile::new("regression.txt", text);
    let article = newslint::parse(&source);
    let claims = newslint::extract(&source, &article);
    let findings = newslint::check(&source, &article, &claims);
    assert!(findings.iter().any(|f| f.code == "NUM001"), "{findings:#?}");
}
