//! Which rules run and at what severity. (Config file support lands with the
//! check/integration issues.)

use crate::diagnostic::Severity;
use crate::rules::RuleMeta;

/// The effective rule selection.
#[derive(Debug, Clone, Default)]
pub struct Settings {}

impl Settings {
    /// The severity a rule runs at, `None` when it is off.
    pub fn severity_of(&self, meta: &RuleMeta) -> Option<Severity> {
        meta.category.default_severity()
    }
}
