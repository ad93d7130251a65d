"""Loads a spaCy pipeline by name, once per process, with the fast ops (fast_ops, fast_rules) when chosen."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


class ModelError(Exception):
    """The chosen spaCy pipeline cannot be loaded; the message says what to install."""


_models: dict[tuple[str, bool], Language] = {}
_models_lock = threading.Lock()


def model_package(name: str) -> str:
    return name.replace("_", "-")


def load_pipeline(name: str, fast_gemm: bool = True) -> Language:
    """The named pipeline, loaded once per process (and per choice of ops). The fast choice, on by
    default, takes numpy's matrix product (fast_ops) and the look-up attribute matcher (fast_rules);
    both give the very same annotations as stock spaCy, which tests check."""
    key = (name, fast_gemm)
    with _models_lock:
        if key in _models:
            return _models[key]
        import spacy

        from desktop.analysis.nlp.fast_ops import use_fast_gemm

        use_fast_gemm(fast_gemm)
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelError(
                f"The spaCy pipeline '{name}' is not installed. Install it into Factlight's environment "
                f"(for example: pip install {model_package(name)}) or choose another with --model."
            ) from exc
        finally:
            use_fast_gemm(False)
        if fast_gemm:
            from desktop.analysis.nlp.fast_rules import speed_up_attribute_rules

            speed_up_attribute_rules(nlp)
        _models[key] = nlp
        return nlp


def model_version(nlp: Language) -> str:
    return str(nlp.meta.get("version", ""))
