//! `extends`: derived symbols take their parent's body, pins and drawing, and merge properties.
//!
//! Chains of any length resolve without recursion: each symbol's ancestors are pushed on an
//! explicit stack and resolved from the top down.

use std::collections::HashMap;

use crate::model::{Property, Symbol};
use crate::read::{Fault, LibraryError, ReadSymbol};

/// Resolves every symbol of one library, keeping file order.
///
/// # Errors
/// Symbols are checked in file order; the first one whose parent is missing, or that lies on a
/// cycle of `extends`, is reported at its `(extends …)` list.
pub fn resolve<'a>(
    source: &[u8],
    symbols: Vec<ReadSymbol<'a>>,
) -> Result<Vec<Symbol<'a>>, LibraryError> {
    resolve_faults(symbols).map_err(|fault| fault.locate(source))
}

fn resolve_faults(symbols: Vec<ReadSymbol<'_>>) -> Result<Vec<Symbol<'_>>, Fault> {
    let index: HashMap<&str, usize> = symbols
        .iter()
        .enumerate()
        .map(|(i, s)| (&*s.symbol.name, i))
        .collect();
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(symbols.len());
    for read in &symbols {
        let symbol = &read.symbol;
        if !symbol.is_derived() {
            parent.push(None);
            continue;
        }
        match index.get(&*symbol.extends) {
            Some(&p) => parent.push(Some(p)),
            None => parent.push(None),
        }
    }
    let on_cycle = cycle_members(&parent);
    for (i, read) in symbols.iter().enumerate() {
        let symbol = &read.symbol;
        let at = read.extends_at.unwrap_or(0);
        if symbol.is_derived() && parent[i].is_none() {
            return Err(Fault {
                offset: at,
                detail: format!(
                    "symbol {} extends {}, which is not in this library",
                    symbol.name, symbol.extends
                ),
            });
        }
        if on_cycle[i] {
            let mut chain = Vec::new();
            let mut at_symbol = i;
            while let Some(p) = parent[at_symbol] {
                chain.push(&*symbols[p].symbol.name);
                if p == i {
                    break;
                }
                at_symbol = p;
            }
            return Err(Fault {
                offset: at,
                detail: format!(
                    "symbol {} extends itself through {}",
                    symbol.name,
                    chain.join(" -> ")
                ),
            });
        }
    }
    drop(index);

    let mut slots: Vec<Option<ReadSymbol<'_>>> = symbols.into_iter().map(Some).collect();
    let mut resolved: Vec<Option<Symbol<'_>>> = vec![None; slots.len()];
    let mut stack = Vec::new();
    for start in 0..slots.len() {
        let mut at = start;
        while resolved[at].is_none() {
            stack.push(at);
            match parent[at] {
                Some(p) => at = p,
                None => break,
            }
        }
        while let Some(i) = stack.pop() {
            if resolved[i].is_some() {
                continue;
            }
            let Some(read) = slots[i].take() else {
                continue;
            };
            let symbol = match parent[i].and_then(|p| resolved[p].as_ref()) {
                Some(base) => derive(base, read.symbol),
                None => read.symbol,
            };
            resolved[i] = Some(symbol);
        }
    }
    Ok(resolved.into_iter().flatten().collect())
}

/// Which symbols lie on a cycle of the parent links (each symbol has at most one parent, so
/// every walk ends in a root or a cycle).
fn cycle_members(parent: &[Option<usize>]) -> Vec<bool> {
    const UNSEEN: usize = usize::MAX;
    let mut walk_of = vec![UNSEEN; parent.len()];
    let mut on_cycle = vec![false; parent.len()];
    for start in 0..parent.len() {
        let mut at = start;
        // Mark this walk until it reaches a root or a symbol some walk already visited.
        while walk_of[at] == UNSEEN {
            walk_of[at] = start;
            match parent[at] {
                Some(p) => at = p,
                None => break,
            }
        }
        // Revisiting a symbol of this very walk closes a new cycle; mark its members.
        if walk_of[at] == start && parent[at].is_some() && !on_cycle[at] {
            let first = at;
            loop {
                on_cycle[at] = true;
                match parent[at] {
                    Some(p) if p != first => at = p,
                    _ => break,
                }
            }
        }
    }
    on_cycle
}

/// A derived symbol: the parent's body with the child's name, flags and merged properties.
fn derive<'a>(parent: &Symbol<'a>, child: Symbol<'a>) -> Symbol<'a> {
    let mut own: Vec<Option<Property<'a>>> = child.properties.into_iter().map(Some).collect();
    let mut properties = Vec::with_capacity(parent.properties.len() + own.len());
    for inherited in &parent.properties {
        // The first of the child's not yet used properties with this key takes the parent's
        // place, with its value and visibility.
        let replacement = own
            .iter_mut()
            .find(|p| p.as_ref().is_some_and(|p| p.key == inherited.key))
            .and_then(Option::take);
        properties.push(replacement.unwrap_or_else(|| inherited.clone()));
    }
    properties.extend(own.into_iter().flatten());
    let mut flags = parent.flags;
    flags.in_bom = child.flags.in_bom;
    flags.on_board = child.flags.on_board;
    flags.exclude_from_sim = child.flags.exclude_from_sim;
    Symbol {
        name: child.name,
        extends: child.extends,
        flags,
        pin_name_offset: parent.pin_name_offset,
        unit_count: parent.unit_count,
        body_style_count: parent.body_style_count,
        unit_names: parent.unit_names.clone(),
        properties,
        pins: parent.pins.clone(),
        graphics: parent.graphics.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_members_of_a_functional_graph() {
        // 0 -> 1 -> 2 -> 1 (cycle 1, 2), 3 -> none, 4 -> 4 (self), 5 -> 0 (leads into a cycle)
        let parent = [Some(1), Some(2), Some(1), None, Some(4), Some(0)];
        assert_eq!(
            cycle_members(&parent),
            [false, true, true, false, true, false]
        );
    }

    #[test]
    fn long_chains_resolve_without_recursion() {
        let mut text = String::from("(kicad_symbol_lib (version 20241209)");
        let depth = 20_000;
        for i in 0..depth {
            text.push_str(&format!(
                "(symbol \"S{i}\" (extends \"S{}\") (property \"Value\" \"{i}\"))",
                i + 1
            ));
        }
        text.push_str(&format!(
            "(symbol \"S{depth}\" (property \"Reference\" \"U\") (symbol \"S{depth}_1_1\" (pin input line (at 0 0 0) (length 1) (name \"I\") (number \"1\")))))"
        ));
        let mut nodes = Vec::new();
        let symbols = crate::read::read_library(text.as_bytes(), &mut nodes).expect("reads");
        let resolved = resolve(text.as_bytes(), symbols).expect("resolves");
        assert_eq!(resolved[0].pins.len(), 1);
        assert_eq!(resolved[0].property("Reference"), "U");
        assert_eq!(resolved[0].property("Value"), "0");
    }
}
