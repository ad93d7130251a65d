"""Article text to plain records (entities, quotes, numbers, facts) with spaCy; no Qt here.

Importing this package does not import spaCy: the reading window starts without it.
"""

from __future__ import annotations
