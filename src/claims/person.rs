//! People, organisations and places, each grouped into one entity with every
//! mention.
//!
//! The extractor works on capitalised word runs inside each sentence. A run
//! is split into an optional place qualifier ("Los Angeles"), an optional
//! title ("Mayor", "Major General", "Gov.") and a name. A person needs a
//! first and last name, or a title and a surname; bare surnames ("Bass") and
//! possessives ("Newsom’s") are then resolved to the person with that
//! surname. Runs that are not people are kept as organisations (keywords such
//! as "Department", "Guard", acronyms) or places (a small gazetteer and place
//! words such as "County", "Park").

use std::borrow::Cow;

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::article::{Block, Part};
use crate::claims::text::{normalize, sentences};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A title or role given to a person at one mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title {
    /// Normalised title: `mayor`, `governor`, `major general`,
    /// `mayor of huntington park`.
    pub text: String,
    pub span: Span,
    pub part: Part,
    /// "former", "ex-", "then-": the title is no longer held.
    pub former: bool,
    /// "acting", "interim".
    pub acting: bool,
}

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub span: Span,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Index in `Claims::entities`.
    pub id: usize,
    pub kind: EntityKind,
    /// The fullest form of the name: `Karen Bass`.
    pub name: String,
    pub titles: Vec<Title>,
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// The surname of a person (last word of the name), lower-cased.
    pub fn surname(&self) -> String {
        self.name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase()
    }

    /// The first name of a person when the name has two words or more.
    pub fn first_name(&self) -> Option<String> {
        let mut words = self.name.split_whitespace();
        let first = words.next()?;
        words.next()?;
        Some(first.to_lowercase())
    }

    /// True when `offset` (a byte offset into the source) lies inside one of
    /// this entity's mentions.
    pub fn mentioned_at(&self, span: &Span) -> bool {
        self.mentions.iter().any(|m| m.span == *span)
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// A word of a sentence, with byte offsets into the block text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// The word without a possessive `'s` or trailing apostrophe.
    pub word: &'a str,
    pub possessive: bool,
    /// Capitalised (first letter upper case).
    pub cap: bool,
    /// Index of the sentence in the block.
    pub sentence: usize,
    /// First word of its sentence.
    pub initial: bool,
    /// "then-" or "ex-" prefix was stripped.
    pub former_prefix: bool,
}

/// Abbreviations that keep their period.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "gov", "dr", "ms", "mr", "mrs", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "st", "jr",
    "sr", "prof", "rev", "maj", "adm", "cmdr", "supt", "atty", "pres", "sec", "insp",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A block split into sentences and words once, shared by the extractors.
pub(crate) struct BlockWords<'a> {
    /// [`sentence_ranges`] of the block.
    pub sents: Vec<std::ops::Range<usize>>,
    /// The words of the block with their sentence index.
    pub toks: Vec<Tok<'a>>,
}

impl<'a> BlockWords<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let sents = sentence_ranges(text);
        let toks = tokenize_sentences(text, &sents);
        BlockWords { sents, toks }
    }
}

/// Words of a block already split into `sentences` (by [`sentence_ranges`]),
/// with their sentence index. Never panics: every offset is taken from
/// `char_indices`.
fn tokenize_sentences<'a>(text: &'a str, sentences: &[std::ops::Range<usize>]) -> Vec<Tok<'a>> {
    // About one word per six bytes of prose.
    let mut toks = Vec::with_capacity(text.len() / 6 + 1);
    for (si, range) in sentences.iter().cloned().enumerate() {
        let base = range.start;
        let Some(sent) = text.get(range) else {
            continue;
        };
        let mut first = true;
        let mut chars = sent.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !c.is_alphabetic() {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '\u{0301}' {
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == '-' || is_apostrophe(d) || d == '.' {
                    // Keep the joiner only when a letter follows it.
                    let next = sent[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphabetic()) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let mut word = &sent[i..end];
            // A period after an abbreviation or an initial belongs to it.
            let mut tok_end = end;
            if sent[end..].starts_with('.') {
                // The abbreviations are ASCII without a `k`, and no other
                // non-ASCII char lower-cases to ASCII: an ASCII-case-blind
                // comparison is lower-casing and comparing.
                let abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
                let initial = word.chars().count() == 1 && c.is_uppercase();
                if abbreviation || initial || word.contains('.') {
                    tok_end = end + 1;
                }
            }
            // Possessive: "Newsom’s", "mayors’".
            let mut possessive = false;
            for suffix in ["'s", "\u{2019}s"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    if !stem.is_empty() {
                        word = stem;
                        possessive = true;
                    }
                }
            }
            if !possessive && sent[end..].starts_with(is_apostrophe) && word.ends_with('s') {
                possessive = true;
            }
            if tok_end > end {
                word = &sent[i..tok_end];
            }
            let mut start = i;
            let mut former_prefix = false;
            for p in ["then-", "ex-"] {
                // `p` is ASCII and no non-ASCII char lower-cases to one of
                // its letters, so a byte-wise comparison is exact.
                let has_prefix = word
                    .as_bytes()
                    .get(..p.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
                if has_prefix && word.len() > p.len() {
                    word = &word[p.len()..];
                    start += p.len();
                    former_prefix = true;
                }
            }
            let cap = word.chars().next().is_some_and(|c| c.is_uppercase());
            toks.push(Tok {
                start: base + start,
                end: base + start + word.len(),
                word,
                possessive,
                cap,
                sentence: si,
                initial: first,
                former_prefix,
            });
            first = false;
        }
    }
    toks
}

/// Sentences of a block, not split after an abbreviation or an initial
/// ("Sen. Alex Padilla", "Donald J. Trump").
pub(crate) fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for r in sentences(text) {
        if let Some(prev) = out.last_mut() {
            let before = text.get(prev.clone()).unwrap_or("");
            let same_line = !text.get(prev.end..r.start).unwrap_or("\n").contains('\n');
            if same_line && ends_with_abbreviation(before) {
                prev.end = r.end;
                continue;
            }
        }
        out.push(r);
    }
    out
}

fn ends_with_abbreviation(s: &str) -> bool {
    let Some(stem) = s.strip_suffix('.') else {
        return false;
    };
    let last = stem
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let initial = last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase());
    initial || ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// Only spaces (no punctuation, no line break) between two tokens.
