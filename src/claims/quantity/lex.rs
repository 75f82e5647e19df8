//! Word lists: number words, hedges, units, and the small vocabularies the
//! key finder needs. Kept together so that a reader can audit them in one
//! place.

use super::{Hedge, UnitClass};

/// Units 0–19 and tens written as words.
pub fn small_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nil" | "naught" | "nought" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Multipliers written as words: `hundred`, `thousand`, `million`, ... and the
/// abbreviations that follow digits (`bn`, `m`, `k`).
pub fn scale_word(w: &str, after_digits: bool) -> Option<f64> {
    let v = match w {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" => 1e3,
        "million" | "millions" | "mln" | "mn" | "mil" => 1e6,
        "billion" | "billions" | "bln" | "bn" => 1e9,
        "trillion" | "trillions" | "tln" | "tn" => 1e12,
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => 12.0,
        "k" if after_digits => 1e3,
        "m" | "mm" if after_digits => 1e6,
        "b" if after_digits => 1e9,
        _ => return None,
    };
    Some(v)
}

/// Denominators of spelled fractions: `third(s)`, `quarter(s)`, `fifth(s)`.
pub fn denominator_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Ordinal words that must not start a figure ("twenty-first").
pub fn is_ordinal_word(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "twentieth"
            | "thirtieth"
            | "hundredth"
            | "thousandth"
            | "millionth"
    )
}

/// Vague quantities and the ranges HEDGES.md gives them.
pub fn vague(w: &str) -> Option<(f64, Option<f64>)> {
    Some(match w {
        "dozens" => (24.0, Some(999.0)),
        "scores" => (40.0, Some(999.0)),
        "hundreds" => (200.0, Some(9_999.0)),
        "thousands" => (2_000.0, None),
        "millions" => (2e6, None),
        "billions" => (2e9, None),
        "several" => (3.0, Some(20.0)),
        _ => return None,
    })
}

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// Words that turn the number after them into a label: "Section 8",
/// "Title 42", "Route 66", "page 5".
pub fn is_label_word(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "title"
            | "route"
            | "highway"
            | "interstate"
            | "article"
            | "chapter"
            | "proposition"
            | "prop"
            | "room"
            | "flight"
            | "apollo"
            | "no"
            | "nos"
            | "nr"
            | "nrs"
            | "number"
            | "part"
            | "phase"
            | "level"
            | "stage"
            | "category"
            | "grade"
            | "district"
            | "precinct"
            | "station"
            | "ward"
            | "gate"
            | "terminal"
            | "platform"
            | "pier"
            | "channel"
            | "version"
            | "season"
            | "episode"
            | "volume"
            | "vol"
            | "page"
            | "pages"
            | "item"
            | "rule"
            | "amendment"
            | "exit"
            | "unit"
            | "suite"
            | "apt"
            | "apartment"
            | "bus"
            | "line"
            | "week"
            | "day"
            | "game"
            | "squad"
            | "figure"
            | "table"
            | "box"
            | "lot"
            | "model"
            | "covid"
            | "h.r"
            | "hr"
            | "s"
            | "sb"
            | "ab"
            | "hb"
            | "bill"
    )
}

/// Street designators: "400 Main Street".
pub fn is_street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "boulevard"
            | "blvd"
            | "road"
            | "rd"
            | "drive"
            | "dr"
            | "lane"
            | "ln"
            | "way"
            | "place"
            | "pl"
            | "court"
            | "ct"
            | "parkway"
            | "pkwy"
            | "highway"
            | "hwy"
            | "plaza"
            | "square"
            | "terrace"
            | "circle"
    )
}

