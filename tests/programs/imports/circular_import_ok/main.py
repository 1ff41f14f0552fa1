import sys
import ping
print(ping.ping(3))
print("each sees the other:", ping.pong.ping is ping, sys.modules["pong"].ping is ping)
