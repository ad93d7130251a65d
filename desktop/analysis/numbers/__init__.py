"""Numbers claimed in the text: each amount with its value, unit, bound and kind.

- extraction.py: `extract_numbers(parsed, entities)`, the one pass that reads every amount.
- runs.py: which tokens spell one number; values.py: what number words and digits are worth.
- currencies.py: currency signs, codes and names; units.py: percent signs, units of measure and the
  noun an amount counts; bounds.py: "more than", "about", "or more"; ranges.py: "3,000 to 5,000".
- not_amounts.py: dates, clock times, codes, scores, names and years, which are not amounts.
- reading.py: the Reading the readers fill in; vocabulary.py: the lexicon's word lists they share.
"""

from __future__ import annotations

from desktop.analysis.numbers.extraction import extract_numbers

__all__ = ["extract_numbers"]
