//! Deterministic corpus generator for benchmarks and the Spark example.
//!
//! Writes N articles in the genre of `shared/examples/` (lede, "Article
//! Subheadings" table, body sections, "Key Points" table, Summary, FAQ) by
//! varying topics, figures, hedges, names, quotes, dates, which parts are
//! present, and the format (plain as in the example, Markdown, CRLF with a
//! byte-order mark). About one article in five carries a planted
//! contradiction (a key point or FAQ answer whose hedge or value disagrees
//! with the body, or a weekday that does not fall on its date), so the rules
//! have real work to do.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 1000 --out DIR \
//!     [--ndjson FILE] [--seed S] [--article-bytes B]
//! ```
//!
//! The same seed always gives the same bytes; article `i` depends only on the
//! seed and `i`. `--article-bytes B` writes one article of at least B bytes
//! (many sections) instead of N ordinary ones. `--out -`/no `--out` with
//! `--ndjson` writes only the stream.
//!
//! The benchmark harness includes this file as a module, so everything but
//! `main` is a small library.

use newslint::claims::date::{month_name, Weekday};
use std::fmt::Write as _;
use std::io::Write as _;

/// Bumped whenever the generated text changes, so cached corpora are rebuilt.
pub const GENERATOR_VERSION: u32 = 2;

/// xorshift64* — tiny, fast, and good enough to vary text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // splitmix64 of the seed so that nearby seeds differ everywhere
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next_u64() >> 11) % (hi - lo + 1)
    }

    /// True with probability `pct`%.
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// How an article is written down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// As in the example: no blank lines, `Article Subheadings |` tables.
    Plain,
    /// `# Headline`, `## Section`, pipe tables, blank lines, `**Question:**`.
    Markdown,
    /// Plain with CRLF line endings, sometimes a byte-order mark.
    Crlf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Plain | Format::Crlf => "txt",
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Generated {
    pub id: String,
    pub format: Format,
    pub text: String,
}

const PLACES: &[&str] = &[
    "Los Angeles",
    "Houston",
    "Phoenix",
    "Miami-Dade County",
    "Cook County",
    "Sacramento",
    "Denver",
    "Seattle",
    "Atlanta",
    "New Orleans",
    "San Diego",
    "Baltimore",
    "Tucson",
    "Portland",
    "Charlotte",
];

const FIRST: &[&str] = &[
    "Karen", "Arturo", "Scott", "Maria", "David", "Linda", "James", "Priya", "Carlos", "Helen",
    "Samuel", "Grace", "Omar", "Teresa", "Victor", "Nadia", "Robert", "Elena",
];

const LAST: &[&str] = &[
    "Alvarez",
    "Brennan",
    "Castillo",
    "Dawson",
    "Ellison",
    "Fujimoto",
    "Garrity",
    "Holloway",
    "Iverson",
    "Jaramillo",
    "Kowalski",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Okafor",
    "Pemberton",
    "Quintero",
    "Ramirez",
    "Sorensen",
    "Thibodeaux",
];

const TITLES: &[&str] = &[
    "Mayor",
    "Governor",
    "Police Chief",
    "Fire Chief",
    "Budget Director",
    "Senator",
    "Major General",
    "Sheriff",
    "Councilmember",
    "Dr.",
];

/// A counted thing and how a sentence states it (`{F}` is the figure).
struct Measure {
    unit: UnitKind,
    /// Sentence templates for the body.
    body: &'static [&'static str],
    /// Short form for key points and FAQ answers.
    short: &'static str,
    /// Typical magnitude (lo, hi) before scale.
    lo: u64,
    hi: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Count,
    Percent,
    Dollars,
    Acres,
}

struct Topic {
    event: &'static str,
    headline: &'static str,
    headings: &'static [&'static str],
    measures: &'static [Measure],
}

