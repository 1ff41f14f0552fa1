//! The second symbol-table pass (CPython's `analyze_block` and helpers):
//! decide each name's scope — local, global explicit/implicit, free or cell
//! — given the bindings visible from enclosing function scopes, and report
//! misplaced `nonlocal`/`global` directives with CPython's messages.

use super::symtable::{
    BlockType, CELL, DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL, DEF_NONLOCAL, FREE, GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT, LOCAL, SCOPE_OFFSET, ScopeId, SymbolTable, syntax_error,
};
use crate::error::SyntaxError;
use std::collections::{HashMap, HashSet};

pub(super) fn analyze(st: &mut SymbolTable, filename: &str) -> Result<(), SyntaxError> {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    let top = st.top;
    analyze_block(st, top, None, &mut free, &mut global, filename)
}

fn directive_error(
    st: &SymbolTable,
    id: ScopeId,
    name: &str,
    msg: String,
    filename: &str,
) -> SyntaxError {
    let span = st.scopes[id]
        .directives
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    syntax_error(filename, msg, span)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    st: &mut SymbolTable,
    id: ScopeId,
    scopes: &mut HashMap<String, u32>,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    filename: &str,
) -> Result<(), SyntaxError> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            let msg = format!("name '{name}' is nonlocal and global");
            return Err(directive_error(st, id, name, msg, filename));
        }
        scopes.insert(name.to_string(), GLOBAL_EXPLICIT);
        global.insert(name.to_string());
        // CPython discards from `bound` too; our `bound` is a private copy
        // that is not consulted again for this name.
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            let msg = "nonlocal declaration not allowed at module level".to_string();
            return Err(directive_error(st, id, name, msg, filename));
        };
        if !bound.contains(name) {
            let msg = format!("no binding for nonlocal '{name}' found");
            return Err(directive_error(st, id, name, msg, filename));
        }
        scopes.insert(name.to_string(), FREE);
        st.scopes[id].free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), LOCAL);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if bound.is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_string(), FREE);
        st.scopes[id].free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if global.contains(name) {
        scopes.insert(name.to_string(), GLOBAL_IMPLICIT);
        return Ok(());
    }
    if st.scopes[id].nested {
        st.scopes[id].free = true;
    }
    scopes.insert(name.to_string(), GLOBAL_IMPLICIT);
    Ok(())
}

fn analyze_block(
    st: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    filename: &str,
) -> Result<(), SyntaxError> {
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, u32> = HashMap::new();
    let mut newglobal = HashSet::new();
    let mut newfree = HashSet::new();
    let mut newbound = HashSet::new();
    let typ = st.scopes[id].typ;
    // `bound` is modified by global declarations in CPython (discard); that
    // only affects this block's own later lookups, so keep a local copy.
    let mut bound_copy = bound.cloned();
    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
    }
    let syms: Vec<(String, u32)> = st.scopes[id]
        .symbols
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    for (name, flags) in &syms {
        if flags & DEF_GLOBAL != 0
            && let Some(b) = bound_copy.as_mut()
        {
            b.remove(name);
        }
        analyze_name(
            st,
            id,
            &mut scopes,
            name,
            *flags,
            bound_copy.as_ref(),
            &mut local,
            free,
            global,
            filename,
        )?;
    }
    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = HashSet::new();
    let children = st.scopes[id].children.clone();
    for c in children {
        let temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(
            st,
            c,
            Some(&temp_bound),
            &mut temp_free,
            &mut temp_global,
            filename,
        )?;
        allfree.extend(temp_free);
        if st.scopes[c].free || st.scopes[c].child_free {
            st.scopes[id].child_free = true;
        }
    }
    newfree.extend(allfree);
    if typ == BlockType::Function {
        // analyze_cells
        for (name, sc) in scopes.iter_mut() {
            if *sc == LOCAL && newfree.contains(name) {
                *sc = CELL;
                newfree.remove(name);
            }
        }
    } else if typ == BlockType::Class && newfree.remove("__class__") {
        st.scopes[id].needs_class_closure = true;
    }
    // update_symbols
    let classflag = typ == BlockType::Class;
    let ste = &mut st.scopes[id];
    for (name, flags) in ste.symbols.iter_mut() {
        let sc = scopes[name];
        *flags |= sc << SCOPE_OFFSET;
    }
    let mut fv: Vec<&String> = newfree.iter().collect();
    fv.sort();
    for name in fv {
        if let Some(v) = ste.symbols.get_mut(name) {
            if classflag && *v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                *v |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound
            && !b.contains(name)
        {
            continue;
        }
        ste.symbols.insert(name.clone(), FREE << SCOPE_OFFSET);
    }
    free.extend(newfree);
    Ok(())
}
