"""Runs every benchmark in tests/bench and prints their figures (`make bench`)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

ORDER = ("analysis_speed", "html_extraction", "pdf_extraction", "store_bench", "ui_responsiveness")


def main() -> int:
    here = Path(__file__).parent
    found = {m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")}
    names = [n for n in ORDER if n in found] + sorted(found - set(ORDER))
    for name in names:
        module = importlib.import_module(f"tests.bench.{name}")
        if not hasattr(module, "main"):
            continue  # a helper of the benchmarks (busy_load), not one itself
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module.main([])
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
