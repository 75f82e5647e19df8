//! newslint: a copy desk for news articles.
//!
//! The library reads an article of the genre (lede, "Article Subheadings"
//! table, sections, "Key Points" table, Summary, FAQ) into a typed
//! [`Article`], extracts its checkable [`Claims`], and runs consistency
//! [`rules`] that report [`Finding`]s. Nothing here reads files or writes to a
//! terminal; that is `app`'s job.
//!
//! ```
//! let source = newslint::SourceFile::new("a.txt", "Police made nearly 400 arrests.");
//! let article = newslint::parse(&source);
//! let claims = newslint::extract(&source, &article);
//! let findings = newslint::check(&source, &article, &claims);
//! assert!(findings.is_empty());
//! ```

pub mod app;
pub mod article;
pub mod claims;
pub mod cli;
pub mod diagnostic;
pub mod fix;
pub mod lint;
pub mod render;
pub mod report;
pub mod rules;
pub mod server;
pub mod settings;
pub mod source;
pub mod suppress;
pub mod text;
pub mod work;

pub use app::InputError;
pub use article::{Article, Part};
pub use claims::{Claims, ClaimsDocument};
pub use diagnostic::{Finding, Label, Severity};
pub use report::{FileReport, Report};
pub use settings::{CliOverrides, ConfigError, Settings};
pub use source::{SourceFile, Span};

/// The engine's version, as `newslint --version` prints it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parse an article.
pub fn parse(source: &SourceFile) -> Article {
    article::parse_article(source)
}

/// Extract the claims of a parsed article.
pub fn extract(source: &SourceFile, article: &Article) -> Claims {
    claims::extract(source, article)
}

/// Run every rule at its default severity (rules off by default are
/// skipped), with fixes attached and inline suppressions applied.
pub fn check(source: &SourceFile, article: &Article, claims: &Claims) -> Vec<Finding> {
    lint::findings(
        source,
        article,
        claims,
        |meta| meta.category.default_severity(),
        lint::LintOptions::default(),
    )
}

/// The document `newslint claims` prints for a source.
pub fn claims_document<'a>(source: &'a SourceFile, claims: &'a Claims) -> ClaimsDocument<'a> {
    ClaimsDocument {
        schema_version: article::SCHEMA_VERSION,
        path: &source.path,
        claims,
    }
}

/// An article handed over as text rather than read from a file (an NDJSON
/// record, a string from a binding), refused for what `newslint` refuses in
/// any input (a NUL byte, empty, whitespace only) with the CLI's reasons.
pub fn source_from_text(path: impl Into<String>, text: String) -> Result<SourceFile, InputError> {
    let path = path.into();
    match app::decode(text.into_bytes()) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(reason) => Err(InputError { path, reason }),
    }
}

/// The settings of `newslint check --config FILE` with the command line's
/// selections; without a file, those of `--isolated`.
pub fn resolve_settings(
    config: Option<&std::path::Path>,
    overrides: &CliOverrides,
) -> Result<Settings, ConfigError> {
    let file = match config {
        Some(p) => settings::load_config(p)?,
        None => settings::ConfigFile::default(),
    };
    Settings::resolve(config, file, overrides)
}

/// Check one source as `newslint check` checks each input: the rules the
/// settings turn on for its path, at their severities, resolved to a report
/// that keeps the text. A bug in one rule must not lose the other inputs'
/// results, so a panic becomes the CLI's "internal error" report.
pub fn check_file(source: &SourceFile, settings: &Settings) -> FileReport {
    check_file_with(source, settings, lint::LintOptions::default())
}

/// [`check_file`] with the choices of `check`'s options (fixes are always
/// attached and inline suppressions always applied).
pub fn check_file_with(
    source: &SourceFile,
    settings: &Settings,
    opts: lint::LintOptions,
) -> FileReport {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let article = parse(source);
        let claims = extract(source, &article);
        let cx = rules::Context {
            source,
            article: &article,
            claims: &claims,
        };
        let severity =
            |meta: &rules::RuleMeta| settings.severity_for(meta, Some(source.path.as_str()));
        let findings = lint::findings(source, &article, &claims, severity, opts);
        let mut report = FileReport::checked(source, &findings);
        report.limits = rules::limits(&cx, severity)
            .into_iter()
            .map(|l| report::LimitNote {
                code: l.code.to_string(),
                message: l.message,
            })
            .collect();
        report
    }))
    .unwrap_or_else(|_| {
        FileReport::unreadable(
            source.path.clone(),
            "internal error while checking (please report this file)",
        )
    })
}

/// The report `newslint check --format json` prints for these results, in
/// this order (serialise it with serde).
pub fn check_report(files: Vec<FileReport>) -> Report {
    Report::new(files, Vec::new())
}

/// Run the command line with these arguments (the first is the program's
/// name) as the `newslint` binary does, and return its exit code. The Python
/// package's `newslint` command is this function.
pub fn run_cli<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    app::main_from(args)
}
