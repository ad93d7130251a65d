"""How responsive the reading window stays (issue 4), printed as figures, not asserted.

  QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.ui_responsiveness [--mb 3] [--load both|on|off] [--gap-log F]

- launch to text: a fresh `factlight`-like process from exec to the sample article painted (< 0.7 s);
- a GUI-thread timer ticking every 5 ms records its worst delay while the model loads, while the
  sample article is analysed and highlighted, and while a ~3 MB article opens, is analysed and its
  tens of thousands of highlights are painted (goal < 50 ms in every phase);
- text visible: from open_file(3 MB) to its text painted (target < 0.5 s);
- sample highlights: from open_file(sample) to every highlight painted, model already loaded (< 1 s);
- reopening the sample and the 3 MB article from the library's cache (no spaCy), and annotating the
  big article (highlights, a note, undo and redo, a deletion, a rejected number), each a phase of
  its own in the GUI-thread table;
- each pass as the machine is and with one busy loop per core (tests/bench/busy_load.py, --load).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.busy_load import CHOICES, busy_load, describe, print_phase_table, settings  # noqa: E402

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"

LAUNCH_PROBE = """
import sys, time
from pathlib import Path
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.resources import sample_article
app = create_application()
window = MainWindow(AppSettings(sys.argv[1]), None, Path(sys.argv[1]).with_suffix(".db"))
window.show()
window.open_file(sample_article())
while not window.view.toPlainText():
    app.processEvents()
window.view.viewport().repaint()
print(time.time())
sys.stdout.flush()
window.close()
"""


def big_article(megabytes: float) -> str:
    pieces = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    block = "\n\n".join(pieces) + "\n\n"
    size = int(megabytes * 1_000_000)
    return (block * (size // len(block) + 1))[:size].rsplit("\n", 1)[0] + "\n"


def launch_to_text(scratch: Path) -> float:
    runs = []
    for i in range(3):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", LAUNCH_PROBE, str(scratch / f"launch{i}.ini")],
            capture_output=True, text=True, timeout=120, env=dict(os.environ),
        )
        runs.append(float(out.stdout.split()[-1]) - started)
    return min(runs)


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between ticks is the worst stall a reader feels."""

    def __init__(self, gap_log: Path | None = None) -> None:
        from PySide6.QtCore import QTimer

        from tests.bench.gap_log import GapLog

        self.gap_log = GapLog(gap_log) if gap_log is not None else None
        self.worst: dict[str, float] = {}
        self.busiest: dict[str, float] = {}
        self.phase = "start"
        self._last = self._entered = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()

    def enter(self, phase: str) -> None:
        self.phase = phase
        self._last = self._entered = time.perf_counter()
        self._last_cpu = time.thread_time()
        if self.gap_log is not None:
            self.gap_log.enter(phase)

    def _on_tick(self) -> None:
        # Wall-clock gap: what the reader feels (includes waiting for a CPU on a loaded machine).
        # CPU time of the GUI thread in the gap: the work the window itself did in one go.
        now, cpu = time.perf_counter(), time.thread_time()
        gap, busy = now - self._last - 0.005, cpu - self._last_cpu
        self._last, self._last_cpu = now, cpu
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), gap)
        if self.gap_log is not None:
            self.gap_log.tick(self.phase, now - self._entered, gap, busy)
        self.busiest[self.phase] = max(self.busiest.get(self.phase, 0.0), busy)


