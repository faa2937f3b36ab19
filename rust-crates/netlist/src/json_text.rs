//! JSON text out: string escaping, JSON paths for messages and origins, and the canonical layout
//! of circuit JSON (specification section 5, "Writing"). The Java twin is
//! `io.circuitsynth.netlist.JsonText`.

/// `s` as a JSON string with its quotes: `"` `\` and the controls escaped (`\n` `\r` `\t` `\b`
/// `\f`, else `\u00xx`), everything else kept, non-ASCII included.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// `s` as messages show a name without quotes: its control characters escaped as in a JSON
/// string (and nothing else), so that a message is always one line.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, false);
    out
}

fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s, true);
    out.push('"');
}

/// Escapes the controls, and `"` and `\` when `quotes`.
fn push_escaped(out: &mut String, s: &str, quotes: bool) {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' if quotes => "\\\"",
            '\\' if quotes => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            '\u{0}'..='\u{1f}' => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(escape);
        }
        plain = i + c.len_utf8();
    }
    out.push_str(&s[plain..]);
}

/// The path of member `key` of the value at `parent`: `.key` for identifier-like keys, else
/// `["key"]`.
pub fn member_path(parent: &str, key: &str) -> String {
    let mut bytes = key.bytes();
    let identifier = bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let mut path = String::with_capacity(parent.len() + key.len() + 4);
    path.push_str(parent);
    if identifier {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        push_quoted(&mut path, key);
        path.push(']');
    }
    path
}

/// The path of element `index` of the array at `parent`.
pub fn index_path(parent: &str, index: usize) -> String {
    let mut path = String::with_capacity(parent.len() + 8);
    path.push_str(parent);
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
    path
}

/// A writer of the canonical layout: 2-space indentation, one member or element per line,
/// `": "` after names, `{}` and `[]` when empty.
pub struct JsonOut {
    out: String,
    /// Per open container: whether it has an item yet.
    open: Vec<bool>,
}

impl Default for JsonOut {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonOut {
    pub fn new() -> Self {
        JsonOut {
            out: String::new(),
            open: Vec::new(),
        }
    }

    /// Starts an element of the innermost array (or the top-level value).
    fn item(&mut self) {
        if let Some(has_items) = self.open.last_mut() {
            self.out.push_str(if *has_items { ",\n" } else { "\n" });
            *has_items = true;
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Starts a member of the innermost object; its value follows.
    pub fn name(&mut self, name: &str) -> &mut Self {
        self.item();
        push_quoted(&mut self.out, name);
        self.out.push_str(": ");
        self
    }

    /// Starts an array element; its value follows.
    pub fn element(&mut self) -> &mut Self {
        self.item();
        self
    }

    pub fn begin_object(&mut self) {
        self.out.push('{');
        self.open.push(false);
    }

    pub fn begin_array(&mut self) {
        self.out.push('[');
        self.open.push(false);
    }

    pub fn end_object(&mut self) {
        self.end('}');
    }

    pub fn end_array(&mut self) {
        self.end(']');
    }

    fn end(&mut self, close: char) {
        let had_items = self.open.pop().expect("an open container");
        if had_items {
            self.out.push('\n');
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
        self.out.push(close);
    }

    pub fn string(&mut self, s: &str) {
        push_quoted(&mut self.out, s);
    }

    pub fn integer(&mut self, n: i64) {
        self.out.push_str(&n.to_string());
    }

    pub fn boolean(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// The text with its final LF.
    pub fn finish(mut self) -> Vec<u8> {
        self.out.push('\n');
        self.out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(member_path("$", "definitions"), "$.definitions");
        assert_eq!(member_path("$.pins", "1"), "$.pins[\"1\"]");
        assert_eq!(member_path("$", "_a9"), "$._a9");
        assert_eq!(member_path("$", ""), "$[\"\"]");
        assert_eq!(member_path("$", "a\"b"), "$[\"a\\\"b\"]");
        assert_eq!(index_path("$.nets", 3), "$.nets[3]");
    }

    #[test]
    fn plain_names() {
        assert_eq!(plain("Main"), "Main");
        assert_eq!(plain("a\"b\\c"), "a\"b\\c");
        assert_eq!(plain("a\nb\u{1}"), "a\\nb\\u0001");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            quote("a\"\\\n\r\t\u{8}\u{c}\u{1}\u{7f}é/"),
            "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u{7f}é/\""
        );
    }

    #[test]
    fn layout() {
        let mut out = JsonOut::new();
        out.begin_object();
        out.name("a").begin_array();
        out.element().integer(1);
        out.element().begin_object();
        out.end_object();
        out.end_array();
        out.name("b").begin_array();
        out.end_array();
        out.end_object();
        assert_eq!(
            String::from_utf8(out.finish()).unwrap(),
            "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}\n"
        );
    }
}