/// Hedges written before a number, longest first within each hedge.
pub const PRE_HEDGES: &[(&[&str], Hedge)] = &[
    (&["greater", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["more", "than", "or", "equal", "to"], Hedge::AtLeast),
    (&["bigger", "or", "equal", "than"], Hedge::AtLeast),
    (&["higher", "or", "equal", "than"], Hedge::AtLeast),
    (&["equal", "to", "or", "more", "than"], Hedge::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Hedge::AtLeast),
    (&["less", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Hedge::AtMost),
    (&["smaller", "or", "equal", "than"], Hedge::AtMost),
    (&["lower", "or", "equal", "than"], Hedge::AtMost),
    (&["equal", "to", "or", "less", "than"], Hedge::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Hedge::AtMost),
    (&["at", "least", "or", "equal", "to"], Hedge::AtLeast),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["just", "short", "of"], Hedge::Nearly),
    (&["just", "under"], Hedge::JustUnder),
    (&["just", "below"], Hedge::JustUnder),
    (&["just", "over"], Hedge::JustOver),
    (&["just", "above"], Hedge::JustOver),
    (&["slightly", "more", "than"], Hedge::JustOver),
    (&["slightly", "over"], Hedge::JustOver),
    (&["slightly", "less", "than"], Hedge::JustUnder),
    (&["slightly", "under"], Hedge::JustUnder),
    (&["well", "over"], Hedge::MoreThan),
    (&["well", "above"], Hedge::MoreThan),
    (&["well", "in", "excess", "of"], Hedge::MoreThan),
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["upward", "of"], Hedge::MoreThan),
    (&["more", "than"], Hedge::MoreThan),
    (&["greater", "than"], Hedge::MoreThan),
    (&["higher", "than"], Hedge::MoreThan),
    (&["larger", "than"], Hedge::MoreThan),
    (&["bigger", "than"], Hedge::MoreThan),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["exceeding"], Hedge::MoreThan),
    (&["exceeded"], Hedge::MoreThan),
    (&["exceed"], Hedge::MoreThan),
    (&["exceeds"], Hedge::MoreThan),
    (&["surpass"], Hedge::MoreThan),
    (&["surpassing"], Hedge::MoreThan),
    (&["topping"], Hedge::MoreThan),
    (&["topped"], Hedge::MoreThan),
    (&["tops"], Hedge::MoreThan),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["minimum", "of"], Hedge::AtLeast),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["maximum", "of"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::LessThan),
    (&["less", "than"], Hedge::LessThan),
    (&["lower", "than"], Hedge::LessThan),
    (&["smaller", "than"], Hedge::LessThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["up", "to"], Hedge::UpTo),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["close", "to"], Hedge::About),
    (&["an", "estimated"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["around"], Hedge::About),
    (&["about"], Hedge::About),
    (&["some"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["nearly", "about"], Hedge::About),
];

/// Comparison signs before a number: `>`, `>=`, `<`, `<=`.
pub const SIGN_HEDGES: &[(&[&str], Hedge)] = &[
    (&[">", "="], Hedge::AtLeast),
    (&["<", "="], Hedge::AtMost),
    (&[">"], Hedge::MoreThan),
    (&["<"], Hedge::LessThan),
];

/// A currency written before the number: symbol or code.
pub fn currency_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "usd" | "us$" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "cad" | "c$" => "CAD",
        "aud" | "a$" => "AUD",
        "chf" => "CHF",
        "inr" | "rs" => "INR",
        "mxn" | "mex$" => "MXN",
        "hk$" | "hkd" => "HKD",
        "nzd" | "nz$" => "NZD",
        _ => return None,
    })
}

/// A currency written after the number: words and codes.
pub fn currency_suffix(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" | "bucks" => "USD",
        "euro" | "euros" | "eur" | "€" => "EUR",
        "pound" | "pounds" | "gbp" | "sterling" | "£" => "GBP",
        "yen" | "jpy" | "¥" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" | "元" => "CNY",
        "rupee" | "rupees" | "inr" => "INR",
        "peso" | "pesos" | "mxn" => "MXN",
        "franc" | "francs" | "chf" => "CHF",
        "cent" | "cents" | "¢" => "cent",
        "pence" | "penny" | "pennies" | "p" => "pence",
        "cad" => "CAD",
        "aud" => "AUD",
        "$" => "USD",
        _ => return None,
    })
}

