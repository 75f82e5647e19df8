//! Lemmas, derivational families, kinds and synonyms of English words, from
//! WordNet 3.0.
//!
//! Every function takes a **lower-case** word (the tokeniser's normalised form)
//! and never panics; a word WordNet does not know gets a conservative answer
//! (see [`noun_lemma`]) or `None` / `false`. The tables are parsed once, on first
//! use, into hash maps; a lookup allocates nothing except [`lemma`] /
//! [`noun_lemma`] of an unknown word in `-ies` (`cryptocurrencies` →
//! `cryptocurrency`).
//!
//! ```
//! use newslint::text::{event_noun_family, is_kind_of, lemma, synonyms};
//! assert_eq!(lemma("deaths"), "death");
//! assert_eq!(lemma("died"), "die");
//! assert_eq!(lemma("women"), "woman");
//! assert_eq!(lemma("people"), "people");
//! assert!(event_noun_family("die", "death"));
//! assert!(!event_noun_family("vote", "voter"));
//! assert!(is_kind_of("dockworker", "worker"));
//! assert!(synonyms("car", "automobile"));
//! ```
//!
//! # Lemmas
//!
//! The algorithm is WordNet's *morphy*, per part of speech: the form's entry in
//! the exception list (noun.exc, verb.exc: `women` → `woman`, `fled` → `flee`),
//! else the form itself when it is a lemma (`news`, `series`, `species`, `bus`,
//! `gas`, `crisis`), else the first detachment rule whose result is a lemma
//! (nouns: `-s`, `-ses` → `-s`, `-xes`, `-zes`, `-ches`, `-shes`, `-men` → `-man`,
//! `-ies` → `-y`; not for a noun in `-ss` or of two letters; verbs: `-s`, `-ies` →
//! `-y`, `-es` → `-e`, `-es`, `-ed` → `-e`, `-ed`, `-ing` → `-e`, `-ing`).
//! Adjectives are not reduced (`better` stays).
//!
//! Departures from WordNet's morphy: the verb rule `-es` → `` applies only after
//! a sibilant or `-o` (`passes`, `watches`, `goes`; WordNet would read `nodes`
//! as `nod`, `invitees` as `invite`); and where several noun rules give a
//! common noun, the one more frequent in SemCor wins (`crosses` → `cross`, not
//! `crosse`; generated into `noun_exc.tsv`).
//!
//! Deliberate departures from WordNet, all generated into the tables:
//!
//! - **Kept forms** (`keep.txt`): `people`, `police`, `staff`, `personnel`, `data`,
//!   `media`, `news`, `clothes`, `arms` stay as they are: each is a counted thing
//!   of its own in news copy (WordNet would give `datum`, `medium`, `arm`, and
//!   read `people` also as the verb "to people").
//! - **Plural lemmas** whose singular is a common noun at least as frequent in
//!   SemCor are reduced (`works` → `work`, `sales` → `sale`, `glasses` → `glass`,
//!   `darts` → `dart`); `physics` and `news` stay.
//!
//! # Noun or verb
//!
//! When a form has a noun reading and a verb reading that differ, [`lemma`]
//! takes (table `pos_choice.tsv`, decided by `tools/wordnet/gen.py` from SemCor
//! frequencies, `cntlist.rev`):
//!
//! - the **noun** for an `-ing` form that is itself a noun (`killing`,
//!   `meeting`, `building`, `shooting`);
//! - the **noun** for a plural (`leaves` → `leaf`, `lives` → `life`, `retirees`
//!   → `retiree`), unless SemCor never tags the noun and tags the verb at least
//!   ten times (`does` → `do`, not `doe`; `attaches` → `attach`);
//! - otherwise the reading more frequent in SemCor, the noun's count (plus one)
//!   weighted four times against the verb's (plus one), ties to the noun: nouns
//!   `ground`, `wound`, `wounded` (the wounded), `moped`; verbs `rose` → `rise`,
//!   `saw` → `see`, `found` → `find`, `fell` → `fall`, `left` → `leave`,
//!   `thought` → `think`, `remains` → `remain`, `means` → `mean`.
//!
//! The noun weight is there because callers mostly count nouns; but a word
//! known to head a counted phrase should go through [`noun_lemma`].
//!
//! A caller that knows the part of speech passes it: [`noun_lemma`] (`rose` →
//! `rose`, `saw` → `saw`) or [`verb_lemma`] (`left` → `leave`).
//!
//! # Families
//!
//! [`family`] gives equal ids to a verb and the event nouns WordNet derives from
//! it by a derivationally-related-form pointer (`+`): die/death,
//! injure/injury, sign/signature, arrest/arrest, kill/killing, vote/voting,
//! evacuate/evacuation, release/release, elect/election. A link counts only when
//!
//! - the noun's linked sense is an act, communication, event, phenomenon,
//!   possession, process, state or time (lexicographer files `noun.act`,
//!   `noun.communication`, `noun.event`, `noun.phenomenon`, `noun.possession`,
//!   `noun.process`, `noun.state`, `noun.time`): never a person (`voter`,
//!   `signer`, `worker`, `seller`), a group (`the dead`, `electorate`), an artifact
//!   or a substance;
//! - the noun's first sense is not a person (`killer`, linked through its rare
//!   sense "a causal agent of death", stays out);
//! - the linked senses are among the first three of the noun and of the verb
//!   (senses are listed by frequency: a rare sense would link everything);
//! - both words are written in lower case (no names).
//!
//! A family is the transitive closure of these links, so it may hold more than
//! one verb (`sign`, `signify`, `signature`, `significance` …). WordNet has no
//! such pointer for sell/sale, hire/hiring or buy/purchase: those are not
//! linked (`sale` has no family; `purchase` is in the family of the verb
//! `purchase`, not of `buy`).
//!
//! # Kinds and synonyms
//!
//! [`is_kind_of`] and [`synonyms`] read the *common senses* of each noun:
//! WordNet lists senses by frequency, and a lemma keeps its first sense plus
//! any later one among the first four that SemCor tags at least once and at
//! least a quarter as often as the first — `inmate` (tagged 2, 1, 1) keeps
//! its second and third senses ("inpatient", "convict": a kind of prisoner);
//! `computer` (tagged 11, 0: "a person who computes") and `worker` (29, 4, 4)
//! keep one; `case` (72, 39, 19 …) keeps two. A word SemCor never tags keeps
//! its first sense only (`dockworker`, `sedan`). Senses where the word is
//! written with a capital (names: `Mark`, `Sat`) are never kept, nor are
//! multi-word lemmas (`health_professional`). Kinds climb the hypernyms up to
//! [`MAX_LEVELS`] steps. The top of the hierarchy is cut away in the tables, so nothing
//! links to or through a very general node: every synset within three steps of
//! `entity` (`physical_entity`, `abstraction`, `object`, `causal_agent`, `whole`,
//! `person`, `group`, `act`, `event`, `state`, `attribute`, `measure`, `thing`,
//! `matter`, `relation`, `communication` …) and the named general nodes of
//! `BLOCKED_NODES` in `tools/wordnet/gen.py` (`organism`, `living_thing`,
//! `artifact`, `instrumentality`, `location`, `region`, `substance`, `part`,
//! `unit`, `people`, `social_group`, `organization`, `quantity`, `activity`,
//! `action`, `happening`, `condition`, `property`, `content`, `idea`,
//! `information`, `message`, `collection`). So `is_kind_of("worker", "person")`
//! is false: callers treat "people" and "person" as generic anyway.

