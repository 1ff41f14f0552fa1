def attempt(stmt):
    try:
        exec(stmt, {})
    except ImportError as e:
        print(f"{stmt!r}: {type(e).__name__}: {e} | name={e.name!r}")
attempt("import nowhere")
attempt("import plainmod.sub")
attempt("import pkg.missing")
attempt("from pkg import missing")
attempt("from plainmod import missing")
attempt("import pkg.sub.deeper")
attempt("from nowhere import x")
import pkg.sub
print("ok:", pkg.sub.NAME)
