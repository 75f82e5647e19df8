//! Long single sentences and blocks (issue 16): the input is a short unit
//! (a figure, an anchor, a quote mark, a `;`, a line break, ...) repeated
//! until the text is tens of KB, the sizes where quadratic and cubic work
//! shows and that ordinary 7 KB fuzz inputs never reach. Run with
//! `-max_len=65536 -report_slow_units=10`. Every invariant of
//! `tests/it/invariants.rs` is checked on the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::SourceFile;

#[path = "../../tests/it/invariants.rs"]
mod invariants;

/// The longest text built (bytes).
const MAX_TEXT: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    // First byte: how many times the unit is repeated (up to 2,048); the
    // rest: a heading line and the unit, split at the first newline.
    let Some((&times, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (head, unit) = match text.split_once('\n') {
        Some((h, u)) => (h, u),
        None => ("", text.as_ref()),
    };
    if unit.is_empty() {
        return;
    }
    let reps = (usize::from(times) * 8 + 1).min(MAX_TEXT / unit.len().max(1)).max(1);
    let mut article = String::with_capacity(head.len() + 2 + unit.len() * reps);
    article.push_str(head);
    article.push_str("\n\n");
    for _ in 0..reps {
        article.push_str(unit);
    }
    invariants::verify_all(&SourceFile::new("long.txt", article));
});
