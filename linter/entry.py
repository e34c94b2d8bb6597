"""The console script and ``python -m linter``: the command line inside the compile store
(linter.compile_store), loaded before any module compiles a pattern and topped up afterwards.

The cyclic garbage collector is off for the whole command: an article's objects are freed by
reference counting (about six objects in a cycle per linted file), and the collector's passes during
the imports and over the graph a one-file check keeps cost ~6 ms of a ~110 ms run. Commands that run
until stopped (the editor server, ``check --watch``) turn it back on (commands.long_running); pool
workers turn it on for their own files (linter.parallel).

When the command is done and nothing registered an ``atexit`` hook (a one-file check registers none;
a process pool, logging or coverage do), the process ends with ``os._exit`` once standard output and
error are flushed: tearing down the interpreter (freeing every module and object one by one) is about
as long as starting it, and there is nothing left to finish. Every file medlint writes is written
and closed (atomically) before the command returns."""

from __future__ import annotations

import os
import sys


def main_entry() -> None:
    if sys.argv[1:] in (["-V"], ["--version"]):  # what argparse would print, before anything is loaded
        from linter import VERSION_LINE

        print(VERSION_LINE)
        _leave(0)
    import gc

    gc.disable()
    from linter import compile_store

    compile_store.load()
    try:
        from linter.cli import main

        code = main()
    finally:
        compile_store.save()
    _leave(code)


def _leave(code: int) -> None:
    import atexit

    hooks = getattr(atexit, "_ncallbacks", None)  # CPython's count of atexit hooks
    threading = sys.modules.get("threading")
    if hooks is None or hooks() or (threading is not None and threading.active_count() > 1):
        sys.exit(code)  # someone wants the normal ending, or a thread is still running
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError, OSError):  # a closed pipe or stream: let the normal ending report it
        sys.exit(code)
    os._exit(code)
