//! Which rules run and at what severity: the config file (`newslint.toml`),
//! command-line overrides, and per-path overrides.
//!
//! Resolution for one file, in order:
//! 1. the selection: `select` (command line, else the file; default: every
//!    rule that is not pedantic) plus `extend-select`;
//! 2. minus `ignore`;
//! 3. each `[[overrides]]` whose `files` globs match the path, in file order:
//!    its `select` replaces the selection, `extend-select` adds, `ignore`
//!    removes, `severity` entries win;
//! 4. minus the command line's `--ignore`.
//!
//! Selectors are codes (`NUM001`), names (`quantity-conflict`), family
//! prefixes (`NUM`, `NUM0`) or `ALL`. Pedantic rules only run when selected
//! by code or name (or given a severity), never through a prefix or `ALL`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::rules::{Category, RuleMeta, RULES};

/// The config file's name, looked up from the current directory upward.
pub const CONFIG_FILE: &str = "newslint.toml";

/// Rule families; a selector may be a family prefix.
pub const FAMILIES: &[&str] = &["NUM", "QUO", "PER", "DAT", "ART"];

/// A severity as written in config: a level, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// The lowest severity that makes the run fail (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// True when a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// The config file as written. Unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_select: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    /// Per-rule severity: `NUM002 = "error"`, `quantity-conflict = "off"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<OverrideFile>,
}

/// One `[[overrides]]` table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverrideFile {
    pub files: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_select: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Level>,
}

/// Selection options given on the command line; they win over the file.
#[derive(Debug, Clone, Default)]
pub struct CliOverrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
}

/// A parsed selector.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Selector {
    All,
    /// A code prefix: `NUM`, `NUM0`.
    Prefix(String),
    /// One rule, by code or name (normalised to its code).
    Rule(String),
}

impl Selector {
    fn parse(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        if s.eq_ignore_ascii_case("ALL") {
            return Ok(Selector::All);
        }
        if let Some(rule) = crate::rules::find_rule(s) {
            return Ok(Selector::Rule(rule.meta().code.to_string()));
        }
        let upper = s.to_ascii_uppercase();
        // `get` rather than slicing: a selector may hold multi-byte chars.
        let is_prefix = upper.len() >= 3
            && upper.len() <= 6
            && upper.get(..3).is_some_and(|f| FAMILIES.contains(&f))
            && upper
                .get(3..)
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()));
        if is_prefix {
            if upper.len() == 6 {
                // A full code that no registered rule has: selects nothing,
                // but is not a typo of the syntax.
                return Ok(Selector::Rule(upper));
            }
            return Ok(Selector::Prefix(upper));
        }
        Err(format!(
            "unknown rule `{raw}` (expected a code like NUM001, a rule name, a family prefix like NUM, or ALL; `newslint rules` lists them)"
        ))
    }

    /// Does this selector pick `meta`? `explicit` is true only for a
    /// by-code/by-name match, which alone can enable a pedantic rule.
    fn matches(&self, meta: &RuleMeta) -> Option<bool> {
        match self {
            Selector::All => Some(false),
            Selector::Prefix(p) => meta.code.starts_with(p.as_str()).then_some(false),
            Selector::Rule(c) => (meta.code == c).then_some(true),
        }
    }
}

fn parse_selectors(raw: &[String]) -> Result<Vec<Selector>, String> {
    raw.iter().map(|s| Selector::parse(s)).collect()
}

fn parse_severities(raw: &BTreeMap<String, Level>) -> Result<Vec<(String, Level)>, String> {
    raw.iter()
        .map(|(k, v)| match crate::rules::find_rule(k) {
            Some(rule) => Ok((rule.meta().code.to_string(), *v)),
            None => match Selector::parse(k) {
                Ok(Selector::Rule(code)) => Ok((code, *v)),
                _ => Err(format!(
                    "unknown rule `{k}` in [severity] (give a rule code or name)"
                )),
            },
        })
        .collect()
}

/// One layer of selection: the top level or an override.
#[derive(Debug, Clone, Default)]
struct Layer {
    select: Option<Vec<Selector>>,
    extend_select: Vec<Selector>,
    ignore: Vec<Selector>,
    severity: Vec<(String, Level)>,
}

