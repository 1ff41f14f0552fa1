print("ping: start")
import pong
print("ping: pong imported, has pong.pong:", hasattr(pong, "pong"))
def ping(n):
    return "ping " + pong.pong(n - 1) if n else "done"
print("ping: end")
