//! PER001: one person spelled two ways or given conflicting titles.

use crate::claims::{Entity, EntityKind, Title};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// One person's name is spelled two ways, or the person is given two conflicting titles.
    ///
    /// ## What it does
    ///
    /// Compares the people the article names. It reports two names that
    /// differ by one or two letters in the surname while the first name (or
    /// the title) is the same ("Karen Bass" / "Karen Bas"), and a person
    /// given two offices that cannot both be current ("Governor Gavin
    /// Newsom" / "Senator Gavin Newsom"; "Budget Director" / "Auditor").
    ///
    /// ## Why is this bad?
    ///
    /// Misspelled names and wrong titles are the most common corrections a
    /// newspaper prints. A reader cannot tell which spelling or office is
    /// right, and a misnamed person may be a different, real person.
    ///
    /// ## Example
    ///
    /// ```text
    /// Los Angeles Mayor Karen Bass spoke on Wednesday. ... Karen Bas said the raids must stop.
    /// ```
    ///
    /// Not flagged: "Mayor Karen Bass" / "Bass" / "Ms. Bass"; "Mayor" and
    /// "Mayor of Huntington Park"; "General" and "Major General"; a title
    /// marked "former", "acting", "then-" or "ex-"; relatives who share a
    /// surname but not a first name.
    ///
    /// ## Known limits
    ///
    /// Surnames shorter than four letters are never compared, and two-letter
    /// differences need six letters or more. Only offices from a fixed list
    /// (elected and civil offices, military ranks) are compared; other roles
    /// ("spokesperson", "veteran") are never said to conflict.
    pub NameMismatch, "PER001", "name-mismatch", Suspicious
}

const MAX_PEOPLE: usize = 300;

impl Rule for NameMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let people: Vec<&Entity> = cx
            .claims
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && !e.mentions.is_empty())
            .take(MAX_PEOPLE)
            .collect();
        for (j, b) in people.iter().enumerate() {
            for a in &people[..j] {
                if let Some(f) = spelling(a, b) {
                    out.push(f);
                    break;
                }
            }
        }
        for p in &people {
            let shares_surname = people
                .iter()
                .any(|o| o.id != p.id && o.surname() == p.surname());
            if !shares_surname {
                if let Some(f) = title_conflict(p) {
                    out.push(f);
                }
            }
        }
    }
}

