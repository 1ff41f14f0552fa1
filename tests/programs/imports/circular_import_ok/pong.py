print("pong: start")
import ping
print("pong: ping is partial, has ping.ping:", hasattr(ping, "ping"))
def pong(n):
    return "pong " + ping.ping(n - 1) if n else "done"
print("pong: end")
