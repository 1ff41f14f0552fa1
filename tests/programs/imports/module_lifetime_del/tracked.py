from thingdef import Thing
thing = Thing("one")
other = Thing("two")
