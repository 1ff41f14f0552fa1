x: int = 1
y: str
z: "list[int]" = []
obj.attr: int = 5
d[0]: float


class C:
    a: int = 0
    b: str

    def m(self):
        local: int = 1
        other: str
        return local
