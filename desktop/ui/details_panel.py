"""The Details panel: everything known about the highlight the reader clicked, with links to jump."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextBrowser, QToolBar, QVBoxLayout, QWidget

from desktop.analysis.records import Analysis
from desktop.ui import descriptions as d
from desktop.ui.highlights import Highlight, entity_category
from desktop.ui.palette import SINGULAR, colours

PLACEHOLDER = "Click a highlight in the article, or select one and press Enter, to see its details here."


class DetailsPanel(QWidget):
    jump_requested = Signal(str, int)  # record ("entity", "quote", "number"), index
    article_requested = Signal(int, int, int)  # document id, start, end: another article's version of a quote

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        # A tool bar, not a row of buttons: in a narrow dock the buttons fold into its » menu.
        self.buttons = QToolBar(self)
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        # The reader's verdict on a record (an Annotation with status), set by the annotation controller.
        self.verdict_for: Callable[[str, int, int], Any] | None = None
        # Asks the library for a quote's other versions: variants_for(highlight, done), done(list[Variant]).
        self.variants_for: Callable[[Highlight, Callable[[list], None]], None] | None = None
        self._variants: dict[tuple[int, int], list | None] = {}
        self.analysis: Analysis | None = None
        self.text = ""
        self.highlight: Highlight | None = None
        self.dark = False
        # The page of an offset for a paged document (Document.page_at), set by the window; None otherwise.
        self.page_of: Callable[[int], int | None] | None = None
        self.clear()

    def set_analysis(self, analysis: Analysis | None, text: str) -> None:
        self.analysis = analysis
        self.text = text
        self._variants = {}
        self.clear()

    def clear(self) -> None:
        """With nothing selected the panel gives the article at a glance: who is named and quoted most."""
        self.highlight = None
        html = ""
        if self.analysis is not None:
            html = self._overview_html()
        self.browser.setHtml(html + f"<p style='color: gray'>{escape(PLACEHOLDER)}</p>")

    def _overview_html(self) -> str:
        analysis = self.analysis
        links = d.links(analysis)
        people = sorted(
            (ix for key, ix in links.names.items() if key[0] == "person"), key=lambda ix: -len(ix)
        )[:5]
        speakers = sorted(links.speakers.values(), key=lambda ix: -len(ix))[:5]
        html = "<h3 style='margin-top:0'>In this article</h3>"
        if people:
            items = "".join(
                f"<li><a href='entity:{ix[0]}'>{escape(d.entity_name(analysis.entities[ix[0]]))}</a>"
                f" <span style='color:gray'>· {len(ix)} mention{'s' if len(ix) != 1 else ''}</span></li>"
                for ix in people
            )
            html += f"<p><b>Most mentioned</b></p><ul style='margin-left:-20px'>{items}</ul>"
        if speakers:
            items = "".join(
                f"<li><a href='quote:{ix[0]}'>{escape(d.speaker_name(analysis.quotes[ix[0]]))}</a>"
                f" <span style='color:gray'>· {len(ix)} quote{'s' if len(ix) != 1 else ''}</span></li>"
                for ix in speakers
            )
            html += f"<p><b>Most quoted</b></p><ul style='margin-left:-20px'>{items}</ul>"
        return html

    def add_verdict_buttons(self, actions: list[QAction]) -> None:
        """Accept, Reject, Correct… under the details; they act on the highlight shown."""
        for action in actions:
            self.buttons.addAction(action)
        self.buttons.setVisible(True)

    def _verdict_html(self, highlight: Highlight) -> str:
        if self.verdict_for is None:
            return ""
        verdict = self.verdict_for(highlight.record, highlight.start, highlight.end)
        if verdict is None:
            return ""
        note = f" · {escape(verdict.note)}" if verdict.note else ""
        return f"<p style='color:gray; margin-top:0'>Your verdict: <b>{escape(verdict.status)}</b>{note}</p>"

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def show_highlight(self, highlight: Highlight) -> None:
        if self.analysis is None:
            return
        self.highlight = highlight
        body = {"entity": self._entity_html, "quote": self._quote_html, "number": self._number_html}[highlight.record]
        extra = self._variants_html(highlight) if highlight.record == "quote" else ""
        self.browser.setHtml(self._page_html(highlight.start) + body(highlight.index) + self._verdict_html(highlight) + extra)

    def page_label(self, offset: int) -> str:
        """ "p. 4" for a paged document (PDF), "" for others."""
        page = self.page_of(offset) if self.page_of is not None else None
        return f"p. {page}" if page else ""

    def _page_html(self, offset: int) -> str:
        label = self.page_label(offset)
        return f"<p style='color:gray; margin:0'>{escape(label)}</p>" if label else ""

    def _variants_html(self, highlight: Highlight) -> str:
        """The quote's other versions in the library, the words that differ marked; asked for once."""
        if self.variants_for is None:
            return ""
        key = (highlight.start, highlight.end)
        if key not in self._variants:
            self._variants[key] = None
            self.variants_for(highlight, lambda found, k=key, a=self.analysis: self._on_variants(a, k, found))
        found = self._variants[key]
        if found is None:
            return "<p style='color:gray'>Looking for other versions of this quote in the library…</p>"
        if not found:
            return "<p style='color:gray'>No other version of this quote in the library.</p>"
        items = "".join(_variant_html(v) for v in found)
        n = len(found)
        return f"<p><b>{n} other version{'s' if n != 1 else ''} in the library</b> <span style='color:gray'>(differing words underlined)</span></p>{items}"

    def _on_variants(self, analysis: Analysis | None, key: tuple[int, int], found: list) -> None:
        if analysis is not self.analysis:
            return
        self._variants[key] = found
        if self.highlight is not None and (self.highlight.start, self.highlight.end) == key:
            self.show_highlight(self.highlight)

    def _heading(self, category: str, title: str) -> str:
        ink = colours(category, self.dark).ink
        return (
            f"<p style='margin-bottom:2px'><span style='color:{ink}'>■</span> "
            f"<span style='color:gray'>{escape(SINGULAR[category])}</span></p>"
            f"<h3 style='margin-top:0'>{escape(title)}</h3>"
        )

    def _rows(self, rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='color:gray; padding-right:10px'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows
        )
        return f"<table cellspacing='2'>{cells}</table>"

    def _entity_html(self, index: int) -> str:
        analysis = self.analysis
        entity = analysis.entities[index]
        mentions = d.mentions_of(analysis, entity)
        role = d.role_of(analysis, mentions)
        html = self._heading(entity_category(entity), d.entity_name(entity))
        html += self._rows(
            [
                ("Kind", escape(entity.kind.capitalize()) + f" <span style='color:gray'>({escape(entity.label)})</span>"),
                ("Name", escape(d.entity_name(entity))),
                ("Role", escape(role) if role else "<span style='color:gray'>none given</span>"),
                ("Mentions", str(len(mentions))),
            ]
        )
        items = "".join(
            f"<li><a href='entity:{i}'>{escape(self._context(analysis.entities[i].start, analysis.entities[i].end))}</a></li>"
            for i in mentions
        )
        return html + f"<p><b>Every mention</b></p><ol style='margin-left:-20px'>{items}</ol>"

    def _quote_html(self, index: int) -> str:
        analysis = self.analysis
        quote = analysis.quotes[index]
        speaker = quote.speaker
        pieces = d.statement_pieces(analysis, index)
        html = self._heading("quote", f"Quote by {d.speaker_name(quote)}")
        html += f"<blockquote style='margin-left:8px'>{self._statement_html(pieces)}</blockquote>"
        rows = [
            ("Speaker as written", escape(speaker.text) if speaker else "<span style='color:gray'>unknown</span>"),
            ("Speaker", escape(speaker.canonical) if speaker and speaker.canonical else "<span style='color:gray'>not resolved</span>"),
            ("Cue", escape(quote.cue) if quote.cue else "<span style='color:gray'>none</span>"),
        ]
        if len(pieces) > 1:
            rows.append(("Pieces", f"{len(pieces)}, split by the attribution"))
        html += self._rows(rows)
        others = d.quotes_by_same_speaker(analysis, index)
        if others:
            items = "".join(
                f"<li><a href='quote:{i}'>{escape(d.shorten(analysis.quotes[i].text, 120))}</a></li>" for i in others
            )
            html += f"<p><b>Other quotes by {escape(d.speaker_name(quote))}</b></p><ul style='margin-left:-20px'>{items}</ul>"
        return html

    def _statement_html(self, pieces: list[int]) -> str:
        """The statement as written, its quoted pieces highlighted and the attribution between them plain."""
        quotes = self.analysis.quotes
        tint = colours("quote", self.dark).tint
        html, at = "", quotes[pieces[0]].start
        for i in pieces:
            quote = quotes[i]
            html += escape(self.text[at : quote.start]) if at < quote.start else ""
            html += f"<span style='background-color:{tint}'>{escape(quote.text)}</span>"
            at = quote.end
        return html

    def _number_html(self, index: int) -> str:
        analysis = self.analysis
        number = analysis.numbers[index]
        html = self._heading("number", number.text)
        rows = [
            # a range or a vague amount ("thousands of troops") has no single value: its summary says it
            ("Value", escape(d.value_text(number) if number.kind != "range" and number.value is not None
                             else d.number_summary(number))),
            ("Unit", escape(number.unit or "—")),
            ("Bound", escape(d.BOUND_WORDS.get(number.bound, number.bound))),
            ("Kind", escape(number.kind)),
        ]
        if number.currency:
            rows.append(("Currency", escape(number.currency)))
        html += self._rows(rows)
        cited = d.fact_citing(analysis, "number", index)
        if cited is not None:
            _i, fact = cited
            html += f"<p><b>Sentence</b></p><p>{escape(self.text[fact.start:fact.end].strip())}</p>"
            html += f"<p><b>Fact</b></p><p>{escape(fact.text)}</p>"
        else:
            html += f"<p><b>Sentence</b></p><p>{escape(self._context(number.start, number.end, 160))}</p>"
            html += "<p style='color:gray'>No fact cites this number.</p>"
        return html

    def _context(self, start: int, end: int, width: int = 50) -> str:
        """The mention with some of the words around it, cut at line breaks."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        left = self.text[max(line_start, start - width) : start]
        right = self.text[end : min(line_end, end + width)]
        left = ("…" + left.split(" ", 1)[-1]) if start - width > line_start and " " in left else left
        right = (right.rsplit(" ", 1)[0] + "…") if end + width < line_end and " " in right else right
        return f"{left}{self.text[start:end]}{right}".strip()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        record, _sep, index = url.toString().partition(":")
        if record == "variant":
            document_id, start, end = (int(part) for part in index.split(":"))
            self.article_requested.emit(document_id, start, end)
            return
        if record in ("entity", "quote", "number") and index.isdigit():
            showing = self.highlight
            self.jump_requested.emit(record, int(index))
            if showing is None or record != "entity":
                # From the overview, or to another quote: show what was jumped to.
                records = {"entity": self.analysis.entities, "quote": self.analysis.quotes, "number": self.analysis.numbers}
                r = records[record][int(index)]
                category = entity_category(r) if record == "entity" else record
                self.show_highlight(Highlight(category, r.start, r.end, record, int(index)))


def _variant_html(variant: Any) -> str:
    s = variant.statement
    text, out, at = s.text, [], 0
    for start, end in variant.marks:
        out += [escape(text[at:start]), "<u><b>", escape(text[start:end]), "</b></u>"]
        at = end
    out.append(escape(text[at:]))
    who = escape(s.speaker) if s.speaker else "<span style='color:gray'>no speaker</span>"
    return (
        f"<p style='margin-bottom:2px'><a href='variant:{s.document_id}:{s.start}:{s.end}'>{escape(s.title)}</a>"
        f" <span style='color:gray'>· {escape(s.source)} · {escape(s.date)} · {who}</span></p>"
        f"<blockquote style='margin-left:8px; margin-top:0'>{''.join(out)}</blockquote>"
    )
