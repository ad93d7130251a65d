"""Writing the settings' ini file off the GUI thread, without holding the GIL while the disk works.

QSettings writes a file holding the GIL, and its write ends in an fdatasync: on a busy disk that can
take a hundred milliseconds, and meanwhile no Python runs in the process, the GUI thread's included.
So the writer lets QSettings write a draft in a memory-backed folder (the runtime folder or /dev/shm,
where a sync costs nothing), then copies the draft over the real file with Python's own file calls,
which release the GIL while they wait: a temporary file next to it, fsync, and an atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


def draft_folder() -> str | None:
    """A memory-backed folder for drafts, or None for the system's temporary folder."""
    for folder in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if folder and os.path.isdir(folder) and os.access(folder, os.W_OK):
            return folder
    return None


DRAFT_PREFIX = "factlight-settings-pid"
_swept = False


def sweep_stale_drafts(folder: str | None) -> None:
    """Remove the drafts left by windows that crashed mid-write: their process no longer runs."""
    base = Path(folder or tempfile.gettempdir())
    for draft in base.glob(DRAFT_PREFIX + "*"):
        pid = draft.name[len(DRAFT_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(draft, ignore_errors=True)
        except OSError:  # running, as another user
            pass


def replace_file(target: Path, data: bytes) -> None:
    """Make `target` hold `data`, whole or not at all (a crash leaves the old file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class SettingsWriter:
    """Writes changed values to an ini file on a thread of its own, started when there is something to write.

    The thread ends when nothing is left. It is not a daemon, so the interpreter's exit waits for the
    last write (a window closing saves its geometry this way), and a choice of library is in the file
    a moment after it is made, should the window crash later.
    """

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.error: str | None = None  # why the last write failed (a read-only folder, a full disk)
        self.failure_listeners: list[Callable[[str], None]] = []  # told on this writer's thread, once per new error
        self._lock = threading.Lock()
        self._pending: dict[str, Any] = {}
        self._thread: threading.Thread | None = None
        self._written = threading.Event()
        self._written.set()

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._pending[key] = value
            self._written.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="factlight-settings", daemon=False)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Off the GUI thread (tests, exit): wait until every value put so far is in the file."""
        return self._written.wait(timeout)

    def _next_batch(self) -> dict[str, Any]:
        with self._lock:
            batch, self._pending = self._pending, {}
            if not batch:
                self._thread = None  # a value put from now on starts a thread of its own
            return batch

    def _run(self) -> None:
        try:
            self._write_batches()
        except OSError as error:  # not even a draft could be made: the values wait for the next change
            self._failed(error)
        finally:
            with self._lock:
                if self._thread is threading.current_thread():  # ended by that error
                    self._thread = None
                if self._thread is None:  # written, its draft gone, and no newer thread at work
                    self._written.set()

    def _write_batches(self) -> None:
        global _swept
        target = Path(self.file_name)
        drafts = draft_folder()
        if not _swept:  # once per process, here rather than at launch: it is file work
            _swept = True
            sweep_stale_drafts(drafts)
        with tempfile.TemporaryDirectory(prefix=f"{DRAFT_PREFIX}{os.getpid()}-", dir=drafts) as folder:
            draft = Path(folder) / "settings.ini"
            try:
                shutil.copyfile(target, draft)  # keeps what this window did not change
            except (FileNotFoundError, NotADirectoryError):  # no file yet: the write says why it fails, if it does
                pass
            except OSError as error:
                self._failed(error)
            # Made on this thread and used only here (QSettings is reentrant, not thread-safe).
            settings = QSettings(str(draft), QSettings.Format.IniFormat)
            while batch := self._next_batch():
                for key, value in batch.items():
                    settings.setValue(key, value)
                settings.sync()
                try:
                    replace_file(target, draft.read_bytes())
                    self.error = None
                except OSError as error:
                    self._failed(error)
            del settings  # before its folder goes

    def _failed(self, error: OSError) -> None:
        message = f"{error.strerror or error}: {error.filename}" if error.filename else str(error)
        if message == self.error:  # the same failure again: the reader has been told
            return
        self.error = message
        for listener in list(self.failure_listeners):
            with contextlib.suppress(RuntimeError):  # a window deleted meanwhile: its signal is gone
                listener(message)