use std::borrow::Cow;

use super::wordnet::{lexicon, Entry, Lexicon, Senses, NONE, NO_SENSE};

/// How many hypernym steps [`is_kind_of`] climbs (dockworker → laborer →
/// workman → worker is three).
pub const MAX_LEVELS: usize = 4;

/// The longest word the detachment rules consider (longer words are looked up
/// as they are and otherwise get the conservative rule).
const MAX_WORD: usize = 48;

const NOUN_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];

const VERB_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The base form of a lower-case word: a noun's singular, a verb's base form;
/// adjectives and unknown words that do not look plural are returned as they
/// are. Where a form is both a noun and a verb the rule of the module docs
/// decides (`rose` → `rise`, `ground` → `ground`, `killings` → `killing`).
///
/// ```
/// use newslint::text::lemma;
/// assert_eq!(lemma("injured"), "injure");
/// assert_eq!(lemma("children"), "child");
/// assert_eq!(lemma("analyses"), "analysis");
/// assert_eq!(lemma("news"), "news");
/// assert_eq!(lemma("fled"), "flee");
/// assert_eq!(lemma("blorps"), "blorp"); // unknown: -s stripped
/// ```
pub fn lemma(word: &str) -> Cow<'_, str> {
    let lx = lexicon();
    let entry = lx.get(word);
    if let Some((_, e)) = entry {
        if e.is_kept() {
            return Cow::Borrowed(word);
        }
        if let Some(chosen) = lx.choice(e) {
            return Cow::Borrowed(chosen);
        }
    }
    if let Some(n) = noun_morphy(lx, word, entry) {
        return Cow::Borrowed(n);
    }
    if let Some(v) = verb_morphy(lx, word, entry) {
        return Cow::Borrowed(v);
    }
    fallback_noun(word)
}