/// Levenshtein distance over chars, capped: returns `cap + 1` as soon as it
/// is exceeded.
pub(crate) fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (k, cb) in b.iter().enumerate() {
            let sub = prev[k] + usize::from(ca != cb);
            cur[k + 1] = sub.min(prev[k + 1] + 1).min(cur[k] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > cap) {
            return cap + 1;
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(cap + 1).min(cap + 1)
}

/// Close enough to be one name misspelled.
fn near(a: &str, b: &str) -> bool {
    let len = a.chars().count().min(b.chars().count());
    match edit_distance(a, b, 2) {
        1 => len >= 4,
        2 => len >= 6,
        _ => false,
    }
}

fn current_titles(e: &Entity) -> impl Iterator<Item = &Title> {
    e.titles.iter().filter(|t| !t.former && !t.acting)
}

fn share_title(a: &Entity, b: &Entity) -> bool {
    current_titles(a).any(|x| {
        current_titles(b).any(|y| office(&x.text).is_some() && compatible(&x.text, &y.text))
    })
}

fn spelling(a: &Entity, b: &Entity) -> Option<Finding> {
    let (sa, sb) = (a.surname(), b.surname());
    let same_person = match (a.first_name(), b.first_name()) {
        (Some(fa), Some(fb)) => {
            (fa == fb && near(&sa, &sb)) || (sa == sb && near(&fa, &fb) && share_title(a, b))
        }
        // "Mayor Bas" against "Mayor Karen Bass".
        _ => near(&sa, &sb) && share_title(a, b),
    };
    if !same_person {
        return None;
    }
    // The rarer spelling is the likely slip: label it first.
    let (odd, main) = if b.mentions.len() <= a.mentions.len() {
        (b, a)
    } else {
        (a, b)
    };
    let (mo, mm) = (odd.mentions.first()?, main.mentions.first()?);
    Some(
        Finding::new(
            &NameMismatch::META,
            format!(
                "one person is spelled two ways: `{}` and `{}`",
                main.name, odd.name
            ),
        )
        .label(mo.span, mo.part, format!("spelled {}", odd.name))
        .label(mm.span, mm.part, format!("spelled {}", main.name))
        .help("check the spelling of the name and use one form throughout"),
    )
}

/// Offices that can be compared: (family, office). Two offices of one
/// family conflict unless compatible.
fn office(title: &str) -> Option<(u8, String)> {
    let base = title.split(" of ").next().unwrap_or(title).trim();
    const CIVIL: &[&str] = &[
        "mayor",
        "deputy mayor",
        "governor",
        "lieutenant governor",
        "senator",
        "state senator",
        "representative",
        "assemblymember",
        "council member",
        "president",
        "vice president",
        "attorney general",
        "secretary",
        "secretary of state",
        "sheriff",
        "police chief",
        "fire chief",
        "budget director",
        "director",
        "auditor",
        "controller",
        "treasurer",
        "judge",
        "justice",
        "chief justice",
        "speaker",
        "prime minister",
        "deputy prime minister",
        "minister",
        "chancellor",
        "ambassador",
        "commissioner",
        "superintendent",
        "supervisor",
    ];
    const MILITARY: &[&str] = &[
        "general",
        "major general",
        "lieutenant general",
        "brigadier general",
        "colonel",
        "lieutenant",
        "captain",
        "sergeant",
        "admiral",
        "commander",
    ];
    if CIVIL.contains(&base) {
        Some((0, base.to_string()))
    } else if MILITARY.contains(&base) {
        Some((1, base.to_string()))
    } else {
        None
    }
}

/// "mayor" / "mayor of huntington park", "general" / "major general",
/// "director" / "budget director" are one office; "vice president" /
/// "president" and "lieutenant governor" / "governor" are not.
fn compatible(a: &str, b: &str) -> bool {
    let (Some((fa, oa)), Some((fb, ob))) = (office(a), office(b)) else {
        return true;
    };
    if fa != fb || oa == ob {
        return true;
    }
    let (short, long) = if oa.len() <= ob.len() {
        (&oa, &ob)
    } else {
        (&ob, &oa)
    };
    let Some(prefix) = long.strip_suffix(short.as_str()) else {
        return false;
    };
    let prefix = prefix.trim();
    let deputy = ["vice", "lieutenant", "deputy", "assistant"].contains(&prefix);
    !(fa == 0 && deputy)
}

fn title_conflict(p: &Entity) -> Option<Finding> {
    let titles: Vec<&Title> = current_titles(p)
        .filter(|t| office(&t.text).is_some())
        .collect();
    for (j, b) in titles.iter().enumerate() {
        for a in &titles[..j] {
            if !compatible(&a.text, &b.text) {
                return Some(
                    Finding::new(
                        &NameMismatch::META,
                        format!(
                            "`{}` is given two titles: `{}` and `{}`",
                            p.name, a.text, b.text
                        ),
                    )
                    .label(b.span, b.part, format!("titled {}", b.text))
                    .label(a.span, a.part, format!("titled {}", a.text))
                    .help("check the person's current title and use it throughout"),
                );
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("bass", "bas", 2), 1);
        assert_eq!(edit_distance("newsom", "newsome", 2), 1);
        assert_eq!(edit_distance("smith", "smyth", 2), 1);
        assert_eq!(edit_distance("flores", "torres", 2), 2);
        assert_eq!(edit_distance("bass", "sherman", 2), 3);
    }

    #[test]
    fn compatible_offices() {
        assert!(compatible("mayor", "mayor of huntington park"));
        assert!(compatible("general", "major general"));
        assert!(compatible("director", "budget director"));
        assert!(compatible("mayor", "marine corps veteran"));
        assert!(!compatible("governor", "senator"));
        assert!(!compatible("budget director", "auditor"));
        assert!(!compatible("vice president", "president"));
        assert!(!compatible("major general", "lieutenant general"));
        assert!(compatible("mayor", "general"));
    }
}