/// Measurement units written after the number (not currency, not percent).
pub fn measure_unit(w: &str) -> Option<(UnitClass, &'static str)> {
    use UnitClass::*;
    Some(match w {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (Length, "km"),
        "mile" | "miles" | "mi" => (Length, "mi"),
        "metre" | "metres" | "meter" | "meters" => (Length, "m"),
        "ft" | "foot" | "feet" => (Length, "ft"),
        "inch" | "inches" => (Length, "in"),
        "yard" | "yards" | "yd" => (Length, "yd"),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => (Length, "cm"),
        "acre" | "acres" => (Area, "acre"),
        "hectare" | "hectares" | "ha" => (Area, "ha"),
        "mph" => (Speed, "mph"),
        "kph" | "kmh" => (Speed, "km/h"),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => (Mass, "kg"),
        "lb" | "lbs" => (Mass, "lb"),
        "ton" | "tons" | "tonne" | "tonnes" => (Mass, "t"),
        "gram" | "grams" | "g" => (Mass, "g"),
        "ounce" | "ounces" | "oz" => (Mass, "oz"),
        "gallon" | "gallons" => (Volume, "gal"),
        "litre" | "litres" | "liter" | "liters" => (Volume, "l"),
        "barrel" | "barrels" => (Volume, "bbl"),
        "year" | "years" | "yr" | "yrs" => (Duration, "year"),
        "month" | "months" => (Duration, "month"),
        "week" | "weeks" => (Duration, "week"),
        "day" | "days" => (Duration, "day"),
        "night" | "nights" => (Duration, "night"),
        "weekend" | "weekends" => (Duration, "weekend"),
        "hour" | "hours" | "hr" | "hrs" => (Duration, "hour"),
        "minute" | "minutes" | "min" | "mins" => (Duration, "minute"),
        "second" | "seconds" | "sec" | "secs" => (Duration, "second"),
        "decade" | "decades" => (Duration, "decade"),
        "century" | "centuries" => (Duration, "century"),
        "degree" | "degrees" => (Temperature, "degree"),
        _ => return None,
    })
}

/// Verbs of change: "rose 12%", "rose by 12%" (but "rose to 400" is a level).
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "decrease"
            | "grew"
            | "grow"
            | "grown"
            | "dropped"
            | "drop"
            | "declined"
            | "decline"
            | "jumped"
            | "jump"
            | "climbed"
            | "climb"
            | "surged"
            | "soared"
            | "plunged"
            | "plummeted"
            | "slipped"
            | "shrank"
            | "gained"
            | "lost"
            | "cut"
            | "reduced"
            | "slashed"
            | "raised"
            | "boosted"
            | "tumbled"
            | "slid"
            | "added"
    )
}

/// Nouns of change after the figure: "a 12% increase".
pub fn is_change_noun(w: &str) -> bool {
    matches!(
        w,
        "increase"
            | "increases"
            | "rise"
            | "jump"
            | "drop"
            | "decline"
            | "decrease"
            | "cut"
            | "cuts"
            | "gain"
            | "reduction"
            | "hike"
            | "surge"
            | "fall"
            | "growth"
            | "boost"
            | "more"
    )
}

/// Words skipped between the number and the counted thing.
pub fn is_key_skip(w: &str) -> bool {
    matches!(
        w,
        "more" | "additional" | "new" | "of" | "the" | "other" | "extra" | "further" | "such"
    )
}

