"""How the headless commands meet the terminal: what they print always gets out, and every failure is one line.

`run_headless` wraps a command (`factlight analyze|export|…`):
- stdout never raises UnicodeEncodeError: on a terminal whose encoding is not Unicode (PYTHONIOENCODING=ascii,
  a C locale without Python's UTF-8 mode, Latin-1) each character it cannot take is written as UTF-8, so on
  an ASCII terminal the whole output is UTF-8. Machine formats (`--json`, CSV) are UTF-8 whatever the
  terminal (RFC 8259 for JSON): `write_json`.
- a reader who stops reading (`factlight analyze FILE | head -1`) ends the command quietly with status 141,
  128 + SIGPIPE, what the shell reports for `cat` or `grep` in the same place, so `set -o pipefail` scripts
  see a cut output the same way.
- any other OSError (a full disk, a read-only or missing folder, a closed stdout) and any remaining encoding
  error is one line on stderr, `factlight: …`, and exit status 2; never a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import sys
from collections.abc import Callable
from typing import Any

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 128 + 13  # SIGPIPE
UTF8_FALLBACK = "factlight-utf8-fallback"
UNICODE_ENCODINGS = {"utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig"}


def _utf8_fallback(error: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: the characters the terminal's encoding lacks, as UTF-8 bytes.

    Lone surrogates are undecodable bytes of a file name (Python's surrogateescape): they go back out as the
    bytes they were, as the surrogateescape handler would write them.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    out = bytearray()
    for char in chunk:
        code = ord(char)
        out += bytes([code - 0xDC00]) if 0xDC80 <= code <= 0xDCFF else char.encode("utf-8", "backslashreplace")
    return bytes(out), error.end


codecs.register_error(UTF8_FALLBACK, _utf8_fallback)


def is_unicode_encoding(name: str | None) -> bool:
    if not name:
        return False
    try:
        return codecs.lookup(name).name in UNICODE_ENCODINGS
    except LookupError:
        return False


def prepare_stdout() -> None:
    """Make stdout take every character: the fallback handler where its encoding is not Unicode, and a
    file name's undecodable bytes written back as they were where it is."""
    stream = sys.stdout
    if stream is None or not hasattr(stream, "reconfigure"):
        return
    if not is_unicode_encoding(stream.encoding):
        stream.reconfigure(errors=UTF8_FALLBACK)
    elif stream.errors == "strict":
        stream.reconfigure(errors="surrogateescape")


def write_json(payload: Any) -> None:
    """The analysis JSON on stdout as UTF-8 (undecodable file-name bytes as JSON \\udcXX escapes)."""
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    stream = _stdout()
    stream.flush()
    stream.buffer.write(text.encode("utf-8", "backslashreplace"))


def _stdout():
    if sys.stdout is None:  # started with stdout closed (`factlight analyze FILE >&-`)
        raise OSError(errno.EBADF, "the standard output is closed")
    return sys.stdout


def run_headless(command: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run a headless command; its I/O failures end in one line on stderr (see the module docstring)."""
    prepare_stdout()
    try:
        status = command(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        return status
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_CLOSED_PIPE
    except UnicodeError as exc:
        _discard_stdout()
        say(f"cannot write the output in the terminal's encoding ({exc.reason})")
        return EXIT_BAD_INPUT
    except OSError as exc:
        _discard_stdout()
        say(describe_os_error(exc))
        return EXIT_BAD_INPUT


def describe_os_error(exc: OSError) -> str:
    """`PATH: reason`, as Unix tools word it; `cannot write the output: reason` for stdout itself."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return f"cannot write the output: {reason}"
    name = os.fsdecode(exc.filename)
    if exc.filename2 is not None:
        return f"{name} -> {os.fsdecode(exc.filename2)}: {reason}"
    return f"{name}: {reason}"


def say(message: str) -> None:
    """One line on stderr; a stderr that is gone too (`2>&1 | head`) is not an error of its own."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"factlight: {message}", file=sys.stderr, flush=True)


def _discard_stdout() -> None:
    """What is still buffered for a stdout that failed would fail again at exit: send it to /dev/null."""
    if sys.stdout is None:
        return
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
