# Object creation and destruction: class instances with several attributes
# are created, linked briefly, read, and dropped in a loop. Stresses
# allocation, __init__ calls, attribute dicts/slots, refcount-driven frees.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tag = None


class Particle:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass
        self.alive = True


def main():
    total = 0
    keep = None
    for i in range(600000):
        p = Particle(Point(i, i + 1), Point(1, -1), i % 7 + 1)
        p.pos.x = p.pos.x + p.vel.x * p.mass
        p.pos.tag = i % 3
        total += p.pos.x - p.pos.y + p.pos.tag
        if i % 1000 == 0:
            keep = p          # the previous kept particle dies here
        p = None
    print("objects checksum:", total, keep.pos.x, keep.mass, keep.alive)


main()
