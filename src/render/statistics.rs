//! `check --statistics`: how many findings each rule reported (as ruff's
//! `--statistics`), instead of the findings. A table for people, a JSON
//! array with `--format json`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::report::FileReport;

/// One rule's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub code: String,
    pub name: String,
    pub count: usize,
}

/// Counts per rule over a run, fed file by file.
#[derive(Debug, Default)]
pub struct Statistics {
    counts: BTreeMap<String, RuleCount>,
}

impl Statistics {
    pub fn add(&mut self, file: &FileReport) {
        for f in &file.findings {
            self.counts
                .entry(f.code.clone())
                .or_insert_with(|| RuleCount {
                    code: f.code.clone(),
                    name: f.rule.clone(),
                    count: 0,
                })
                .count += 1;
        }
    }

    /// Most frequent first, then by code: deterministic.
    pub fn rows(&self) -> Vec<RuleCount> {
        let mut rows: Vec<RuleCount> = self.counts.values().cloned().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
        rows
    }

    /// `  12  NUM001  quantity-conflict`, one line per rule.
    pub fn write_table(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows();
        let width = rows
            .iter()
            .map(|r| r.count.to_string().len())
            .max()
            .unwrap_or(1);
        for r in rows {
            writeln!(out, "{:>width$}  {}  {}", r.count, r.code, r.name)?;
        }
        Ok(())
    }

    /// `[{"code", "name", "count"}]`, pretty-printed.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.rows())?;
        writeln!(out)
    }
}
