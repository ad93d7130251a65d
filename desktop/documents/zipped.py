"""ZIP packages (DOCX, ODT, EPUB) read with limits, so a ZIP bomb is refused instead of filling memory.

Before a part is inflated its declared size is checked, and while it inflates the bytes actually
produced are counted (a declared size can lie; Python's zipfile also stops at the declared size and
checks the CRC). Limits: MAX_MEMBERS entries, MAX_PART_BYTES for one part, MAX_TOTAL_BYTES for all
parts read from one file, and a compression ratio above MAX_RATIO for any part bigger than a megabyte.
Nothing is written to disk, so names like "../../etc" do no harm.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from desktop.documents.limits import Deadline
from desktop.documents.model import DocumentError

MAX_MEMBERS = 10_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1024 * 1024
_ZIP_ERRORS = (zlib.error, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError)


class Package:
    """The parts of one ZIP package, read on demand within the limits."""

    def __init__(self, data: bytes, name: str, deadline: Deadline):
        self.name = name
        self.deadline = deadline
        self.total = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except _ZIP_ERRORS as exc:
            raise DocumentError(f"{name} is a damaged ZIP package and cannot be opened.") from exc
        if len(infos) > MAX_MEMBERS:
            raise DocumentError(f"{name} holds {len(infos):,} parts; Factlight opens packages of up to {MAX_MEMBERS:,}.")
        self.infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, part: str) -> bool:
        return part in self.infos

    def read(self, part: str) -> bytes:
        """The inflated bytes of `part`; DocumentError when it is missing, damaged, encrypted or too big."""
        info = self.infos.get(part)
        if info is None:
            raise DocumentError(f"{self.name} is damaged: its part {part} is missing.")
        if info.flag_bits & 0x1:
            raise DocumentError(f"{self.name} is protected by a password (encrypted); Factlight cannot open it.")
        self._check_declared(info)
        out = bytearray()
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    self._count(len(chunk), len(out))
                    self.deadline.check()
        except _ZIP_ERRORS as exc:
            raise DocumentError(f"{self.name} is damaged: its part {part} cannot be read.") from exc
        return bytes(out)

    def _check_declared(self, info: zipfile.ZipInfo) -> None:
        if info.file_size > MAX_PART_BYTES or self.total + info.file_size > MAX_TOTAL_BYTES:
            raise self._too_big()
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self._too_big()

    def _count(self, produced: int, part_size: int) -> None:
        self.total += produced
        if part_size > MAX_PART_BYTES or self.total > MAX_TOTAL_BYTES:
            raise self._too_big()

    def _too_big(self) -> DocumentError:
        return DocumentError(
            f"{self.name} unpacks to more than Factlight reads from one file "
            f"({MAX_PART_BYTES // 1024 // 1024} MB a part, {MAX_TOTAL_BYTES // 1024 // 1024} MB in all): "
            "it may be a ZIP bomb."
        )