const TOPICS: &[Topic] = &[
    Topic {
        event: "the immigration raids",
        headline: "Mayors Unite Against Federal Raids in {P}",
        headings: &[
            "Mayors Unite Against Immigration Raids",
            "Responses from Federal Officials",
            "The Impact on Local Communities",
            "Law Enforcement’s Perspective",
            "Recent Developments and Arrests",
            "What Comes Next",
        ],
        measures: &[
            Measure {
                unit: UnitKind::Count,
                body: &[
                    "The police department has made {F} arrests, primarily for failure to disperse.",
                    "Officials said {F} people were arrested during the protests.",
                ],
                short: "{F} arrests have been made",
                lo: 120,
                hi: 900,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["Commanders said {F} National Guard soldiers are currently deployed in {P}."],
                short: "{F} National Guard soldiers are deployed",
                lo: 500,
                hi: 4000,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["A coalition of {F} mayors from the region signed the letter."],
                short: "{F} mayors oppose the raids",
                lo: 12,
                hi: 60,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["The police have detailed {F} officers injured since the protests began."],
                short: "{F} officers were injured",
                lo: 3,
                hi: 40,
            },
        ],
    },
    Topic {
        event: "the storm",
        headline: "Storm Leaves {P} Without Power",
        headings: &[
            "A Night of High Winds",
            "Roads, Bridges and Power",
            "Emergency Crews Stretched Thin",
            "The Cost of Repairs",
            "Shelters and Evacuations",
            "Forecasts for the Week",
        ],
        measures: &[
            Measure {
                unit: UnitKind::Count,
                body: &[
                    "Utility crews said {F} homes were left without power overnight.",
                    "By morning, {F} customers had no electricity, the utility said.",
                ],
                short: "{F} homes lost power",
                lo: 8000,
                hi: 400_000,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["Officials said {F} residents were evacuated from low-lying streets."],
                short: "{F} residents were evacuated",
                lo: 200,
                hi: 9000,
            },
            Measure {
                unit: UnitKind::Dollars,
                body: &["Repairs will cost {F}, the county estimated."],
                short: "Repairs will cost {F}",
                lo: 5,
                hi: 900,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["Airlines cancelled {F} flights at the main airport."],
                short: "{F} flights were cancelled",
                lo: 40,
                hi: 1200,
            },
        ],
    },
    Topic {
        event: "the budget vote",
        headline: "Council Approves {P} Budget After Long Debate",
        headings: &[
            "A Divided Council",
            "Where the Money Goes",
            "Teachers and Schools",
            "Voters Weigh In",
            "Reaction from City Hall",
        ],
        measures: &[
            Measure {
                unit: UnitKind::Dollars,
                body: &["The council approved a spending plan of {F} for the coming year."],
                short: "The budget totals {F}",
                lo: 50,
                hi: 9000,
            },
            Measure {
                unit: UnitKind::Percent,
                body: &["A poll found that {F} of residents support the plan."],
                short: "{F} of residents support the plan",
                lo: 22,
                hi: 78,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["The plan funds {F} new teachers across the district."],
                short: "{F} new teachers will be hired",
                lo: 40,
                hi: 900,
            },
        ],
    },
    Topic {
        event: "the wildfire",
        headline: "Wildfire Forces Evacuations Near {P}",
        headings: &[
            "The Fire Spreads",
            "Firefighters on the Line",
            "Evacuation Orders",
            "Air Quality Warnings",
            "Aid for Displaced Families",
        ],
        measures: &[
            Measure {
                unit: UnitKind::Acres,
                body: &["The fire has burned {F} acres of brush and timber."],
                short: "The fire has burned {F} acres",
                lo: 900,
                hi: 80_000,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["Officials said {F} firefighters are working the fire lines."],
                short: "{F} firefighters are on the lines",
                lo: 150,
                hi: 3000,
            },
            Measure {
                unit: UnitKind::Count,
                body: &["Officials said {F} homes were destroyed by the flames."],
                short: "{F} homes were destroyed",
                lo: 10,
                hi: 600,
            },
            Measure {
                unit: UnitKind::Percent,
                body: &["Crews reported the fire was {F} contained by evening."],
                short: "The fire is {F} contained",
                lo: 5,
                hi: 90,
            },
        ],
    },
];

