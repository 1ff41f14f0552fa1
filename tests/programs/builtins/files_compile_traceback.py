# open() (reading through the host), compile()/exec of code objects, frames, linecache, traceback
import linecache
import traceback

with open("files_compile_traceback.py") as f:
    first = f.readline()
    rest = f.readlines()
print(repr(first), len(rest) > 5, f.closed, f.name, f.mode)
f = open("files_compile_traceback.py")
print(repr(f.read(8)), f.readable(), f.writable())
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
for args in [("no_such_file.txt",), ("files_compile_traceback.py", "rw"), ("files_compile_traceback.py", "q"), ("files_compile_traceback.py", "")]:
    try:
        open(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))

code = compile("x = 6 * 7\ny = x + 1\n", "<demo>", "exec")
ns = {}
exec(code, ns)
print(type(code).__name__, code.co_filename, ns["x"], ns["y"])
for src in ["def f():\n    nonlocal q\n", "x = (1,\n", "  y = 2\n"]:
    try:
        compile(src, "snippet", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile("1", "m", "bogus")
except ValueError as e:
    print(e)

print(linecache.getline("files_compile_traceback.py", 1).rstrip())
print(repr(linecache.getline("files_compile_traceback.py", 100000)), linecache.getline("<nothing>", 1) == "")


class Noisy:
    def __del__(self):
        print("Noisy freed")


def fail():
    local = Noisy()
    count = 3
    raise RuntimeError("deep")


try:
    fail()
except RuntimeError as e:
    held = e
tb = held.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
frame = tb.tb_frame
print(frame.f_code.co_name, sorted(frame.f_locals), frame.f_lineno, frame.f_globals is globals())
print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(held.__traceback__)])
print("".join(traceback.format_exception_only(held)), end="")
print(traceback.format_exception(held)[0], end="")
del tb
print("clearing")
traceback.clear_frames(held.__traceback__)
print("cleared", sorted(frame.f_locals))
del frame, held
try:
    {}["k"]
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
