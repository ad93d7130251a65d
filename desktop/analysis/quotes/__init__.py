"""Direct quotations and who said them.

- extraction.py: `extract_quotes(parsed, entities, references)`: which quoted stretches are quotations
  at all (titles, labels and scare quotes are not).
- marks.py: `find_quote_spans(text)`: pairing quotation marks over the whole text, every common style.
- speakers.py: `attribute_speaker(span, references)`: where speakers are attributed, and a chain of
  quotes continuing one speaker.
- cues.py: the speech verb that reports a quote ("said", "according to"), found in the parse.
- mentions.py: from a cue verb to the speaker as written ("A spokesperson for Johnson’s office").
Pronouns and descriptions are resolved by the shared resolver in desktop/analysis/references/.
"""

from __future__ import annotations

from desktop.analysis.quotes.extraction import extract_quotes
from desktop.analysis.quotes.marks import find_quote_spans
from desktop.analysis.quotes.speakers import Attribution, attribute_speaker, attribute_speakers

__all__ = ["Attribution", "attribute_speaker", "attribute_speakers", "extract_quotes", "find_quote_spans"]
