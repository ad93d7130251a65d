"""Runs a loaded spaCy pipeline over a text as a stream of paragraphs, with progress and cancel.

One nlp() call on a long article holds the GIL for hundreds of milliseconds and would freeze the
reading window, so the text is fed to nlp.pipe in paragraphs (very long lines are cut into chunks),
with progress reported and cancellation checked between them. Offsets are mapped back into the
whole text by ParsedText; long texts may be shared with forked helper processes (parallel.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from desktop.config import analysis_processes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

MAX_CHUNK = 3000
# Paragraphs per nlp.pipe batch: larger batches give BLAS larger matrices (64 ran 12% faster than 16
# here; 128 no faster). The window runs the analysis in a child process, so how long one batch holds
# that process's GIL does not reach the GUI; cancelling waits at most one batch.
PIPE_BATCH = 64
# Texts from this length up may be parsed by several processes (see parse_processes).
PARALLEL_MIN_CHARS = 150_000


class AnalysisCancelled(Exception):
    """Raised between batches when the caller's `cancelled()` turns true."""


def never_cancelled() -> bool:
    return False


def ignore_progress(_fraction: float) -> None:
    pass


@dataclass(frozen=True)
class Paragraph:
    start: int
    doc: Doc

    @cached_property
    def end(self) -> int:
        # Doc.text joins every token; once per paragraph is enough.
        return self.start + len(self.doc.text)


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence with its absolute offsets and the paragraph it sits in."""

    start: int
    end: int
    span: Span
    paragraph: Paragraph


class ParsedText:
    """A text and its paragraphs' spaCy Docs, with offsets mapped back into the whole text."""

    def __init__(self, text: str, paragraphs: list[Paragraph]):
        self.text = text
        self.paragraphs = paragraphs
        self._starts = [p.start for p in paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        from bisect import bisect_right

        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def sentences(self) -> Iterator[SentenceSpan]:
        for para in self.paragraphs:
            for sent in para.doc.sents:
                yield SentenceSpan(para.start + sent.start_char, para.start + sent.end_char, sent, para)

    def sentence_at(self, offset: int) -> SentenceSpan | None:
        para = self.paragraph_at(offset)
        if para is None:
            return None
        local = offset - para.start
        for sent in para.doc.sents:
            if sent.start_char <= local < sent.end_char:
                return SentenceSpan(para.start + sent.start_char, para.start + sent.end_char, sent, para)
        return None

    def token_span(self, para: Paragraph, span: Span) -> tuple[int, int]:
        return para.start + span.start_char, para.start + span.end_char


_SOFT_BREAK = re.compile(r"(?<=[.!?;:])\s+|\s+")


def split_paragraphs(text: str, max_chunk: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs for every non-blank line; lines longer than max_chunk are cut at spaces."""
    pieces: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        while len(line) > max_chunk:
            cut = _best_cut(line, max_chunk)
            pieces.append((start, line[:cut]))
            start += cut
            line = line[cut:]
        if line.strip():
            pieces.append((start, line))
    return pieces


def _best_cut(line: str, limit: int) -> int:
    """Cut after a sentence end if one is in the last third of the window, else after a space, else hard."""
    window = line[:limit]
    for pattern in (r"[.!?][\"'”’)]?\s", r"\s"):
        matches = [m.end() for m in re.finditer(pattern, window)]
        if matches and matches[-1] > limit // 3:
            return matches[-1]
    return limit


def parse_processes(length: int) -> int:
    """How many processes parse a text of `length` characters (see parallel.py).

    Only where processes start by fork, since a spawned helper would load the model again (seconds
    that a text must be long to win back), and only from PARALLEL_MIN_CHARS, below which starting a
    helper costs more than it saves. FACTLIGHT_PROCESSES sets the number (1: never).
    """
    if length < PARALLEL_MIN_CHARS:
        return 1
    from desktop.analysis.nlp.parallel import can_fork

    return analysis_processes() if can_fork() else 1


def parse(
    text: str,
    nlp: Language,
    progress: Progress = ignore_progress,
    cancelled: Cancelled = never_cancelled,
) -> ParsedText:
    """Run `nlp` over `text` paragraph by paragraph; raises AnalysisCancelled when asked to stop."""
    pieces = split_paragraphs(text)
    total = sum(len(p) for _, p in pieces) or 1
    done = 0
    paragraphs: list[Paragraph] = []
    processes = parse_processes(len(text))
    if processes > 1:
        from desktop.analysis.nlp.parallel import shared_pipe

        docs = shared_pipe(nlp, [p for _, p in pieces], processes, PIPE_BATCH)
    else:
        docs = nlp.pipe((p for _, p in pieces), batch_size=PIPE_BATCH)
    with closing(docs):  # a cancelled parse stops the helper processes before raising
        for (offset, piece), doc in zip(pieces, docs, strict=True):
            paragraphs.append(Paragraph(offset, doc))
            done += len(piece)
            progress(done / total)
            if cancelled():
                raise AnalysisCancelled()
    return ParsedText(text, paragraphs)
