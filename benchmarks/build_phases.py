"""`timeline build` with its CPU time counted by phase, in the build process and in every worker it spawns.

    TIMELINE_PHASES=OUT.jsonl python benchmarks/build_phases.py build CORPUS --workers 2 --db STORE.duckdb

Run by ``bench_build.py --phases``, which prints the tables. Each process appends one line to OUT when it ends:
its role, its CPU by phase and its whole CPU (user + sys), and a wall-clock timeline: per second since the epoch,
the seconds its main thread spent in each innermost phase (``None``: in none of them; a worker waits for a task
inside ``Queue.get``) and the CPU the whole process used (every thread, DuckDB's too), sampled by a thread of its
own. A phase is a function of the package wrapped here; its time excludes the wrapped phases it calls, so a
process's phases and its "other" add up to its whole CPU. The workers are spawned (they run this file again as
``__mp_main__``), so the same wrappers count their phases too. Which checkout's ``timeline`` runs is the one
first on ``sys.path`` (bench_build.py's ``--root``).
"""

from __future__ import annotations

import time

_STARTED = time.process_time()  # the interpreter's own start-up is before this (a few tens of ms)
_BEGAN = time.time()

import functools  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import multiprocessing.queues  # noqa: E402
import multiprocessing.util  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from concurrent.futures import process as futures_process  # noqa: E402

import timeline.cli  # noqa: E402

_IMPORTED = time.process_time()

# module -> (phase name, function or Class.method): what is counted, by where it is looked up when called.
PHASES = {
    "timeline.ingest": [("read: files (worker)", "read_files"), ("read: admission", "_Intake.add")],
    "timeline.parallel": [("per-article: tag", "tag"), ("per-article: events", "events_for_article")],
    "timeline.store.writes": [("pack rows (worker)", "StoreSink.pack"), ("store: write batches", "StoreSink.flush"),
                              ("store: report and run", "record_run")],
    "timeline.store.changes": [("changes: detect", "ChangeDetector._needs_work"),
                               ("changes: detect", "ChangeDetector.unchanged_file"),
                               ("changes: load stored", "ChangeDetector.__init__"),
                               ("changes: save files", "ChangeDetector.save_files")],
    "timeline.store.merging": [("merge: numbering and rest", "merge"), ("merge: read slim columns", "_load"),
                               ("merge: state", "_state"), ("merge: kept", "_kept"),
                               ("merge: save state", "_save_state"), ("merge: write events", "_write"),
                               ("merge: build merged rows (worker)", "_event_rows")],
    "timeline.events.merge": [("merge: plan (rest)", "plan_merge"), ("merge: keys", "block_keys"),
                              ("merge: components", "candidate_components"), ("merge: sets (client)", "_roots_of"),
                              ("merge: attach coarse", "attach_coarse"), ("merge: rank", "_rank_groups"),
                              ("merge: conflicts", "_conflicts")],
    "timeline.events.sweep": [("merge: sweep a block (worker)", "block_roots")],
    "concurrent.futures.process": [("results out: pickle (worker)", "_sendback_result")],
    "multiprocessing.queues": [("tasks in: unpickle (worker)", "Queue.get")],
}

_spent: dict[str, float] = {}
_stack: list[list] = []  # [name, thread time at entry, time of nested phases]
_main = threading.main_thread()
_wall: dict[int, dict[str, float]] = {}  # second -> innermost phase (or None) -> wall seconds in it
_cpu: dict[int, float] = {}  # second -> the process's CPU seconds used in it (all threads)
_last = [time.time()]  # when the innermost phase last changed


def _switch() -> None:
    """Credit the wall time since the last change of innermost phase to the phase that was innermost."""
    now = time.time()
    _credit(_stack[-1][0] if _stack else None, _last[0], now)
    _last[0] = now


def _credit(name: str | None, since: float, now: float) -> None:
    while since < now:
        second = int(since)
        upto = min(now, second + 1)
        seconds = _wall.setdefault(second, {})
        seconds[name] = seconds.get(name, 0.0) + upto - since
        since = upto


def _sample_cpu(every: float = 0.25) -> None:
    """The process's CPU, every ``every`` seconds, credited to the second it was used in."""
    was = _STARTED  # the imports' CPU falls in the first sample
    while True:
        time.sleep(every)
        second, used = int(time.time()), time.process_time()
        _cpu[second] = _cpu.get(second, 0.0) + used - was
        was = used


def _counted(name: str, function):
    @functools.wraps(function)
    def phase(*args, **kwargs):
        if threading.current_thread() is not _main:
            return function(*args, **kwargs)
        _switch()
        entry = [name, time.thread_time(), 0.0]
        _stack.append(entry)
        try:
            return function(*args, **kwargs)
        finally:
            _switch()
            _stack.pop()
            spent = time.thread_time() - entry[1]
            _spent[name] = _spent.get(name, 0.0) + spent - entry[2]
            if _stack:
                _stack[-1][2] += spent
    return phase


def _install() -> None:
    for module_name, phases in PHASES.items():
        module = importlib.import_module(module_name)
        for name, path in phases:
            owner, _, attribute = path.rpartition(".")
            holder = getattr(module, owner) if owner else module
            if attribute not in holder.__dict__:  # an older checkout's code (--root) may not have it
                continue
            original = holder.__dict__[attribute]
            if isinstance(original, staticmethod):
                setattr(holder, attribute, staticmethod(_counted(name, original.__func__)))
            else:
                setattr(holder, attribute, _counted(name, original))
            if not owner:  # also where other modules imported it by name
                for other in list(sys.modules.values()):
                    if other is not module and getattr(other, "__name__", "").startswith("timeline") \
                            and getattr(other, attribute, None) is original:
                        setattr(other, attribute, getattr(module, attribute))


_threads: dict[str, float] = {}


def _thread_counted(name: str, run):
    """A helper thread's whole CPU (the pool's result reader, a queue's feeder), added up under ``name``."""
    @functools.wraps(run)
    def counted(*args, **kwargs):
        began = time.thread_time()
        try:
            return run(*args, **kwargs)
        finally:
            _threads[name] = _threads.get(name, 0.0) + time.thread_time() - began
    return counted


def _dump(role: str) -> None:
    _switch()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    record = {"role": role, "pid": os.getpid(), "cpu": usage.ru_utime + usage.ru_stime, "imports": _IMPORTED - _STARTED,
              "main thread": time.thread_time(), "phases": _spent, "threads": _threads,
              "peak MB": usage.ru_maxrss / 1024, "wall": {second: spans for second, spans in _wall.items()},
              "cpu by second": _cpu}
    if role == "client":
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        record["children cpu"] = children.ru_utime + children.ru_stime
    with open(os.environ["TIMELINE_PHASES"], "a") as out:
        out.write(json.dumps(record) + "\n")


_credit("imports", _BEGAN, _last[0])
_install()
threading.Thread(target=_sample_cpu, daemon=True).start()
if __name__ == "__main__":
    futures_process._ExecutorManagerThread.run = _thread_counted(
        "results in: the pool's reader thread", futures_process._ExecutorManagerThread.run)
    multiprocessing.queues.Queue._feed = staticmethod(_thread_counted(
        "tasks out: the queue's feeder thread", multiprocessing.queues.Queue._feed))
    try:
        status = timeline.cli.main(sys.argv[1:])
    finally:
        _dump("client")
    sys.exit(status)
else:  # a spawned worker: its totals are written as it exits
    multiprocessing.util.Finalize(None, _dump, args=("worker",), exitpriority=0)