fn joined(text: &str, a: &Tok<'_>, b: &Tok<'_>) -> bool {
    let Some(gap) = text.get(a.end..b.start) else {
        return false;
    };
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{00A0}') && !a.possessive
}

// ---------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------

/// Titles and roles, longest first where one is a prefix of another. Lower
/// case, periods removed.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "vice president", "president", "prime minister", "deputy prime minister",
    "lieutenant governor", "lt governor", "governor", "gov", "senator", "sen", "state senator",
    "representative", "rep", "congressman", "congresswoman", "assemblymember", "assemblyman",
    "assemblywoman", "council member", "councilmember", "councilman", "councilwoman",
    "deputy mayor", "mayor", "attorney general", "secretary of state", "secretary",
    "major general", "lieutenant general", "brigadier general", "general", "gen", "colonel",
    "col", "lieutenant", "lt", "captain", "capt", "sergeant", "sgt", "admiral", "commander",
    "sheriff", "police chief", "fire chief", "chief executive officer", "chief executive",
    "chief operating officer", "chief financial officer", "chief of staff", "chief",
    "commissioner", "superintendent", "district attorney", "public defender",
    "supervisor", "budget director", "executive director", "director", "auditor", "controller", "comptroller",
    "treasurer", "judge", "justice", "chief justice", "speaker", "minister", "chancellor",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chair",
    "ceo", "professor", "prof", "dr", "doctor", "rev", "reverend", "pope", "king", "queen",
    "prince", "princess", "officer", "detective", "coach", "clerk", "marshal", "fire marshal",
    "attorney", "lawyer", "organizer", "organiser", "activist", "trustee",
];

/// Words before a title that describe the holder, not the office:
/// "Democratic Gov. Gavin Newsom".
const PARTY_WORDS: &[&str] = &[
    "democratic",
    "republican",
    "independent",
    "longtime",
    "embattled",
];

/// Courtesy titles: they mark a person but are not roles.
const HONORIFICS: &[&str] = &["mr", "ms", "mrs", "miss", "mx", "sir", "dame"];

/// Words that make a capitalised run an organisation.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "department", "agency", "administration", "corps", "guard", "police", "army", "navy",
    "force", "patrol", "enforcement", "security", "customs", "social", "media", "news", "times",
    "post", "journal", "tribune", "press", "council", "committee", "commission", "office",
    "bureau", "board", "court", "congress", "senate", "house", "assembly", "legislature",
    "party", "university", "college", "school", "institute", "foundation", "association",
    "union", "coalition", "center", "centre", "service", "services", "company", "inc", "corp",
    "corporation", "group", "network", "bank", "authority", "ministry", "government", "church",
    "hospital", "club", "league", "federation", "alliance", "organization", "organisation",
    "marines", "pentagon", "fbi",
];

/// Organisations named by one ordinary-looking word.
const STANDALONE_ORGS: &[&str] = &[
    "congress",
    "senate",
    "pentagon",
    "parliament",
    "nato",
    "kremlin",
    "interpol",
    "marines",
];

/// Words that make a capitalised run a place.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "county", "city", "park", "beach", "valley", "heights", "hills", "springs", "island",
    "islands", "bay", "lake", "harbor", "harbour", "port", "downtown", "mount", "fort", "river",
    "state", "province", "region", "district", "street", "avenue", "boulevard", "square",
    "village", "town", "coast", "desert", "canyon", "gardens",
];

/// Places known by name (lower case).
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
    "wisconsin", "wyoming", "los angeles", "san francisco", "san diego", "san jose",
    "sacramento", "chicago", "houston", "phoenix", "philadelphia", "san antonio", "dallas",
    "austin", "seattle", "denver", "boston", "detroit", "miami", "atlanta", "portland",
    "las vegas", "baltimore", "milwaukee", "new orleans", "minneapolis", "cleveland",
    "pittsburgh", "oakland", "long beach", "fresno", "anaheim", "santa ana", "riverside",
    "glendale", "pasadena", "compton", "bell", "london", "paris", "berlin", "madrid", "rome",
    "tokyo", "beijing", "moscow", "kyiv", "mexico", "canada", "china", "japan", "india",
    "russia", "ukraine", "france", "germany", "spain", "italy", "britain", "england",
    "scotland", "ireland", "wales", "brazil", "israel", "gaza", "iran", "iraq", "syria",
    "europe", "asia", "africa", "america", "united states", "united kingdom", "u.s", "u.k",
    "us", "uk", "el salvador", "guatemala", "honduras", "venezuela", "cuba", "colombia",
    "australia",
];

/// Capitalised words that start sentences or headings but are not names.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "as", "during", "moreover", "however", "meanwhile",
    "many", "local", "this", "that", "these", "those", "with", "while", "after", "before",
    "since", "although", "but", "and", "or", "if", "when", "where", "what", "who", "why", "how",
    "over", "more", "most", "some", "several", "federal", "state", "question", "answer",
    "summary", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its",
    "other", "both", "each", "all", "such", "recent", "yet", "still", "also", "then", "thus",
    "furthermore", "additionally", "despite", "amid", "according", "under", "following",
    "among", "officials", "residents", "critics", "supporters", "nearly", "about", "roughly",
    "approximately", "here", "there", "for", "from", "to", "by", "of", "not", "no", "yes",
    "one", "two", "three", "last", "next", "earlier", "later", "today", "yesterday", "tomorrow",
    "mayors", "key", "points", "frequently", "asked", "questions", "article", "subheadings",
    "police", "protesters", "protests", "democrats", "republicans", "democrat", "republican",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "christmas", "easter", "thanksgiving", "english", "spanish",
    "american", "americans", "latino", "latinos", "hispanic", "mexican", "california's",
    "north", "south", "east", "west", "new",
];

/// Lower-case words that join a capitalised run: "Mayor of Huntington Park",
/// "Department of the Interior", "Oscar de la Hoya".
const CONNECTORS: &[&str] = &[
    "of", "de", "la", "del", "da", "van", "von", "der", "di", "le",
];

