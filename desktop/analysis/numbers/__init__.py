"""Numbers claimed in the text: each amount with its value, unit, bound and kind.

- extraction.py: `extract_numbers(parsed, entities)`: an amount with the words around it (currency,
  percent, bound, range, the noun it counts).
- runs.py: which tokens spell one number; values.py: what number words and digits are worth.
- units.py: units, currencies and bound phrases; not_amounts.py: dates, codes, scores and names.
"""

from __future__ import annotations

from desktop.analysis.numbers.extraction import extract_numbers

__all__ = ["extract_numbers"]
