# gc.DEBUG_STATS: before a collection, the generation and the size of each
# generation's list; after it, how many objects were unreachable and
# uncollectable. The sizes of the oldest generations and the elapsed time
# depend on what the interpreter allocated at startup, so this prints them
# as relations.
import gc
import sys

class Capture:
    def __init__(self):
        self.text = ""
    def write(self, text):
        self.text += text

class Pair:
    pass

def run(generation):
    cap = Capture()
    p = Pair()
    q = Pair()
    p.q = q
    q.p = p
    del p, q
    sys.stderr = cap
    gc.set_debug(gc.DEBUG_STATS)
    n = gc.collect(generation)
    gc.set_debug(0)
    sys.stderr = sys.__stderr__
    lines = cap.text.splitlines()
    print(n, len(lines), len(cap.text.split("gc: ")))
    print(lines[0])
    sizes = lines[1].split(":")[1].split()
    print(lines[1].split(":")[0], len(sizes), sizes[0], all(s.isdigit() for s in sizes))
    print(lines[2].split(":")[0] + ":" + lines[2].split(":")[1], int(lines[2].rsplit(" ", 1)[1]) > 0)
    done = lines[3].split(", ")
    print(done[0], done[1], done[2], done[3].endswith("s elapsed"))

gc.collect()
run(0)
run(1)
run(2)
gc.freeze()
run(2)
gc.unfreeze()