/// Given names common in US news, a tie-breaker when nothing else says that
/// a two-word run is a person.
#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
    "joshua", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey",
    "ryan", "jacob", "gary", "eric", "jonathan", "stephen", "larry", "justin", "scott",
    "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "patrick", "jack", "dennis",
    "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "peter", "zachary", "kyle",
    "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald", "christian",
    "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan", "billy",
    "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan", "logan", "wayne",
    "ralph", "roy", "eugene", "randy", "vincent", "russell", "louis", "philip", "bobby",
    "johnny", "bradley", "gavin", "kamala", "karen", "mary", "patricia", "jennifer", "linda",
    "elizabeth", "barbara", "susan", "jessica", "sarah", "nancy", "lisa", "betty", "margaret",
    "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda",
    "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen",
    "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma",
    "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet",
    "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
    "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea",
    "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara",
    "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
    "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana",
    "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "carlos", "luis",
    "miguel", "jorge", "pedro", "alejandro", "fernando", "ricardo", "arturo", "eduardo",
    "javier", "manuel", "francisco", "rafael", "roberto", "sergio", "antonio", "alberto",
    "hector", "raul", "mario", "oscar", "ana", "carmen", "rosa", "lucia", "sofia", "elena",
    "isabel", "gabriela", "daniela", "veronica", "guadalupe", "marco", "pablo", "diego",
    "gustavo", "ramon", "enrique", "victor", "hugo", "ernesto", "julio", "cesar", "ruben",
    "armando", "alfredo", "mohammed", "ahmed", "ali", "omar", "hassan", "wei", "li", "chen",
    "hiroshi", "yuki", "priya", "raj", "amit", "ravi", "olga", "ivan", "dmitri", "sergei",
    "vladimir", "volodymyr", "emmanuel", "joe", "hillary", "bernie", "nikki", "ron", "marco",
    "ted", "mitch", "chuck", "elon", "jeff", "bill", "tom", "jim", "bob", "mike", "dan", "dave",
    "steve", "chris", "tony", "nick", "matt", "ben", "sam", "alex", "max", "kate", "kim", "liz",
    "beth", "jane", "jill", "gretchen", "kathy", "tina", "janet", "kristi", "tulsi", "pete",
    "gina", "loretta", "xavier", "rob", "antonio", "eric", "kevin", "hilda", "lindsey", "holly",
    "monica", "erica", "tammy", "wendy", "rachael", "yvonne",
];

/// Verbs that attribute speech or writing to their subject.
#[rustfmt::skip]
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "stated", "states", "argued", "argues", "added",
    "adds", "remarked", "remarks", "noted", "notes", "explained", "explains", "asserted",
    "asserts", "asserting", "claimed", "claims", "claiming", "declared", "declares",
    "described", "describes", "describing", "called", "calls", "calling", "warned", "warns",
    "warning", "insisted", "insists", "wrote", "writes", "posted", "posts", "tweeted",
    "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "urged", "urges",
    "replied", "responded", "answered", "acknowledged", "admitted", "announced", "announces",
    "commented", "observed", "suggested", "suggesting", "suggests", "labeled", "labelled",
    "labeling", "labelling", "saying", "articulated", "contended", "maintained", "recalled",
    "vowed", "promised", "predicted", "cautioned", "charged", "dubbed", "termed", "denounced",
    "decried", "testified", "conceded", "countered", "quipped", "recounted", "reiterated",
    "continued", "asked", "asks", "added", "characterized", "characterised", "branded",
    "accused", "criticized", "criticised", "slammed", "praised", "pledged", "stating",
    "arguing", "adding", "noting", "explaining", "remarking", "declaring", "insisting",
    "writing", "telling",
];

/// A word normalised for matching: normalised chars, lower case, trailing
/// periods removed.
fn norm_word(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        // The same as the general path for ASCII: `normalize` only maps
        // '`' and tab, and ASCII lower-casing is Unicode lower-casing there.
        let w = w.trim_end_matches('.');
        if !w
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b == b'`' || b == b'\t')
        {
            return Cow::Borrowed(w);
        }
        let mut out = String::with_capacity(w.len());
        for b in w.bytes() {
            out.push(match b {
                b'`' => '\'',
                b'\t' => ' ',
                b => char::from(b.to_ascii_lowercase()),
            });
        }
        return Cow::Owned(out);
    }
    Cow::Owned(
        normalize(w)
            .to_lowercase()
            .trim_end_matches('.')
            .to_string(),
    )
}

/// A lexicon as a set, for constant-time membership.
fn lexicon(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static STOPWORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(STOPWORDS));
static SPEECH_VERB_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(SPEECH_VERBS));
static GIVEN_NAME_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(GIVEN_NAMES));
static PLACE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(PLACES));
static ORG_WORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(ORG_WORDS));
static PLACE_WORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(PLACE_WORDS));

/// True when `w` is a speech verb (lower case).
pub(crate) fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERB_SET.contains(w)
}

/// One title or honorific of the lexicons, split into words once.
struct TitleEntry {
    parts: Vec<&'static str>,
    canonical: String,
    honorific: bool,
}

/// Titles and honorifics by first word, each bucket in lexicon order
/// (titles before honorifics), so that ties resolve as a scan of the lists
/// would.
static TITLES_BY_FIRST: LazyLock<HashMap<&'static str, Vec<TitleEntry>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<TitleEntry>> = HashMap::default();
    for (list, honorific) in [(TITLES, false), (HONORIFICS, true)] {
        for t in list {
            let parts: Vec<&'static str> = t.split(' ').collect();
            let first = parts.first().copied().unwrap_or("");
            map.entry(first).or_default().push(TitleEntry {
                parts,
                canonical: canonical_title(t),
                honorific,
            });
        }
    }
    map
});

fn is_title_word(lower: &str) -> bool {
    TITLES_BY_FIRST.contains_key(lower)
}

/// Longest title at `toks[i..]` within a joined run. Returns (title, tokens
/// used, honorific).
fn match_title<S: AsRef<str>>(words: &[S]) -> Option<(String, usize, bool)> {
    let first = words.first()?;
    let mut best: Option<&TitleEntry> = None;
    for t in TITLES_BY_FIRST.get(first.as_ref())? {
        if t.parts.len() <= words.len()
            && t.parts.iter().zip(words).all(|(p, w)| *p == w.as_ref())
            && best.is_none_or(|b| t.parts.len() > b.parts.len())
        {
            best = Some(t);
        }
    }
    best.map(|t| (t.canonical.clone(), t.parts.len(), t.honorific))
}

