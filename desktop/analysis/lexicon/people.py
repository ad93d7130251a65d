"""The one vocabulary of words around people's names: titles, honorifics and words that tell gender.

Entities (trimming "Chancellor" off "Chancellor Olaf Scholz", roles), quotes (speakers' bare names)
and the pronoun resolver all read these, so a title means the same thing everywhere.
"""

from __future__ import annotations

from desktop.analysis.lexicon import table, words

HONORIFIC_GENDER: dict[str, str] = table("honorifics")  # "mrs" -> "f", "dr" -> ""
HONORIFICS = frozenset(HONORIFIC_GENDER)
GENDERED_HONORIFICS = frozenset(k for k, v in HONORIFIC_GENDER.items() if v)
# Offices, ranks and professions written before a name or in apposition, honorifics included.
TITLES = words("titles") | HONORIFICS
# What may stand in a capitalised run of titles before a name without being part of the name.
TITLE_RUN_WORDS = TITLES | words("title_modifiers")
# Words for a person that tell their gender: honorifics and nouns such as "actress".
GENDER_OF_WORD: dict[str, str] = {**table("gendered_nouns"), **{k: v for k, v in HONORIFIC_GENDER.items() if v}}
# "sen" -> "senator": abbreviated titles and the title they stand for.
TITLE_ABBREVIATIONS: dict[str, str] = table("title_abbreviations")
