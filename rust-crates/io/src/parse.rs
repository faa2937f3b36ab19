//! The parser: input bytes to the flat pre-order node table of the specification.
//!
//! One loop with an explicit stack of open lists, so nesting depth costs heap, never call stack.

use crate::error::ParseError;
use crate::lex::{self, CLASS, CLOSE, OPEN, QUOTE, SPACE};

/// Node kinds as they appear in the table.
pub const LIST: u32 = 0;
/// A symbol: any run of bytes that are not whitespace, parens or quotes (numbers included).
pub const SYMBOL: u32 = 1;
/// A quoted string, kept with its quotes and escapes.
pub const STRING: u32 = 2;

/// Integers per node in the table: kind, start, end, next.
pub const STRIDE: usize = 4;

/// The deepest nesting accepted; the root is depth 1.
pub const MAX_DEPTH: usize = 1000;

/// The largest input accepted: offsets must fit the `int[]` node table handed to Java.
pub const MAX_INPUT: usize = i32::MAX as usize;

const NESTED: &str =
    "lists nested more than 1000 deep; KiCad files nest far less, is this a KiCad file?";

/// Parses `source` into a node table: `STRIDE` integers per node, node 0 the root list.
///
/// # Errors
/// Any input the specification rejects, with its exact message and position.
pub fn parse(source: &[u8]) -> Result<Vec<u32>, ParseError> {
    let mut nodes = Vec::new();
    parse_into(source, &mut nodes)?;
    Ok(nodes)
}

/// [`parse`] into a caller's buffer, which is cleared first. Reusing one buffer for many files
/// saves the page faults of a fresh table per file, a large part of the cost for big inputs.
///
/// # Errors
/// As [`parse`]; the buffer's contents are then unspecified.
pub fn parse_into(source: &[u8], nodes: &mut Vec<u32>) -> Result<(), ParseError> {
    lex::validate(source)?;
    parse_valid_into(source, nodes)
}

/// [`parse`] for input already known to be UTF-8 without NUL bytes.
pub(crate) fn parse_valid(source: &[u8]) -> Result<Vec<u32>, ParseError> {
    let mut nodes = Vec::new();
    parse_valid_into(source, &mut nodes)?;
    Ok(nodes)
}

fn parse_valid_into(source: &[u8], nodes: &mut Vec<u32>) -> Result<(), ParseError> {
    if source.len() > MAX_INPUT {
        return Err(ParseError {
            offset: 0,
            line: 1,
            column: 1,
            detail: format!(
                "input of {} bytes is larger than the {MAX_INPUT} bytes a node table can address",
                source.len()
            ),
        });
    }
    let len = source.len();
    let first = lex::skip_space(source, 0);
    match source.get(first) {
        Some(b'(') => {}
        Some(&b) => {
            return Err(unexpected(
                source,
                first,
                "expected '(' to start the root list",
                b,
            ));
        }
        None => {
            return Err(ParseError::at(
                source,
                len,
                "expected '(' to start the root list, found end of input".to_string(),
            ));
        }
    }
    // KiCad files average about 7 bytes per node; reserving that avoids most regrowth.
    nodes.clear();
    nodes.reserve(len / 7 * STRIDE + STRIDE);
    let mut open: Vec<u32> = Vec::with_capacity(64);
    let mut i = first;
    loop {
        let Some(&b) = source.get(i) else {
            let innermost = open
                .last()
                .map_or(0, |&n| nodes[n as usize * STRIDE + 1] as usize);
            let (line, column) = crate::error::line_column(source, innermost);
            return Err(ParseError::at(
                source,
                len,
                format!(
                    "expected ')' to close the list opened at {line}:{column}, found end of input"
                ),
            ));
        };
        match CLASS[b as usize] {
            SPACE => i = lex::skip_space(source, i + 1),
            OPEN => {
                if open.len() == MAX_DEPTH {
                    return Err(ParseError::at(source, i, NESTED.to_string()));
                }
                open.push((nodes.len() / STRIDE) as u32);
                nodes.extend_from_slice(&[LIST, i as u32, 0, 0]);
                i += 1;
            }
            CLOSE => {
                let Some(list) = open.pop() else {
                    unreachable!("the loop ends when the root closes");
                };
                let at = list as usize * STRIDE;
                nodes[at + 2] = (i + 1) as u32;
                nodes[at + 3] = (nodes.len() / STRIDE) as u32;
                i += 1;
                if open.is_empty() {
                    break;
                }
            }
            QUOTE => {
                let end = lex::string_end(source, i)?;
                push_atom(nodes, STRING, i, end);
                i = end;
            }
            _ => {
                let end = lex::symbol_end(source, i + 1);
                push_atom(nodes, SYMBOL, i, end);
                i = end;
            }
        }
    }
    let root_close = i - 1;
    let trailing = lex::skip_space(source, i);
    if let Some(&b) = source.get(trailing) {
        let (line, column) = crate::error::line_column(source, root_close);
        let expected =
            format!("expected end of input after the root list closed at {line}:{column}");
        return Err(unexpected(source, trailing, &expected, b));
    }
    Ok(())
}

#[inline]
fn push_atom(nodes: &mut Vec<u32>, kind: u32, start: usize, end: usize) {
    let index = (nodes.len() / STRIDE) as u32;
    nodes.extend_from_slice(&[kind, start as u32, end as u32, index + 1]);
}

/// A structural error at a token, named by its first byte: what is not allowed there at all is
/// reported before anything inside it (such as a bad escape) is looked at.
fn unexpected(source: &[u8], at: usize, expected: &str, first: u8) -> ParseError {
    let found = match CLASS[first as usize] {
        OPEN => "'('",
        CLOSE => "')'",
        QUOTE => "a string",
        _ => "a symbol",
    };
    ParseError::at(source, at, format!("{expected}, found {found}"))
}