/// Expand abbreviations so that "Gov." and "Governor" compare equal.
pub(crate) fn canonical_title(t: &str) -> String {
    let expanded = match t {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "col" => "colonel",
        "lt" => "lieutenant",
        "lt governor" => "lieutenant governor",
        "capt" => "captain",
        "sgt" => "sergeant",
        "prof" => "professor",
        "dr" | "doctor" => "dr",
        "rev" => "reverend",
        "councilmember" | "councilman" | "councilwoman" => "council member",
        "congressman" | "congresswoman" => "representative",
        "assemblyman" | "assemblywoman" => "assemblymember",
        "spokesman" | "spokeswoman" => "spokesperson",
        "chairman" | "chairwoman" => "chair",
        "comptroller" => "controller",
        other => other,
    };
    expanded.to_string()
}

// ---------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------

/// A name found in the text before grouping.
#[derive(Debug, Clone)]
struct Cand {
    kind: Option<EntityKind>,
    /// Name words (display form, periods kept for initials).
    words: Vec<String>,
    span: Span,
    /// The exact source text at `span`.
    text: String,
    part: Part,
    titles: Vec<Title>,
    /// Person evidence other than a title (speech verb, appositive).
    evidence: bool,
    /// Only a surname or a single word: resolved later.
    single: bool,
    /// Came with a title (or honorific) but only one name word.
    titled_surname: bool,
    /// A lone word that stands where a person's surname would (see
    /// [`stands_as_a_surname`]): may be read as a slip of one.
    slip_ok: bool,
    /// Position for "most recent" resolution.
    pos: usize,
}

struct BlockCx<'a> {
    source: &'a SourceFile,
    text: &'a str,
    base: usize,
    part: Part,
    lower_vocab: &'a HashSet<&'a str>,
}

impl BlockCx<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        self.source.span(self.base + start, self.base + end)
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.source.slice(&self.span(start, end)).to_string()
    }
}

/// A headline or heading in title case: no lower-case content word.
fn title_case_sentence(toks: &[Tok<'_>]) -> bool {
    // Words a title-case headline leaves in lower case. Any other
    // lower-case word ("met", "led") makes it a sentence.
    #[rustfmt::skip]
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
        "of", "off", "on", "per", "to", "up", "via", "vs", "out", "with", "from", "into", "over",
        "amid", "after", "about", "against", "is", "are", "be", "its", "it", "his", "her",
    ];
    let caps = toks.iter().filter(|t| t.cap).count();
    caps >= 2 && !toks.iter().any(|t| !t.cap && !SMALL.contains(&t.word))
}

/// Extract entities.
pub fn extract(source: &SourceFile, blocks: &[Block<'_>]) -> Vec<Entity> {
    extract_split(source, blocks, |_, _| {})
}

/// [`extract`], splitting each block into sentences and words on the way
/// and handing the split of `blocks[i]` to `keep(i, words)` once its people
/// are read, so a caller keeps only the splits it needs and the working set
/// stays one block however long the article.
pub(crate) fn extract_split<'a>(
    source: &SourceFile,
    blocks: &[Block<'a>],
    mut keep: impl FnMut(usize, BlockWords<'a>),
) -> Vec<Entity> {
    let lower_vocab = lower_vocabulary(blocks);
    let mut cands = Vec::new();
    for (bi, block) in blocks.iter().enumerate() {
        let bw = BlockWords::new(block.text);
        let cx = BlockCx {
            source,
            text: block.text,
            base: block.span.start,
            part: block.part,
            lower_vocab: &lower_vocab,
        };
        let toks = &bw.toks;
        let mut by_sentence: Vec<&[Tok<'_>]> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let s = toks[i].sentence;
            let j = toks[i..]
                .iter()
                .position(|t| t.sentence != s)
                .map_or(toks.len(), |k| i + k);
            by_sentence.push(&toks[i..j]);
            i = j;
        }
        for sent in by_sentence {
            let only_known = title_case_sentence(sent);
            sentence_candidates(&cx, sent, only_known, &mut cands);
        }
        keep(bi, bw);
    }
    group(cands, &lower_vocab)
}

/// Every lower-case word of the article: a capitalised sentence-initial word
/// whose lower-case form appears elsewhere is an ordinary word.
fn lower_vocabulary<'a>(blocks: &[Block<'a>]) -> HashSet<&'a str> {
    let mut set = HashSet::default();
    for b in blocks {
        for w in b.text.split(|c: char| !c.is_alphabetic()) {
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                set.insert(w);
            }
        }
    }
    set
}

fn sentence_candidates(cx: &BlockCx<'_>, toks: &[Tok<'_>], only_known: bool, out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        // Grow a run of joined capitalised words (and connectors).
        let mut j = i + 1;
        while j < toks.len() && joined(cx.text, &toks[j - 1], &toks[j]) {
            if toks[j].cap && !toks[j].former_prefix {
                j += 1;
            } else if is_connector(toks[j].word)
                && j + 1 < toks.len()
                && toks[j + 1].cap
                && joined(cx.text, &toks[j], &toks[j + 1])
            {
                j += 2;
            } else {
                break;
            }
        }
        let next = run(cx, toks, i, j, only_known, out);
        i = next.max(i + 1);
    }
}

/// `word.to_lowercase()` is one of the connectors (all ASCII; the only
/// non-ASCII char that lower-cases to an ASCII letter is the Kelvin sign,
/// and no connector holds a `k`).
fn is_connector(word: &str) -> bool {
    word.len() <= 3
        && CONNECTORS
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(word.as_bytes()))
}

fn is_stop(tok: &Tok<'_>, lower_vocab: &HashSet<&str>) -> bool {
    let lower = norm_word(tok.word);
    if is_title_word(&lower) {
        return false;
    }
    STOPWORD_SET.contains(&*lower) || (tok.initial && lower_vocab.contains(&*lower))
}

