"""Decoding a cached analysis's JSON in small pieces, so a thread that decodes it lets others run.

`json.loads` is one C call that holds the GIL until it is done: about 80 ms for the 5 MB payload of
a 1 MB article, longer on a busy machine, and the window's GUI thread cannot run a line of Python
meanwhile. `loads_in_pieces` gives the same result but decodes each element of the payload's lists
(the payload's records) with its own call of the json module's scanner, so the interpreter can switch
threads between them. Any JSON is accepted; only arrays are split, objects and scalars are decoded whole.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.pacing import EVERY, give_way

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def loads_in_pieces(text: str) -> Any:
    """What json.loads(text) returns (the same ValueError on bad input), decoded piece by piece."""
    value, end = _value(text, _skip(text, 0), depth=0)
    if _skip(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _value(text: str, at: int, depth: int) -> tuple[Any, int]:
    # Only the outer two levels are walked here (the payload and its lists of records); a record is
    # small, and decoded whole by the C scanner.
    if depth < 2 and text.startswith("[", at):
        return _array(text, at, depth)
    if depth < 1 and text.startswith("{", at):
        return _object(text, at, depth)
    return _DECODER.raw_decode(text, at)


def _array(text: str, at: int, depth: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        return items, at + 1
    while True:
        if len(items) % EVERY == EVERY - 1:
            give_way()  # and, in a window's worker, lets its GUI thread go first (desktop/pacing.py)
        item, at = _value(text, at, depth + 1)
        items.append(item)
        at, closed = _after_item(text, at, "]")
        if closed:
            return items, at


def _object(text: str, at: int, depth: int) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text.startswith("}", at):
        return result, at + 1
    while True:
        if not text.startswith('"', at):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if not text.startswith(":", at):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        result[key], at = _value(text, _skip(text, at + 1), depth + 1)
        at, closed = _after_item(text, at, "}")
        if closed:
            return result, at


def _after_item(text: str, at: int, close: str) -> tuple[int, bool]:
    """Past the comma after an item (False) or the bracket that closes its array or object (True)."""
    at = _skip(text, at)
    if text.startswith(",", at):
        return _skip(text, at + 1), False
    if text.startswith(close, at):
        return at + 1, True
    raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
