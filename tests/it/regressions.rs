//! Inputs that once crashed or broke an invariant, found by fuzzing or by the
//! property tests. Each test holds the input inline and says what went wrong.

use newslint::SourceFile;

use crate::invariants::verify_all;

fn verify(text: &str) {
    verify_all(&SourceFile::new("regression.txt", text));
}

#[test]
fn empty_and_whitespace_only_inputs() {
    for text in ["", " ", "\n", "\r\n", "\u{feff}", "\t\u{a0}\n"] {
        verify(text);
    }
}
