# string.Template: $name, ${name}, $$, substitute vs safe_substitute, errors
from string import Template

t = Template("$who likes ${what}; costs $$${price}")
print(t.substitute(who="tim", what="kung pao", price=9))
print(t.substitute({"who": "ann", "what": "tea", "price": 2}, price=3))
print(t.safe_substitute(who="bob"))
print(t.template, t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
for bad in ("$", "cost: $ 5", "line1\nline2 $!", "${bad"):
    try:
        Template(bad).substitute(bad=1)
    except ValueError as e:
        print("ValueError:", e)
    print(repr(Template(bad).safe_substitute()), Template(bad).is_valid())
print(Template("$a$b_c $a").substitute(a=1, b_c=2), Template("${x}y").substitute(x="X"))
print(Template("$x.y and $x_y").safe_substitute(x="1"))
class Percent(Template):
    delimiter = "%"
print(Percent("%name costs %%5").substitute(name="it"))
print(Template("no placeholders").substitute(), Template("$1").safe_substitute())