/// Handle the run `toks[i..j]`; returns the index to continue from.
fn run(
    cx: &BlockCx<'_>,
    toks: &[Tok<'_>],
    mut i: usize,
    j: usize,
    only_known: bool,
    out: &mut Vec<Cand>,
) -> usize {
    // Drop leading ordinary words ("During", "Moreover", "The"), but not a
    // sentence-initial qualifier of a title ("Union President Marcus Boone"
    // where "union" is also written in lower case).
    while i < j && is_stop(&toks[i], cx.lower_vocab) {
        let lower = norm_word(toks[i].word);
        let qualifies = !STOPWORD_SET.contains(&*lower) && {
            let rest: Vec<Cow<'_, str>> =
                toks[i + 1..j].iter().map(|t| norm_word(t.word)).collect();
            (0..rest.len().min(3)).any(|p| titled_name_follows(&rest[p..]))
        };
        if qualifies {
            break;
        }
        i += 1;
    }
    // Stop-words inside split the run ("Wednesday", "Bass And").
    if let Some(k) = (i + 1..j).find(|&k| toks[k].cap && is_stop(&toks[k], cx.lower_vocab)) {
        run(cx, toks, i, k, only_known, out);
        return k;
    }
    if i >= j {
        return j;
    }
    let words: Vec<Cow<'_, str>> = toks[i..j].iter().map(|t| norm_word(t.word)).collect();
    if only_known {
        // Headlines and headings: only single words, resolved later.
        for t in &toks[i..j] {
            push_single(cx, t, out);
        }
        return j;
    }

    // Modifiers "Former", "Acting" before everything else.
    let mut k = i;
    let mut former = toks[i].former_prefix || preceded_by(cx, toks, i, &["former", "late"]);
    let mut acting = preceded_by(cx, toks, i, &["acting", "interim"]);
    while k < j {
        match words[k - i].as_ref() {
            "former" | "late" | "retired" => former = true,
            "acting" | "interim" => acting = true,
            w if PARTY_WORDS.contains(&w) => {}
            _ => break,
        }
        k += 1;
    }
    former |= toks.get(k).is_some_and(|t| t.former_prefix);

    // A qualified title: "Los Angeles Mayor Karen Bass", "Council President
    // Anita Rao", "School Board President Hector Salinas". The first title in
    // the run that a name follows makes the run a person; the words before
    // it are its qualifier. A known place (or a possessive) at the start of
    // the qualifier is the jurisdiction, kept as its own place; the rest of
    // the qualifier becomes part of the title ("council president").
    let title_at = (k..(k + 5).min(j)).find(|&p| titled_name_follows(&words[p - i..]));
    let mut qualifier = String::new();
    if let Some(p) = title_at.filter(|&p| p > k) {
        let place_len = (1..=p - k).rev().find(|&m| {
            PLACE_SET.contains(words[k - i..k - i + m].join(" ").as_str())
                || toks[k + m - 1].possessive
        });
        if let Some(m) = place_len {
            out.push(Cand {
                kind: Some(EntityKind::Place),
                words: toks[k..k + m].iter().map(|t| t.word.to_string()).collect(),
                span: cx.span(toks[k].start, toks[k + m - 1].end),
                text: cx.slice(toks[k].start, toks[k + m - 1].end),
                part: cx.part,
                titles: vec![],
                evidence: false,
                single: false,
                titled_surname: false,
                slip_ok: false,
                pos: cx.base + toks[k].start,
            });
        }
        let q = k + place_len.unwrap_or(0);
        qualifier = words[q - i..p - i].join(" ");
        k = p;
    }

    let mut titles = Vec::new();
    let mut honorific = false;
    if title_at.is_some() {
        // One title or several: "Chief Executive Dr. Alan Whitcomb".
        let qualifier_start = k - qualifier.split_whitespace().count();
        while let Some((title, n, hon)) = match_title(&words[k - i..]) {
            if !(k + n < j && toks[k + n].cap && !CONNECTORS.contains(&words[k + n - i].as_ref())) {
                break;
            }
            if hon {
                honorific = true;
            } else {
                let first = titles.is_empty() && !qualifier.is_empty();
                let (text, from) = if first {
                    (format!("{qualifier} {title}"), qualifier_start)
                } else {
                    (title, k)
                };
                titles.push(Title {
                    text,
                    span: cx.span(toks[from].start, toks[k + n - 1].end),
                    part: cx.part,
                    former,
                    acting,
                });
            }
            k += n;
        }
    } else if let Some((_, n, _)) = match_title(&words[k - i..]) {
        // "Mayor of Huntington Park" with no name after it is a title
        // phrase, handled as an appositive.
        if k == i && n == j - i {
            return j;
        } else if k + n + 1 < j && words[k + n - i] == "of" {
            // "Mayor of Huntington Park": the place after "of" is its own run.
            return run(cx, toks, k + n + 1, j, only_known, out);
        }
    }
    // "Chief Executive Alan Whitcomb of Whitcomb Logistics": the titled
    // name ends before "of"; the organisation is its own run.
    let mut j = j;
    let mut rest = None;
    if !titles.is_empty() || honorific {
        if let Some(q) = (k + 1..j).find(|&q| words[q - i] == "of") {
            rest = Some((q + 1, j));
            j = q;
        }
    }
    let words = &words[..j - i];
    if titles.is_empty() && !honorific {
        // A lower-case title just before: "former mayor Eric Garcetti".
        if let Some(t) = lowercase_title_before(cx, toks, i) {
            titles.push(t);
        }
    }
    let name = &toks[k..j];
    if name.is_empty() {
        return j;
    }
    let name_words: Vec<String> = words[k - i..].iter().map(|w| w.to_string()).collect();
    let joined_name = name_words.join(" ");
    let has_title = !titles.is_empty() || honorific;

    let kind = if has_title {
        Some(EntityKind::Person)
    } else if (name.len() > 1 && name_words.iter().any(|w| ORG_WORD_SET.contains(w.as_str())))
        || (name.len() == 1
            && (is_acronym(name[0].word) || STANDALONE_ORGS.contains(&name_words[0].as_str())))
    {
        Some(EntityKind::Organisation)
    } else if PLACE_SET.contains(joined_name.as_str())
        || name_words
            .iter()
            .any(|w| PLACE_WORD_SET.contains(w.as_str()))
    {
        Some(EntityKind::Place)
    } else {
        None
    };

    if name.len() == 1 && kind != Some(EntityKind::Organisation) && kind != Some(EntityKind::Place)
    {
        let mut c = single_cand(cx, &name[0]);
        c.slip_ok = !has_title && stands_as_a_surname(cx, toks, k);
        c.titles = titles;
        c.titled_surname = has_title;
        c.kind = if has_title {
            Some(EntityKind::Person)
        } else {
            None
        };
        out.push(c);
    } else {
        let mut titles = titles;
        let mut evidence = false;
        if kind.is_none() {
            if let Some(t) = appositive_title(cx, toks, j) {
                titles.push(t);
            }
            evidence = !titles.is_empty()
                || speech_verb_near(cx, toks, k, j)
                || GIVEN_NAME_SET.contains(name_words[0].as_str());
        }
        let last = &name[name.len() - 1];
        out.push(Cand {
            kind,
            words: name.iter().map(|t| t.word.to_string()).collect(),
            span: cx.span(name[0].start, last.end),
            text: cx.slice(name[0].start, last.end),
            part: cx.part,
            titles,
            evidence,
            single: false,
            titled_surname: false,
            slip_ok: false,
            pos: cx.base + name[0].start,
        });
    }
    if let Some((from, to)) = rest {
        // What follows "of" is where the person works, not another person
        // ("of Whitcomb Freight told reporters").
        let before = out.len();
        let next = run(cx, toks, from, to, only_known, out);
        for c in out.iter_mut().skip(before) {
            if !c.single && c.kind.is_none() && c.titles.is_empty() {
                c.kind = Some(EntityKind::Organisation);
            }
        }
        return next;
    }
    j
}

/// A title at the start of `words` followed by a name, possibly after more
/// titles ("Chief Executive Dr. Alan Whitcomb").
fn titled_name_follows<S: AsRef<str>>(words: &[S]) -> bool {
    let mut at = 0;
    while let Some((_, n, _)) = words.get(at..).and_then(match_title) {
        at += n;
        match words.get(at) {
            Some(w) if CONNECTORS.contains(&w.as_ref()) => return false,
            Some(_) => {}
            None => return false,
        }
        if words.get(at..).and_then(match_title).is_none() {
            return true;
        }
    }
    false
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn single_cand(cx: &BlockCx<'_>, t: &Tok<'_>) -> Cand {
    Cand {
        kind: None,
        words: vec![t.word.to_string()],
        span: cx.span(t.start, t.end),
        text: cx.slice(t.start, t.end),
        part: cx.part,
        titles: vec![],
        evidence: false,
        single: true,
        titled_surname: false,
        slip_ok: false,
        pos: cx.base + t.start,
    }
}

fn push_single(cx: &BlockCx<'_>, t: &Tok<'_>, out: &mut Vec<Cand>) {
    if t.cap && !STOPWORD_SET.contains(&*norm_word(t.word)) {
        out.push(single_cand(cx, t));
    }
}

/// The word before `toks[i]` (same sentence, only spaces between) is one of
/// `words`.
fn preceded_by(cx: &BlockCx<'_>, toks: &[Tok<'_>], i: usize, words: &[&str]) -> bool {
    i > 0
        && toks[i - 1].sentence == toks[i].sentence
        && joined(cx.text, &toks[i - 1], &toks[i])
        && words.contains(&&*norm_word(toks[i - 1].word))
}

/// "former mayor Eric Garcetti", "state senator Maria Lopez".
fn lowercase_title_before(cx: &BlockCx<'_>, toks: &[Tok<'_>], i: usize) -> Option<Title> {
    for len in (1..=3).rev() {
        if i < len {
            continue;
        }
        let s = i - len;
        let window = &toks[s..i];
        if window
            .iter()
            .any(|t| t.cap || t.sentence != toks[i].sentence)
        {
            continue;
        }
        if !(s..i).all(|k| joined(cx.text, &toks[k], &toks[k + 1])) {
            continue;
        }
        let words: Vec<Cow<'_, str>> = window.iter().map(|t| norm_word(t.word)).collect();
        if let Some((title, n, false)) = match_title(&words) {
            if n == len {
                // Lower-case qualifiers naming a body or a jurisdiction:
                // "union president Marcus Boone", "city clerk Rebecca Stone".
                let mut s = s;
                let mut qualifier = Vec::new();
                while s > 0
                    && qualifier.len() < 2
                    && !toks[s - 1].cap
                    && toks[s - 1].sentence == toks[i].sentence
                    && joined(cx.text, &toks[s - 1], &toks[s])
                {
                    let w = norm_word(toks[s - 1].word);
                    if !(ORG_WORD_SET.contains(&*w) || PLACE_WORD_SET.contains(&*w)) {
                        break;
                    }
                    qualifier.insert(0, w);
                    s -= 1;
                }
                let text = if qualifier.is_empty() {
                    title
                } else {
                    format!("{} {title}", qualifier.join(" "))
                };
                let former = toks[s].former_prefix
                    || preceded_by(cx, toks, s, &["former", "late", "retired"]);
                let acting = preceded_by(cx, toks, s, &["acting", "interim"]);
                return Some(Title {
                    text,
                    span: cx.span(toks[s].start, toks[i - 1].end),
                    part: cx.part,
                    former,
                    acting,
                });
            }
        }
    }
    None
}

