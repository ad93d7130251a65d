"""A busy machine for the responsiveness benchmarks: one spinning process per core while a phase runs.

The window must stay responsive when the reader's machine is busy (a build, a browser, a video call),
so the benchmarks measure their phases twice: on the machine as it is, and with `BusyLoad` running one
pure-Python busy loop per core. The loops run at the window's own priority (nice 0), not niced: a
niced load would leave the window the CPU whenever it asks and so measure little. They are started
before a pass and killed (by their pid) after it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

SPIN = "while True:\n    pass\n"
CHOICES = ("both", "on", "off")


def settings(choice: str) -> list[bool]:
    """The passes a `--load` choice asks for: both (quiet first, then loaded), on or off."""
    return {"both": [False, True], "on": [True], "off": [False]}[choice]


@contextmanager
def busy_load(active: bool, processes: int | None = None) -> Iterator[list[subprocess.Popen]]:
    """While the block runs, `processes` (default: one per core) busy loops spin when `active`."""
    spinners: list[subprocess.Popen] = []
    if active:
        for _ in range(processes or os.cpu_count() or 1):
            spinners.append(subprocess.Popen([sys.executable, "-c", SPIN], stdin=subprocess.DEVNULL))
        time.sleep(0.5)  # let them reach full speed, so the first phase is measured loaded too
    try:
        yield spinners
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()


def describe(active: bool) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpus = os.cpu_count() or 1
    extra = f"{cpus} busy loops at nice 0 (one per core)" if active else "no added load"
    return f"{extra}; load average {load:.1f} on {cpus} CPUs"


def print_phase_table(title: str, passes: list[tuple[bool, dict[str, float], dict[str, float]]]) -> None:
    """passes: (loaded, worst delay per phase, longest GUI-thread CPU burst per phase), seconds."""
    phases: list[str] = []
    for _loaded, worst, _busy in passes:
        phases += [p for p in worst if p not in phases and p not in ("start", "end")]
    heads = "".join(f"{'loaded' if loaded else 'as is':>18}" for loaded, _w, _b in passes)
    print(f"{title} (5 ms GUI-thread timer: worst delay / longest GUI-thread CPU burst, ms; goal < 50)")
    print(f"  {'phase':<36}{heads}")
    for phase in phases:
        cells = ""
        for _loaded, worst, busy in passes:
            cells += f"{worst[phase] * 1000:>11.0f} / {busy[phase] * 1000:<4.0f}" if phase in worst else f"{'—':>18}"
        print(f"  {phase:<36}{cells}")
    overall = "".join(
        f"{max((v for k, v in w.items() if k not in ('start', 'end')), default=0) * 1000:>11.0f}{'':7}" for _l, w, _b in passes
    )
    print(f"  {'worst of all phases':<36}{overall}")
