"""Decoding a cached analysis's JSON from pieces of text, so the thread decoding it lets others run.

A cached analysis is megabytes of JSON (15 MB for a 3 MB article). Decoding it needs neither the whole
text in one string nor one long C call: one string of it is made inside a single call that holds the
GIL (7 ms for 15 MB on a quiet machine, more when its memory is fresh), and `json.loads` then holds
it again for the whole decode (40 ms for 5 MB).

`loads_in_pieces` reads the top-level object itself and hands each member, and each item of a member
that is a list (one record), to the C scanner of `json`, a piece of text at a time;
every EVERY records it calls `give_way()` (desktop/pacing.py). Anything that is not an object is
decoded whole with json.loads. The result is what json.loads gives for the joined text; a text it
would refuse raises json.JSONDecodeError here too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from desktop import pacing

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_NUMBER_TAIL = re.compile(r"[0-9.eE+-]*\Z")
_MARGIN = 64  # characters after a value beyond which it cannot be a number cut off by the text's end


def loads_in_pieces(pieces: Iterable[str]) -> Any:
    """json.loads("".join(pieces)), reading the pieces as it goes and giving way every pacing.EVERY records."""
    stream = _Stream(iter(pieces))
    if stream.peek() != "{":
        return json.loads(stream.rest())
    stream.at += 1
    result: dict[str, Any] = {}
    if stream.peek() == "}":
        stream.at += 1
    else:
        while True:
            if stream.peek() != '"':
                raise stream.error("Expecting property name enclosed in double quotes")
            key = stream.value()
            if stream.peek() != ":":
                raise stream.error("Expecting ':' delimiter")
            stream.at += 1
            result[key] = stream.array() if stream.peek() == "[" else stream.value()
            following = stream.peek()
            stream.at += 1
            if following == "}":
                break
            if following != ",":
                stream.at -= 1
                raise stream.error("Expecting ',' delimiter")
    if stream.peek():
        raise stream.error("Extra data")
    return result


class _Stream:
    """The text read so far (`text`, from `at` on) and the pieces still to come."""

    def __init__(self, pieces: Iterator[str]) -> None:
        self.pieces = pieces
        self.text = ""
        self.at = 0

    def more(self, at_least: int = 1) -> bool:
        """Read pieces until `at_least` more characters are in (or the pieces end); False if none came."""
        added: list[str] = []
        count = 0
        for piece in self.pieces:
            added.append(piece)
            count += len(piece)
            if count >= at_least:
                break
        if not added:
            return False
        self.text = self.text[self.at :] + "".join(added)
        self.at = 0
        pacing.give_way()
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), with `at` on it."""
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text):
                return self.text[self.at]
            if not self.more():
                return ""

    def value(self) -> Any:
        """The JSON value at `at`, reading on while it may be cut off by the end of the text so far."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError:
                # Cut off, or wrong: read as much again (so a long value costs linear time) and retry;
                # once the pieces have ended, the error is the text's.
                if self.more(len(self.text) - self.at + 1):
                    continue
                raise
            # A number may go on in the next piece ("12" of "125", "1.5" of "1.5e3"): when nothing but
            # what a number may hold follows it up to the end of the text so far, read on and retry.
            if _NUMBER_TAIL.match(self.text, end) and self.more():
                continue
            self.at = end
            return value

    def array(self) -> list[Any]:
        self.at += 1
        items: list[Any] = []
        if self.peek() == "]":
            self.at += 1
            return items
        scan = _DECODER.scan_once
        while True:
            # The common case in a few steps (a record well inside the text so far, then its comma):
            # the careful path below, for white space, a cut-off record or an error, costs about twice
            # as much per record (measured: 0.17 against 0.23 s for the 80,000 records of 3 MB).
            text, at = self.text, self.at
            try:
                value, end = scan(text, at)
                ready = len(text) - end > _MARGIN
            except (StopIteration, json.JSONDecodeError):
                ready = False
            if ready:
                self.at = end
            else:
                self.peek()
                value = self.value()
            items.append(value)
            if len(items) % pacing.EVERY == 0:
                pacing.give_way()
            following = self.text[self.at] if self.at < len(self.text) else ""
            if following not in (",", "]"):
                following = self.peek()
            self.at += 1
            if following == "]":
                return items
            if following != ",":
                self.at -= 1
                raise self.error("Expecting ',' delimiter")

    def rest(self) -> str:
        return self.text[self.at :] + "".join(self.pieces)

    def error(self, message: str) -> json.JSONDecodeError:
        return json.JSONDecodeError(message, self.text, self.at)