/// Function words, auxiliaries and common verbs that end (or prevent) a
/// counted-thing phrase.
pub fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "across"
            | "through"
            | "throughout"
            | "outside"
            | "inside"
            | "near"
            | "among"
            | "amid"
            | "against"
            | "within"
            | "between"
            | "toward"
            | "towards"
            | "via"
            | "despite"
            | "over"
            | "under"
            | "after"
            | "before"
            | "since"
            | "during"
            | "until"
            | "than"
            | "as"
            | "per"
            | "each"
            | "every"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "there"
            | "here"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "he"
            | "she"
            | "his"
            | "her"
            | "we"
            | "our"
            | "you"
            | "i"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "so"
            | "if"
            | "when"
            | "where"
            | "while"
            | "because"
            | "said"
            | "say"
            | "says"
            | "told"
            | "tell"
            | "took"
            | "take"
            | "came"
            | "come"
            | "went"
            | "go"
            | "got"
            | "get"
            | "made"
            | "make"
            | "saw"
            | "see"
            | "fled"
            | "left"
            | "ran"
            | "began"
            | "begin"
            | "fell"
            | "rose"
            | "grew"
            | "gave"
            | "give"
            | "held"
            | "hold"
            | "led"
            | "met"
            | "meet"
            | "stood"
            | "sent"
            | "send"
            | "spent"
            | "spend"
            | "won"
            | "win"
            | "lost"
            | "paid"
            | "pay"
            | "fought"
            | "brought"
            | "bought"
            | "kept"
            | "found"
            | "hit"
            | "remain"
            | "remains"
            | "live"
            | "lives"
            | "work"
            | "face"
            | "faced"
            | "attend"
            | "join"
            | "follow"
            | "oppose"
            | "support"
            | "signed"
            | "ago"
            | "later"
            | "earlier"
            | "apiece"
            | "all"
            | "both"
            | "only"
            | "also"
            | "just"
            | "still"
            | "now"
            | "then"
            | "soon"
            | "currently"
            | "already"
            | "last"
            | "next"
            | "annually"
            | "yearly"
            | "daily"
            | "percent"
            | "according"
            | "including"
            | "out"
            | "up"
            | "down"
            | "off"
            | "ever"
            | "never"
            | "again"
    )
}

/// Generic heads that give way to a passive verb's noun: "400 people were
/// arrested" counts arrests.
pub fn is_generic_head(w: &str) -> bool {
    matches!(
        w,
        "people" | "persons" | "person" | "individuals" | "individual" | "others" | "more"
    )
}

/// Participles whose event noun is the counted thing: "arrested" → arrests.
pub fn nominal(participle: &str) -> Option<&'static str> {
    Some(match participle {
        "arrested" => "arrests",
        "killed" | "dead" => "deaths",
        "injured" | "hurt" | "wounded" => "injuries",
        "detained" => "detentions",
        "deported" => "deportations",
        "evacuated" => "evacuations",
        "hospitalized" | "hospitalised" => "hospitalizations",
        "charged" => "charges",
        "displaced" => "displaced",
        "rescued" => "rescues",
        _ => return None,
    })
}

/// Participles that join the key after a specific noun: "nine officers
/// injured" counts "officers injured".
pub fn joins_key(participle: &str) -> bool {
    nominal(participle).is_some() || matches!(participle, "missing" | "infected" | "affected")
}

/// Words ending in "ly" that are nouns, not adverbs.
pub fn is_ly_noun(w: &str) -> bool {
    matches!(
        w,
        "family" | "supply" | "ally" | "rally" | "assembly" | "italy" | "july" | "monopoly"
    )
}

/// Words ending in "ed" or "ing" that are nouns.
pub fn is_ed_ing_noun(w: &str) -> bool {
    matches!(
        w,
        "hundred"
            | "bed"
            | "shed"
            | "red"
            | "need"
            | "seed"
            | "feed"
            | "speed"
            | "creed"
            | "building"
            | "meeting"
            | "hearing"
            | "briefing"
            | "shooting"
            | "killing"
            | "bombing"
            | "funding"
            | "housing"
            | "spending"
            | "training"
            | "warning"
            | "ruling"
            | "filing"
            | "listing"
            | "opening"
            | "offering"
            | "sibling"
            | "thing"
            | "evening"
            | "morning"
            | "wedding"
            | "ceiling"
            | "rating"
            | "polling"
            | "gathering"
            | "reading"
            | "setting"
            | "king"
            | "wing"
            | "ring"
            | "string"
            | "spring"
    )
}

/// Context words that turn "6-3" into a vote or score.
pub fn is_tally_context(w: &str) -> bool {
    matches!(
        w,
        "vote"
            | "votes"
            | "voted"
            | "ruling"
            | "ruled"
            | "decision"
            | "majority"
            | "won"
            | "win"
            | "wins"
            | "lost"
            | "loss"
            | "beat"
            | "defeated"
            | "defeat"
            | "victory"
            | "score"
            | "scored"
            | "margin"
            | "tie"
            | "record"
            | "split"
    )
}
