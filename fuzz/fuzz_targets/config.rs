//! The config-file loader on arbitrary bytes: parsing and resolving either
//! succeed or fail with a message, never panic; a resolved config answers for
//! every rule and for any path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::settings::{parse_config, CliOverrides, Settings};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(file) = parse_config("fuzz.toml", &text) else {
        return;
    };
    let Ok(settings) = Settings::resolve(None, file, &CliOverrides::default()) else {
        return;
    };
    for rule in newslint::rules::RULES {
        let meta = rule.meta();
        let _ = settings.severity_of(meta);
        for path in ["a.txt", "dir/b.md", "", "../x", "é/ü.txt"] {
            let _ = settings.severity_for(meta, Some(path));
        }
    }
    let _ = settings.describe(&CliOverrides::default());
});
