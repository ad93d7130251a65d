"""Facts for the side panel: statements (who said what), quantity claims and dated events.

- extraction.py: `build_facts(parsed, entities, quotes, numbers)`, read off the parse already made.
"""

from __future__ import annotations

from desktop.analysis.facts.extraction import build_facts

__all__ = ["build_facts"]
