"""Nothing lost: a process killed (SIGKILL) while writing annotations one by one loses none that returned."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.store.library import open_library

from .conftest import ARTICLES

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.documents.model import Document
    from desktop.store.library import open_library

    path = Path(sys.argv[2])
    document = Document.from_text(path.read_text(encoding="utf-8"), format="txt", path=path)
    library = open_library(sys.argv[1])
    for i in range(1000):
        note = library.add_annotation(document, i, i + 12, note=f"note {i}", tags=["stress"])
        print(note.id, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_every_annotation_whose_write_returned_survives_a_kill(tmp_path):
    db_path = tmp_path / "library.db"
    article = ARTICLES / "rferl-johnson-putin.txt"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(article)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    returned: list[int] = []
    try:
        for line in writer.stdout:
            returned.append(int(line))
            if len(returned) == 300:
                os.kill(writer.pid, signal.SIGKILL)
                break
        # Ids printed after the last one read but before the kill landed were returned too.
        returned += [int(line) for line in writer.stdout.read().split()]
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert 300 <= len(returned) < 1000, "the writer must be killed mid-way"
    with open_library(db_path) as library:
        assert library.integrity_check() == "ok"
        for annotation_id in returned:
            assert library.annotation(annotation_id).note == f"note {annotation_id - 1}"
        assert library.count_annotations() >= len(returned)