impl Layer {
    fn apply(&self, meta: &RuleMeta, state: &mut Option<Severity>, default: Option<Severity>) {
        let default_level = default.or(Some(Severity::Warning));
        let picks = |sels: &[Selector]| -> bool {
            sels.iter().any(|s| match s.matches(meta) {
                Some(explicit) => explicit || meta.category != Category::Pedantic,
                None => false,
            })
        };
        if let Some(select) = &self.select {
            *state = if picks(select) { default_level } else { None };
        }
        if picks(&self.extend_select) {
            *state = state.or(default_level);
        }
        if self.ignore.iter().any(|s| s.matches(meta).is_some()) {
            *state = None;
        }
        for (code, level) in &self.severity {
            if code == meta.code {
                *state = level.severity();
            }
        }
    }
}

struct Override {
    patterns: Vec<String>,
    globs: GlobSet,
    layer: Layer,
}

/// The effective settings of a run.
pub struct Settings {
    /// The config file that was read, if any.
    pub config_path: Option<PathBuf>,
    config_dir: Option<PathBuf>,
    /// The file as read (for `newslint config`).
    pub file: ConfigFile,
    base: Layer,
    overrides: Vec<Override>,
    cli_ignore: Vec<Selector>,
    pub fail_on: FailOn,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("config_path", &self.config_path)
            .field("fail_on", &self.fail_on)
            .finish_non_exhaustive()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(None, ConfigFile::default(), &CliOverrides::default())
            .unwrap_or_else(|_| Settings::empty())
    }
}

/// A config problem: names the file and the key.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Find `newslint.toml` in `dir` or its ancestors.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// `path` with `.` components dropped and each `..` cancelling the
/// component before it, without touching the file system (as ruff and
/// ESLint match globs): `./a/../b.txt` is `b.txt`. Leading `..` of a relative
/// path stay; `..` at the root is dropped.
pub fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out.iter().collect()
}

/// `path` made absolute against `cwd`, then normalised lexically.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    normalize_lexically(&cwd.join(path))
}

/// Where the configuration of a run comes from.
#[derive(Debug, Clone)]
pub enum ConfigMode {
    /// One file for every input: `--config FILE`, or `NEWSLINT_CONFIG` (the
    /// second value names which).
    Forced(PathBuf, &'static str),
    /// `--isolated`: the defaults and the command line only.
    Isolated,
    /// The `newslint.toml` closest to each checked file (in its directory
    /// or the nearest ancestor), as ruff does; standard input and NDJSON
    /// records use the one closest to the current directory.
    Discover,
}

/// The settings that apply to one input, and why.
#[derive(Debug, Clone)]
pub struct Applied {
    pub settings: Arc<Settings>,
    /// One line: which config file and how it was found.
    pub why: String,
}

/// A config file's settings, or why it could not be read.
type Loaded = Result<Arc<Settings>, String>;

/// Resolves, caches and shares the settings of every config file a run
/// meets; each file is read and validated once.
pub struct ConfigResolver {
    mode: ConfigMode,
    cli: CliOverrides,
    cwd: PathBuf,
    /// Directory → the config found from it upward.
    found: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Config file (`None`: defaults) → its resolved settings.
    loaded: Mutex<HashMap<Option<PathBuf>, Loaded>>,
}

impl ConfigResolver {
    pub fn new(mode: ConfigMode, cli: CliOverrides) -> Self {
        ConfigResolver {
            mode,
            cli,
            cwd: std::env::current_dir().unwrap_or_default(),
            found: Mutex::new(HashMap::new()),
            loaded: Mutex::new(HashMap::new()),
        }
    }