/// The singular of a lower-case noun (`women` → `woman`, `rose` → `rose`,
/// `deaths` → `death`). A word WordNet does not know loses a plural `-s` only
/// when a plausible word is left: not after `s`, `u` or `i` (`ss`, `us`, `is`),
/// not after a non-letter (`1990s`), not below four letters; `-ies` becomes
/// `-y`, `-sses`, `-xes`, `-zzes`, `-ches`, `-shes` lose `-es`. An unknown
/// hyphenated word is reduced by its last part (`cat-videos` → `cat-video`).
pub fn noun_lemma(word: &str) -> Cow<'_, str> {
    let lx = lexicon();
    let entry = lx.get(word);
    if entry.is_some_and(|(_, e)| e.is_kept()) {
        return Cow::Borrowed(word);
    }
    match noun_morphy(lx, word, entry) {
        Some(n) => Cow::Borrowed(n),
        None => fallback_noun(word),
    }
}

/// The base form of a lower-case verb (`died` → `die`, `ran` → `run`, `left` →
/// `leave`, `signs` → `sign`); a word WordNet does not know as a verb is
/// returned as it is.
pub fn verb_lemma(word: &str) -> Cow<'_, str> {
    let lx = lexicon();
    match verb_morphy(lx, word, lx.get(word)) {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Borrowed(word),
    }
}

/// The derivational family of a verb or event-noun lemma: equal ids for a verb
/// and its nominalisations (`die`/`death`, `sign`/`signature`, `arrest`), `None`
/// for a word in no family (agent nouns such as `voter`, `worker`; `sale`).
/// An inflected form is accepted too: the word itself is looked up first, then
/// its verb lemma, then its noun lemma (`died`, `deaths`, `signatures`).
pub fn family(word: &str) -> Option<u32> {
    let lx = lexicon();
    let entry = lx.get(word);
    if let Some((_, e)) = entry {
        if e.family != NONE {
            return Some(e.family);
        }
        if e.is_kept() {
            return None;
        }
    }
    let family_of = |lemma: &str| lx.get(lemma).map(|(_, e)| e.family).filter(|&f| f != NONE);
    if let Some(id) = verb_morphy(lx, word, entry).and_then(family_of) {
        return Some(id);
    }
    noun_morphy(lx, word, entry).and_then(family_of)
}

