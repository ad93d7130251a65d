"""The terminal side of the headless commands, in-process: the UTF-8 fallback and the one-line errors."""

from __future__ import annotations

import errno
import io

from desktop.commands.terminal import UTF8_FALLBACK, describe_os_error, is_unicode_encoding, run_headless


def test_an_ascii_stream_writes_what_it_lacks_as_utf8():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors=UTF8_FALLBACK)
    stream.write("\u201cNo,\u201d said Zo\u00eb \u2014 and caf\\u00e9\n")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "\u201cNo,\u201d said Zo\u00eb \u2014 and caf\\u00e9\n"


def test_undecodable_file_name_bytes_go_back_out_as_they_were():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1", errors=UTF8_FALLBACK)
    stream.write("caf\udce9 \u00e9 \u2026")
    stream.flush()
    assert raw.getvalue() == b"caf\xe9 \xe9 \xe2\x80\xa6"


def test_which_encodings_take_every_character():
    assert is_unicode_encoding("UTF-8") and is_unicode_encoding("utf8") and is_unicode_encoding("utf-16")
    assert not is_unicode_encoding("ANSI_X3.4-1968") and not is_unicode_encoding("latin-1")
    assert not is_unicode_encoding(None) and not is_unicode_encoding("no-such-codec")


def test_os_errors_read_as_unix_tools_word_them():
    assert describe_os_error(OSError(errno.ENOSPC, "No space left on device")) == (
        "cannot write the output: No space left on device"
    )
    assert describe_os_error(PermissionError(errno.EACCES, "Permission denied", "/srv/x.csv")) == (
        "/srv/x.csv: Permission denied"
    )


def test_an_encoding_error_left_over_is_one_line_and_exit_2(capsys):
    def command(_argv: list[str]) -> int:
        "\u201c".encode("ascii")
        return 0

    assert run_headless(command, []) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factlight: cannot write the output in the terminal's encoding")


def test_an_interrupt_is_one_line_and_exit_130(capsys):
    def command(_argv: list[str]) -> int:
        raise KeyboardInterrupt

    assert run_headless(command, []) == 130
    assert capsys.readouterr().err == "factlight: interrupted\n"