    /// The settings for the file at `path` (as given on the command line or
    /// found by the walk); `None` for standard input and NDJSON records.
    pub fn for_path(&self, path: Option<&Path>) -> Result<Applied, ConfigError> {
        let (config, why) = match &self.mode {
            ConfigMode::Forced(p, by) => (Some(p.clone()), format!("given by {by}")),
            ConfigMode::Isolated => (None, "--isolated: no config file is read".to_string()),
            ConfigMode::Discover => {
                let dir = match path {
                    Some(p) => absolute(&self.cwd, p)
                        .parent()
                        .map_or_else(|| self.cwd.clone(), Path::to_path_buf),
                    None => self.cwd.clone(),
                };
                let found = self.discover_from(&dir);
                let why = match (&found, path) {
                    (Some(_), Some(_)) => format!(
                        "the closest {CONFIG_FILE} to the file (searched from {} upward)",
                        dir.display()
                    ),
                    (Some(_), None) => format!(
                        "the closest {CONFIG_FILE} to the current directory (standard input and NDJSON records)"
                    ),
                    (None, _) => format!(
                        "no {CONFIG_FILE} in {} or any directory above it: defaults",
                        dir.display()
                    ),
                };
                (found, why)
            }
        };
        let settings = self.load(config)?;
        Ok(Applied { settings, why })
    }

    fn discover_from(&self, dir: &Path) -> Option<PathBuf> {
        if let Ok(found) = self.found.lock() {
            if let Some(hit) = found.get(dir) {
                return hit.clone();
            }
        }
        let hit = discover(dir);
        if let Ok(mut found) = self.found.lock() {
            found.insert(dir.to_path_buf(), hit.clone());
        }
        hit
    }

    fn load(&self, config: Option<PathBuf>) -> Result<Arc<Settings>, ConfigError> {
        if let Ok(loaded) = self.loaded.lock() {
            if let Some(hit) = loaded.get(&config) {
                return hit.clone().map_err(ConfigError);
            }
        }
        let resolved = match &config {
            Some(p) => load_config(p),
            None => Ok(ConfigFile::default()),
        }
        .and_then(|file| Settings::resolve(config.as_deref(), file, &self.cli))
        .map(Arc::new)
        .map_err(|e| e.0);
        if let Ok(mut loaded) = self.loaded.lock() {
            loaded.insert(config, resolved.clone());
        }
        resolved.map_err(ConfigError)
    }
}

/// Parse a config file's text; errors name `origin` and the key.
pub fn parse_config(origin: &str, text: &str) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let msg = clip(&e.message().trim().replace('\n', "; "), 400);
        // Name the line and quote it, so the key is visible in one line.
        let at = e
            .span()
            .map(|s| {
                let start = s.start.min(text.len());
                let line_no = text.get(..start).map_or(0, |t| t.matches('\n').count()) + 1;
                let raw = text.lines().nth(line_no - 1).unwrap_or("");
                let lead = raw.len() - raw.trim_start().len();
                let col = start.saturating_sub(line_start(text, start) + lead);
                let line = quote_window(raw.trim(), col);
                if line.is_empty() {
                    format!(" line {line_no}")
                } else {
                    format!(" line {line_no} `{line}`")
                }
            })
            .unwrap_or_default();
        ConfigError(format!("{origin}:{at}: {msg}"))
    })
}

/// The byte offset where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// `s` cut to `n` chars, with `…` where it was cut (a message can quote a
/// whole wrong value).
fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Chars of an offending line quoted on either side of the error.
const QUOTE_WINDOW: usize = 40;

/// At most a window of `line` around byte `at` (issue 16: a wrong 100 MB
/// line is not quoted whole), with `…` where it was cut.
fn quote_window(line: &str, at: usize) -> String {
    if line.chars().count() <= 2 * QUOTE_WINDOW {
        return line.to_string();
    }
    let at = (0..=at.min(line.len()))
        .rev()
        .find(|&i| line.is_char_boundary(i))
        .unwrap_or(0);
    let (head, tail) = line.split_at(at);
    let before: String = {
        let mut v: Vec<char> = head.chars().rev().take(QUOTE_WINDOW).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = tail.chars().take(QUOTE_WINDOW).collect();
    let cut_head = before.len() < head.len();
    let cut_tail = after.len() < tail.len();
    format!(
        "{}{before}{after}{}",
        if cut_head { "…" } else { "" },
        if cut_tail { "…" } else { "" }
    )
}

/// The largest config file read (issue 16: `--config /dev/zero` must not
/// read until memory runs out). Real ones are a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Load a config file from disk.
pub fn load_config(path: &Path) -> Result<ConfigFile, ConfigError> {
    use std::io::Read;
    let fail = |e: String| ConfigError(format!("{}: cannot read config: {e}", path.display()));
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(fail(format!("larger than {MAX_CONFIG_BYTES} bytes")));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| fail("stream did not contain valid UTF-8".into()))?;
    parse_config(&path.display().to_string(), &text)
}

