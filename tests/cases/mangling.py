import __hidden
import __pkg.__mod as __alias


class Foo:
    __a = 1
    __b__ = 2
    _Foo__c = 3

    def __m(self, __p, *__args, __k=1, **__kw) -> "__ret":
        __local = __p
        self.__attr = __local
        g(__kwarg=1)
        del self.__attr
        import __inner
        from __mod import __name, __other as __o
        global __gl
        __gl = 1
        return __class__, self.__m, Foo.__a, __args, __kw

    class __Nested:
        def __n(self):
            return self.__q

    def f(self):
        return [self.__z for __i in range(2)], lambda __l=self.__d: __l


class _:
    __x = 1


class __Dunder:
    __y = 2
    __z: int = 3
