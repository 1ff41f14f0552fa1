//! Private name mangling, exactly CPython's `_Py_Mangle`.
//!
//! Inside a class body (and everything nested in it), an identifier that
//! starts with two underscores, does not end with two underscores and
//! contains no dot becomes `_` + class name (leading underscores stripped) +
//! identifier. A class whose name is all underscores mangles nothing.

/// Mangle `ident` for the enclosing class `private` (None outside classes).
pub fn mangle(private: Option<&str>, ident: &str) -> String {
    let Some(private) = private else {
        return ident.to_string();
    };
    if !ident.starts_with("__") {
        return ident.to_string();
    }
    if ident.ends_with("__") || ident.contains('.') {
        return ident.to_string();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return ident.to_string();
    }
    format!("_{stripped}{ident}")
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangling_rules() {
        assert_eq!(mangle(Some("Foo"), "__x"), "_Foo__x");
        assert_eq!(mangle(Some("_Foo"), "__x"), "_Foo__x");
        assert_eq!(mangle(Some("__Foo"), "__x_"), "_Foo__x_");
        assert_eq!(mangle(Some("Foo"), "__init__"), "__init__");
        assert_eq!(mangle(Some("Foo"), "_x"), "_x");
        assert_eq!(mangle(Some("Foo"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("Foo"), "__"), "__");
        assert_eq!(mangle(Some("Foo"), "___"), "___");
    }
}