/// Whether two words are in one derivational family ([`family`]): `died` and
/// `deaths`, `signed` and `signatures`, `arrested` and `arrests`; not `votes`
/// and `voters`, `work` and `workers`, `sales` and `sellers`, `deaths` and
/// `dead`.
pub fn event_noun_family(a: &str, b: &str) -> bool {
    match (family(a), family(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Whether a common sense of the noun `specific` has a common sense of the noun
/// `general` among its hypernyms within [`MAX_LEVELS`] steps: `dockworker` →
/// `worker`, `inmate` → `prisoner`, `surgeon` → `doctor`, `sedan` → `car`,
/// `handset` → `telephone`, `house` → `home`. Only the common senses of each
/// word count (the first, and a later one SemCor tags at least a quarter as
/// often; see the module docs), and nothing links to or through the very general nodes listed in
/// the module docs (`entity`, `object`, `whole`, `person`, `organism`,
/// `causal_agent`, `abstraction`, `group`, `act`, `event`, `state`,
/// `attribute`, `measure`, `thing` …). Strict: false for equal words, synonyms,
/// reversed pairs and unknown words. Plural forms are accepted (they are
/// reduced by [`noun_lemma`] when not a lemma themselves).
pub fn is_kind_of(specific: &str, general: &str) -> bool {
    let lx = lexicon();
    let (Some(s), Some(g)) = (senses(lx, specific), senses(lx, general)) else {
        return false;
    };
    if g == [NO_SENSE; 4] {
        return false;
    }
    // Breadth-first, one level at a time, in fixed buffers (no allocation).
    const CAP: usize = 64;
    let mut level = [NO_SENSE; CAP];
    let mut len = 0;
    for &id in s.iter().filter(|&&id| id != NO_SENSE) {
        level[len] = id;
        len += 1;
    }
    for _ in 0..MAX_LEVELS {
        let mut next = [NO_SENSE; CAP];
        let mut next_len = 0;
        for &id in &level[..len] {
            for &h in lx.hypernyms(id) {
                if g.contains(&h) {
                    return true;
                }
                if next_len < CAP && !next[..next_len].contains(&h) {
                    next[next_len] = h;
                    next_len += 1;
                }
            }
        }
        if next_len == 0 {
            break;
        }
        level = next;
        len = next_len;
    }
    false
}

/// Whether two nouns share a synset among their common senses (module docs):
/// `car`/`automobile`, `job`/`occupation`, `doctor`/`physician`,
/// `phone`/`telephone`, `attorney`/`lawyer`, `salary`/`wage`; not
/// `house`/`home` (a house is a kind of home: [`is_kind_of`]) nor `job`/`post`
/// or `job`/`position`. Units and numbers have synonyms too (`foot`/`ft`,
/// `grand`/`thousand`): callers compare numbers by value, not through this.
/// Equal words are synonyms; unknown words are synonyms of nothing else.
/// Plural forms are accepted, as for [`is_kind_of`].
pub fn synonyms(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let lx = lexicon();
    match (senses(lx, a), senses(lx, b)) {
        (Some(x), Some(y)) => x.iter().any(|&id| id != NO_SENSE && y.contains(&id)),
        _ => false,
    }
}

/// The senses of a noun, looked up as it is, else by its noun lemma.
fn senses(lx: &Lexicon, word: &str) -> Option<Senses> {
    let entry = lx.get(word);
    if let Some(s) = entry.and_then(|(_, e)| lx.senses(e)) {
        return Some(s);
    }
    let lemma = noun_morphy(lx, word, entry)?;
    lx.get(lemma).and_then(|(_, e)| lx.senses(e))
}

/// The entry of a word as [`Lexicon::get`] gives it.
type Found<'a> = Option<(&'static str, &'a Entry)>;

/// WordNet's morphy for nouns: exception, the word itself, detachment.
/// `entry` is the word's own entry (looked up once by the caller).
fn noun_morphy<'a>(lx: &Lexicon, word: &'a str, entry: Found<'_>) -> Option<&'a str> {
    if let Some((form, e)) = entry {
        if let Some(base) = lx.noun_exc(e) {
            return Some(base);
        }
        if e.is_noun() {
            return Some(form);
        }
    }
    if word.ends_with("ss") || word.len() <= 2 {
        return None;
    }
    detach(word, &NOUN_RULES, |c| {
        lx.get(c).filter(|(_, e)| e.is_noun()).map(|(k, _)| k)
    })
}

/// WordNet's morphy for verbs: exception, the word itself, detachment.
fn verb_morphy<'a>(lx: &Lexicon, word: &'a str, entry: Found<'_>) -> Option<&'a str> {
    if let Some((form, e)) = entry {
        if let Some(base) = lx.verb_exc(e) {
            return Some(base);
        }
        if e.is_verb() {
            return Some(form);
        }
    }
    detach(word, &VERB_RULES, |c| {
        lx.get(c).filter(|(_, e)| e.is_verb()).map(|(k, _)| k)
    })
}

/// The first candidate of the detachment rules that `known` accepts; built in a
/// stack buffer.
fn detach(
    word: &str,
    rules: &[(&str, &str)],
    known: impl Fn(&str) -> Option<&'static str>,
) -> Option<&'static str> {
    if word.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; MAX_WORD + 4];
    for &(suffix, ending) in rules {
        if word.len() <= suffix.len() || !word.ends_with(suffix) {
            continue;
        }
        let stem = &word.as_bytes()[..word.len() - suffix.len()];
        // The verb rule `-es` → `` only after a sibilant or `-o` (passes,
        // watches, goes; not nodes → nod, invitees → invite).
        if suffix == "es" && ending.is_empty() && !sibilant(stem) {
            continue;
        }
        let n = stem.len() + ending.len();
        buf[..stem.len()].copy_from_slice(stem);
        buf[stem.len()..n].copy_from_slice(ending.as_bytes());
        // The suffix is ASCII, so the stem ends on a character boundary.
        if let Ok(cand) = std::str::from_utf8(&buf[..n]) {
            if let Some(found) = known(cand) {
                return Some(found);
            }
        }
    }
    None
}

/// Whether a stem ends in a sibilant or `-o` (the stems that take `-es`).
fn sibilant(stem: &[u8]) -> bool {
    matches!(stem.last(), Some(b's' | b'x' | b'z' | b'o'))
        || stem.ends_with(b"ch")
        || stem.ends_with(b"sh")
}

/// The conservative plural rule for a noun WordNet does not know; a
/// hyphenated word is reduced by its last part.
fn fallback_noun(word: &str) -> Cow<'_, str> {
    if let Some(i) = word.rfind('-') {
        let (head, last) = word.split_at(i + 1);
        if !last.is_empty() && !head.starts_with('-') {
            return match noun_lemma(last) {
                Cow::Borrowed(l) if l.len() == last.len() => Cow::Borrowed(word),
                // A prefix of the last part: a prefix of the word.
                Cow::Borrowed(l) if last.starts_with(l) => {
                    Cow::Borrowed(&word[..head.len() + l.len()])
                }
                l => Cow::Owned(format!("{head}{l}")),
            };
        }
    }
    let b = word.as_bytes();
    let n = b.len();
    // The letter before the -s: ASCII lower case or part of a non-ASCII letter.
    if n < 4 || b[n - 1] != b's' || !(b[n - 2].is_ascii_lowercase() || b[n - 2] >= 0x80) {
        return Cow::Borrowed(word);
    }
    if matches!(b[n - 2], b's' | b'u' | b'i') {
        return Cow::Borrowed(word);
    }
    if word.ends_with("ies") && n > 4 {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    for suffix in ["sses", "xes", "zzes", "ches", "shes"] {
        if word.ends_with(suffix) {
            return Cow::Borrowed(&word[..n - 2]);
        }
    }
    Cow::Borrowed(&word[..n - 1])
}

#[cfg(test)]
mod tests;