const FILLER: &[&str] = &[
    "As tensions rise in {P}, local leaders have come together to voice their concerns about the response so far.",
    "The announcement came amid growing frustration among residents who say they were given little warning.",
    "Community groups said the situation has deepened mistrust between neighbourhoods and the authorities.",
    "Officials from both sides are being scrutinised not just for their approach but for their ability to reach a resolution.",
    "Residents interviewed on Tuesday described long lines, closed offices and conflicting instructions.",
    "Critics argued that the measures were announced without consultation and would fall hardest on working families.",
    "Supporters countered that the decision was overdue and that delay would only raise the eventual cost.",
    "The debate has played out at public meetings, on local radio and in a flurry of statements from advocacy groups.",
    "Several business owners in {P} said they had already seen a drop in customers since the start of the month.",
    "State officials said they were monitoring the situation closely and would provide further updates.",
    "The implications reach beyond the political sphere and into the daily lives of residents.",
    "Observers noted that similar disputes in other cities had taken months to resolve.",
];

const QUOTES: &[&str] = &[
    "We will not stand by while our neighbours are left to fend for themselves",
    "This is a test of whether government can still deliver for the people it serves",
    "Every family deserves a clear answer and a fair hearing",
    "The numbers speak for themselves, and they are not good",
    "We have the resources, and we will use them",
    "Nobody should have to choose between safety and their livelihood",
];

const SAID: &[&str] = &["said", "told reporters", "argued", "added"];

const HEDGE_UP: &[&str] = &["more than", "over", "upwards of", "at least"];
const HEDGE_DOWN: &[&str] = &["nearly", "almost", "just under", "fewer than"];
const HEDGE_ABOUT: &[&str] = &["about", "roughly", "some", "an estimated", "approximately"];

const SMALL: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// Index into `Weekday::ALL` (0 = Monday) of a Gregorian date: newslint's
/// own calendar, so the corpus and the DAT001 check agree by construction.
fn weekday(year: i64, month: i64, day: i64) -> usize {
    let w = Weekday::of(year as i32, month as u32, day as u32);
    Weekday::ALL.iter().position(|&x| Some(x) == w).unwrap_or(0)
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A figure as stated in the body: its value and the hedge it was written with.
#[derive(Clone)]
struct Fact {
    measure: &'static Measure,
    value: u64,
    hedge: &'static str,
}

impl Fact {
    fn number(&self, rng: &mut Rng) -> String {
        let v = self.value;
        match self.measure.unit {
            UnitKind::Percent => format!("{v}%"),
            UnitKind::Dollars => {
                if v >= 1000 && v % 100 == 0 {
                    format!("${}.{} billion", v / 1000, (v % 1000) / 100)
                } else {
                    format!("${v} million")
                }
            }
            UnitKind::Count | UnitKind::Acres => {
                if v <= 12 && rng.chance(60) {
                    SMALL[v as usize].to_string()
                } else {
                    with_commas(v)
                }
            }
        }
    }

    fn phrase(&self, rng: &mut Rng) -> String {
        let n = self.number(rng);
        if self.hedge.is_empty() {
            n
        } else {
            format!("{} {n}", self.hedge)
        }
    }

    /// The same fact restated compatibly (same hedge direction or a neutral one).
    fn restated(&self, rng: &mut Rng) -> Fact {
        let mut f = self.clone();
        if HEDGE_ABOUT.contains(&self.hedge) && rng.chance(50) {
            f.hedge = rng.pick(HEDGE_ABOUT);
        }
        f
    }

    /// A restatement that cannot hold together with this one.
    fn contradicted(&self, rng: &mut Rng) -> Fact {
        let mut f = self.clone();
        if HEDGE_DOWN.contains(&self.hedge) {
            f.hedge = rng.pick(&["more than", "over"]);
        } else if HEDGE_UP.contains(&self.hedge) {
            f.hedge = rng.pick(&["nearly", "fewer than"]);
        } else {
            f.hedge = "";
            f.value = self.value + self.value / 2 + 7;
        }
        f
    }
}

fn round_value(rng: &mut Rng, m: &Measure) -> u64 {
    let v = rng.range(m.lo, m.hi);
    let unit = match v {
        0..=20 => 1,
        21..=200 => 10,
        201..=2000 => 50,
        2001..=20000 => 100,
        _ => 1000,
    };
    (v / unit * unit).max(1)
}

fn pick_hedge(rng: &mut Rng) -> &'static str {
    match rng.below(4) {
        0 => "",
        1 => rng.pick(HEDGE_UP),
        2 => rng.pick(HEDGE_DOWN),
        _ => rng.pick(HEDGE_ABOUT),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn fill(template: &str, place: &str, figure: &str) -> String {
    template.replace("{P}", place).replace("{F}", figure)
}

struct Person {
    title: &'static str,
    first: &'static str,
    last: &'static str,
}

/// Builder for one article's lines.
struct Writer {
    format: Format,
    lines: Vec<String>,
}

impl Writer {
    fn line(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }

    /// A paragraph: Markdown separates paragraphs with blank lines.
    fn para(&mut self, s: impl Into<String>) {
        if self.format == Format::Markdown && !self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.push(s.into());
    }

    fn finish(self, rng: &mut Rng) -> String {
        let (eol, bom) = match self.format {
            Format::Crlf => ("\r\n", rng.chance(40)),
            _ => ("\n", false),
        };
        let mut out = String::with_capacity(self.lines.iter().map(|l| l.len() + 2).sum());
        if bom {
            out.push('\u{feff}');
        }
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push_str(eol);
            }
            out.push_str(l);
        }
        // like the example, plain articles often end without a newline
        if self.format != Format::Plain || rng.chance(30) {
            out.push_str(eol);
        }
        out
    }
}

