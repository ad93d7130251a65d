"""Facts for the side panel: statements (who said what), quantity claims and dated events.

- extraction.py: `build_facts(parsed, entities, quotes, numbers, references)`, read off the parse.
- statements.py: statements from direct quotes (a split quote is one) and from reported speech.
- quantities.py: a number with the clause it sits in.
- events.py: a clause with a date and an action verb.
- clauses.py: a verb's clause, its subject as a name, and its one-line summary.
"""

from __future__ import annotations

from desktop.analysis.facts.extraction import build_facts

__all__ = ["build_facts"]
