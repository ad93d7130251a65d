"""The reading window of issue 4 driven on the sample article: highlights, details, toggles, facts,
keyboard navigation, find, and cancelling an analysis by opening another file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl

from desktop.documents import load
from desktop.resources import sample_article
from desktop.ui.descriptions import mentions_of
from desktop.ui.facts_model import RECORD_ROLE, TARGET_ROLE
from desktop.ui.highlight_painter import painted_categories
from tests.ui.conftest import wait_for_highlights, wait_for_text

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def click_span(qtbot, window, start: int, end: int) -> None:
    view = window.view
    view.reveal(start, end)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.span_rect_center(start, end))


def entity_named(window, text: str):
    return next(i for i, e in enumerate(window.analysis.entities) if e.text == text)


def test_highlights_are_painted_for_every_category_found(analysed_window):
    window = analysed_window
    painted = painted_categories(window.view)
    for category, count in window.index.counts.items():
        assert painted.get(category, 0) >= 1, category
        assert window.legend.counts[category] == count
    assert window.index.count("person") >= 5
    assert window.legend.buttons["person"].text() == f"People  {window.index.count('person')}"


def test_click_john_kirby_shows_him_in_the_details_panel(qtbot, analysed_window):
    window = analysed_window
    kirby = window.analysis.entities[entity_named(window, "John Kirby")]
    click_span(qtbot, window, kirby.start, kirby.end)
    details = window.details_panel
    assert details.highlight is not None and details.highlight.record == "entity"
    assert window.analysis.entities[details.highlight.index].text == "John Kirby"
    shown = details.plain_text()
    assert "Person" in shown and "John Kirby" in shown
    assert "Every mention" in shown
    assert window.view.current == details.highlight


def test_john_kirby_details_give_his_role_and_every_mention(qtbot, analysed_window):
    window = analysed_window
    kirby_index = entity_named(window, "John Kirby")
    click_span(qtbot, window, window.analysis.entities[kirby_index].start, window.analysis.entities[kirby_index].end)
    shown = window.details_panel.plain_text()
    assert "Pentagon spokesman" in shown
    mentions = [e for e in window.analysis.entities if e.text in ("Kirby", "John Kirby")]
    assert len(mentions_of(window.analysis, window.analysis.entities[kirby_index])) == len(mentions) == 7
    assert f"Mentions\n{len(mentions)}\n" in shown
    assert shown.count("Kirby") >= 1 + len(mentions)  # the heading and every mention listed


def test_a_mention_link_jumps_to_that_mention(qtbot, analysed_window):
    window = analysed_window
    index = entity_named(window, "Kirby")
    window.show_details(window.index.find("entity", index))
    last = mentions_of(window.analysis, window.analysis.entities[index])[-1]
    window.details_panel.jump_requested.emit("entity", last)
    assert window.view.current == window.index.find("entity", last)
    assert window.view.flash_range == (window.analysis.entities[last].start, window.analysis.entities[last].end)


def test_click_the_scholz_quote_shows_olaf_scholz_as_speaker(qtbot, analysed_window):
    window = analysed_window
    text = window.document.text
    start = text.index("“It is planned and it will take place soon,”")
    click_span(qtbot, window, start + 4, start + 10)  # on "is planned", inside the quote, outside any name
    details = window.details_panel
    assert details.highlight is not None and details.highlight.record == "quote"
    quote = window.analysis.quotes[details.highlight.index]
    assert quote.text.startswith("“It is planned")
    shown = details.plain_text()
    assert "Olaf Scholz" in shown
    assert "Scholz" in shown.split("Speaker as written", 1)[1]


def test_toggling_numbers_off_leaves_no_number_highlight(qtbot, analysed_window):
    window = analysed_window
    assert painted_categories(window.view).get("number", 0) >= 1
    action = window.actions_.categories["number"]
    assert action.shortcut().toString() == "Ctrl+7"
    action.trigger()
    qtbot.waitUntil(lambda: not window.view.painting)
    assert "number" not in painted_categories(window.view)
    assert not window.legend.buttons["number"].isChecked()
    assert window.strip.marks("number") == set()
    number = window.analysis.numbers[0]
    hit = window.index.at(number.start, window.shown_categories())
    assert hit is None or hit.category != "number"
    assert window.settings.hidden_categories() == {"number"}
    # On again from the legend, without analysing again.
    analysis = window.analysis
    window.legend.buttons["number"].click()
    qtbot.waitUntil(lambda: not window.view.painting)
    assert painted_categories(window.view)["number"] == window.index.count("number")
    assert window.analysis is analysis


def test_clicking_a_fact_scrolls_to_its_sentence_and_flashes_it(qtbot, analysed_window):
    window = analysed_window
    proxy, tree = window.facts_panel.proxy, window.facts_panel.tree
    leaves = []
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0)
        stack = [group]
        while stack:
            index = stack.pop()
            if index.data(TARGET_ROLE) is not None:
                leaves.append(index)
            stack += [proxy.index(r, 0, index) for r in range(proxy.rowCount(index))]
    last = max(leaves, key=lambda i: i.data(TARGET_ROLE)[0])
    start, end = last.data(TARGET_ROLE)
    assert start > len(window.document.text) / 2  # far enough down that the view must scroll
    assert window.view.verticalScrollBar().value() == 0
    tree.scrollTo(last)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(last).center())
    view = window.view
    rect = view.cursorRect(view.cursor_at(start))
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(rect.center())
    assert view.flash_range == (start, end)
    if last.data(RECORD_ROLE) is not None:
        assert window.details_panel.highlight is not None


def test_facts_panel_groups_and_filter(qtbot, analysed_window):
    window = analysed_window
    proxy = window.facts_panel.proxy
    groups = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert "People" in groups and "Places" in groups
    if window.analysis.quotes:
        assert groups[0] == "Who said what"
    window.facts_panel.filter_box.setText("scholz")
    remaining = []
    for r in range(proxy.rowCount()):
        group = proxy.index(r, 0)
        remaining += [proxy.index(c, 0, group).data() for c in range(proxy.rowCount(group))]
    assert remaining and all("scholz" in label.casefold() for label in remaining)


def test_keyboard_walks_the_highlights_and_enter_shows_details(qtbot, analysed_window):
    window = analysed_window
    view = window.view
    view.setFocus()
    window.actions_.next_highlight.trigger()
    first = view.current
    assert first == window.index.items[0]
    window.actions_.next_highlight.trigger()
    assert view.current.start >= first.start and view.current != first
    window.actions_.previous_highlight.trigger()
    assert view.current == first
    window.actions_.next_same.trigger()
    assert view.current.category == first.category and view.current.start > first.start
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.details_panel.highlight == view.current
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.current is None


def test_find_next_and_previous(qtbot, analysed_window):
    window = analysed_window
    window.actions_.find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "Kirby")
    assert window.view.textCursor().selectedText() == "Kirby"
    first = window.view.textCursor().position()
    window.actions_.find_next.trigger()
    assert window.view.textCursor().position() > first
    window.actions_.find_previous.trigger()
    assert window.view.textCursor().position() == first
    window.actions_.clear_selection.trigger()
    assert not window.find_bar.isVisible()


def test_every_action_is_in_a_menu(analysed_window):
    window = analysed_window
    in_menus = set()
    stack = [m.menu() for m in window.menuBar().actions()]
    while stack:
        menu = stack.pop()
        for action in menu.actions():
            in_menus.add(action)
            if action.menu():
                stack.append(action.menu())
    a = window.actions_
    for action in [a.open, a.quit, a.find, a.find_next, a.find_previous, a.clear_selection, a.zoom_in, a.zoom_out,
                   a.next_highlight, a.previous_highlight, a.next_same, a.previous_same, a.show_details,
                   *a.categories.values(), *a.themes.values()]:
        assert action in in_menus, action.text()
    assert a.open.shortcut().toString() == "Ctrl+O"
    assert a.find.shortcut().toString() == "Ctrl+F"


def test_tooltip_describes_the_highlight(analysed_window):
    window = analysed_window
    scholz = next(h for h in window.index.items if h.record == "quote" and "planned" in window.analysis.quotes[h.index].text)
    assert window.view.tooltip_for(scholz).startswith("Quote by Olaf Scholz")


def test_dark_theme_repaints_without_analysing_again(qtbot, analysed_window):
    window = analysed_window
    analysis = window.analysis
    window.actions_.themes["dark"].trigger()
    qtbot.waitUntil(lambda: not window.view.painting)
    assert window.dark and window.settings.theme() == "dark"
    assert window.view.palette().base().color().lightness() < 80
    assert window.analysis is analysis
    window.actions_.themes["light"].trigger()
    assert not window.dark


def test_overview_strip_click_jumps(qtbot, analysed_window):
    window = analysed_window
    strip = window.strip
    assert any(strip.marks(c) for c in ("person", "quote"))
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, strip.height() - 3))
    assert window.view.verticalScrollBar().value() > 0


def test_opening_another_file_cancels_the_running_analysis(qtbot, window):
    window.open_file(sample_article())
    wait_for_text(qtbot, window, load(sample_article()).text)
    first_job = window._job
    assert first_job is not None and window.status.progress.isVisible()
    other = ARTICLES / "aljazeera-nasa-moon-landers.txt"
    window.open_file(other)
    wait_for_highlights(qtbot, window)
    text = load(other).text
    assert window.document.text == text
    assert window._job is None and not window.status.progress.isVisible()
    for entity in window.analysis.entities:
        assert text[entity.start : entity.end] == entity.text


def test_cancel_stops_the_analysis(qtbot, window):
    window.open_file(sample_article())
    wait_for_text(qtbot, window, load(sample_article()).text)
    assert window.actions_.cancel_analysis.isEnabled()
    window.actions_.cancel_analysis.trigger()
    assert window.status.label.text() == "Analysis cancelled."
    assert not window.status.progress.isVisible()
    qtbot.wait(300)
    assert window.analysis is None


def test_details_panel_starts_with_the_article_at_a_glance(qtbot, analysed_window):
    window = analysed_window
    shown = window.details_panel.plain_text()
    assert "Most mentioned" in shown and "Putin" in shown
    assert "Most quoted" in shown
    # A link in the overview shows that record.
    window.details_panel._on_anchor_clicked(QUrl(f"quote:{len(window.analysis.quotes) - 1}"))
    assert window.details_panel.highlight.record == "quote"
    assert window.view.current == window.details_panel.highlight


def test_a_missing_model_is_reported_and_the_text_stays(qtbot, settings):
    from desktop.config import ModelChoice
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings, ModelChoice(name="no_such_pipeline_xyz"))
    window.show()
    try:
        with qtbot.waitSignal(window.analysis_failed, timeout=120_000) as failed:
            window.open_file(sample_article())
        assert "no_such_pipeline_xyz" in failed.args[0] and "not installed" in failed.args[0]
        wait_for_text(qtbot, window, load(sample_article()).text)
        assert window.status.label.text() == failed.args[0]
        assert not window.status.progress.isVisible()
        # A file opened after the failure gets the same explanation, not a vague one.
        with qtbot.waitSignal(window.analysis_failed, timeout=60_000) as again:
            window.open_file(ARTICLES / "twincities-wild-sabres.txt")
        assert again.args[0] == failed.args[0]
    finally:
        window.close()
        window.thread_pool.waitForDone(5000)


def test_a_status_message_is_one_line_and_keeps_the_window_still(qtbot, window):
    window.status.say("Ready.")
    qtbot.wait(50)
    height, viewport, narrowest = window.statusBar().height(), window.view.viewport().size(), window.minimumSizeHint().width()
    window.status.say("Highlighted “the end of one paragraph\n\nand the start of the next”.")
    qtbot.wait(50)
    assert window.status.label.text() == "Highlighted “the end of one paragraph and the start of the next”."
    assert window.statusBar().height() == height
    assert window.view.viewport().size() == viewport
    window.status.say("A message far longer than the status bar is wide: " + "words " * 400)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() == narrowest
    assert window.view.viewport().size() == viewport
