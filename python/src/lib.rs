//! `newslint._native`: the extension module behind the `newslint` Python
//! package. It only calls the library's public facade (`newslint::…` in
//! src/lib.rs) and serialises with the same serde types the CLI prints, so
//! every document is the CLI's JSON; `newslint/__init__.py` turns it into
//! Python objects and carries the documented API.
//!
//! Every call releases the GIL while the engine works; `check_many` checks
//! its texts on a rayon pool and keeps their order.

use std::ffi::OsString;
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

use newslint::{CliOverrides, FileReport, Settings, SourceFile};

/// mimalloc, as the binary uses: claim extraction makes many small
/// short-lived allocations (docs/benchmarks.md). It serves Rust's heap only;
/// Python keeps its own allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    newslint,
    NewslintError,
    PyValueError,
    "Base class of newslint's errors (a ValueError)."
);
create_exception!(
    newslint,
    InputError,
    NewslintError,
    "A text newslint cannot check (empty, whitespace only, a NUL byte, not valid \
     UTF-8); the message is the CLI's: `PATH: reason`."
);
create_exception!(
    newslint,
    ConfigError,
    NewslintError,
    "A bad selection or config file; the message is the CLI's and names the \
     option, file and key."
);

/// The name the CLI gives to text it was handed without a file name.
const UNNAMED: &str = "<stdin>";

/// A text argument as Rust text, or (inner `Err`) why it is not valid
/// UTF-8. Anything but a `str` is a `TypeError`.
fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Result<String, NotUtf8>> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(not_a_str(obj, what)));
    };
    match s.to_str() {
        Ok(t) => Ok(Ok(t.to_owned())),
        Err(_) => Ok(Err(NotUtf8::of(s)?)),
    }
}

fn not_a_str(obj: &Bound<'_, PyAny>, what: &str) -> String {
    if obj.is_none() {
        format!("{what} must be str, not None")
    } else if obj.cast::<PyBytes>().is_ok() {
        format!("{what} must be str, not bytes: decode it first (data.decode(\"utf-8\"))")
    } else {
        format!("{what} must be str, not {}", type_name(obj))
    }
}

/// A `str` that cannot be encoded as UTF-8: it holds a lone surrogate, as
/// `bytes.decode(errors="surrogateescape")` leaves for each byte that is not
/// UTF-8. The byte offset of the first one is the offset the CLI names for
/// the file those bytes came from.
struct NotUtf8 {
    /// Byte offset of the surrogate in the text encoded with surrogatepass.
    at: usize,
    /// The surrogate.
    unit: u32,
    /// Its index in the str.
    index: usize,
}

impl NotUtf8 {
    fn of(s: &Bound<'_, PyString>) -> PyResult<Self> {
        let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
        let bytes = encoded.cast::<PyBytes>()?.as_bytes();
        let at = bytes
            .windows(2)
            .position(|w| matches!(w, [0xED, 0xA0..=0xBF]))
            .unwrap_or(0);
        let unit = match bytes.get(at..at + 3) {
            Some([a, b, c]) => {
                (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F)
            }
            _ => 0,
        };
        let index = std::str::from_utf8(bytes.get(..at).unwrap_or_default())
            .map_or(0, |p| p.chars().count());
        Ok(NotUtf8 { at, unit, index })
    }

    /// The CLI's reason, word for word.
    fn reason(&self) -> String {
        format!("not valid UTF-8 (first bad byte at offset {})", self.at)
    }

    /// The CLI's reason, then what it means for a str and what to do.
    fn explained(&self) -> String {
        format!(
            "{}: the str holds the lone surrogate U+{:04X} at index {}, as decoding with \
             errors=\"surrogateescape\" leaves; decode with errors=\"replace\" to check the \
             text anyway",
            self.reason(),
            self.unit,
            self.index
        )
    }
}

/// A selection (`select`, `ignore`, `extend_select`): None, one str or an
/// iterable of str, each split at commas as the CLI splits `--select A,B`.
fn selectors(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Vec<String>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let split = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(split(s.to_str()?)));
    }
    if obj.cast::<PyBytes>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str or an iterable of str, not bytes"
        )));
    }
    let mut out = Vec::new();
    let items = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a str or an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    for (i, item) in items.enumerate() {
        let item = item?;
        let s = item
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(not_a_str(&item, &format!("{what}[{i}]"))))?;
        out.extend(split(s.to_str()?));
    }
    Ok(Some(out))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// The settings of `newslint check --config FILE --select … --ignore …`;
/// without a file, those of `--isolated` (no newslint.toml is looked for:
/// a library call does not depend on the current directory).
fn settings(
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    extend_select: Option<&Bound<'_, PyAny>>,
    config: Option<PathBuf>,
) -> PyResult<Settings> {
    let overrides = CliOverrides {
        select: selectors(select, "select")?,
        extend_select: selectors(extend_select, "extend_select")?.unwrap_or_default(),
        ignore: selectors(ignore, "ignore")?.unwrap_or_default(),
        fail_on: None,
    };
    newslint::resolve_settings(config.as_deref(), &overrides)
        .map_err(|e| ConfigError::new_err(e.to_string()))
}

/// Why a single-text call failed, raised once the GIL is held again.
enum Failure {
    Input(String),
    Internal(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Input(m) => InputError::new_err(m),
            Failure::Internal(m) => NewslintError::new_err(m),
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| Failure::Internal(format!("cannot serialise: {e}")))
}

