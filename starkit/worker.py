"""Parse an untrusted file in a worker process with a time and memory budget.

A file from a user (`starkit lint FILE`, an upload in the app) is read by PDF, DOCX, XML, YAML
and LaTeX code that starkit does not control. The readers have their own limits
(`starkit.limits`), and this is the backstop: the parse runs in a child process whose address
space (`RLIMIT_AS`) and CPU time (`RLIMIT_CPU`) are capped, and which is killed when its
wall-clock time (`WORKER_SECONDS`) runs out. Whatever the file does, the caller gets a result or
a one-line `ResumeReadError` within that time, and the memory goes back to the system with the
child.

How the child starts: `fork` from a single-threaded process (the CLI: about 10 ms, nothing to
import); from a threaded one (the Streamlit server) a `forkserver`, a clean process started once
whose forks are as cheap, so a child never inherits another thread's locks. The figures are in
docs/limits.md (`python -m tests.hostile.bench_hostile`).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing as mp
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from starkit.errors import ResumeReadError, StarkitError
from starkit.limits import WORKER_MEMORY_BYTES, WORKER_SECONDS, mb

_PRELOAD = ["starkit.resume", "starkit.resume.pdf", "starkit.resume.docx", "starkit.worker"]


def _context() -> Any:
    if threading.active_count() == 1 or "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("fork")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def _vm_size() -> int:
    """This process's address space in bytes (0 when /proc is not there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _limit(memory: int, seconds: float) -> None:
    import resource

    if memory > 0:
        cap = _vm_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cpu = math.ceil(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


_START_LOCK = threading.Lock()


def _start(proc: Any, *, forkserver: bool) -> None:
    """Start the worker. A forkserver child would first re-run the parent's main script (the
    Streamlit launcher, say) to rebuild `__main__`, costing a second and running code that has
    nothing to do with parsing; `fn` never lives in `__main__`, so the script's path is hidden
    while the process starts (the documented behaviour for a main module without a file)."""
    if not forkserver:
        proc.start()
        return
    main = sys.modules.get("__main__")
    with _START_LOCK:
        path = main.__dict__.pop("__file__", None) if main is not None else None
        try:
            proc.start()
        finally:
            if path is not None:
                main.__file__ = path  # type: ignore[union-attr]


def _child(conn: Any, fn: Callable[..., Any], args: tuple, kwargs: dict, memory: int,
           seconds: float) -> None:  # fmt: skip
    try:
        _limit(memory, seconds)
        out: tuple[str, Any] = ("ok", fn(*args, **kwargs))
    except MemoryError:
        out = ("memory", None)
    except RecursionError:
        out = ("error", "the file is nested too deeply to read")
    except StarkitError as exc:
        out = ("error", str(exc))
    except BaseException:  # a bug, not the file: the caller re-raises it with this traceback
        out = ("crash", traceback.format_exc())
    try:
        conn.send(out)
    except MemoryError:
        conn.send(("memory", None))
    finally:
        conn.close()


def run_bounded(
    fn: Callable[..., Any],
    *args: Any,
    label: str,
    seconds: float = WORKER_SECONDS,
    memory: int = WORKER_MEMORY_BYTES,
    meanwhile: Callable[[], object] | None = None,
    **kwargs: Any,
) -> Any:
    """`fn(*args, **kwargs)` in a child process limited to `memory` more bytes of address space
    and `seconds` of wall-clock (and CPU) time; its result (pickled back), or a one-line
    `ResumeReadError` naming `label` and the limit it hit. `fn`'s own `StarkitError`s come back
    as `ResumeReadError`s with the same message. `meanwhile` runs in this process while the
    child reads (the CLI builds its pipeline then: on two cores the two overlap)."""
    for stream in (sys.stdout, sys.stderr):  # a forked child must not flush a copy of these
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args, kwargs, memory, seconds), daemon=True)
    _start(proc, forkserver=ctx.get_start_method() == "forkserver")
    send.close()
    started = time.monotonic()
    try:
        if meanwhile is not None:
            meanwhile()
        if not receive.poll(max(0.0, seconds - (time.monotonic() - started))):
            raise ResumeReadError(
                f"{label}: reading the file took over {seconds:g} s and was stopped; it is not a "
                "resume starkit can read"
            )
        try:
            status, value = receive.recv()
        except (EOFError, OSError):
            proc.join(1)
            status, value = "died", proc.exitcode
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(2)
        receive.close()
    if status == "ok":
        return value
    if status == "error":
        raise ResumeReadError(value if str(value).startswith(label) else f"{label}: {value}")
    if status == "memory":
        raise ResumeReadError(
            f"{label}: reading the file needed more than {mb(memory)} of memory and was stopped; "
            "it is not a resume starkit can read"
        )
    if status == "died":
        raise ResumeReadError(
            f"{label}: reading the file was stopped (over the {seconds:g} s or {mb(memory)} "
            f"limit, exit {value}); it is not a resume starkit can read"
        )
    raise RuntimeError(f"the file reader failed in its worker process:\n{value}")


def read_resume_bounded(data: bytes, name: str) -> Any:
    """`read_uploaded_resume(data, name)` in a bounded worker (`run_bounded`)."""
    if os.environ.get("STARKIT_NO_WORKER") == "1":  # debugging: read in this process
        return read_uploaded_resume(data, name)
    return run_bounded(read_uploaded_resume, data, name, label=name)


def read_uploaded_resume(data: bytes, name: str) -> Any:
    """An uploaded resume, read as its format says; plain text or light markup with no
    section heading is a list of bullets, one a line, as a paste is (`read_pasted_resume`) and
    as `starkit lint` reads the same file. Read in this process: call it through
    `run_bounded` (or `read_resume_bounded`)."""
    from starkit.resume import read_resume
    from starkit.resume.detect import decode

    resume = read_resume(data, name=name)
    if resume.format in ("text", "markdown", "rst", "org") and not any(
        s.heading for s in resume.sections
    ):
        text, warning = decode(data, name)
        resume = read_pasted_resume(text, name, keep_lines=True, markup=True)
        resume.warnings[:0] = [w for w in (warning,) if w]
    return resume


# A list marker the user typed ('- ', '•', '* '), not a '**bold**' or '*italic*' word's stars
_LIST_MARK = re.compile(r"^(?:[-•*·]+\s+|[-•·]+(?=\S))")


def read_pasted_resume(
    text: str, name: str, *, keep_lines: bool = False, markup: bool = False
) -> Any:
    """A pasted resume: read as plain text, every character the user typed kept (`<b>`, `**`
    or `<img ...>` in a paste is text, not markup: only an uploaded file, `markup=True`, is
    read as its format says). With no section headings, each non-empty line is marked as a
    list item first, so it is linted as an achievement bullet. The reader's warnings stay (a
    paste longer than any resume is read up to its limit and says so, as `starkit lint`
    does), all but the one that a paste of bullets has no section heading."""
    from starkit.resume import read_text_resume
    from starkit.resume.structure import NO_HEADINGS

    resume = read_text_resume(text, name=name, markup=markup)
    if not any(s.heading for s in resume.sections):
        lines = [_LIST_MARK.sub("", ln.strip()) for ln in text.splitlines()]
        # keep_lines: a blank line stays, so each bullet keeps its line number in the file
        text = "\n".join(f"- {ln}" if ln else "" for ln in lines if ln or keep_lines)
        resume = read_text_resume(text, name=name, markup=markup)
        resume.warnings[:] = [w for w in resume.warnings if not w.endswith(NO_HEADINGS)]
    return resume
