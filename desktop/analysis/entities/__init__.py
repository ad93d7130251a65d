"""Named entities: spaCy's mentions of people, organisations and places, repaired and linked.

- extraction.py: `extract_entities(parsed)`, the passes in order.
- mentions.py: `Mention`, a mention while it is being repaired.
- spans.py: mentions from the model's entities, trimmed to the name ("the", "’s", titles, scores).
- kinds.py: kinds repaired from the mention's own context (titles, appositions, datelines, telling words).
- teams.py: sports sides named after places ("Leeds beat Bristol", "Leeds 3 Bristol 1") are organisations.
- bodies.py: bodies named by description ("the Bolivian government", "the Alliance", "PKDF fighters").
- places.py: places without a tagged name (coordinates, "an PKDF-held building").
- joined.py: a name the model split at "and" is one when the text writes its acronym.
- untagged.py: names the model left untagged; roles.py: a person's title as the article gives it.
- linking.py: canonical names ("Johnson" -> "Boris Johnson", "UN" -> "United Nations").
- agreement.py: one kind per name (listed names and every mention of a name agree).
- gazetteers.py, name_words.py: the place names and telling words, read from the lexicon data files.
"""

from __future__ import annotations

from desktop.analysis.entities.extraction import extract_entities

__all__ = ["extract_entities"]
