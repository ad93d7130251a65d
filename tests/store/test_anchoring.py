"""Re-anchoring on edited texts: the passage follows insertions and edits, and is detached when gone."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.documents.model import Document
from desktop.store.anchoring import quote_selector, reanchor
from desktop.store.library import open_library

from .conftest import article

TEXT = article().text
PASSAGE = "expressed deep concern about the ongoing hostile Russian activity on the Ukrainian border"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def mark(text: str, passage: str, occurrence: int = 0) -> Mark:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return Mark(start, start + len(passage), *quote_selector(text, start, start + len(passage)))


def placed(text: str, where: tuple[int, int] | None) -> str | None:
    return None if where is None else text[where[0] : where[1]]


def test_unchanged_text_keeps_the_position():
    m = mark(TEXT, PASSAGE)
    assert reanchor(m, TEXT) == (m.start, m.end)


def test_insertion_before_the_passage_moves_it():
    m = mark(TEXT, PASSAGE)
    edited = "Editor's note: this story was updated.\n\n" + TEXT
    assert reanchor(m, edited) == (m.start + 40, m.end + 40)


def test_insertion_after_the_passage_leaves_it():
    m = mark(TEXT, PASSAGE)
    edited = TEXT[: m.end + 50] + " (and more words here) " + TEXT[m.end + 50 :]
    assert reanchor(m, edited) == (m.start, m.end)


def test_insertion_right_against_the_passage_still_finds_it():
    m = mark(TEXT, PASSAGE)
    edited = TEXT[: m.start] + "[sic] " + TEXT[m.start : m.end] + " [emphasis added]" + TEXT[m.end :]
    assert placed(edited, reanchor(m, edited)) == PASSAGE


def test_insertion_inside_the_passage_covers_the_longer_passage():
    m = mark(TEXT, PASSAGE)
    inside = PASSAGE.replace("hostile ", "hostile and, officials said, escalating ")
    edited = TEXT.replace(PASSAGE, inside)
    assert placed(edited, reanchor(m, edited)) == inside


def test_an_edited_passage_is_followed():
    m = mark(TEXT, PASSAGE)
    changed = PASSAGE.replace("deep concern", "grave concern").replace(
        "Ukrainian border", "Ukrainian frontier"
    )
    edited = "A new first line.\n" + TEXT.replace(PASSAGE, changed)
    assert placed(edited, reanchor(m, edited)) == changed


def test_an_edited_passage_with_insertions_before_it():
    m = mark(TEXT, PASSAGE)
    changed = PASSAGE.replace("ongoing", "continuing")
    edited = (
        TEXT[:200]
        + "An added paragraph about something else entirely.\n\n" * 5
        + TEXT[200:].replace(PASSAGE, changed)
    )
    assert placed(edited, reanchor(m, edited)) == changed


def test_a_deleted_passage_cannot_be_placed():
    m = mark(TEXT, PASSAGE)
    sentence_start = TEXT.rfind("\n", 0, m.start) + 1
    sentence_end = TEXT.find("\n", m.end)
    edited = TEXT[:sentence_start] + TEXT[sentence_end + 1 :]
    assert reanchor(m, edited) is None


def test_a_rewritten_passage_cannot_be_placed():
    m = mark(TEXT, PASSAGE)
    edited = TEXT.replace(
        PASSAGE, "said nothing of note to reporters on Wednesday afternoon in the capital city"
    )
    assert reanchor(m, edited) is None


def test_a_repeated_passage_keeps_the_occurrence_with_its_context():
    text = "Alpha said yes. Beta said no. Gamma said yes. Delta said maybe."
    second = mark(text, "said yes", occurrence=1)
    edited = "Intro. " + text.replace("Beta said no. ", "")
    where = reanchor(second, edited)
    assert where is not None and edited[where[0] - 6 : where[1]] == "Gamma said yes"


@settings(max_examples=60, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(TEXT)),
    inserted=st.text(alphabet="abcdefghij ,.\n", min_size=1, max_size=300),
)
def test_any_insertion_outside_the_passage_keeps_it(position, inserted):
    m = mark(TEXT, PASSAGE)
    if m.start < position < m.end:
        position = m.end
    edited = TEXT[:position] + inserted + TEXT[position:]
    assert placed(edited, reanchor(m, edited)) == PASSAGE


def test_a_changed_file_moves_its_annotations_and_keeps_the_detached(tmp_path):
    path = tmp_path / "article.txt"
    original = Document.from_text(TEXT, format="txt", path=path)
    deleted_sentence = "Johnson and Putin spoke by phone Feb. 2 as part of ongoing diplomatic efforts"
    with open_library(tmp_path / "library.db") as library:
        kept = library.add_annotation(original, *span(TEXT, PASSAGE), note="kept")
        lost = library.add_annotation(original, *span(TEXT, deleted_sentence), note="the passage goes")
        key_start, key_end = span(TEXT, "Boris Johnson")
        library.set_verdict(original, "entity", key_start, key_end, "corrected", label="Boris Johnson")
    edited_text = "UPDATED\n\n" + TEXT.replace(deleted_sentence, "")
    edited = Document.from_text(edited_text, format="txt", path=path)
    with open_library(tmp_path / "library.db") as library:
        stored = library.remember_document(edited)
        assert (stored.reanchored, stored.detached) == (2, 1)
        notes = library.annotations_for(edited)
        assert [n.note for n in notes] == ["", "kept", "the passage goes"]
        verdict, moved, detached = notes
        assert verdict.auto_key == f"entity:{key_start + 9}:{key_end + 9}"
        assert (moved.start, moved.end) == span(edited_text, PASSAGE) and not moved.detached
        assert moved.exact == kept.exact == PASSAGE
        assert moved.document_sha256 == edited.sha256
        assert detached.detached and detached.export_status == "detached"
        assert (detached.start, detached.exact, detached.document_sha256) == (
            lost.start,
            lost.exact,
            original.sha256,
        )
    # The text comes back: the detached annotation is attached again.
    with open_library(tmp_path / "library.db") as library:
        library.remember_document(original)
        back = {n.note: n for n in library.annotations_for(original)}
        assert not back["the passage goes"].detached
        assert (back["the passage goes"].start, back["kept"].start) == (lost.start, kept.start)


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


@pytest.mark.parametrize("passage", ["Ukraine", "Johnson"])
def test_short_passages_repeated_many_times_stay_on_their_occurrence(passage):
    m = mark(TEXT, passage, occurrence=2)
    edited = "New lead paragraph.\n\n" + TEXT
    assert reanchor(m, edited) == (m.start + 21, m.end + 21)


def test_a_short_passage_does_not_jump_to_another_mention():
    text = "Talks began in Geneva on Monday. Later, officials flew to Geneva again for a second round."
    first = mark(text, "Geneva")
    edited = "Talks began on Monday. Later, officials flew to Geneva again for a second round."
    assert reanchor(first, edited) is None
    second = mark(text, "Geneva", occurrence=1)
    assert placed(edited, reanchor(second, edited)) == "Geneva"
