"""Derive desktop/analysis/lexicon/measure_units.tsv from the units of quantulum3.

    python -m venv /tmp/lex && /tmp/lex/bin/pip install quantulum3==0.10.0   # MIT
    /tmp/lex/bin/python scripts/lexicon/units.py   # rewrites measure_units.tsv

quantulum3 (github.com/nielstron/quantulum3) lists some 400 units with their names, plurals and
symbols. Kept: every unit that measures something (no currencies, no bare counts such as "pair" or
"dozen": amounts and currencies are read elsewhere), each surface with the kind of quantity it
measures. A name or symbol that is also an everyday English word ("bar", "drop", "span", "gray"),
judged by the system's word list /usr/share/dict/words (SCOWL) when it is there, is left out unless
measure_units_news.tsv (news units that are words: "miles", "hours", "pounds") keeps it; single
letters ("m", "W", "C") are kept, since units.py reads them only glued to the digits ("5m", "40C").
"""

from __future__ import annotations

import sys
from pathlib import Path

import quantulum3
from quantulum3 import load

LEXICON = Path(__file__).resolve().parents[2] / "desktop" / "analysis" / "lexicon"
# Amounts and money are read elsewhere; the other kinds are rare in news and their symbols clash with
# acronyms ("MP" megapixel, "AT" ampere-turn, "VA" volt-ampere, "BF" board-foot).
SKIPPED = {"dimensionless", "currency", "typographical element", "volume (lumber)", "volumetric flow", "mass flow",
           "catalytic activity", "linear mass density", "magnetomotive force", "luminance", "permeability",
           "irradiance", "fluidity", "kinematic viscosity", "dynamic viscosity", "flux density"}
SKIPPED_UNITS = {"volt-ampere", "ton of refrigeration"}
# Where one surface names units of several kinds ("C": coulomb and degree Celsius; "second": of time and of
# arc), the kind news means first.
PREFERRED = ["temperature", "length", "mass", "volume", "area", "time", "speed", "power", "energy",
             "data storage", "pressure", "force", "torque", "frequency", "electric potential", "current"]


def preferred(kinds: set[str]) -> str:
    return min(kinds, key=lambda kind: (PREFERRED.index(kind) if kind in PREFERRED else len(PREFERRED), kind))


def english_words() -> set[str]:
    path = Path("/usr/share/dict/words")
    if not path.exists():
        return set()
    return {w.strip().lower() for w in path.read_text(encoding="utf-8", errors="ignore").split()}


def kept_words() -> set[str]:
    lines = (LEXICON / "measure_units_news.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def main() -> int:
    units = load.units("en_US")
    english, kept = english_words(), kept_words()
    table: dict[str, str] = {}
    for index, lower in ((units.surfaces, True), (units.symbols, False)):
        for surface, found in index.items():
            kinds = {unit.entity.name for unit in found if unit.name not in SKIPPED_UNITS} - SKIPPED
            if not kinds:
                continue
            key = " ".join(surface.lower().split()) if lower else surface
            if key.strip("\"'”’µμ") == "":  # a quotation mark after digits closes a quote; "µ" alone is no unit
                continue
            word = key.lower()
            if word in english and word not in kept and (len(key) > 1 or key.islower()):
                continue
            table.setdefault(key, preferred(kinds))
            if "\u00b5" in key:  # the micro sign; text more often has the Greek mu ("μm")
                table.setdefault(key.replace("\u00b5", "\u03bc"), preferred(kinds))
    about = ("# Units of measure a number can carry, and the kind of quantity each measures: names and plurals\n"
             "# lowercase (\"kilometres\", \"square miles\"), symbols as written (\"km\", \"MW\", \"°C\").\n")
    header = (f"# source: quantulum3 {quantulum3.__version__} (units.json), derived by scripts/lexicon/units.py\n"
              "# licence: MIT (quantulum3)\n")
    lines = sorted(f"{k}\t{v}" for k, v in table.items() if "\t" not in k)
    (LEXICON / "measure_units.tsv").write_text(about + header + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
