"""Derive the currency word lists of desktop/analysis/lexicon/ from the Unicode CLDR data that Babel ships.

    python -m venv /tmp/lex && /tmp/lex/bin/pip install babel==2.19.0   # BSD-3-Clause; CLDR data: Unicode License v3
    /tmp/lex/bin/python scripts/lexicon/currencies.py   # rewrites currency_codes.txt, currency_names.tsv, currency_signs.tsv

What it takes from CLDR (the currencies that were legal tender somewhere on or after 1 January 1999, so
the lira, the mark and the kuna of older reporting are known):
- currency_codes.txt: their ISO 4217 codes, less those that spell an English word in capitals ("ALL",
  "TOP", "CUP", judged by the system's word list /usr/share/dict/words, SCOWL, when it is there), which
  a headline in capitals would otherwise turn into money;
- currency_names.tsv: their English names, singular and plural ("danish krone", "danish kroner"), and
  each last word that names one currency only ("ringgit", "shekels"); an ambiguous one ("dollar",
  "pesos") is left to currency_defaults.tsv, which people write by hand;
- currency_signs.tsv: their symbols in English and in the languages of the countries that use them
  ("A$", "₹", "RM", "zł"), when a symbol means one currency only and is not a bare letter or a word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale, __version__, numbers
from babel.core import UnknownLocaleError, get_global

LEXICON = Path(__file__).resolve().parents[2] / "desktop" / "analysis" / "lexicon"
SINCE = (1999, 1, 1)
HEADER = (f"# source: Unicode CLDR as shipped in Babel {__version__}, derived by scripts/lexicon/currencies.py\n"
          "# licence: Unicode License v3 (CLDR data), BSD-3-Clause (Babel)\n")


def tender_currencies() -> dict[str, set[str]]:
    """code -> the territories where it was legal tender on or after SINCE."""
    found: dict[str, set[str]] = {}
    for territory, spans in get_global("territory_currencies").items():
        for code, _start, end, tender in spans:
            if tender and (end is None or end >= SINCE):
                found.setdefault(code, set()).add(territory)
    return found


def english_words() -> set[str]:
    path = Path("/usr/share/dict/words")
    if not path.exists():
        return set()
    return {w.strip().lower() for w in path.read_text(encoding="utf-8", errors="ignore").split()}


def names(codes: set[str]) -> dict[str, str]:
    en = Locale("en")
    plural = en._data["currency_names_plural"]
    full: dict[str, set[str]] = {}
    for code in codes:
        forms = {en.currencies.get(code, "")} | {plural.get(code, {}).get(n, "") for n in ("one", "other")}
        for form in forms:
            if form and "(" not in form:
                full.setdefault(form.lower(), set()).add(code)
    last: dict[str, set[str]] = {}
    for form, owners in full.items():
        if " " in form:
            last.setdefault(form.rsplit(" ", 1)[1], set()).update(owners)
    table = {form: next(iter(owners)) for form, owners in full.items() if len(owners) == 1}
    for word, owners in last.items():
        if len(owners) == 1 and word not in table:
            table[word] = next(iter(owners))
    return table


def signs(currencies: dict[str, set[str]], words: set[str]) -> dict[str, str]:
    en = Locale("en")
    by_sign: dict[str, set[str]] = {}
    english: dict[str, str] = {}
    for code, territories in currencies.items():
        found = {en.currency_symbols.get(code, code)}
        for territory in territories:
            for language in get_global("territory_languages").get(territory, {}):
                try:
                    found.add(numbers.get_currency_symbol(code, f"{language}_{territory}"))
                except (UnknownLocaleError, ValueError):
                    continue
        for sign in found:
            if sign and sign != code and sign.lower() != code.lower():
                by_sign.setdefault(sign, set()).add(code)
        sign = en.currency_symbols.get(code)
        if sign and sign != code:
            english[sign] = code
    table = {}
    for sign, owners in by_sign.items():
        code = english.get(sign) or (next(iter(owners)) if len(owners) == 1 else None)
        # a bare letter ("R", "K") or a lowercase English word ("kr" aside) is too often something else
        bare = sign.isalpha() and (len(sign) < 2 or (sign.islower() and sign in words))
        if code and not bare and not sign.endswith("."):
            table[sign] = code
    return table


def write(name: str, about: str, lines: list[str]) -> None:
    (LEXICON / name).write_text(about + HEADER + "".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")


def main() -> int:
    currencies = tender_currencies()
    words = english_words()
    codes = sorted(c for c in currencies if c.lower() not in words)
    write("currency_codes.txt", "# ISO 4217 codes written as words (\"USD 200\", \"200 EUR\"), matched in capitals only.\n",
          codes)
    write("currency_names.tsv", "# English names of currencies, lowercase, singular and plural, and their ISO 4217 code;\n"
          "# a bare last word only where it names one currency (see currency_defaults.tsv for the others).\n",
          [f"{k}\t{v}" for k, v in names(set(currencies)).items()])
    write("currency_signs.tsv", "# Currency symbols as CLDR writes them (\"RM\", \"A$\", \"zł\"), and their ISO 4217 code (the English\n"
          "# one where languages differ). Signs with a letter are matched in this case; signs such as \"HK$\" in any.\n",
          [f"{k}\t{v}" for k, v in signs(currencies, words).items()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