/// The source for a single-text call, or the CLI's `PATH: reason`.
fn source(path: String, text: Result<String, NotUtf8>) -> Result<SourceFile, Failure> {
    let text = text.map_err(|e| Failure::Input(format!("{path}: {}", e.explained())))?;
    newslint::source_from_text(path, text).map_err(|e| Failure::Input(e.to_string()))
}

/// `newslint check --format json` of one text, as a JSON string.
#[pyfunction]
#[pyo3(signature = (text, *, path=None, select=None, ignore=None, extend_select=None, config=None))]
fn check(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    path: Option<String>,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    extend_select: Option<&Bound<'_, PyAny>>,
    config: Option<PathBuf>,
) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let path = path.unwrap_or_else(|| UNNAMED.to_string());
    let settings = settings(select, ignore, extend_select, config)?;
    let out = py.detach(move || {
        let source = source(path, text)?;
        let mut report = newslint::check_file(&source, &settings);
        if let Some(reason) = &report.error {
            return Err(Failure::Internal(format!("{}: {reason}", report.path)));
        }
        report.source = None;
        json(&newslint::check_report(vec![report]))
    });
    Ok(out?)
}

/// `newslint check --format json` of each text, in order, checked in
/// parallel; a text that cannot be checked gets the CLI's error entry.
#[pyfunction]
#[pyo3(signature = (texts, *, paths=None, select=None, ignore=None, extend_select=None, config=None, threads=None))]
#[allow(clippy::too_many_arguments)]
fn check_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    paths: Option<&Bound<'_, PyAny>>,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    extend_select: Option<&Bound<'_, PyAny>>,
    config: Option<PathBuf>,
    threads: Option<usize>,
) -> PyResult<Vec<String>> {
    if texts.cast::<PyString>().is_ok() || texts.cast::<PyBytes>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "texts must be an iterable of str, not one {} (use newslint.check for one text)",
            type_name(texts)
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let mut items = Vec::new();
    for (i, item) in iter.enumerate() {
        items.push(text_arg(&item?, &format!("texts[{i}]"))?);
    }
    let names = names(paths, items.len())?;
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "threads must be at least 1 (None: one per CPU)",
        ));
    }
    let settings = settings(select, ignore, extend_select, config)?;
    let one = |(path, text): (String, Result<String, NotUtf8>)| {
        json(&newslint::check_report(vec![report(path, text, &settings)]))
    };
    let jobs: Vec<_> = names.into_iter().zip(items).collect();
    let out: Result<Vec<String>, Failure> = py.detach(move || match threads {
        // one thread: no pool to start (a Spark task per core calls this per batch)
        Some(1) => jobs.into_iter().map(one).collect(),
        None => jobs.into_par_iter().map(one).collect(),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| Failure::Internal(format!("cannot start worker threads: {e}")))?
            .install(|| jobs.into_par_iter().map(one).collect()),
    });
    Ok(out?)
}

/// The display paths of `check_many`: `<stdin>` for each text, or one str
/// per text.
fn names(paths: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<String>> {
    let Some(paths) = paths.filter(|p| !p.is_none()) else {
        return Ok(vec![UNNAMED.to_string(); n]);
    };
    if paths.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(
            "paths must be an iterable of str (one per text), not one str",
        ));
    }
    let mut out = Vec::with_capacity(n);
    let iter = paths.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "paths must be an iterable of str, not {}",
            type_name(paths)
        ))
    })?;
    for (i, item) in iter.enumerate() {
        let item = item?;
        let s = item
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(not_a_str(&item, &format!("paths[{i}]"))))?;
        out.push(s.to_str()?.to_owned());
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "paths has {} items but texts has {n}: give one path per text",
            out.len()
        )));
    }
    Ok(out)
}

/// One text's result as `newslint check` reports each input.
fn report(path: String, text: Result<String, NotUtf8>, settings: &Settings) -> FileReport {
    let source = match text.map(|t| newslint::source_from_text(path.clone(), t)) {
        Ok(Ok(source)) => source,
        Ok(Err(e)) => return FileReport::unreadable(e.path, e.reason),
        Err(e) => return FileReport::unreadable(path, e.reason()),
    };
    let mut report = newslint::check_file(&source, settings);
    report.source = None;
    report
}

/// `newslint parse` of a text, as a JSON string.
#[pyfunction]
#[pyo3(signature = (text, *, path=None))]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>, path: Option<String>) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let path = path.unwrap_or_else(|| UNNAMED.to_string());
    let out = py.detach(move || {
        let source = source(path, text)?;
        json(&newslint::parse(&source))
    });
    Ok(out?)
}

/// `newslint claims` of a text, as a JSON string.
#[pyfunction]
#[pyo3(signature = (text, *, path=None))]
fn claims(py: Python<'_>, text: &Bound<'_, PyAny>, path: Option<String>) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let path = path.unwrap_or_else(|| UNNAMED.to_string());
    let out = py.detach(move || {
        let source = source(path, text)?;
        let article = newslint::parse(&source);
        let claims = newslint::extract(&source, &article);
        json(&newslint::claims_document(&source, &claims))
    });
    Ok(out?)
}

/// Run the `newslint` command line with these arguments (the first is the
/// program's name) and return its exit code, as the binary does.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(move || newslint::run_cli(argv))
}

/// The extension module behind the `newslint` package; use `newslint`'s
/// functions, which return Python objects.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(claims, m)?)?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    let py = m.py();
    m.add("NewslintError", py.get_type::<NewslintError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("ENGINE_VERSION", newslint::VERSION)?;
    Ok(())
}
