//! The printer: a node table back to text, laid out exactly as KiCad 9 saves files.
//!
//! It follows the token walk of KiCad's `KICAD_FORMAT::Prettify` (see the specification): the
//! tree is flattened into open, atom and close tokens, and each token decides its own separator
//! from a handful of state variables. Nesting costs a stack of list ends on the heap.

use std::fmt;

use crate::parse::{LIST, STRIDE, STRING, SYMBOL};

/// Atoms after this column go on a continuation line (outside `xy` lists).
const WRAP_COLUMN: usize = 72;
/// Another `(xy …)` joins the line while the column is below this.
const XY_COLUMN: usize = 99;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    Open,
    Close,
    Atom,
}

struct Printer {
    out: Vec<u8>,
    depth: usize,
    column: usize,
    prev: Prev,
    in_xy: bool,
    wrapped: bool,
}

impl Printer {
    fn new_line(&mut self) {
        self.out.push(b'\n');
        self.out.resize(self.out.len() + self.depth, b'\t');
        self.column = self.depth;
    }

    fn open(&mut self, is_xy: bool) {
        if self.prev == Prev::None {
            self.out.push(b'(');
            self.column += 1;
        } else if self.in_xy && is_xy && self.column < XY_COLUMN {
            self.out.extend_from_slice(b" (");
            self.column += 2;
        } else {
            self.new_line();
            self.out.push(b'(');
            self.column += 1;
        }
        self.in_xy = is_xy;
        self.depth += 1;
        self.prev = Prev::Open;
    }

    fn close(&mut self) {
        self.depth -= 1;
        if self.prev == Prev::Close || self.wrapped {
            self.new_line();
            self.wrapped = false;
        }
        self.out.push(b')');
        self.column += 1;
        self.prev = Prev::Close;
    }

    fn atom(&mut self, text: &[u8], may_hold_lf: bool) {
        if matches!(self.prev, Prev::Atom | Prev::Close) {
            if self.in_xy || self.column < WRAP_COLUMN {
                self.out.push(b' ');
                self.column += 1;
            } else {
                self.new_line();
                self.wrapped = true;
            }
        }
        self.out.extend_from_slice(text);
        // Only strings can hold a raw LF; the column restarts after it.
        let last_lf = if may_hold_lf {
            memchr::memrchr(b'\n', text)
        } else {
            None
        };
        self.column = match last_lf {
            Some(lf) => text.len() - lf - 1,
            None => self.column + text.len(),
        };
        self.prev = Prev::Atom;
    }
}

/// Prints a table that is known to be well formed (one made by the parser or the builder).
pub(crate) fn print_trusted(source: &[u8], nodes: &[u32]) -> Vec<u8> {
    let count = nodes.len() / STRIDE;
    let mut p = Printer {
        out: Vec::with_capacity(source.len() + source.len() / 4 + 16),
        depth: 0,
        column: 0,
        prev: Prev::None,
        in_xy: false,
        wrapped: false,
    };
    let mut list_ends: Vec<u32> = Vec::with_capacity(64);
    for i in 0..count {
        while list_ends.last() == Some(&(i as u32)) {
            list_ends.pop();
            p.close();
        }
        let node = &nodes[i * STRIDE..i * STRIDE + STRIDE];
        if node[0] == LIST {
            p.open(is_xy(source, nodes, i));
            list_ends.push(node[3]);
        } else {
            p.atom(
                &source[node[1] as usize..node[2] as usize],
                node[0] != SYMBOL,
            );
        }
    }
    for _ in 0..list_ends.len() {
        p.close();
    }
    p.out.push(b'\n');
    p.out
}

/// An XY list: its first child is the symbol `xy` and it has at least two children.
fn is_xy(source: &[u8], nodes: &[u32], list: usize) -> bool {
    let next = nodes[list * STRIDE + 3] as usize;
    let head = list + 1;
    if head >= next {
        return false;
    }
    let h = &nodes[head * STRIDE..head * STRIDE + STRIDE];
    h[0] == SYMBOL && &source[h[1] as usize..h[2] as usize] == b"xy" && (h[3] as usize) < next
}

/// Why a node table handed in from outside cannot be printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid node table: {}", self.0)
    }
}

impl std::error::Error for TableError {}

/// Checks that `nodes` is a node table the printer can walk: whole nodes, known kinds, atom
/// ranges inside `source`, and NEXT links that nest properly under one root.
pub fn validate_table(source_len: usize, nodes: &[u32]) -> Result<(), TableError> {
    if nodes.is_empty() || !nodes.chunks_exact(STRIDE).remainder().is_empty() {
        return Err(TableError(format!(
            "length {} is not a positive multiple of {STRIDE}",
            nodes.len()
        )));
    }
    let count = nodes.len() / STRIDE;
    let mut enclosing: Vec<usize> = Vec::with_capacity(64);
    for i in 0..count {
        let node = &nodes[i * STRIDE..i * STRIDE + STRIDE];
        let (kind, start, end, next) = (
            node[0],
            node[1] as usize,
            node[2] as usize,
            node[3] as usize,
        );
        while enclosing.last() == Some(&i) {
            enclosing.pop();
        }
        let limit = match enclosing.last() {
            Some(&parent_next) => parent_next,
            None if i == 0 => count,
            None => return Err(TableError(format!("node {i} lies outside the root list"))),
        };
        if start > end || end > source_len {
            return Err(TableError(format!(
                "node {i} spans {start}..{end}, outside the {source_len}-byte source"
            )));
        }
        match kind {
            LIST => {
                if next <= i || next > limit || (i == 0 && next != count) {
                    return Err(TableError(format!(
                        "list node {i} has NEXT {next}, expected {}..={limit}",
                        i + 1
                    )));
                }
                enclosing.push(next);
            }
            SYMBOL | STRING => {
                if next != i + 1 {
                    return Err(TableError(format!(
                        "atom node {i} has NEXT {next}, expected {}",
                        i + 1
                    )));
                }
                if i == 0 {
                    return Err(TableError("node 0 must be the root list".to_string()));
                }
            }
            _ => return Err(TableError(format!("node {i} has unknown kind {kind}"))),
        }
    }
    Ok(())
}

/// Prints an untrusted table after checking it with [`validate_table`].
///
/// # Errors
/// A table that does not describe one well-nested tree over `source`.
pub fn print_table(source: &[u8], nodes: &[u32]) -> Result<Vec<u8>, TableError> {
    validate_table(source.len(), nodes)?;
    Ok(print_trusted(source, nodes))
}
