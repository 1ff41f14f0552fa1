print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 99])
print([] == [], [[1]] == [[1]], [1, [2]] < [1, [3]], ["a"] < ["b"])
print(2 in [1, 2, 3], [2] in [[2], 3], "a" in ["abc"], "a" in "abc")
print([1, 2, 3].index(2), [0, 0, 1].count(0), len([[]]), bool([[]]))
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested))
lst = [3, 1, 2]
other = lst
other += [4]
print(lst)
print(list(map(list, zip([1, 2], [3, 4]))))
print([x for x in [1, 2, 3] if x in {2, 3}])
print(any(isinstance(x, str) for x in [1, "a"]))
matrix = [[1, 2], [3, 4]]
print(list(map(sum, matrix)), [sum(col) for col in zip(*matrix)])
print(sorted([[2, "b"], [1, "z"], [2, "a"]]))
