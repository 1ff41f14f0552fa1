if a:
	b = 1
	if c:
		d = 2
if e:
        f = 1
class A:
  def m(self):
      pass
  x = 1
