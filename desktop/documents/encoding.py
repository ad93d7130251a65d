"""Turns a file's bytes into text: BOMs first, then UTF-8, then detection; newlines become \n.

Text is decoded a piece at a time: one `bytes.decode` of a 3 MB article held the GIL for 20–40 ms, and
its two newline replacements 10 ms more, in the worker that opens a file while the window paints.
"""

from __future__ import annotations

import codecs

from desktop.documents.model import DocumentError
from desktop.pacing import give_way

DECODE_PIECE = 1 << 16  # bytes decoded at a time

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in text files; a few of them mean the file is binary.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def decode_text(data: bytes, name: str = "the file") -> str:
    """Decode `data` as text or raise DocumentError saying why it is not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return decode_in_pieces(data, encoding, len(bom))
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name} says it is {encoding.upper()} but is not valid {encoding.upper()}.") from exc
    if looks_binary(data):
        raise DocumentError(f"{name} is not a text document (it contains binary data).")
    try:
        return decode_in_pieces(data, "utf-8")
    except UnicodeDecodeError:
        pass
    return normalise_newlines(_detect(data, name))


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    head = data[:sample]
    if b"\x00" in head:
        return True
    odd = sum(1 for b in head if b in _BINARY_BYTES)
    return odd > max(2, len(head) // 100)


# When detection cannot tell these apart from the other single-byte code pages (short texts with a few
# accented letters look equally good as cp1250 or cp1257), take the one Western text is usually in.
_PREFERRED_ON_A_TIE = ("cp1252", "iso8859_15", "latin_1")


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(f"{name} is not in a text encoding Factlight can recognise.")
    best = matches[0]
    tied = {m.encoding: m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence}
    for encoding in _PREFERRED_ON_A_TIE:
        if encoding in tied:
            return str(tied[encoding])
    return str(best)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_in_pieces(data: bytes, encoding: str, start: int = 0, piece: int = DECODE_PIECE) -> str:
    """normalise_newlines(data[start:].decode(encoding)), the same text and errors, a piece at a time."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    pieces: list[str] = []
    carried = ""  # a piece's last "\r": the next piece may begin with the "\n" of the same newline
    for at in range(start, len(data), piece):
        text = carried + decoder.decode(view[at : at + piece])
        carried = "\r" if text.endswith("\r") else ""
        pieces.append(normalise_newlines(text[:-1] if carried else text))
        give_way()
    pieces.append(normalise_newlines(carried + decoder.decode(b"", final=True)))
    return "".join(pieces)
