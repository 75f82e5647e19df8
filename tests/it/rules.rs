//! Each rule on its own fixtures: `fixtures/rules/<CODE>/flag_*.txt` must
//! produce at least one finding of that rule, `pass_*.txt` none; every file's
//! findings (all rules, pedantic ones included) are pinned by a snapshot.

use crate::common::{check_all_rules, describe, fixture_files, load};
use newslint::rules::RULES;

#[test]
fn every_rule_flags_its_flag_fixtures_and_spares_its_pass_fixtures() {
    let mut failures = Vec::new();
    for rule in RULES {
        let code = rule.meta().code;
        for rel in fixture_files(&format!("rules/{code}")) {
            let source = load(&rel);
            let findings = check_all_rules(&source);
            let hits = findings.iter().filter(|f| f.code == code).count();
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if name.starts_with("flag_") && hits == 0 {
                failures.push(format!("{rel}: expected a {code} finding, got none"));
            }
            if name.starts_with("pass_") && hits > 0 {
                failures.push(format!(
                    "{rel}: expected no {code} finding, got:\n{}",
                    describe(&source, &findings)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_fixture_snapshots() {
    for rule in RULES {
        let code = rule.meta().code;
        for rel in fixture_files(&format!("rules/{code}")) {
            let source = load(&rel);
            let findings = check_all_rules(&source);
            let name = rel.replace('/', "__");
            insta::assert_snapshot!(name, describe(&source, &findings));
        }
    }
}

#[test]
fn every_rule_has_docs_fixtures_and_a_well_formed_code_and_name() {
    let mut seen = std::collections::HashSet::new();
    for rule in RULES {
        let m = rule.meta();
        assert!(seen.insert(m.code), "duplicate code {}", m.code);
        let (family, digits) = m.code.split_at(3);
        assert!(
            ["NUM", "QUO", "PER", "DAT", "ART"].contains(&family),
            "{}: unknown family",
            m.code
        );
        assert!(digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()));
        assert!(
            m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: name must be kebab-case",
            m.code
        );
        for bad in ["avoid-", "use-", "prefer-"] {
            assert!(!m.name.starts_with(bad), "{}: name the defect", m.code);
        }
        for heading in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(m.docs.contains(heading), "{}: docs lack {heading}", m.code);
        }
        let files = fixture_files(&format!("rules/{}", m.code));
        let flag = files.iter().any(|f| f.contains("/flag_"));
        let pass = files.iter().any(|f| f.contains("/pass_"));
        assert!(flag && pass, "{}: needs flag_ and pass_ fixtures", m.code);
    }
}
