"""Named entities: spaCy's mentions of people, organisations and places, repaired and linked.

- extraction.py: `extract_entities(parsed)`, the passes in order (trim spans, repair kinds from
  context, add names the model missed, link short names to full ones, one kind per name, roles).
- mentions.py: `Mention`, a mention while it is being repaired.
- untagged.py: names the model left untagged; roles.py: a person's title as the article gives it.
- name_words.py, places.py, organizations.py: the words and names the rules look up.
"""

from __future__ import annotations

from desktop.analysis.entities.extraction import extract_entities

__all__ = ["extract_entities"]
