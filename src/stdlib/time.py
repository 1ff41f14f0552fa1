"""Time access -- pysim's deterministic model of CPython's `time` module.

pysim must run the same program to the same output every time (and in a
browser, where there is no clock to read), so this module has no real clock.
It keeps ONE fake clock, in nanoseconds, that

* starts at _START_NS = 1_700_000_000 s after the epoch (2023-11-14 22:13:20 UTC),
* advances by _TICK_NS = 1 microsecond at every read (time(), time_ns(),
  perf_counter(), monotonic(), process_time() and their _ns variants), so two
  consecutive reads always differ and elapsed times are positive,
* advances by exactly `secs` on sleep(secs) (which returns at once).

All the clocks read the same counter: time() is "seconds since the epoch",
perf_counter() and monotonic() are the same number, so differences between
them are meaningful. Errors follow CPython: sleep(-1) raises
ValueError("sleep length must be non-negative"), sleep('x') raises
TypeError("'str' object cannot be interpreted as an integer").

Calendar functions (localtime, strftime, ...) are not provided.
"""

_START_NS = 1700000000 * 1000000000
_TICK_NS = 1000

_now_ns = _START_NS


def _read():
    global _now_ns
    _now_ns += _TICK_NS
    return _now_ns


def time_ns():
    """Return the current time in nanoseconds since the Epoch."""
    return _read()


def time():
    """Return the current time in seconds since the Epoch."""
    return _read() / 1e9


def perf_counter_ns():
    """Performance counter for benchmarking as nanoseconds."""
    return _read()


def perf_counter():
    """Performance counter for benchmarking."""
    return _read() / 1e9


def monotonic_ns():
    """Monotonic clock, cannot go backward, as nanoseconds."""
    return _read()


def monotonic():
    """Monotonic clock, cannot go backward."""
    return _read() / 1e9


def process_time_ns():
    """Process time for profiling as nanoseconds: sum of the kernel and user-space CPU time."""
    return _read() - _START_NS


def process_time():
    """Process time for profiling: sum of the kernel and user-space CPU time."""
    return (_read() - _START_NS) / 1e9


def thread_time_ns():
    return process_time_ns()


def thread_time():
    return process_time()


def sleep(secs):
    """sleep(seconds)

    Delay execution for a given number of seconds.  The argument may be
    a floating point number for subsecond precision.
    (pysim: advances the fake clock by `secs` and returns at once.)
    """
    global _now_ns
    if not isinstance(secs, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(secs).__name__)
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    _now_ns += int(secs * 1e9)
    return None
