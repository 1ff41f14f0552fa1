# Reference cycles with automatic gc on: many small cycles (pairs of objects
# pointing at each other, self-referencing lists, dict <-> object rings) are
# created and immediately dropped. Reference counting alone can never free
# them; the cyclic garbage collector must find them, triggered automatically
# by the generation-0 allocation threshold. Some objects have __del__ so we
# can count that every cycle was really collected.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


finalized = [0]


class Tracked:
    def __init__(self, value):
        self.value = value
        self.me = self

    def __del__(self):
        finalized[0] += 1


def make_pair(i):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    return a.value + b.value


def make_ring(i, size):
    first = Node(i)
    cur = first
    for k in range(1, size):
        nxt = Node(i + k)
        cur.other = nxt
        cur = nxt
    cur.other = first
    return cur.value


def make_self_list(i):
    lst = [i, i + 1]
    lst.append(lst)
    return len(lst)


def make_dict_cycle(i):
    n = Node(i)
    d = {"node": n, "i": i}
    n.other = d
    return d["i"]


def main():
    assert gc.isenabled()
    total = 0
    tracked = 0
    for i in range(150000):
        total += make_pair(i)
        total += make_ring(i, 4)
        total += make_self_list(i)
        total += make_dict_cycle(i)
        if i % 4 == 0:
            Tracked(i)
            tracked += 1
    gc.collect()
    print("gc_cycles checksum:", total, tracked, finalized[0],
          finalized[0] == tracked)


main()
