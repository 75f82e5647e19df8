//! Parse arbitrary bytes (decoded lossily) and verify every article span.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::SourceFile;

#[path = "../../tests/it/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::verify_parse(&SourceFile::new("fuzz.txt", text));
});
