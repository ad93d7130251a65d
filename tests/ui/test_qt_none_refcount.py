"""Regression guard for PySide6 6.12.0 on Python 3.11: every void Qt call dropped a reference to None
and the interpreter died with "Fatal Python error: none_dealloc" after a few thousand calls.

Runs in a subprocess so a crash fails this test instead of killing the test session.
"""

from __future__ import annotations

import subprocess
import sys

CALLS = 100_000

SCRIPT = f"""
import sys
from PySide6.QtCore import QObject

obj = QObject()
before = sys.getrefcount(None)
for i in range({CALLS}):
    obj.setObjectName("factlight")
after = sys.getrefcount(None)
print(before - after)
"""


def test_void_qt_calls_do_not_leak_references_to_none():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    dropped = int(result.stdout.strip())
    assert dropped < 100, f"sys.getrefcount(None) dropped by {dropped} over {CALLS} void Qt calls"
