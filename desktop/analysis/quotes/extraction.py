"""Direct quotations: which quoted stretches are quotations at all, and telling them from titles and labels.

The marks are paired by marks.py and who said each quote is speakers.py's business; this module decides
which quoted stretches are quotations: a short fragment in quotation marks ("tough on China", “Star
Wars”) is a title or a label unless somebody is said to have said it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.analysis.lexicon import words as word_list
from desktop.analysis.nlp import ParsedText
from desktop.analysis.quotes.marks import QUOTE_MARK, WORD, find_quote_spans
from desktop.analysis.quotes.speakers import attribute_speakers
from desktop.analysis.records import Entity, Quote, QuoteSpan
from desktop.analysis.references import DocumentIndex, References, build_references

# Words a title keeps in lower case ("Pirates of the Caribbean").
_MINOR_WORDS = word_list("title_minor_words")

# A quote of this many words or more is a quotation even with nobody attached to it.
SENTENCE_WORDS = 5


def extract_quotes(parsed: ParsedText, entities: list[Entity], references: References | None = None) -> list[Quote]:
    """Every direct quotation in the text, with its speaker where one can be found. `references` is the
    document's resolver (engine.py builds it once for quotes and facts); without it one is built here."""
    text = parsed.text
    if references is None:
        references = build_references(parsed, entities, find_quote_spans(text))
    spans = references.index.quote_spans
    if not spans:
        return []
    attributions = attribute_speakers(references)
    quotes: list[Quote] = []
    seen_fragments: set[str] = set()
    for span, attribution in zip(spans, attributions, strict=True):
        inner = quote_content(text, span)
        words = WORD.findall(inner)
        if not words:
            continue
        short = len(words) < SENTENCE_WORDS and not _has_inner_sentence_break(inner)
        alone = stands_alone(text, span)
        key = " ".join(w.lower() for w in words)
        repeated = key in seen_fragments
        seen_fragments.add(key)
        # A title in quotation marks (“The Lord of the Rings”) unless it is said right there or stands
        # as a sentence of its own (‘Never.’).
        if is_title_like(words) and not (attribution.adjacent or attribution.naming or alone):
            continue
        # Words quoted again and again are a label ("phase one") or a slogan, not something said twice,
        # unless the parse ties them to a speaker once more ("Trump called it “a con”" after a headline).
        if repeated and (attribution.speaker is None or (short and not attribution.reported)):
            continue
        if short and attribution.speaker is None:
            continue
        quotes.append(
            Quote(span.start, span.end, text[span.start : span.end], attribution.speaker, attribution.cue)
        )
    return group_pieces(quotes, references)


def group_pieces(quotes: list[Quote], references: References) -> list[Quote]:
    """The quotes with their statement: a run of quotes by one speaker in one paragraph ("“A,” he
    said. “B.”") is one statement, whose pieces share the index of the first."""
    index = references.index
    grouped: list[Quote] = []
    first = 0
    for k, quote in enumerate(quotes):
        if k == 0 or not _same_statement(index, quotes[k - 1], quote):
            first = k
        grouped.append(replace(quote, group=first))
    return grouped


def _same_statement(index: DocumentIndex, previous: Quote, quote: Quote) -> bool:
    if _source(previous) != _source(quote):
        return False
    paragraph = index.paragraph_number(previous.start)
    return paragraph >= 0 and index.paragraph_number(quote.start) == paragraph


def _source(quote: Quote) -> str | None:
    return None if quote.speaker is None else quote.speaker.canonical or quote.speaker.text


def quote_content(text: str, span: QuoteSpan) -> str:
    """The words between the marks (a quote left unclosed at its paragraph's end has no closing mark),
    with the marks of continued paragraphs left in."""
    start = span.start + (2 if text.startswith(("''", "``"), span.start) else 1)
    end = span.end
    if text.endswith("''", start, end):
        end -= 2
    elif QUOTE_MARK.match(text, end - 1):
        end -= 1
    return text[start:end] if end > start else ""


def stands_alone(text: str, span: QuoteSpan) -> bool:
    """True when the quote opens its sentence and ends it: nothing else of the sentence is outside it."""
    before = text[max(0, span.start - 200) : span.start].rstrip(" \t")
    opens = not before or before[-1] in "\n.!?:" or (before[-1] in "”’\"'" and before[-2:-1] in ".!?,")
    inner_end = quote_content(text, span).rstrip()
    return opens and bool(inner_end) and inner_end[-1] in ".!?…"


def is_title_like(words: list[str]) -> bool:
    """True for “Star Wars”, “Mary Poppins”: every word but the small ones capitalised."""
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and words[0][0].isupper()


def _has_inner_sentence_break(inner: str) -> bool:
    return re.search(r"[.!?]\s+\S", inner.strip()) is not None


