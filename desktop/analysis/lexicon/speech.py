"""The one vocabulary of reported speech: speech verbs, who speaks for whom, documents and pronouns.

Speaker attribution (quotes/), the reference resolver (references/) and the facts (facts/) all read
these, so "said", "a spokesperson for" or "she" mean the same thing everywhere.
"""

from __future__ import annotations

from desktop.analysis.lexicon import table, words

# Lemmas of verbs that report speech or writing.
SPEECH_VERBS = words("speech_verbs")
# Verbs that report speech only without an object or verb of their own ("she continued").
BARE_SPEECH_VERBS = words("speech_verbs_bare")
# (verb, object) lemmas that together report speech ("made a comment", "as he put it").
SPEECH_PHRASES = frozenset(tuple(line.split()) for line in words("speech_phrases"))
PHRASE_VERBS = frozenset(verb for verb, _ in SPEECH_PHRASES)
# Nouns for something said ("his claim", "Trump’s remark"): their owner is who said it.
SPEECH_NOUNS = words("speech_nouns")
# Verbs by which a speaker names something ("called him “the Copper Fox”"): the name they give is said.
NAMING_VERBS = words("naming_verbs")
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
