"""Pairing quotation marks over the whole text: where each quoted stretch starts and ends.

Marks are paired by one linear scan of the whole document rather than per paragraph, because news style
runs a quotation over several paragraphs by repeating the opening mark at each paragraph start and
closing it only at the end. Single quotes are paired separately within a paragraph, skipping the
apostrophes of "don't", "Johnson’s" and "the '90s". Whether a quoted stretch is a quotation at all is
extraction.py's business.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from desktop.analysis.records import QuoteSpan

# Opening mark -> the closing marks that end it. “ closes „ in German style; guillemets and CJK
# corner brackets cost nothing to support.
# ``…'' is the typewriter and TeX style; two apostrophes ''…'' stand for a straight double quote in some
# archives (three where a single quote ends or starts inside: 'smart.''').
_DOUBLE_OPENERS = {"“": "”", "„": "“”", "«": "»", "「": "」", "『": "』", "‟": "”", "``": "''"}
# Marks whose role (opening or closing) only their neighbours tell.
_STRAIGHT = frozenset({'"', "''", "'''"})
_DOUBLE_MARKS = re.compile("'{2,3}|``|[“”„‟«»「」『』\"]")

_SINGLE_MARKS = re.compile("['‘’‚`]")
QUOTE_MARK = re.compile("[“”„‟«»「」『』\"'‘’‚`]")
# An apostrophe at a word start: the '90s, 'em, 'tis, rock 'n' roll, 'cause.
_ELISION = re.compile(r"(?:\d\ds?\b|\d0s|em\b|tis\b|twas\b|n\b|til\b|cause\b|bout\b)", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_OPEN_CONTEXT = frozenset("([{—–-/\u00a0")



def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted stretches, double and single, outermost only, in text order."""
    breaks = _paragraph_breaks(text)
    doubles = _pair_double_marks(text, breaks)
    starts = [d.start for d in doubles]
    singles = [s for s in _pair_single_marks(text, doubles) if not _crosses(s, doubles, starts)]
    spans = sorted(doubles + singles, key=lambda s: (s.start, -s.end))
    outermost: list[QuoteSpan] = []
    for span in spans:
        if outermost and span.start < outermost[-1].end:
            continue  # nested (a quote within a quote) or crossing: the outer one stands for both
        outermost.append(span)
    return outermost


def _crosses(span: QuoteSpan, others: list[QuoteSpan], starts: list[int]) -> bool:
    """True when span partly overlaps one of the sorted, disjoint others (nesting either way is fine)."""
    k = max(0, bisect_right(starts, span.start) - 1)
    while k < len(others) and others[k].start < span.end:
        other = others[k]
        nested = (other.start <= span.start and span.end <= other.end) or (
            span.start <= other.start and other.end <= span.end
        )
        if other.end > span.start and not nested:
            return True
        k += 1
    return False


def _paragraph_breaks(text: str) -> re.Pattern[str]:
    """What ends a paragraph: a blank line when the text uses them (so hard-wrapped lines stay one
    paragraph), else any line break."""
    if re.search(r"\n[ \t\r\f\v]*\n", text):
        return re.compile(r"\n[ \t\r\f\v]*\n")
    return re.compile(r"\n")