impl Settings {
    fn empty() -> Self {
        Settings {
            config_path: None,
            config_dir: None,
            file: ConfigFile::default(),
            base: Layer::default(),
            overrides: Vec::new(),
            cli_ignore: Vec::new(),
            fail_on: FailOn::default(),
        }
    }

    /// Combine a config file (read from `path`, if any) with the command line.
    pub fn resolve(
        path: Option<&Path>,
        file: ConfigFile,
        cli: &CliOverrides,
    ) -> Result<Settings, ConfigError> {
        let origin = path.map_or("command line".to_string(), |p| p.display().to_string());
        let in_file = |key: &str, e: String| ConfigError(format!("{origin}: `{key}`: {e}"));
        let on_cli = |flag: &str, e: String| ConfigError(format!("{flag}: {e}"));

        let base = Layer {
            select: match &cli.select {
                Some(sel) => Some(parse_selectors(sel).map_err(|e| on_cli("--select", e))?),
                None => match &file.select {
                    Some(sel) => Some(parse_selectors(sel).map_err(|e| in_file("select", e))?),
                    None => None,
                },
            },
            extend_select: {
                let mut v = parse_selectors(&file.extend_select)
                    .map_err(|e| in_file("extend-select", e))?;
                v.extend(
                    parse_selectors(&cli.extend_select)
                        .map_err(|e| on_cli("--extend-select", e))?,
                );
                v
            },
            ignore: parse_selectors(&file.ignore).map_err(|e| in_file("ignore", e))?,
            severity: parse_severities(&file.severity).map_err(|e| in_file("severity", e))?,
        };
        let mut overrides = Vec::new();
        for (i, o) in file.overrides.iter().enumerate() {
            let key = |k: &str| format!("overrides[{i}].{k}");
            let mut builder = GlobSetBuilder::new();
            for pat in &o.files {
                let glob = GlobBuilder::new(pat)
                    .literal_separator(false)
                    .build()
                    .map_err(|e| in_file(&key("files"), format!("bad glob `{pat}`: {e}")))?;
                builder.add(glob);
            }
            let globs = builder
                .build()
                .map_err(|e| in_file(&key("files"), e.to_string()))?;
            let layer = Layer {
                select: match &o.select {
                    Some(sel) => {
                        Some(parse_selectors(sel).map_err(|e| in_file(&key("select"), e))?)
                    }
                    None => None,
                },
                extend_select: parse_selectors(&o.extend_select)
                    .map_err(|e| in_file(&key("extend-select"), e))?,
                ignore: parse_selectors(&o.ignore).map_err(|e| in_file(&key("ignore"), e))?,
                severity: parse_severities(&o.severity)
                    .map_err(|e| in_file(&key("severity"), e))?,
            };
            overrides.push(Override {
                patterns: o.files.clone(),
                globs,
                layer,
            });
        }
        Ok(Settings {
            config_path: path.map(Path::to_path_buf),
            config_dir: path.and_then(|p| p.parent()).map(Path::to_path_buf),
            fail_on: cli.fail_on.or(file.fail_on).unwrap_or_default(),
            file,
            base,
            overrides,
            cli_ignore: parse_selectors(&cli.ignore).map_err(|e| on_cli("--ignore", e))?,
        })
    }

    /// The severity a rule runs at for any path no override matches; `None`
    /// when it is off.
    pub fn severity_of(&self, meta: &RuleMeta) -> Option<Severity> {
        self.severity_for(meta, None)
    }

    /// The severity a rule runs at for `path` (as displayed in the output);
    /// `None` when it is off.
    pub fn severity_for(&self, meta: &RuleMeta, path: Option<&str>) -> Option<Severity> {
        let default = meta.category.default_severity();
        let mut state = default;
        self.base.apply(meta, &mut state, default);
        if let Some(path) = path {
            for o in &self.overrides {
                if self.override_matches(o, path) {
                    o.layer.apply(meta, &mut state, default);
                }
            }
        }
        if self.cli_ignore.iter().any(|s| s.matches(meta).is_some()) {
            state = None;
        }
        state
    }

