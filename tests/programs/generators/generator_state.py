def stepper():
    print("  running step 1")
    yield 1
    print("  running step 2")
    yield 2

g = stepper()
print("not started yet")
print(next(g))
print("paused")
print(next(g))
print(next(g, "exhausted"))

def running_check():
    try:
        next(gen_ref)
    except ValueError as e:
        yield "ValueError: " + str(e)

gen_ref = running_check()
print(next(gen_ref))

def with_locals(a):
    b = a * 2
    yield b
    b += 1
    yield b

w = with_locals(5)
print(next(w), next(w))
gens = [with_locals(i) for i in range(3)]
print([next(x) for x in gens], [next(x) for x in gens])
it = iter(stepper())
print(iter(it) is it)
