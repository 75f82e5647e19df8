//! `newslint server` in a real client session: the binary is spawned and
//! spoken to in JSON-RPC over stdio (LSP framing), as an editor does.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc;

use serde_json::{json, Value};

use crate::cli_support::{fixture_text, wait_bounded, BIN, DEADLINE};

/// The client side of a session.
struct Client {
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    /// Messages read while waiting for another one.
    seen: Vec<Value>,
}

/// Read LSP frames (`Content-Length` header, blank line, JSON body).
fn read_frames(out: impl Read, tx: &mpsc::Sender<Value>) {
    let mut r = BufReader::new(out);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse::<usize>().ok();
            }
        }
        let Some(n) = length else { return };
        let mut body = vec![0; n];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let Ok(v) = serde_json::from_slice(&body) else {
            return;
        };
        if tx.send(v).is_err() {
            return;
        }
    }
}

impl Client {
    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The first message (already seen or arriving) that `want` accepts.
    /// Bounded by the suite's deadline so a hang fails instead of blocking.
    fn wait_for(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&want) {
            return self.seen.remove(i);
        }
        loop {
            let msg = self.incoming.recv_timeout(DEADLINE).unwrap_or_else(|e| {
                panic!("no such message from the server ({e}); saw {:?}", self.seen)
            });
            if want(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

#[test]
fn an_editor_session_gets_diagnostics_code_actions_and_hovers() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The folder's config makes NUM001 a warning: severity comes from it.
    std::fs::write(
        dir.path().join("newslint.toml"),
        "[severity]\nNUM001 = \"warning\"\n",
    )
    .expect("write config");
    let path = dir.path().join("story.txt");
    let uri = format!("file://{}", path.display());

    let mut child = Command::new(BIN)
        .arg("server")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newslint server");
    let (tx, incoming) = mpsc::channel();
    let out = child.stdout.take().expect("stdout");
    std::thread::spawn(move || read_frames(out, &tx));
    let mut c = Client {
        stdin: child.stdin.take().expect("stdin"),
        incoming,
        seen: Vec::new(),
    };

    let init = c.request(
        1,
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1, "{init}");
    assert_eq!(caps["codeActionProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(init["result"]["serverInfo"]["name"], "newslint");
    c.notify("initialized", json!({}));

    // didOpen: the example's NUM001 with its three sides.
    let example = fixture_text("parse/example.txt");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": example}}),
    );
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(codes(&diags), ["NUM001"]);
    let d = &diags[0];
    assert_eq!(d["severity"], 2, "the config's severity (warning): {d}");
    assert_eq!(d["source"], "newslint");
    assert_eq!(d["range"]["start"], json!({"line": 19, "character": 141}));
    assert_eq!(d["range"]["end"], json!({"line": 19, "character": 159}));
    let related: Vec<(&str, u64)> = d["relatedInformation"]
        .as_array()
        .expect("relatedInformation")
        .iter()
        .map(|r| {
            (
                r["message"].as_str().unwrap_or(""),
                r["location"]["range"]["start"]["line"]
                    .as_u64()
                    .unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            ("key point says more than 400 (key point 4)", 28),
            ("FAQ says below 400 (faq 3 answer)", 38),
        ]
    );
    let href = d["codeDescription"]["href"]
        .as_str()
        .expect("codeDescription");
    assert!(
        href.starts_with("file://") && href.ends_with("/NUM001.md"),
        "{href}"
    );
    assert!(d["message"].as_str().is_some_and(
        |m| m.starts_with("key point says `Over 400` arrests but the body says `nearly 400`")
    ));

    // didChange (twice in a row: debounced, the newest text wins): the
    // weekday and numbering fixture.
    let fixture = fixture_text("fix/weekday_and_numbering.txt");
    for (version, text) in [
        (2, example.replace("Over 400", "Nearly 400")),
        (3, fixture.clone()),
    ] {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }
    let diags = c.diagnostics(&uri, 3);
    assert_eq!(codes(&diags), ["DAT001", "ART002", "ART001", "ART002"]);
    assert_eq!(diags[0]["severity"], 1);
    let weekday = diags[0]["range"].clone();
    assert_eq!(weekday["start"], json!({"line": 1, "character": 45}));

    // codeAction on the weekday: its safe fix (preferred) and a suppression.
    let actions = c.request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": weekday, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().expect("actions").clone();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Fix DAT001: replace `Monday` with `Tuesday`",
            "Suppress DAT001 here"
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "Tuesday");
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 45}));
    assert_eq!(edit["range"]["end"], json!({"line": 1, "character": 51}));
    let suppress = &actions[1]["edit"]["changes"][&uri][0];
    assert_eq!(
        suppress["newText"],
        "<!-- newslint-disable-next-line DAT001 -->\n"
    );
    assert_eq!(
        suppress["range"]["start"],
        json!({"line": 1, "character": 0})
    );

    // Applying the suppression the server offered silences the finding.
    let mut lines: Vec<&str> = fixture.split('\n').collect();
    lines.insert(1, "<!-- newslint-disable-next-line DAT001 -->");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": lines.join("\n")}]}),
    );
    assert_eq!(
        codes(&c.diagnostics(&uri, 4)),
        ["ART002", "ART001", "ART002"]
    );

    // Hover on a figure: its range and the counted thing.
    let hover = c.request(
        3,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 146}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(text.starts_with("**about 12,000**"), "{hover}");
    assert!(text.contains("counts: drivers"), "{hover}");

    // An unknown request is an error, not a crash.
    let unknown = c.request(4, "newslint/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);

    // Closing the document clears its diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(
        cleared["params"].get("version").is_none_or(Value::is_null),
        "{cleared}"
    );

    let shutdown = c.request(5, "shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    c.notify("exit", Value::Null);
    drop(c.stdin);
    let out = wait_bounded(child, "newslint server");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
