"""A quote interrupted by its attribution ("“A,” he said. “B.”") is one statement in the Facts panel
and in the Details panel, with its pieces highlighted; analyses made before quotes knew their
statement still list each quote."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from desktop.analysis.records import Analysis, Quote, Speaker
from desktop.ui.details_panel import DetailsPanel
from desktop.ui.facts_model import RECORD_ROLE, FactsModel, build_fact_tree
from desktop.ui.highlights import Highlight

TEXT = "“We are ready for the storm,” Ines Corral said. “Every shelter is open.”\n\n“Stay home,” she added."


def analysis(groups: tuple[int | None, ...] = (0, 0, 2)) -> Analysis:
    first_end = TEXT.index("”") + 1
    second = TEXT.index("“Every")
    third = TEXT.index("“Stay")
    ines = TEXT.index("Ines")
    she = TEXT.index("she")
    corral = Speaker(ines, ines + len("Ines Corral"), "Ines Corral", "Ines Corral")
    spans = [(0, first_end), (second, TEXT.index("”", second) + 1), (third, TEXT.index("”", third) + 1)]
    speakers = [corral, corral, Speaker(she, she + 3, "she", "Ines Corral")]
    quotes = tuple(
        Quote(a, b, TEXT[a:b], s, "said" if k < 2 else "added", g)
        for k, ((a, b), s, g) in enumerate(zip(spans, speakers, groups, strict=True))
    )
    return Analysis("en_core_web_sm", "3.8.0", quotes=quotes)


def statement_rows(root):
    (group,) = [g for g in root.children if g.label == "Who said what"]
    rows = [row for speaker in group.children for row in speaker.children]
    return group, rows


def test_the_pieces_of_an_interrupted_quote_are_one_row_in_the_facts_panel(qtbot):
    group, rows = statement_rows(build_fact_tree(analysis(), TEXT))
    assert group.count == 2
    assert [row.record for row in rows] == [("quote", 0), ("quote", 2)]
    first = rows[0]
    assert "ready for the storm" in first.label and "Every shelter is open" in first.label
    assert first.target == (0, TEXT.index("open.”") + len("open.”"))
    model = FactsModel()
    model.set_tree(build_fact_tree(analysis(), TEXT))
    speakers = model.index(0, 0)
    assert model.rowCount(model.index(0, 0, speakers)) == 2
    assert model.data(model.index(0, 0, model.index(0, 0, speakers)), RECORD_ROLE) == ("quote", 0)


def test_an_older_analysis_lists_every_quote(qtbot):
    _group, rows = statement_rows(build_fact_tree(analysis((None, None, None)), TEXT))
    assert [row.record for row in rows] == [("quote", 0), ("quote", 1), ("quote", 2)]


def test_the_details_panel_shows_the_whole_statement_with_its_pieces_highlighted(qtbot):
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    shown = analysis()
    panel.set_analysis(shown, TEXT)
    second = shown.quotes[1]
    panel.show_highlight(Highlight("quote", second.start, second.end, "quote", 1))
    text = panel.plain_text()
    assert "ready for the storm" in text and "Every shelter is open" in text
    assert "Pieces\n2, split by the attribution" in text
    html = panel.browser.toHtml()
    assert html.count("background-color") >= 2  # each piece tinted; "Ines Corral said." between them plain
    assert "Other quotes by Ines Corral" in text and "Stay home" in text
    panel.show_highlight(Highlight("quote", shown.quotes[2].start, shown.quotes[2].end, "quote", 2))
    assert "Pieces" not in panel.plain_text()


def test_a_lone_quote_keeps_its_own_row(qtbot):
    alone = analysis()
    quotes = (alone.quotes[0], replace(alone.quotes[1], group=1), alone.quotes[2])
    _group, rows = statement_rows(build_fact_tree(replace(alone, quotes=quotes), TEXT))
    assert [row.record for row in rows] == [("quote", 0), ("quote", 1), ("quote", 2)]


WINDOW_TEXT = (
    "Harbour works\n\n"
    "“The old bridge will reopen in May,” the city engineer Tomas Berg said on Tuesday. “Until then, "
    "take the ferry.”\n\n"
    "Shop owners on the quay were less sure. “We have heard that before,” said Lena Moss, who sells bread.\n"
)


def test_clicking_one_piece_of_an_interrupted_quote_marks_every_piece(qtbot, make_window, tmp_path):
    from tests.ui.conftest import wait_for_highlights

    path = tmp_path / "harbour.txt"
    path.write_text(WINDOW_TEXT, encoding="utf-8")
    window = make_window()
    window.open_file(path)
    wait_for_highlights(qtbot, window)
    quotes = window.analysis.quotes
    first = next(i for i, q in enumerate(quotes) if "old bridge" in q.text)
    second = next(i for i, q in enumerate(quotes) if "Until then" in q.text)
    other = next(i for i, q in enumerate(quotes) if "heard that" in q.text)
    assert quotes[second].group == first  # the real pipeline and extractor see one statement
    view = window.view

    def marked() -> set[tuple[int, int]]:
        return {(view.positions.from_qt(s.cursor.selectionStart()), view.positions.from_qt(s.cursor.selectionEnd()))
                for s in view.extraSelections()}

    piece = window.index.find("quote", second)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.span_rect_center(piece.start + 2, piece.end))
    assert view.current == piece
    both = {(quotes[first].start, quotes[first].end), (quotes[second].start, quotes[second].end)}
    assert marked() == both
    # A quote of one piece marks itself alone; a name marks itself alone.
    view.select_highlight(window.index.find("quote", other))
    assert marked() == {(quotes[other].start, quotes[other].end)}
    name = next(h for h in window.index.items if h.record == "entity")
    view.select_highlight(name)
    assert marked() == {(name.start, name.end)}
    view.select_highlight(window.index.find("quote", first))
    assert marked() == both