/// ", the Mayor of Huntington Park" or ", mayor of Los Angeles," after a
/// name ending at `toks[j - 1]`.
fn appositive_title(cx: &BlockCx<'_>, toks: &[Tok<'_>], j: usize) -> Option<Title> {
    let prev = toks.get(j.checked_sub(1)?)?;
    let mut k = j;
    let first = toks.get(k)?;
    if first.sentence != prev.sentence {
        return None;
    }
    let gap = cx.text.get(prev.end..first.start)?;
    if gap.trim() != "," {
        return None;
    }
    let mut former = false;
    let mut acting = false;
    while let Some(t) = toks.get(k) {
        match &*norm_word(t.word) {
            "the" | "a" | "an" => {}
            "former" | "retired" => former = true,
            "acting" | "interim" => acting = true,
            _ => break,
        }
        k += 1;
    }
    let start = toks.get(k)?;
    former |= start.former_prefix;
    let words: Vec<String> = toks[k..(k + 4).min(toks.len())]
        .iter()
        .map(|t| norm_word(t.word).into_owned())
        .collect();
    let (mut title, n, hon) = match_title(&words)?;
    if hon {
        return None;
    }
    // Contiguity of the title words.
    if !(k..k + n - 1).all(|m| joined(cx.text, &toks[m], &toks[m + 1])) {
        return None;
    }
    let mut end = k + n;
    // "of Huntington Park": a capitalised place after "of".
    if end + 1 < toks.len()
        && norm_word(toks[end].word) == "of"
        && joined(cx.text, &toks[end - 1], &toks[end])
    {
        // "president of the Oakwood Neighborhood Association".
        let mut of_start = end + 1;
        if norm_word(toks[of_start].word) == "the"
            && toks.get(of_start + 1).is_some_and(|t| {
                t.cap && joined(cx.text, &toks[of_start], t) && t.sentence == toks[end].sentence
            })
        {
            of_start += 1;
        }
        let mut m = of_start;
        while m < toks.len() && toks[m].cap && joined(cx.text, &toks[m - 1], &toks[m]) {
            m += 1;
            if toks[m - 1].possessive {
                break;
            }
        }
        if m > of_start {
            title = format!(
                "{title} of {}",
                toks[of_start..m]
                    .iter()
                    .map(|t| norm_word(t.word))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            end = m;
        }
    } else if end < toks.len() && toks[end].cap && joined(cx.text, &toks[end - 1], &toks[end]) {
        // ", Mayor Karen Bass": a new titled name, not an appositive.
        return None;
    }
    Some(Title {
        text: title,
        span: cx.span(toks[k].start, toks[end - 1].end),
        part: cx.part,
        former,
        acting,
    })
}

/// A speech verb right after the name (optionally after a comma clause is
/// not followed), or "said" right before it.
fn speech_verb_near(cx: &BlockCx<'_>, toks: &[Tok<'_>], i: usize, j: usize) -> bool {
    let after = toks
        .get(j)
        .filter(|t| t.sentence == toks[j - 1].sentence)
        .is_some_and(|t| {
            SPEECH_VERB_SET.contains(&*norm_word(t.word))
                && cx
                    .text
                    .get(toks[j - 1].end..t.start)
                    .is_some_and(|g| g.trim().is_empty())
        });
    let before = i > 0
        && toks[i - 1].sentence == toks[i].sentence
        && matches!(&*norm_word(toks[i - 1].word), "said" | "says" | "told")
        && joined(cx.text, &toks[i - 1], &toks[i]);
    after || before
}

