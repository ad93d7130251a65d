"""The one vocabulary of reported speech: speech verbs, who speaks for whom, documents and pronouns.

Speaker attribution (quotes/), the reference resolver (references/) and the facts (facts/) all read
these, so "said", "a spokesperson for" or "she" mean the same thing everywhere.
"""

from __future__ import annotations

from desktop.analysis.lexicon import table, words

# Lemmas of verbs that report speech or writing.
SPEECH_VERBS = words("speech_verbs")
# Nouns for someone or something that speaks for another ("a Kremlin statement", "a spokesperson for X").
SPEAKS_FOR = words("speaks_for")
# Nouns that only count or group the speakers named after "of" ("a group of protesters").
PARTITIVES = words("partitives")
# Documents whose words are their publisher's ("reports released by the Inspector General").
DOCUMENTS = words("documents")
PUBLISHING_VERBS = words("publishing_verbs")
# "spokeswoman" -> "spokesperson": words for the same role.
SAME_ROLE: dict[str, str] = table("role_synonyms")
# Personal pronouns -> m, f, n (a thing or an organisation) or p (plural).
PRONOUN_KIND: dict[str, str] = table("pronouns")
# he/she and their forms -> "m" or "f".
PRONOUN_GENDER: dict[str, str] = {k: v for k, v in PRONOUN_KIND.items() if v in ("m", "f")}
