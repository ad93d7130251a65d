"""Which threads of the window's process ran in each long gap of the GUI thread's timer (Linux only).

  ... -m tests.bench.ui_responsiveness --load on --gap-log gaps.txt

For every gap over THRESHOLD, one line: the phase, seconds since it began, the gap and the GUI
thread's CPU in it (ms), then each thread that ran or waited for a CPU in the gap as name:ran/waited
(ms, from /proc/self/task/*/schedstat), and where each worker that ran over 10 ms is now. A thread
that ran while the GUI thread had almost no CPU held the GIL; one that also waited had lost its CPU
while holding it. Reading /proc at every tick costs a little, so the figures of such a run are not
the benchmark's.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from pathlib import Path

THRESHOLD = 0.03  # seconds

Stats = dict[int, tuple[int, int, str]]  # thread id -> (ns run, ns waited for a CPU, name)


def task_stats() -> Stats:
    stats: Stats = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            run, wait, _slices = Path(f"/proc/self/task/{tid}/schedstat").read_text().split()
            name = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
        except OSError:  # the thread ended meanwhile
            continue
        stats[int(tid)] = (int(run), int(wait), name)
    return stats


class GapLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._stats: Stats = task_stats()

    def enter(self, phase: str) -> None:
        self._write(f"phase {phase}")

    def tick(self, phase: str, since: float, gap: float, busy: float) -> None:
        stats = task_stats()
        if gap > THRESHOLD:
            self._write(f"{phase}\t{since:.3f}\t{gap * 1000:.0f}\t{busy * 1000:.1f}\t{self._threads(stats)}")
        self._stats = stats

    def _threads(self, stats: Stats) -> str:
        names = {t.native_id: t for t in threading.enumerate()}
        frames = sys._current_frames()
        parts = []
        for tid, (run, wait, comm) in stats.items():
            ran, waited = run - self._stats.get(tid, (0, 0, ""))[0], wait - self._stats.get(tid, (0, 0, ""))[1]
            if ran + waited < 2e6:
                continue
            thread = names.get(tid)
            part = f"{thread.name if thread else comm}:{ran / 1e6:.0f}/{waited / 1e6:.0f}"
            if thread is not None and thread is not threading.main_thread() and ran > 10e6 and thread.ident in frames:
                stack = list(traceback.walk_stack(frames[thread.ident]))[:4]
                part += " [at " + " < ".join(f"{Path(f.f_code.co_filename).name}:{line}" for f, line in stack) + "]"
            parts.append(part)
        return " ".join(parts)

    def _write(self, line: str) -> None:
        with self.path.open("a", encoding="utf-8") as log:
            log.write(line + "\n")
