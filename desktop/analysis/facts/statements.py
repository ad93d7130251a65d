"""Statements: who said what, from direct quotes and from reported speech.

- `quote_statements`: one statement per run of quotes by the same speaker in one paragraph, so a quote
  split by its attribution ("“A,” he said. “B.”") is one statement.
- `reported_speech`: a speech verb with a named subject and a clause it reports ("Kirby said the
  moves were temporary").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.analysis.facts.clauses import PRONOUNS, clause, clause_bounds, one_line, subject_of
from desktop.analysis.nlp import ParsedText, SentenceSpan
from desktop.analysis.records import Fact, Quote
from desktop.analysis.references import References

if TYPE_CHECKING:
    from spacy.tokens import Token


class QuoteSpans:
    """The quotes' spans in order, to tell whether a stretch of text is (partly) quoted."""

    def __init__(self, quotes: list[Quote]):
        self.spans = sorted((q.start, q.end) for q in quotes)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and max(e for _, e in self.spans[max(0, i - 8) : i]) > start


class _ParagraphBounds:
    """Where each paragraph starts and ends (Paragraph.end rebuilds the Doc's text on every call)."""

    def __init__(self, parsed: ParsedText):
        self.starts = [p.start for p in parsed.paragraphs]
        self.ends = [
            p.start + (p.doc[-1].idx + len(p.doc[-1].text) if len(p.doc) else 0) for p in parsed.paragraphs
        ]

    def of(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, offset) - 1
        return (self.starts[i], self.ends[i]) if i >= 0 and offset < self.ends[i] else None


def quote_statements(parsed: ParsedText, quotes: list[Quote], references: References) -> Iterable[Fact]:
    """One statement per run of quotes by the same speaker in one paragraph ("“…,” he said. “…”")."""
    bounds = _ParagraphBounds(parsed)
    group: list[int] = []
    for k, quote in enumerate(quotes):
        if group and not _continues(bounds, quotes[group[-1]], quote):
            yield _statement_of(bounds, quotes, group, references)
            group = []
        group.append(k)
    if group:
        yield _statement_of(bounds, quotes, group, references)


def _continues(bounds: _ParagraphBounds, previous: Quote, quote: Quote) -> bool:
    if previous.group is not None and quote.group is not None:
        return quote.group == previous.group  # the quotes know their statement (quotes/extraction.py)
    if _source(previous) != _source(quote):
        return False
    para = bounds.of(previous.start)
    return para is not None and quote.start < para[1]


def _source(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    return quote.speaker.canonical or quote.speaker.text


def _statement_of(bounds: _ParagraphBounds, quotes: list[Quote], group: list[int], references: References) -> Fact:
    first, last = quotes[group[0]], quotes[group[-1]]
    start, end = first.start, last.end
    speaker = first.speaker
    para = bounds.of(start)
    if speaker is not None and para is not None and para[0] <= speaker.start < para[1]:
        start, end = min(start, speaker.start), max(end, speaker.end)
    said = " … ".join(_unquoted(quotes[k].text).rstrip(",") for k in group)
    source = _source(first)
    cue = first.cue or next((quotes[k].cue for k in group if quotes[k].cue), None)
    text = f"{source}: “{said}”" if source else f"Unattributed: “{said}”"
    return Fact(
        kind="statement",
        text=one_line(text),
        start=start,
        end=end,
        subject=source,
        predicate=cue,
        object=said,
        source=source,
        quote_refs=tuple(group),
        entity_refs=references.index.entity_refs_within(start, end),
    )


def _unquoted(text: str) -> str:
    return text.strip().strip("“”„‟«»「」『』\"'‘’‚`").strip()


def reported_speech(sent: SentenceSpan, verb: Token, references: References, quoted: QuoteSpans) -> Fact | None:
    """ "Kirby said the moves were temporary": a speech verb with a named subject and a clause it reports."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subject_tok = subject_of(verb)
    if content is None or subject_tok is None or subject_tok.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if subject_tok.head.i != verb.i and verb.dep_ != "conj":
        return None  # "…, saying …" hangs from a clause whose subject need not be the speaker
    para = sent.paragraph
    doc = para.doc
    lo, hi = clause_bounds(content, None)
    if hi - lo < 2:
        return None
    start = para.start + doc[lo].idx
    end = para.start + doc[hi].idx + len(doc[hi].text)
    if quoted.overlaps(start, end):
        return None  # a direct quote: already a statement of its own
    stated = clause(sent, verb, references, content)
    if stated.subject is None or stated.subject.lower() in PRONOUNS:
        return None
    said = doc[lo : hi + 1].text
    span_start, span_end = min(stated.start, start), max(stated.end, end)
    return Fact(
        kind="statement",
        text=stated.summary,
        start=span_start,
        end=span_end,
        subject=stated.subject,
        predicate=verb.lemma_.lower(),
        object=said,
        source=stated.subject,
        entity_refs=references.index.entity_refs_within(span_start, span_end),
    )
