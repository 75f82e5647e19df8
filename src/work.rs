//! A count of the steps of the searches whose cost depends on the size of a
//! sentence, so that tests can assert that doubling a sentence doubles the
//! work (issue 16) without timing anything. One counter per thread; reading
//! it is the caller's business (`newslint::work::steps`).

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Count `n` steps on this thread.
pub(crate) fn tick(n: usize) {
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
}

/// The steps counted on this thread so far.
pub fn steps() -> u64 {
    STEPS.with(Cell::get)
}
