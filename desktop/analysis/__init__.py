"""Article text to plain records (entities, quotes, numbers, facts) with spaCy; no Qt here.

- engine.py: `analyze_text(text, model, progress, cancelled)` runs the whole analysis.
- records.py: the records every layer speaks (Entity, Quote, Speaker, Number, Fact, Analysis) and
  the one label vocabulary.
- nlp/: loading the spaCy pipeline and parsing a text in paragraphs.
- entities/, quotes/, numbers/, facts/: one extractor each; references/: who a pronoun or a short
  name refers to; lexicon/: the word lists, as data files with their sources.

Importing this package does not import spaCy: the reading window starts without it.
"""

from __future__ import annotations