def wait(app, condition, timeout: float = 900.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def one_pass(args: argparse.Namespace, scratch: Path) -> dict:
    """Every phase once, in a fresh window and analysis process; the figures as a dict."""
    from desktop.resources import sample_article
    from desktop.ui.app import create_application
    from desktop.ui.closing import finish_closed
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from desktop.ui.workers import AnalysisService

    AnalysisService.shutdown_all()  # so each pass loads the model, as a fresh window does
    launch = launch_to_text(scratch)
    app = create_application()
    meter = StallMeter(args.gap_log)
    # A fresh library: every article is analysed by spaCy here, none comes from a cache.
    window = MainWindow(AppSettings(scratch / "bench.ini"), None, scratch / "bench.db")
    window.resize(1400, 900)
    window.show()

    def analysed() -> bool:
        return window.analysis is not None and not window.view.painting

    meter.enter("model loading + first analysis")
    window.open_file(sample_article())
    wait(app, analysed)

    # A copy one line longer, so the library's cache (which now holds the sample) does not answer.
    sample_copy = scratch / "sample-copy.txt"
    sample_copy.write_text(sample_article().read_text(encoding="utf-8") + "\nEnd of the copy.\n", encoding="utf-8")
    meter.enter("sample article")
    started = time.perf_counter()
    window.open_file(sample_copy)
    wait(app, lambda: window.analysis is None)
    wait(app, analysed)
    sample_seconds = time.perf_counter() - started
    highlights = len(window.index)

    big = scratch / "big-article.txt"
    big.write_text(big_article(args.mb), encoding="utf-8")
    meter.enter(f"{args.mb:g} MB: open")
    started = time.perf_counter()
    window.open_file(big)
    wait(app, lambda: window.document is not None and window.document.path == str(big.resolve()))
    window.view.viewport().repaint()
    text_seconds = time.perf_counter() - started
    meter.enter(f"{args.mb:g} MB: analysis")
    wait(app, lambda: window.analysis is not None)
    analysis_seconds = time.perf_counter() - started
    meter.enter(f"{args.mb:g} MB: painting highlights")
    painted = time.perf_counter()
    wait(app, analysed)
    paint_seconds = time.perf_counter() - painted
    big_highlights = len(window.index)
    meter.enter(f"{args.mb:g} MB: toggle a category")
    window.actions_.categories["person"].trigger()
    wait(app, analysed)
    window.actions_.categories["person"].trigger()
    wait(app, analysed)
    wait(app, lambda: window.store.pending == 0)  # the big analysis is in the cache

    meter.enter("sample: reopen from the cache")
    window.open_file(sample_copy)
    wait(app, lambda: window.analysis is None)
    wait(app, analysed)
    cached = [window.analysis_from_cache]
    meter.enter(f"{args.mb:g} MB: reopen from the cache")
    started = time.perf_counter()
    window.open_file(big)
    wait(app, lambda: window.analysis is None)
    wait(app, analysed)
    reopen_seconds = time.perf_counter() - started
    cached.append(window.analysis_from_cache)
    meter.enter(f"{args.mb:g} MB: annotating")
    annotate(app, window, analysed)
    meter.enter("end")
    window.close()
    window.deleteLater()
    app.processEvents()
    # The library commits and the settings are written after the window has gone: wait for both
    # before the scratch folder is removed.
    finish_closed()
    window.settings.written()
    for name in ("bench.db", "bench.db-wal", "bench.db-shm"):
        (scratch / name).unlink(missing_ok=True)
    return {
        "launch": launch, "text": text_seconds, "sample": sample_seconds, "highlights": highlights,
        "analysis": analysis_seconds, "paint": paint_seconds, "big_highlights": big_highlights,
        "reopen": reopen_seconds, "cached": cached, "annotations": len(window.annotations.notes),
        "worst": dict(meter.worst), "busiest": dict(meter.busiest),
    }  # fmt: skip


def annotate(app, window, analysed) -> None:
    """What a reader does in a long article: highlights, a note, undo and redo, a deletion, a verdict."""
    view, actions, controller = window.view, window.actions_, window.annotations
    text = window.document.text
    step = len(text) // 21

    def settle() -> None:  # as between a reader's key presses, so the meter sees each action
        wait(app, lambda: window.store.pending == 0 and analysed())

    for i in range(20):
        start = i * step + 10
        view.setTextCursor(view.cursor_at(start, start + 40))
        actions.highlight.trigger()
        settle()
    controller._edit(controller.notes[0], "Note", note="Check this.", tags=("bench",))
    settle()
    for action in (actions.undo, actions.undo, actions.redo, actions.redo):
        action.trigger()
        settle()
    view.setTextCursor(view.cursor_at(10 + 5))
    actions.delete_annotation.trigger()
    settle()
    number = next(h for h in window.index.items if h.record == "number")
    view.select_highlight(number)
    actions.reject.trigger()
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ui_responsiveness")
    parser.add_argument("--mb", type=float, default=3.0, help="size of the big article in MB")
    parser.add_argument("--gap-log", type=Path, help="append the threads that ran in each long gap to this file (gap_log.py)")
    parser.add_argument("--load", choices=CHOICES, default="both",
                        help="measure as the machine is (off), with one busy loop per core (on), or both (default)")
    args = parser.parse_args(argv)

    passes = []
    with tempfile.TemporaryDirectory() as scratch_name:
        for loaded in settings(args.load):
            with busy_load(loaded):
                figures = one_pass(args, Path(scratch_name))
                figures["machine"] = describe(loaded)
            passes.append((loaded, figures))

    for loaded, f in passes:
        print(f"{'loaded' if loaded else 'as is'}: {f['machine']}")
        print(f"  launch to text (sample, fresh process)      {f['launch'] * 1000:7.0f} ms   (target < 700)")
        print(f"  text visible after open ({args.mb:g} MB)           {f['text'] * 1000:7.0f} ms   (target < 500)")
        print(f"  sample highlights, model loaded ({f['highlights']} marks) {f['sample'] * 1000:5.0f} ms   (target < 1000)")
        print(f"  {args.mb:g} MB analysis done after open               {f['analysis']:7.1f} s")
        print(f"  {args.mb:g} MB highlights painted ({f['big_highlights']} marks)   {f['paint']:7.2f} s (in slices)")
        print(f"  {args.mb:g} MB reopened from the cache, all painted   {f['reopen']:7.2f} s (from the cache: {f['cached']})")
        print(f"  annotations left in the {args.mb:g} MB article after annotating: {f['annotations']}")
    print_phase_table("GUI thread per phase", [(loaded, f["worst"], f["busiest"]) for loaded, f in passes])
    return 0


if __name__ == "__main__":
    sys.exit(main())