// ---------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------

fn group(cands: Vec<Cand>, lower_vocab: &HashSet<&str>) -> Vec<Entity> {
    // Surnames used alone anywhere in the article (not sentence-initial
    // stop words): evidence that a two-word run is a person.
    let singles: HashSet<String> = cands
        .iter()
        .filter(|c| c.single)
        .filter_map(|c| c.words.first().map(|w| norm_word(w).into_owned()))
        .collect();

    let mut entities: Vec<Entity> = Vec::new();
    let mut key_of: HashMap<(EntityKind, String), usize> = HashMap::default();
    // Persons by surname: entity ids.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    // Mention positions of each entity, for "most recent" resolution.
    let mut first_pos: Vec<usize> = Vec::new();

    let mut add = |entities: &mut Vec<Entity>,
                   first_pos: &mut Vec<usize>,
                   kind: EntityKind,
                   key: String,
                   c: &Cand|
     -> usize {
        let id = *key_of.entry((kind, key)).or_insert_with(|| {
            entities.push(Entity {
                id: entities.len(),
                kind,
                name: c.words.join(" "),
                titles: vec![],
                mentions: vec![],
            });
            first_pos.push(c.pos);
            entities.len() - 1
        });
        if let Some(e) = entities.get_mut(id) {
            e.titles.extend(c.titles.iter().cloned());
            e.mentions.push(Mention {
                text: c.text.clone(),
                span: c.span,
                part: c.part,
            });
            if c.words.join(" ").len() > e.name.len() {
                e.name = c.words.join(" ");
            }
        }
        id
    };

    // Full names known as people from one titled or attributed mention:
    // every other mention of that name is the same person ("Elena Park").
    let known_people: HashSet<String> = cands
        .iter()
        .filter(|c| !c.single && !c.titled_surname && (2..=4).contains(&c.words.len()))
        .filter(|c| c.kind == Some(EntityKind::Person) || (c.kind.is_none() && c.evidence))
        .map(|c| person_key(&c.words))
        .collect();

    // Pass 1: full names of people, organisations, places.
    let mut deferred = Vec::new();
    for c in &cands {
        if c.single || c.titled_surname {
            deferred.push(c);
            continue;
        }
        let kind = match c.kind {
            _ if (2..=4).contains(&c.words.len())
                && known_people.contains(&person_key(&c.words)) =>
            {
                EntityKind::Person
            }
            Some(k) => k,
            None => {
                let surname = c
                    .words
                    .last()
                    .map(|w| norm_word(w).into_owned())
                    .unwrap_or_default();
                if c.evidence || singles.contains(&surname) {
                    EntityKind::Person
                } else {
                    EntityKind::Organisation
                }
            }
        };
        if kind == EntityKind::Person && !(2..=4).contains(&c.words.len()) {
            continue;
        }
        let key = if kind == EntityKind::Person {
            person_key(&c.words)
        } else {
            c.words
                .iter()
                .map(|w| norm_word(w).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let id = add(&mut entities, &mut first_pos, kind, key, c);
        if kind == EntityKind::Person {
            let surname = entities[id].surname();
            let ids = by_surname.entry(surname).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    // Pass 2: titled surnames ("President Trump") and bare surnames.
    deferred.sort_by_key(|c| (!c.titled_surname, c.pos));
    for c in deferred {
        let surname = c
            .words
            .first()
            .map(|w| norm_word(w).into_owned())
            .unwrap_or_default();
        let target = by_surname.get(&surname).and_then(|ids| {
            if ids.len() == 1 {
                ids.first().copied()
            } else {
                // Relatives or namesakes: the latest one named before.
                ids.iter()
                    .copied()
                    .filter(|&id| first_pos.get(id).is_some_and(|&p| p <= c.pos))
                    .max_by_key(|&id| first_pos.get(id).copied().unwrap_or(0))
            }
        });
        match target {
            Some(id) => {
                if let Some(e) = entities.get_mut(id) {
                    e.titles.extend(c.titles.iter().cloned());
                    e.mentions.push(Mention {
                        text: c.text.clone(),
                        span: c.span,
                        part: c.part,
                    });
                }
            }
            None if c.titled_surname => {
                let id = add(
                    &mut entities,
                    &mut first_pos,
                    EntityKind::Person,
                    surname.clone(),
                    c,
                );
                by_surname.entry(surname).or_default().push(id);
            }
            None => {
                let lower = surname.as_str();
                let kind = if PLACE_SET.contains(lower) {
                    Some(EntityKind::Place)
                } else if c.words.first().is_some_and(|w| is_acronym(w))
                    || STANDALONE_ORGS.contains(&lower)
                {
                    Some(EntityKind::Organisation)
                } else if c.slip_ok
                    && !lower_vocab.contains(lower)
                    && slip_of_one_person(lower, &by_surname, &entities)
                {
                    // "Vandamm" beside "Pieter Vandam": the one person it
                    // is a slip of; kept apart so that the slip can be told.
                    Some(EntityKind::Person)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    let key = surname.clone();
                    let id = add(&mut entities, &mut first_pos, kind, key, c);
                    if kind == EntityKind::Person {
                        by_surname.entry(surname).or_default().push(id);
                    }
                }
            }
        }
    }

    // Order: by first mention; mentions and titles by position.
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.span.start);
        e.mentions.dedup_by_key(|m| m.span.start);
        e.titles.sort_by_key(|t| t.span.start);
    }
    entities.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.span.start));
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = i;
    }
    entities
}

