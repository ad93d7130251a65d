"""Entry script of the frozen bundle: the bundled `factlight` runs exactly what `factlight` runs from a checkout."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # The window analyses in a spawned process (desktop/ui/workers.py). Frozen, that child is this same
    # executable started with multiprocessing's arguments; freeze_support() runs it and exits, before the
    # command line is parsed.
    multiprocessing.freeze_support()

    from desktop.cli import main

    sys.exit(main())