/// Section body: figures, a quote, a date, and filler.
#[allow(clippy::too_many_arguments)]
fn section_body(
    rng: &mut Rng,
    w: &mut Writer,
    place: &str,
    event: &str,
    people: &[Person],
    facts: &[Fact],
    date: (i64, i64, i64),
    bad_weekday: bool,
) {
    let paragraphs = 2 + rng.below(2);
    for p in 0..paragraphs {
        let mut s = String::new();
        for _ in 0..1 + rng.below(3) {
            let _ = write!(s, "{} ", fill(rng.pick(FILLER), place, ""));
        }
        if p == 0 {
            for f in facts {
                let t = rng.pick(f.measure.body);
                let phrase = f.phrase(rng);
                let sentence = fill(t, place, &phrase);
                let _ = write!(s, "{} ", capitalise(&sentence));
            }
        }
        if rng.chance(50) {
            // one speaker per quotation: a quote repeated later keeps its speaker
            let k = rng.below(QUOTES.len());
            let who = &people[k % people.len()];
            let q = QUOTES[k];
            let verb = rng.pick(SAID);
            let _ = write!(
                s,
                "“{q},” {} {} {} {verb}. ",
                who.title, who.first, who.last
            );
        }
        if rng.chance(35) {
            let (y, m, d) = date;
            let mut wd = weekday(y, m, d);
            if bad_weekday {
                wd = (wd + 1 + rng.below(5)) % 7;
            }
            let _ = write!(
                s,
                "The next hearing on {event} is set for {}, {} {d}, {y}. ",
                Weekday::ALL[wd].name(),
                month_name(m as u32)
            );
        }
        let _ = write!(s, "{}", fill(rng.pick(FILLER), place, ""));
        w.para(s);
    }
}

/// Generate article `index` of the corpus with `seed`.
pub fn article(seed: u64, index: usize) -> Generated {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
    let format = match rng.below(10) {
        0..=5 => Format::Plain,
        6..=7 => Format::Markdown,
        _ => Format::Crlf,
    };
    let text = build(&mut rng, format, None);
    Generated {
        id: format!("article-{index:06}"),
        format,
        text,
    }
}

/// One plain article of about `bytes` bytes (within a section's length): the
/// same genre with as many body sections as it takes.
pub fn big_article(seed: u64, bytes: usize) -> String {
    // build once with a guess, then with the section count scaled to fit
    let guess = bytes / 1000 + 1;
    let first = build(&mut Rng::new(seed), Format::Plain, Some(guess));
    let sections = (guess as f64 * bytes as f64 / first.len().max(1) as f64).round() as usize;
    build(&mut Rng::new(seed), Format::Plain, Some(sections.max(1)))
}

