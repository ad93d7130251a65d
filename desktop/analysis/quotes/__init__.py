"""Direct quotations and who said them.

- extraction.py: `extract_quotes(parsed, entities)`: which quoted stretches are quotations at all,
  and the pairing of quotation marks over the whole text (`find_quote_spans`).
- speakers.py: `attribute_speakers`: the cue verb and the speaker of each quote, from the parse.
- naming.py: from the token a cue points at to a Speaker, with the name it resolves to.
- person_names.py: bare names, runs of proper nouns and titles around a speaker.
- speech_words.py: speech verbs and the words of reported speech.
"""

from __future__ import annotations

from desktop.analysis.quotes.extraction import extract_quotes, find_quote_spans

__all__ = ["extract_quotes", "find_quote_spans"]