/// Words after which a sentence-initial lone name is the subject of its
/// clause ("Pascuale has been flooded with offers", "Moorcraft said").
const SUBJECT_VERBS: &[&str] = &[
    "has", "had", "is", "was", "will", "would", "could", "can", "did", "does", "also", "added",
];

/// `toks[k]`, a lone capitalised word, stands where a surname would: not
/// in a comma-separated list of names (a team sheet), not after a
/// capitalised word or an initial ("C Thomson", "American Beauty": part of
/// another name), not after a preposition of place or an article ("in
/// Greece", "the Argentine"), and, at the start of a sentence, followed by
/// a verb.
fn stands_as_a_surname(cx: &BlockCx<'_>, toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let gap_after = |a: &Tok<'_>| cx.text.get(a.end..).unwrap_or("");
    let prev = k
        .checked_sub(1)
        .map(|p| &toks[p])
        .filter(|p| p.sentence == t.sentence);
    let next = toks.get(k + 1).filter(|n| n.sentence == t.sentence);
    let comma_after = |a: &Tok<'_>| {
        gap_after(a)
            .trim_start_matches([' ', '\t'])
            .starts_with(',')
    };
    let listed = prev.is_some_and(|p| p.cap && comma_after(p))
        || (comma_after(t) && next.is_some_and(|n| n.cap));
    // After a capitalised word ("C Thomson", "American Beauty"): part of
    // another name.
    let after_capital = prev.is_some_and(|p| (p.cap && !p.initial) || p.word.chars().count() == 1);
    let after_place_word = prev.is_some_and(|p| {
        matches!(
            &*norm_word(p.word),
            "in" | "at" | "from" | "to" | "of" | "for" | "across" | "the" | "a" | "an"
        )
    });
    let subject = !t.initial
        || next.is_some_and(|n| {
            let w = norm_word(n.word);
            SUBJECT_VERBS.contains(&&*w) || SPEECH_VERB_SET.contains(&*w)
        });
    !listed && !after_capital && !after_place_word && subject
}

/// A bare capitalised word (never written in lower case) within a small
/// edit distance ([`near_spelling`]) of the surname of exactly one person
/// named in full, and of five letters or more: a misspelling of that
/// person's surname rather than another name.
fn slip_of_one_person(
    word: &str,
    by_surname: &HashMap<String, Vec<usize>>,
    entities: &[Entity],
) -> bool {
    if word.chars().count() < 5 {
        return false;
    }
    // A derived form ("Rwanda" / "Rwandan", "Malone" / "Maloney") is
    // another word; two letters apart only in long names.
    let slip = |s: &str| {
        let (n, m) = (word.chars().count(), s.chars().count());
        !derived(word, s)
            && !derived(s, word)
            && (edit_distance(word, s, 1) <= 1 || n.min(m) >= 8)
            && near_spelling(word, s)
    };
    let mut close = by_surname.iter().filter(|(s, _)| slip(s));
    match (close.next(), close.next()) {
        (Some((_, ids)), None) => ids.iter().any(|&id| {
            entities
                .get(id)
                .is_some_and(|e| e.name.split_whitespace().count() >= 2)
        }),
        _ => false,
    }
}

/// `long` is `short` with an ending added ("Rwandan", "Maloney"), other
/// than its last letter doubled ("Vandamm" for "Vandam" is a slip).
fn derived(long: &str, short: &str) -> bool {
    let Some(rest) = long.strip_prefix(short) else {
        return false;
    };
    let doubled = rest.chars().count() == 1 && short.chars().next_back() == rest.chars().next();
    !rest.is_empty() && !doubled
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

/// Close enough to be one name misspelled: one letter apart in names of
/// four letters or more, two in names of six or more. A name and the same
/// name with an `s` added ("Golden Globe" / "Golden Globes", "Rooney" /
/// "Rooneys") is a plural or a possessive without its apostrophe, not a
/// misspelling; "Bas" / "Bass" is (no plural ends in a double `s`).
pub(crate) fn near_spelling(a: &str, b: &str) -> bool {
    let plural =
        |long: &str, short: &str| long.strip_suffix('s') == Some(short) && !long.ends_with("ss");
    if plural(a, b) || plural(b, a) {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    match edit_distance(a, b, 2) {
        1 => la.max(lb) >= 4,
        2 => la.min(lb) >= 6,
        _ => false,
    }
}

/// First + last name, lower-cased: "Donald J. Trump" and "Donald Trump" are
/// one person.
fn person_key(words: &[String]) -> String {
    let first = words
        .first()
        .map(|w| norm_word(w).into_owned())
        .unwrap_or_default();
    let last = words
        .last()
        .map(|w| norm_word(w).into_owned())
        .unwrap_or_default();
    format!("{first} {last}")
}

/// Entities that are people.
pub fn people(entities: &[Entity]) -> impl Iterator<Item = &Entity> {
    entities.iter().filter(|e| e.kind == EntityKind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_forms_are_not_slips_but_a_doubled_last_letter_is() {
        assert!(derived("rwandan", "rwanda"));
        assert!(derived("maloney", "malone"));
        assert!(!derived("vandamm", "vandam"));
        assert!(!derived("vandam", "vandam"));
        assert!(!derived("heyne", "heine"));
    }

    /// `tokenize_sentences` compares abbreviations ASCII-case-blind, which
    /// equals Unicode lower-casing only for lower-case ASCII entries without
    /// `k` (the Kelvin sign lower-cases to `k`).
    #[test]
    fn abbreviations_are_lower_case_ascii_without_k() {
        for a in ABBREVIATIONS {
            assert!(
                a.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'),
                "{a}"
            );
        }
    }
}
