"""What the Word and OpenDocument readers share: list labels, footnotes gathered at the end, the title."""

from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
NOTES_HEADING = "Notes"


class Notes:
    """Footnotes and endnotes: numbered in the order the text cites them, listed after the text."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    def cite(self, key: str) -> str:
        number = self.numbers.setdefault(key, len(self.numbers) + 1)
        return f"[{number}]"

    def add_text(self, key: str, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.texts[key] = text

    def paragraphs(self) -> list[str]:
        cited = sorted((number, key) for key, number in self.numbers.items() if key in self.texts)
        uncited = [key for key in self.texts if key not in self.numbers]
        out = [f"[{number}] {self.texts[key]}" for number, key in cited]
        out += [self.texts[key] for key in uncited]
        return out


class Numbering:
    """List labels ("•", "1.", "b.", "iv.") from list formats keyed by (list id, level)."""

    def __init__(self, formats: dict[tuple[str | None, int], str]):
        self.formats = formats
        self.counters: dict[tuple[str | None, int], int] = {}

    def label(self, list_id: str | None, level: int, fmt: str | None = None) -> str:
        fmt = fmt or self.formats.get((list_id, level), "bullet")
        if fmt in ("none", ""):
            return ""
        if fmt == "bullet":
            return "•"
        count = self.counters.get((list_id, level), 0) + 1
        self.counters[(list_id, level)] = count
        for key in [k for k in self.counters if k[0] == list_id and k[1] > level]:
            del self.counters[key]
        return f"{number_label(count, fmt)}."


def number_label(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "a"):
        return _letters(count)
    if fmt in ("upperLetter", "A"):
        return _letters(count).upper()
    if fmt in ("lowerRoman", "i"):
        return _roman(count)
    if fmt in ("upperRoman", "I"):
        return _roman(count).upper()
    return str(count)


def _letters(count: int) -> str:
    out = ""
    while count > 0:
        count, rest = divmod(count - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(count: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while count >= value:
            out += letters
            count -= value
    return out


def join_blocks(blocks: list[str], notes: Notes) -> str:
    """The blocks separated by blank lines, then the notes under their own heading."""
    text = "\n\n".join(block.strip() for block in blocks if block.strip())
    notes_text = notes.paragraphs()
    if notes_text:
        text = "\n\n".join([text, NOTES_HEADING, *notes_text]) if text else "\n\n".join(notes_text)
    return text


def outline_title(headings: list[tuple[int, str]]) -> str | None:
    """The first top-level heading, else the first heading (when it is short enough to be a title)."""
    for wanted in (1, None):
        for level, text in headings:
            if (wanted is None or level == wanted) and len(text) <= 200:
                return " ".join(text.split())
    return None