def _straight_role(text: str, i: int, length: int = 1) -> str:
    """'open', 'close' or 'either' for a straight double quote of `length` characters at i, judged by
    its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    opens = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    closes = not before.isspace() and before not in _OPEN_CONTEXT and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _pair_double_marks(text: str, breaks: re.Pattern[str]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at = -1  # index of the opening mark of the quote being read, -1 when none
    open_mark = ""
    checked_from = 0  # paragraph breaks before this have been dealt with for the open quote
    for match in _DOUBLE_MARKS.finditer(text):
        i = match.start()
        mark = match.group()
        if mark in _STRAIGHT:
            role = _straight_role(text, i, len(mark))
        elif mark in _DOUBLE_OPENERS and not (open_at >= 0 and mark in _DOUBLE_OPENERS.get(open_mark, "")):
            role = "open"
        else:
            role = "close"
        if mark not in _STRAIGHT:
            # Sloppy text uses one curly glyph for both ends (”We are ready,” / “ready,“): where the
            # glyph is impossible, its neighbours decide.
            context = _straight_role(text, i)
            if role == "close" and open_at < 0 and context == "open":
                role = "open"
            elif role == "open" and open_at >= 0 and context == "close" and mark in "“”":
                role = "close"
        if open_at >= 0:
            paragraph_end = breaks.search(text, checked_from, i)
            if paragraph_end is not None:
                if role != "close" and _starts_paragraph(text, i, paragraph_end.end()):
                    # The same quotation goes on in the next paragraph: its opening mark is repeated.
                    checked_from = i + 1
                    continue
                spans.extend(_unclosed(text, open_at, paragraph_end.start()))
                open_at = -1
        if open_at < 0:
            if role != "close":
                open_at, open_mark, checked_from = i, mark, i + 1
            continue
        if role == "open":
            # A new opening while one is open: the first never closed within its sentence run.
            open_at, open_mark, checked_from = i, mark, i + 1
            continue
        spans.append(QuoteSpan(open_at, i + len(mark)))
        open_at = -1
    if open_at >= 0:
        paragraph_end = breaks.search(text, checked_from)
        spans.extend(_unclosed(text, open_at, paragraph_end.start() if paragraph_end else len(text)))
    return spans


def _starts_paragraph(text: str, i: int, paragraph_start: int) -> bool:
    """True when the mark at i is the first thing in the paragraph that starts at paragraph_start."""
    return not text[paragraph_start:i].strip()


def _unclosed(text: str, open_at: int, limit: int) -> list[QuoteSpan]:
    """A quote whose closing mark is missing runs to the end of its paragraph."""
    end = len(text[open_at:limit].rstrip()) + open_at
    if end - open_at < 2 or not WORD.search(text, open_at, end):
        return []
    return [QuoteSpan(open_at, end)]


def _pair_single_marks(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘…’ and '…' within one line, skipping apostrophes; marks inside double quotes are ignored.

    Each opening mark takes the first closing mark after it on its line (preferring one that is not
    a plural possessive such as "players’ union"), unless a double quote or an unmistakable new
    opening mark comes first. The "next …" tables keep this one linear pass."""
    marks = [m.start() for m in _SINGLE_MARKS.finditer(text) if not _doubled(text, m.start())]
    if not marks:
        return []
    n = len(marks)
    inside_double = _inside_spans(marks, doubles)
    opens = [_single_opens(text, i) for i in marks]
    closes = [_single_closes(text, i) for i in marks]
    next_barrier, next_close, next_good_close = [n] * (n + 1), [n] * (n + 1), [n] * (n + 1)
    for j in range(n - 1, -1, -1):
        i = marks[j]
        barrier = inside_double[j] or (opens[j] and text[i] in "‘‚`")
        next_barrier[j] = j if barrier else next_barrier[j + 1]
        next_close[j] = j if closes[j] else next_close[j + 1]
        next_good_close[j] = (
            j if closes[j] and not _looks_plural_possessive(text, i) else next_good_close[j + 1]
        )
    spans: list[QuoteSpan] = []
    line_end = -1
    k = 0
    while k < n:
        i = marks[k]
        if inside_double[k] or not opens[k]:
            k += 1
            continue
        if i > line_end:
            line_end = _line_end(text, i)
        chosen, cur, cur_end = n, k, line_end
        while True:
            chosen = _single_closing(marks, cur, cur_end, next_barrier, next_close, next_good_close)
            if chosen < n or text[i] != "‘":
                break
            # British style runs a quotation over paragraphs too: ‘… / ‘… ’ (curly marks only).
            nxt = _next_line_start(text, cur_end)
            m = bisect_left(marks, nxt)
            if nxt < 0 or m >= n or marks[m] != nxt or text[nxt] != "‘" or inside_double[m]:
                break
            cur, cur_end = m, _line_end(text, nxt)
        if chosen >= n:
            k = cur + 1  # the paragraphs it ran through cannot close either
            continue
        end = marks[chosen] + 1
        if len(re.sub(r"\W", "", text[i + 1 : end - 1])) >= 2:
            spans.append(QuoteSpan(i, end))
        k = chosen + 1
    return spans


def _single_closing(
    marks: list[int], k: int, line_end: int, barrier: list[int], close: list[int], good_close: list[int]
) -> int:
    """Index of the mark closing the single quote opened by marks[k] on its line, len(marks) if none."""
    n = len(marks)
    limit = barrier[k + 1]
    chosen = good_close[k + 1]
    if chosen >= limit or chosen >= n or marks[chosen] >= line_end:
        chosen = close[k + 1]
    if chosen >= limit or chosen >= n or marks[chosen] >= line_end:
        return n
    return chosen


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _next_line_start(text: str, line_end: int) -> int:
    """Where the next non-blank line starts (its first non-space character), -1 at the end."""
    match = re.compile(r"\S").search(text, line_end)
    return match.start() if match else -1


def _inside_spans(positions: list[int], spans: list[QuoteSpan]) -> list[bool]:
    """For sorted positions, whether each lies strictly inside one of the sorted spans."""
    flags = []
    s = 0
    for pos in positions:
        while s < len(spans) and spans[s].end <= pos:
            s += 1
        flags.append(s < len(spans) and spans[s].start < pos < spans[s].end - 1)
    return flags


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before.isspace() or before in _OPEN_CONTEXT or before in '“"„«'):
        return False
    if after.isspace() or not (after.isalnum() or after in '“"…'):
        return False
    return _ELISION.match(text, i + 1) is None


def _doubled(text: str, i: int) -> bool:
    """True for one of the apostrophes or backticks of a doubled mark ('' or ``): a double quote."""
    mark = text[i]
    return mark in "'`" and (text[i - 1 : i] == mark or text[i + 1 : i + 2] == mark)


def _single_closes(text: str, i: int) -> bool:
    if text[i] == "`":
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _looks_plural_possessive(text: str, i: int) -> bool:
    """ "the players’ union": an s, the mark, a space and a lower-case word."""
    return text[i - 1] in "sS" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()