/// `big`: the number of body sections of a big article; `None` for an
/// ordinary one.
fn build(rng: &mut Rng, format: Format, big: Option<usize>) -> String {
    let topic = &TOPICS[rng.below(TOPICS.len())];
    let place = rng.pick(PLACES);
    let people: Vec<Person> = (0..3)
        .map(|_| Person {
            title: rng.pick(TITLES),
            first: rng.pick(FIRST),
            last: rng.pick(LAST),
        })
        .collect();
    let facts: Vec<Fact> = topic
        .measures
        .iter()
        .map(|m| Fact {
            measure: m,
            value: round_value(rng, m),
            hedge: pick_hedge(rng),
        })
        .collect();
    let contradiction = rng.chance(20);
    let bad_weekday = rng.chance(5);
    let date = (2025, 1 + rng.below(12) as i64, 1 + rng.below(28) as i64);

    // sections: a shuffled subset of the topic's headings
    let mut headings: Vec<String> = topic.headings.iter().map(|h| h.to_string()).collect();
    rng.shuffle(&mut headings);
    headings.truncate(3 + rng.below(headings.len() - 2));
    if let Some(n) = big {
        // a big article: numbered copies of the headings
        let base = headings.clone();
        headings = (0..n)
            .map(|i| format!("{} in {} Part {}", base[i % base.len()], place, i + 1))
            .collect();
    }

    let mut w = Writer {
        format,
        lines: Vec::new(),
    };
    let md = format == Format::Markdown;
    let headline = fill(topic.headline, place, "");
    if md {
        w.line(format!("# {headline}"));
    } else if rng.chance(50) {
        w.line(headline);
    }
    let lead = &people[0];
    let lede_fact = &facts[0];
    let lede_phrase = lede_fact.restated(rng).phrase(rng);
    let lede_sentence = fill(rng.pick(lede_fact.measure.body), place, &lede_phrase);
    w.para(format!(
        "Officials in {place} faced mounting pressure on {} after {}. {} {} {} {} that the response would be swift. {} {}",
        Weekday::ALL[weekday(date.0, date.1, date.2)].name(),
        topic.event,
        lead.title,
        lead.first,
        lead.last,
        rng.pick(SAID),
        capitalise(&lede_sentence),
        fill(rng.pick(FILLER), place, ""),
    ));

    let outline = big.is_some() || rng.chance(80);
    if outline {
        if md {
            w.para("| Article Subheadings |");
            w.line("|:---|");
            for (i, h) in headings.iter().enumerate() {
                w.line(format!("| {}) {h} |", i + 1));
            }
        } else {
            w.line("Article Subheadings |");
            w.line("---|");
            for (i, h) in headings.iter().enumerate() {
                w.line(format!("{}) {h} |", i + 1));
            }
        }
    }

    // spread the facts over the sections
    let mut per_section: Vec<Vec<Fact>> = vec![Vec::new(); headings.len()];
    for (i, f) in facts.iter().enumerate() {
        let s = if big.is_some() {
            i
        } else {
            rng.below(headings.len())
        };
        if let Some(slot) = per_section.get_mut(s % headings.len()) {
            slot.push(f.clone());
        }
    }
    for (i, h) in headings.iter().enumerate() {
        if md {
            w.para(format!("## {h}"));
        } else {
            w.line(h.clone());
        }
        let mut sect_facts = per_section[i].clone();
        if big.is_some() && i >= facts.len() {
            // big article: restate one fact per section, at most a handful share a key
            let f = &facts[i % facts.len()];
            let mut g = f.restated(rng);
            g.value = g.value.saturating_add((i as u64 % 7) * 10);
            g.hedge = rng.pick(HEDGE_ABOUT);
            sect_facts.push(g);
        }
        section_body(
            rng,
            &mut w,
            place,
            topic.event,
            &people,
            &sect_facts,
            date,
            bad_weekday && i == 0,
        );
    }

    // key points restate the facts, one of them wrong when planted
    let wrong = if contradiction {
        rng.below(facts.len())
    } else {
        usize::MAX
    };
    let key_points = rng.chance(90);
    if key_points {
        let mut rows: Vec<String> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            let g = if i == wrong {
                f.contradicted(rng)
            } else {
                f.restated(rng)
            };
            let phrase = g.phrase(rng);
            rows.push(format!(
                "{}.",
                capitalise(&fill(g.measure.short, place, &phrase))
            ));
        }
        rows.push(format!(
            "Local and state officials continue to clash over {}.",
            topic.event
        ));
        if md {
            w.para("| No. | Key Points |");
            w.line("|---:|:---|");
            for (i, r) in rows.iter().enumerate() {
                w.line(format!("| {} | {r} |", i + 1));
            }
        } else {
            w.line("No. | Key Points |");
            w.line("---|---|");
            for (i, r) in rows.iter().enumerate() {
                w.line(format!("{} | {r} |", i + 1));
            }
        }
    }

    if rng.chance(85) {
        if md {
            w.para("## Summary");
        } else {
            w.line("Summary");
        }
        w.para(format!(
            "The unfolding situation in {place} involves a significant clash over {}. {} {}",
            topic.event,
            fill(rng.pick(FILLER), place, ""),
            fill(rng.pick(FILLER), place, "")
        ));
    }

    if rng.chance(85) {
        if md {
            w.para("## Frequently Asked Questions");
        } else {
            w.line("Frequently Asked Questions");
        }
        let style = rng.below(3);
        for (i, f) in facts.iter().enumerate().take(3) {
            let question = match i {
                0 => format!("What happened after {} in {place}?", topic.event),
                1 => format!("What are the latest figures from {place}?"),
                _ => format!("How have officials responded to {}?", topic.event),
            };
            let g = if i == wrong && rng.chance(50) {
                f.contradicted(rng)
            } else {
                f.restated(rng)
            };
            let phrase = g.phrase(rng);
            let answer = format!(
                "{}, according to {}.",
                capitalise(&fill(g.measure.short, place, &phrase)),
                rng.pick(&["officials", "city records", "the county"])
            );
            match (md, style) {
                (false, _) => {
                    w.line(format!("Question: {question}"));
                    w.line(answer);
                }
                (true, 0) => {
                    w.para(format!("**Question:** {question}"));
                    w.para(answer);
                }
                (true, 1) => {
                    w.para(format!("Q: {question}"));
                    w.line(format!("A: {answer}"));
                }
                (true, _) => {
                    w.para(format!("### {question}"));
                    w.para(answer);
                }
            }
        }
    }
    w.finish(rng)
}

