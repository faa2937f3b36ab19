//! [`Document`]: source text plus its node table, with read access to the tree.

use std::borrow::Cow;

use crate::error::{self, ParseError};
use crate::lex;
use crate::parse::{self, LIST, STRIDE, STRING, SYMBOL};
use crate::print;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `( … )`.
    List,
    /// An unquoted atom; numbers are symbols too.
    Symbol,
    /// A quoted atom, kept with its quotes and escapes.
    String,
}

/// A parsed (or built) S-expression: the source text and its flat pre-order node table.
///
/// Nodes are addressed by index; node 0 is the root list. Equality is structural: two
/// documents are equal when they have the same tree of kinds and atom texts, whatever their
/// whitespace.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    source: Cow<'a, str>,
    nodes: Vec<u32>,
}

impl<'a> Document<'a> {
    /// Parses borrowed bytes.
    ///
    /// # Errors
    /// Input the specification rejects.
    pub fn parse(source: &'a [u8]) -> Result<Self, ParseError> {
        let text = lex::validate(source)?;
        let nodes = parse::parse_valid(source)?;
        Ok(Document {
            source: Cow::Borrowed(text),
            nodes,
        })
    }

    /// Parses owned bytes without copying them.
    ///
    /// # Errors
    /// Input the specification rejects.
    pub fn parse_owned(source: Vec<u8>) -> Result<Document<'static>, ParseError> {
        let text = match String::from_utf8(source) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                return Err(lex::encoding_error(e.as_bytes(), valid));
            }
        };
        if let Some(nul) = memchr::memchr(0, text.as_bytes()) {
            return Err(ParseError::at(
                text.as_bytes(),
                nul,
                lex::NUL_DETAIL.to_string(),
            ));
        }
        let nodes = parse::parse_valid(text.as_bytes())?;
        Ok(Document {
            source: Cow::Owned(text),
            nodes,
        })
    }

    /// A document from parts the builder made; the table must be well formed.
    pub(crate) fn from_parts(source: String, nodes: Vec<u32>) -> Document<'static> {
        Document {
            source: Cow::Owned(source),
            nodes,
        }
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The node table, `STRIDE` integers per node (kind, start, end, next).
    pub fn nodes(&self) -> &[u32] {
        &self.nodes
    }

    /// Number of nodes (at least 1: the root).
    pub fn len(&self) -> usize {
        self.nodes.len() / STRIDE
    }

    /// Always false: a document has a root.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    fn field(&self, node: usize, field: usize) -> usize {
        self.nodes[node * STRIDE + field] as usize
    }

    /// The kind of `node`.
    ///
    /// # Panics
    /// If `node` is not below [`len`](Self::len).
    pub fn kind(&self, node: usize) -> Kind {
        match self.nodes[node * STRIDE] {
            LIST => Kind::List,
            SYMBOL => Kind::Symbol,
            STRING => Kind::String,
            other => unreachable!("node kinds are checked on construction, found {other}"),
        }
    }

    /// The exact source text of `node` (a list's text includes its parens and everything inside).
    pub fn text(&self, node: usize) -> &str {
        &self.source[self.field(node, 1)..self.field(node, 2)]
    }

    /// Byte range of `node` in the source.
    pub fn span(&self, node: usize) -> std::ops::Range<usize> {
        self.field(node, 1)..self.field(node, 2)
    }

    /// The children of `node`, in order (none for atoms).
    pub fn children(&self, node: usize) -> Children<'_, 'a> {
        let end = self.field(node, 3);
        let next = if self.kind(node) == Kind::List {
            node + 1
        } else {
            end
        };
        Children {
            doc: self,
            next,
            end,
        }
    }

    /// The value of an atom: a symbol's text, or a string with its quotes removed and escapes
    /// decoded (`\xHH` and octal escapes can produce any byte, hence bytes). `None` for lists.
    pub fn value(&self, node: usize) -> Option<Cow<'_, [u8]>> {
        match self.kind(node) {
            Kind::List => None,
            Kind::Symbol => Some(Cow::Borrowed(self.text(node).as_bytes())),
            Kind::String => {
                let text = self.text(node).as_bytes();
                Some(crate::build::unescape(&text[1..text.len() - 1]))
            }
        }
    }

    /// Line and column (1-based, columns in characters) of a byte offset in the source.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        error::line_column(self.source.as_bytes(), offset)
    }

    /// The document in KiCad 9's layout, ending with a newline.
    pub fn print(&self) -> Vec<u8> {
        print::print_trusted(self.source.as_bytes(), &self.nodes)
    }

    /// The source and node table, for handing over elsewhere.
    pub fn into_parts(self) -> (Cow<'a, str>, Vec<u32>) {
        (self.source, self.nodes)
    }
}

impl PartialEq for Document<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Pre-order tables describe the same tree exactly when kinds, NEXT links and atom texts
        // agree node by node; offsets and whitespace do not matter.
        self.len() == other.len()
            && (0..self.len()).all(|i| {
                let (a, b) = (&self.nodes[i * STRIDE..], &other.nodes[i * STRIDE..]);
                a[0] == b[0] && a[3] == b[3] && (a[0] == LIST || self.text(i) == other.text(i))
            })
    }
}

impl Eq for Document<'_> {}

/// Iterator over the children of a list.
pub struct Children<'d, 'a> {
    doc: &'d Document<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.doc.field(child, 3);
        Some(child)
    }
}
