"""The words of reported speech: speech verbs, what speaks for whom, titles and gendered words.

Used by the speaker attribution (speakers.py) and by the person-name helpers (person_names.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Lemmas of verbs that report speech or writing.
SPEECH_VERBS = frozenset(
    """say tell add state note read sing chant scream explain claim insist argue stress warn declare announce write ask reply
    respond answer acknowledge admit confirm deny suggest recall remark comment observe conclude concede
    complain joke quip shout yell whisper tweet post report describe call denounce accuse charge contend
    maintain assert predict promise vow pledge urge demand emphasise emphasize reiterate clarify express
    hint mention testify recount counter retort boast lament caution proclaim depict characterize
    characterise term label dub condemn criticize criticise praise blast slam hail agree disagree speak
    tout question wonder muse sigh scoff cry exclaim plead estimate project forecast""".split()  # noqa: SIM905
)
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
# Nouns for someone or something that speaks for another ("a Kremlin statement", "a spokesperson for X").
SPEAKS_FOR = frozenset(
    """spokesperson spokesman spokeswoman spokespeople representative statement office aide release
    communique communiqué announcement readout ministry embassy official""".split()  # noqa: SIM905
)
# Nouns that only count or group the speakers named after "of" ("a group of protesters").
PARTITIVES = frozenset(
    "series group number couple pair handful dozen dozens hundreds thousands majority minority crowd band".split()  # noqa: SIM905
)
SAME_ROLE = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson"}
# Documents whose words are their publisher's ("reports released by the Inspector General").
DOCUMENTS = frozenset(
    """report statement study letter document paper release memo filing audit review""".split()  # noqa: SIM905
)
PUBLISHING = frozenset(["release", "publish", "issue", "send", "file", "produce", "post"])
def is_speech_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(child.lower_ == "to" for child in tok.children)
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS
