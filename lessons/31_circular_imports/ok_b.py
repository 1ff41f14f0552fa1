# Lesson 31, the circular import that WORKS (part b).
print("   ok_b: start, importing ok_a (already in sys.modules, half-initialized)")
import ok_a            # finds the partial module in sys.modules: no error
print("   ok_b: ok_a's names so far:",
      sorted(k for k in vars(ok_a) if not k.startswith("__")))


def name_of_b():
    # ok_a.name is looked up when this RUNS, by then ok_a has finished
    return "ok_b (and I can see " + ok_a.name + ")"


print("   ok_b: done")