    /// Globs are matched against the path as given and against the path
    /// relative to the config file's directory, both normalised lexically
    /// (`./a`, `x/../a` and, from a subdirectory, `../../a` are one file).
    fn override_matches(&self, o: &Override, path: &str) -> bool {
        let given = normalize_lexically(Path::new(path));
        if o.globs.is_match(&given) {
            return true;
        }
        let (Some(dir), Ok(cwd)) = (&self.config_dir, std::env::current_dir()) else {
            return false;
        };
        absolute(&cwd, &given)
            .strip_prefix(absolute(&cwd, dir))
            .map(|rel| o.globs.is_match(rel))
            .unwrap_or(false)
    }

    /// The overrides whose `files` match `path`, as their patterns.
    pub fn matching_overrides(&self, path: &str) -> Vec<&[String]> {
        self.overrides
            .iter()
            .filter(|o| self.override_matches(o, path))
            .map(|o| o.patterns.as_slice())
            .collect()
    }

    /// The effective configuration as TOML, with a comment table of every
    /// rule's resulting severity.
    pub fn describe(&self, cli: &CliOverrides) -> String {
        self.describe_for(cli, None, None)
    }

    /// [`Settings::describe`] for one file: why this config applies to it
    /// (`why`), which overrides match it, and each rule's severity there.
    pub fn describe_for(
        &self,
        cli: &CliOverrides,
        path: Option<&str>,
        why: Option<&str>,
    ) -> String {
        let mut eff = self.file.clone();
        if let Some(sel) = &cli.select {
            eff.select = Some(sel.clone());
        }
        eff.extend_select.extend(cli.extend_select.iter().cloned());
        eff.ignore.extend(cli.ignore.iter().cloned());
        eff.fail_on = Some(self.fail_on);
        let mut out = String::new();
        match &self.config_path {
            Some(p) => out.push_str(&format!("# config file: {}\n", p.display())),
            None => out.push_str("# config file: none (defaults)\n"),
        }
        if let Some(path) = path {
            out.push_str(&format!("# for: {path}\n"));
        }
        if let Some(why) = why {
            out.push_str(&format!("# why: {why}\n"));
        }
        out.push_str(&toml::to_string(&eff).unwrap_or_default());
        match path {
            Some(p) => out.push_str(&format!("\n# Rules for {p}:\n")),
            None => out.push_str("\n# Rules for paths that no override matches:\n"),
        }
        for rule in RULES {
            let m = rule.meta();
            let sev = self
                .severity_for(m, path)
                .map_or("off", |s| s.as_str())
                .to_string();
            out.push_str(&format!("# {} {:<28} {}\n", m.code, m.name, sev));
        }
        match path {
            Some(p) => {
                for patterns in self.matching_overrides(p) {
                    out.push_str(&format!("# override for {patterns:?} matches {p}\n"));
                }
            }
            None => {
                for o in &self.overrides {
                    out.push_str(&format!("# override for {:?} applies\n", o.patterns));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEDANTIC: RuleMeta = RuleMeta {
        code: "NUM900",
        name: "test-pedantic",
        category: Category::Pedantic,
        docs: "A pedantic test rule.\n",
    };
    const CORRECT: RuleMeta = RuleMeta {
        code: "NUM901",
        name: "test-correct",
        category: Category::Correctness,
        docs: "A correctness test rule.\n",
    };
    const STYLE: RuleMeta = RuleMeta {
        code: "ART901",
        name: "test-style",
        category: Category::Style,
        docs: "A style test rule.\n",
    };

    fn settings(toml: &str, cli: CliOverrides) -> Settings {
        let file = parse_config("test.toml", toml).expect("valid config");
        Settings::resolve(Some(Path::new("test.toml")), file, &cli).expect("resolves")
    }

    #[test]
    fn defaults_follow_the_categories_and_pedantic_is_off() {
        let s = settings("", CliOverrides::default());
        assert_eq!(s.severity_of(&CORRECT), Some(Severity::Error));
        assert_eq!(s.severity_of(&STYLE), Some(Severity::Warning));
        assert_eq!(s.severity_of(&PEDANTIC), None);
        assert_eq!(s.fail_on, FailOn::Error);
    }

    #[test]
    fn prefixes_and_all_never_enable_pedantic_rules_but_their_code_does() {
        let s = settings("select = [\"ALL\"]", CliOverrides::default());
        assert_eq!(s.severity_of(&PEDANTIC), None);
        let s = settings("select = [\"NUM\"]", CliOverrides::default());
        assert_eq!(s.severity_of(&PEDANTIC), None);
        assert_eq!(s.severity_of(&CORRECT), Some(Severity::Error));
        assert_eq!(s.severity_of(&STYLE), None, "ART is not selected");
        let s = settings("extend-select = [\"NUM900\"]", CliOverrides::default());
        assert_eq!(s.severity_of(&PEDANTIC), Some(Severity::Warning));
        assert_eq!(s.severity_of(&STYLE), Some(Severity::Warning));
    }

    #[test]
    fn severity_table_changes_levels_and_off_disables() {
        let s = settings(
            "[severity]\nNUM901 = \"info\"\nART901 = \"off\"\nNUM900 = \"error\"\n",
            CliOverrides::default(),
        );
        assert_eq!(s.severity_of(&CORRECT), Some(Severity::Info));
        assert_eq!(s.severity_of(&STYLE), None);
        assert_eq!(s.severity_of(&PEDANTIC), Some(Severity::Error));
    }

    #[test]
    fn overrides_apply_only_to_matching_paths() {
        let s = settings(
            "[[overrides]]\nfiles = [\"drafts/**\", \"*.md\"]\nignore = [\"NUM\"]\n\
             [[overrides]]\nfiles = [\"archive/**\"]\nseverity = { NUM901 = \"warning\" }\n",
            CliOverrides::default(),
        );
        let at = |p: &str| s.severity_for(&CORRECT, Some(p));
        assert_eq!(at("drafts/a.txt"), None);
        assert_eq!(at("./drafts/sub/a.txt"), None);
        assert_eq!(at("news/a.md"), None, "`*.md` matches in any directory");
        assert_eq!(at("archive/2020/a.txt"), Some(Severity::Warning));
        assert_eq!(at("news/a.txt"), Some(Severity::Error));
        assert_eq!(
            s.severity_for(&STYLE, Some("drafts/a.txt")),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn command_line_select_replaces_the_file_and_ignore_applies_last() {
        let cli = CliOverrides {
            select: Some(vec!["ART".into()]),
            ..CliOverrides::default()
        };
        let s = settings("select = [\"NUM\"]\nfail-on = \"warning\"", cli);
        assert_eq!(s.severity_of(&CORRECT), None);
        assert_eq!(s.severity_of(&STYLE), Some(Severity::Warning));
        assert_eq!(s.fail_on, FailOn::Warning);
        let cli = CliOverrides {
            ignore: vec!["NUM901".into()],
            fail_on: Some(FailOn::Never),
            ..CliOverrides::default()
        };
        let s = settings(
            "[[overrides]]\nfiles = [\"*\"]\nextend-select = [\"NUM901\"]\n",
            cli,
        );
        assert_eq!(s.severity_for(&CORRECT, Some("a.txt")), None);
        assert_eq!(s.fail_on, FailOn::Never);
    }

    #[test]
    fn bad_selectors_and_globs_are_errors_naming_the_key() {
        let err = |toml: &str| {
            let file = parse_config("t.toml", toml).expect("parses");
            Settings::resolve(Some(Path::new("t.toml")), file, &CliOverrides::default())
                .expect_err("must fail")
                .to_string()
        };
        assert!(err("select = [\"bogus\"]").contains("t.toml: `select`: unknown rule `bogus`"));
        assert!(err("[severity]\nNUM = \"error\"").contains("`severity`"));
        assert!(err("[[overrides]]\nfiles = [\"a[\"]").contains("`overrides[0].files`"));
    }

    #[test]
    fn fail_on_thresholds() {
        assert!(FailOn::Error.fails(Severity::Error));
        assert!(!FailOn::Error.fails(Severity::Warning));
        assert!(FailOn::Warning.fails(Severity::Warning));
        assert!(!FailOn::Warning.fails(Severity::Info));
        assert!(FailOn::Info.fails(Severity::Info));
        assert!(!FailOn::Never.fails(Severity::Error));
    }
}
