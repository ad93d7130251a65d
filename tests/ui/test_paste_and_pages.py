"""Paste as New Article and dropped text open as articles stored in the library; a PDF's highlights and
notes say which page they are on."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication

from desktop.store import open_library
from tests.documents.pdf_maker import make_pdf, typeset
from tests.ui.conftest import wait_for_highlights, wait_for_text

PARAGRAPHS = [
    "Harbour strike ends after nine days",
    "Dock workers in Antwerp returned to work on Thursday after a nine-day strike over pay, the union said.",
    "“We are not happy, but we are realistic,” said union leader Marc Peeters, adding that talks would resume.",
]
PLAIN = "\n\n".join(PARAGRAPHS)


def stored_titles(db_path) -> list[str]:
    if not db_path.exists():
        return []
    with open_library(db_path, read_only=True) as library:
        return [d.title for d in library.documents()]


def test_pasting_plain_text_opens_and_stores_it(qtbot, window, db_path):
    QGuiApplication.clipboard().setText(f"\n  {PLAIN}\n\n")
    assert window.actions_.paste_article.shortcut().toString() == "Ctrl+Shift+V"
    window.actions_.paste_article.trigger()
    wait_for_text(qtbot, window, PLAIN + "\n")
    assert window.document.path is None and window.document.format == "txt"
    assert window.document.title == PARAGRAPHS[0]
    assert window.windowTitle().startswith(PARAGRAPHS[0])
    qtbot.waitUntil(lambda: PARAGRAPHS[0] in stored_titles(db_path), timeout=30_000)


def test_pasting_a_browser_copy_keeps_the_article_and_drops_the_menus(qtbot, window):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) * 2
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World section</a></li>"
        "<li><a href='/sport'>Sport section</a></li></ul></nav>"
        f"<article><h1>{PARAGRAPHS[0]}</h1>{body}</article>"
        "<footer>Copyright NEWSCORP. <a href='/privacy'>Privacy</a></footer></body></html>"
    )
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("Home World section Sport section " + PLAIN)
    QGuiApplication.clipboard().setMimeData(mime)
    window.actions_.paste_article.trigger()
    qtbot.waitUntil(lambda: window.document is not None and window.document.format == "html", timeout=10_000)
    text = window.view.toPlainText()
    assert PARAGRAPHS[1] in text and PARAGRAPHS[2] in text
    for furniture in ("World section", "Sport section", "NEWSCORP", "Privacy"):
        assert furniture not in text
    assert window.document.path is None


def test_dropping_text_opens_it_as_an_article(qtbot, window):
    mime = QMimeData()
    mime.setText(PLAIN)
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    wait_for_text(qtbot, window, PLAIN + "\n")


def test_pasting_nothing_says_so(qtbot, window):
    QGuiApplication.clipboard().clear()
    window.actions_.paste_article.trigger()
    assert window.document is None or window.document.text != PLAIN
    assert "no text" in window.status.label.text()


def test_the_details_and_notes_name_the_page_of_a_pdf(qtbot, window, tmp_path):
    first = ["Mayor Ana Torres said on Monday that the bridge would open in May, after years of delay."] * 6
    second = ["Engineer Paul Dupont said the steel cost about 3 million dollars more than planned."]
    pages = typeset(first, page_size=(612, 300), footer=None) + typeset(second, page_size=(612, 300), footer=None)
    path = tmp_path / "bridge.pdf"
    path.write_bytes(make_pdf(pages, page_size=(612, 300)))
    window.open_file(path)
    wait_for_highlights(qtbot, window)
    document = window.document
    assert len(document.pages) == 2
    on_second = [h for h in window.index.items if h.start >= document.pages[1]]
    on_first = [h for h in window.index.items if h.start < document.pages[1]]
    assert on_second and on_first
    window.show_details(on_second[0])
    assert window.details_panel.plain_text().startswith("p. 2")
    window.show_details(on_first[0])
    assert window.details_panel.plain_text().startswith("p. 1")
    model = window.notes_panel.model
    assert not window.notes_panel.tree.isColumnHidden(3)
    assert model.page_of(document.pages[1]) == 2


def test_a_text_article_shows_no_page(qtbot, analysed_window):
    window = analysed_window
    window.show_details(window.index.items[0])
    assert not window.details_panel.plain_text().startswith("p.")
    assert window.notes_panel.tree.isColumnHidden(3)
