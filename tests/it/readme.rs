//! The README's generated parts stay in sync with the code.

use std::path::Path;

use newslint::app::rules_markdown;
use newslint::report::RuleInfo;

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(path).expect("README.md is readable")
}

#[test]
fn readme_rule_table_matches_the_rule_docs() {
    let text = readme();
    let start = text
        .find("<!-- rules-table:start")
        .and_then(|i| text[i..].find('\n').map(|j| i + j + 1))
        .expect("README has a rules-table:start marker");
    let end = text
        .find("<!-- rules-table:end -->")
        .expect("README has a rules-table:end marker");
    let table = &text[start..end];
    assert_eq!(
        table,
        rules_markdown(&RuleInfo::all()),
        "README rule table is stale: paste the output of `newslint rules --markdown`"
    );
}

#[test]
fn readme_names_the_test_command_ci_runs() {
    let text = readme();
    assert!(text.contains("cargo test --locked"));
    let ci = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run"))
        .expect(".ci/run is readable");
    assert!(ci.contains("cargo test --locked"));
}
