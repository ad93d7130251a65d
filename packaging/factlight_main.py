"""Entry script of the frozen bundle: the bundled `factlight` runs exactly what `factlight` runs from a checkout."""

from __future__ import annotations

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