/// One NDJSON line (`{"id":…,"text":…}`) without the newline.
pub fn ndjson_line(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

struct Args {
    articles: usize,
    out: Option<std::path::PathBuf>,
    ndjson: Option<std::path::PathBuf>,
    seed: u64,
    article_bytes: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        articles: 100,
        out: None,
        ndjson: None,
        seed: 42,
        article_bytes: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--articles" => args.articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?,
            "--out" => args.out = Some(value()?.into()),
            "--ndjson" => args.ndjson = Some(value()?.into()),
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--article-bytes" => {
                args.article_bytes =
                    Some(value()?.parse().map_err(|e| format!("--article-bytes: {e}"))?)
            }
            "-h" | "--help" => {
                return Err("usage: gen_corpus --articles N [--out DIR] [--ndjson FILE] [--seed S] [--article-bytes B]".into())
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    if args.out.is_none() && args.ndjson.is_none() {
        return Err("give --out DIR and/or --ndjson FILE".into());
    }
    Ok(args)
}

fn run(args: &Args) -> std::io::Result<(usize, usize)> {
    let mut ndjson = match &args.ndjson {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)?;
    }
    let mut total = 0usize;
    let mut emit = |id: &str, ext: &str, text: &str| -> std::io::Result<()> {
        total += text.len();
        if let Some(dir) = &args.out {
            std::fs::write(dir.join(format!("{id}.{ext}")), text)?;
        }
        if let Some(w) = ndjson.as_mut() {
            writeln!(w, "{}", ndjson_line(id, text))?;
        }
        Ok(())
    };
    let count = if let Some(bytes) = args.article_bytes {
        emit("big-article", "txt", &big_article(args.seed, bytes))?;
        1
    } else {
        for i in 0..args.articles {
            let a = article(args.seed, i);
            emit(&a.id, a.format.extension(), &a.text)?;
        }
        args.articles
    };
    if let Some(mut w) = ndjson {
        w.flush()?;
    }
    Ok((count, total))
}

#[allow(dead_code)]
fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok((n, bytes)) => {
            eprintln!("gen_corpus: wrote {n} articles, {bytes} bytes of text");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
