"""The highlight index, offset mapping and sliced painting, on hand-made records."""

from __future__ import annotations

from desktop.analysis.records import Analysis, Entity, Number, Quote, Speaker
from desktop.ui.highlight_painter import painted_categories
from desktop.ui.highlights import HighlightIndex
from desktop.ui.text_positions import TextPositions

TEXT = "“Alice Smith paid 40 dollars,” Bob said in Paris."


def sample_analysis() -> Analysis:
    alice = TEXT.index("Alice Smith")
    forty = TEXT.index("40 dollars")
    paris = TEXT.index("Paris")
    quote_end = TEXT.index("”") + 1
    bob = TEXT.index("Bob")
    return Analysis(
        model_name="test",
        model_version="0",
        entities=(
            Entity(alice, alice + 11, "Alice Smith", "PERSON", "person", "Alice Smith"),
            Entity(paris, paris + 5, "Paris", "GPE", "place", "Paris"),
        ),
        quotes=(Quote(0, quote_end, TEXT[:quote_end], Speaker(bob, bob + 3, "Bob", "Bob Jones"), "said"),),
        numbers=(Number(forty, forty + 10, "40 dollars", 40.0, "USD", "exact", "money", "USD"),),
    )


def test_innermost_shown_highlight_wins():
    index = HighlightIndex(sample_analysis())
    alice = TEXT.index("Alice") + 2
    assert index.at(alice).category == "person"
    assert index.at(alice, {"quote", "number"}).category == "quote"
    assert index.at(TEXT.index("paid")).category == "quote"
    assert index.at(TEXT.index("Bob")) is None
    assert index.counts == {"person": 1, "place": 1, "quote": 1, "number": 1}


def test_next_and_previous_respect_categories():
    index = HighlightIndex(sample_analysis())
    first = index.next_after(-1, {"person", "place", "quote", "number"})
    assert first.category == "quote"
    assert index.next_after(first.start, {"place"}).category == "place"
    assert index.previous_before(len(TEXT), {"number"}).category == "number"
    assert index.next_after(TEXT.index("Paris"), {"person"}) is None


def test_positions_count_utf16_units():
    text = "🙂 Ann\nis 😀 here"
    positions = TextPositions(text)
    for offset in range(len(text) + 1):
        qt = positions.to_qt(offset)
        assert qt == len(text[:offset].encode("utf-16-le")) // 2
        assert positions.from_qt(qt) == offset


def test_many_highlights_are_painted_in_slices(qtbot):
    from desktop.ui.article_view import ArticleView

    line = "Ann met Bob in Rome on 3 May.\n"
    text = line * 4000
    entities = []
    for i in range(4000):
        base = i * len(line)
        for word, kind in (("Ann", "person"), ("Bob", "person"), ("Rome", "place")):
            s = base + line.index(word)
            entities.append(Entity(s, s + len(word), word, "X", kind, word))
    analysis = Analysis("test", "0", entities=tuple(entities))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_text(text)
    assert view.loading  # a long text also arrives in slices
    qtbot.waitUntil(lambda: not view.loading)
    assert view.toPlainText() == text
    view.show_highlights(HighlightIndex(analysis))
    assert view.painting  # 12,000 formats do not fit in one slice of the GUI thread
    first_block = view.document().firstBlock()
    assert len(first_block.layout().formats()) == 3  # the visible part is painted at once
    qtbot.waitUntil(lambda: not view.painting, timeout=60_000)
    assert painted_categories(view) == {"person": 8000, "place": 4000}


def _tinted(view, start: int, end: int, colour: str) -> bool:
    """Whether the rendered viewport shows `colour` behind the text from start to end (on screen)."""
    from PySide6.QtGui import QColor

    cursor = view.cursor_at(start, end)
    left, right = view.cursorRect(view.cursor_at(start, start)), view.cursorRect(view.cursor_at(end, end))
    image = view.viewport().grab().toImage()
    want = QColor(colour).rgb()
    y = (left.top() + left.bottom()) // 2
    xs = range(left.left() + 1, right.left() - 1)
    assert cursor.hasSelection() and len(xs) > 4, "the range must be on screen"
    hits = sum(image.pixelColor(x, y).rgb() == want for x in xs) + sum(
        image.pixelColor(x, left.top() + 1).rgb() == want for x in xs
    )
    return hits >= len(xs) // 2


def test_highlights_far_below_are_drawn_when_scrolled_to_and_toggling_reaches_them(qtbot):
    from desktop.ui.article_view import ArticleView
    from desktop.ui.palette import CATEGORIES, colours

    line = "Some words of a long article go here.\n"
    text = line * 3000 + "Then Marguerite Ostrander spoke.\n" + line * 50
    start = text.index("Marguerite Ostrander")
    end = start + len("Marguerite Ostrander")
    analysis = Analysis("test", "0", entities=(Entity(start, end, text[start:end], "PERSON", "person", "M. O."),))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_text(text)
    qtbot.waitUntil(lambda: not view.loading, timeout=60_000)
    view.show_highlights(HighlightIndex(analysis))
    qtbot.waitUntil(lambda: not view.painting, timeout=60_000)
    tint = colours("person", False).tint

    def scroll_to_the_name() -> None:
        view.setTextCursor(view.cursor_at(start, start))
        view.centerCursor()
        qtbot.wait(20)

    scroll_to_the_name()  # painted while off screen, drawn once scrolled to
    assert _tinted(view, start, end, tint)
    view.verticalScrollBar().setValue(0)
    view.painter.paint(view.painter.index, set(CATEGORIES) - {"person"})  # toggled off while off screen
    qtbot.waitUntil(lambda: not view.painter.busy, timeout=60_000)
    scroll_to_the_name()
    assert not _tinted(view, start, end, tint)


def test_highlights_sort_by_start_then_the_longer_first_keeping_ties_in_order():
    import random

    from desktop.ui.highlights import Highlight, sort_by_position

    rng = random.Random(7)
    items = []
    for i in range(3000):
        start = rng.randrange(0, 3_000_000) if i % 3 else rng.randrange(0, 40)  # many equal starts
        end = start + rng.choice((0, 1, 2, 5, 40, 900))
        items.append(Highlight("person", start, end, "entity", i))
    expected = sorted(items, key=lambda h: (h.start, -h.end))  # stable: ties keep their order
    sort_by_position(items)
    assert [h.index for h in items] == [h.index for h in expected]
    empty: list[Highlight] = []
    sort_by_position(empty)
    assert empty == []
