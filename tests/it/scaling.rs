//! Scaling tests (issue 16): the same sentence at 1× and 4× must cost at
//! most a bounded multiple of 4× the work. Work is counted, not timed:
//! `newslint::work::steps` counts the candidate anchors the figure anchor
//! search examines, the step that was figures × anchors × length.

use newslint::SourceFile;

/// Steps spent extracting the claims of `text` on this thread.
fn work(text: String) -> u64 {
    let source = SourceFile::new("scaling.txt", text);
    let article = newslint::parse(&source);
    let before = newslint::work::steps();
    let claims = newslint::extract(&source, &article);
    let steps = newslint::work::steps() - before;
    assert!(!claims.figures.is_empty(), "the input has figures");
    steps
}

/// The work of `unit` repeated `n` and `4n` times; asserts a ratio of at
/// most 5 (linear is 4; the old search was 16).
fn assert_linear(prefix: &str, unit: &str, n: usize) {
    let small = work(format!("{prefix}{}", unit.repeat(n)));
    let large = work(format!("{prefix}{}", unit.repeat(4 * n)));
    assert!(small >= n as u64, "{unit:?}: {small} steps for {n} figures");
    assert!(
        large <= 5 * small,
        "{unit:?}: {small} steps at 1x, {large} at 4x (ratio over 5)"
    );
}

#[test]
fn one_long_sentence_of_figures_and_time_anchors_costs_linear_work() {
    assert_linear(
        "Votes\n\n",
        "Over 400 arrests were made on Monday and ",
        300,
    );
}

#[test]
fn a_soft_wrapped_paragraph_without_full_stops_costs_linear_work() {
    assert_linear(
        "Votes\n\n",
        "Over 400 arrests were made on Monday and\n",
        300,
    );
}

#[test]
fn a_never_closed_quote_before_a_long_sentence_costs_linear_work() {
    assert_linear(
        "Votes\n\n\u{201c}",
        "over 400 arrests were made on Monday, police said, and ",
        300,
    );
}

#[test]
fn source_place_and_fronted_anchors_in_one_sentence_cost_linear_work() {
    assert_linear(
        "Votes\n\nSo far, ",
        "nearly 300 people were arrested in Albuquerque according to the city and ",
        300,
    );
}

/// Steps of `text`, figures or not.
fn steps_of(text: String) -> u64 {
    let source = SourceFile::new("scaling.txt", text);
    let article = newslint::parse(&source);
    let before = newslint::work::steps();
    let _ = newslint::extract(&source, &article);
    newslint::work::steps() - before
}

const FRAGMENTS: &[&str] = &[
    "over 400 arrests ",
    "nearly 300 people were arrested ",
    "on Monday ",
    "so far ",
    "in 2024 ",
    "in Albuquerque ",
    "police said ",
    "according to the city ",
    "; ",
    ", ",
    "and ",
    "\u{201c}",
    "\n",
    "1,500 meals ",
    "12 percent of voters ",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any mix of figures, anchors, clause marks and quote marks, repeated
    /// into one sentence: 4× the text costs at most 5× the work.
    #[test]
    fn any_repeated_unit_costs_linear_work(
        picks in proptest::collection::vec(0..FRAGMENTS.len(), 1..6),
    ) {
        let unit: String = picks.iter().filter_map(|&i| FRAGMENTS.get(i).copied()).collect();
        let small = steps_of(format!("Votes\n\n{}", unit.repeat(100)));
        let large = steps_of(format!("Votes\n\n{}", unit.repeat(400)));
        proptest::prop_assert!(large <= 5 * small.max(1), "{unit:?}: {small} then {large}");
    }
}
