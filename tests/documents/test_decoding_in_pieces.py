"""Text decoded and hashed a piece at a time gives exactly what one decode and one hash give."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from desktop.documents.encoding import decode_in_pieces, decode_text, normalise_newlines
from desktop.documents.model import DocumentError, text_sha256

TEXT = "Zoë said: “3 000 €”\r\nnext\rline\n\r\n😀 end\r"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"])
def test_every_cut_gives_the_text_of_one_decode(encoding):
    data = TEXT.encode(encoding)
    whole = normalise_newlines(data.decode(encoding))
    for piece in range(1, 12):  # cuts inside characters, code units and "\r\n"
        assert decode_in_pieces(data, encoding, piece=piece) == whole, piece
    assert decode_in_pieces(b"", encoding) == ""


def test_a_bom_is_skipped_and_a_bad_byte_still_fails():
    assert decode_text(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == normalise_newlines(TEXT)
    assert decode_text(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")) == normalise_newlines(TEXT)
    with pytest.raises(UnicodeDecodeError):
        decode_in_pieces("ab€".encode()[:-1], "utf-8", piece=2)  # ends inside a character
    with pytest.raises(DocumentError):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00b")  # an odd byte at the end


def test_the_sha256_of_pieces_is_that_of_the_whole_text():
    for piece in (1, 2, 3, 7, 1 << 16):
        assert text_sha256(TEXT, piece) == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert text_sha256("") == hashlib.sha256(b"").hexdigest()
