import sys
for attempt in range(2):
    try:
        import fragile
    except ZeroDivisionError as e:
        print("attempt", attempt, "failed:", e, "| in sys.modules:", "fragile" in sys.modules)
print("helper stays:", "fragile_helper" in sys.modules)
import fragile_helper
print("helper runs:", fragile_helper.runs)
try:
    import pkgbad.sub
except NameError as e:
    print("NameError:", e)
print(sorted(k for k in sys.modules if k.startswith("pkgbad")))
