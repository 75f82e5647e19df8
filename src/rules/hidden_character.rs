use crate::article::Part;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::{is_hidden_control, is_invisible, Span};

declare_rule! {
    /// A figure, a name or a quote holds an invisible or bidi control character.
    ///
    /// ## What it does
    /// Reports a figure, a person's name or a quotation whose source text
    /// holds a character that shows as nothing (a zero-width space or
    /// joiner, a soft hyphen, a byte-order mark inside the text, a word
    /// joiner) or that reorders what is shown (the bidi embeddings,
    /// overrides and isolates, U+202A–U+202E and U+2066–U+2069). The
    /// finding names each character by its code point.
    ///
    /// ## Why is this bad?
    /// Such a character makes the text a reader sees differ from the text
    /// a program reads: `Over 4\u{200b}00` looks like "Over 400", and `Over
    /// \u{202e}004\u{202c}` shows "Over 400" while its digits are `004`. newslint
    /// folds the invisible ones out before matching, so checks still see
    /// 400, but a bidi override cannot be undone safely, and either kind in
    /// a figure, name or quote is a sign of a pasted, corrupted or
    /// deliberately disguised text that a human should look at. Hence
    /// `suspicious`: a warning.
    ///
    /// ## Example
    /// Flagged:
    /// ```text
    /// Police made over 4​00 arrests on Monday.
    /// ```
    /// (a zero-width space between `4` and `00`). Not flagged: the same
    /// sentence typed plainly, a byte-order mark at the very start of the
    /// file, or a non-breaking space (it shows as a space).
    ///
    /// ## Known limits
    /// Only figures, names and quotes are searched; a hidden character
    /// elsewhere in prose is not reported. Zero-width joiners and
    /// non-joiners (U+200C, U+200D) and variation selectors are left
    /// alone: emoji and several scripts need them.
    pub HiddenCharacter, "ART005", "hidden-character", Suspicious
}

/// Invisible characters worth reporting: the default-ignorables that hide
/// inside words and numbers, and every bidi control.
fn is_hidden(c: char) -> bool {
    is_invisible(c)
        || (is_hidden_control(c) && !c.is_ascii_control() && !('\u{80}'..='\u{9f}').contains(&c))
}

/// The hidden characters of `text`, as `U+XXXX` names, in order, once each.
fn hidden_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.chars().filter(|&c| is_hidden(c)) {
        let name = format!("U+{:04X}", c as u32);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A name's span, stretched over hidden characters that split it: the
/// people extractor ends a name at `Karen B` in `Karen B\u{ad}ass`, so the
/// hidden run after it and the letters that follow belong to it.
fn name_span(cx: &Context<'_>, span: Span) -> Span {
    let text = &cx.source.text;
    let rest = text.get(span.end..).unwrap_or("");
    let hidden: usize = rest
        .chars()
        .take_while(|&c| is_hidden(c))
        .map(char::len_utf8)
        .sum();
    if hidden == 0 {
        return span;
    }
    let letters: usize = rest
        .get(hidden..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    if letters == 0 {
        return span;
    }
    cx.source.span(span.start, span.end + hidden + letters)
}

impl Rule for HiddenCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let c = cx.claims;
        let mut report = |what: &str, span: Span, part: Part| {
            let text = cx.source.slice(&span);
            let hidden = hidden_in(text);
            if hidden.is_empty() {
                return;
            }
            let mut shown = String::with_capacity(text.len());
            for ch in text.chars() {
                if is_hidden(ch) || is_hidden_control(ch) {
                    shown.extend(ch.escape_default());
                } else {
                    shown.push(ch);
                }
            }
            out.push(
                Finding::new(
                    &Self::META,
                    format!(
                        "{what} `{shown}` holds hidden character {}",
                        hidden.join(", ")
                    ),
                )
                .label(span, part, part.role())
                .help("retype the text without the invisible or direction-changing character"),
            );
        };
        for f in &c.figures {
            report("figure", f.span, f.part);
        }
        for e in &c.entities {
            for m in &e.mentions {
                report("name", name_span(cx, m.span), m.part);
            }
        }
        for q in &c.quotes {
            report("quote", q.outer, q.part);
        }
    }
}
