//! The full pipeline on arbitrary bytes (decoded lossily): parse, extract,
//! check; every span and label verified, JSON output parses, and a second run
//! gives the same result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::SourceFile;

#[path = "../../tests/it/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::verify_all(&SourceFile::new("fuzz.txt", text));
});
