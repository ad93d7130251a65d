"""Who said each quote: the attribution as written, the name it resolves to, and the cue verb.

`attribute_speaker(span, references)` finds the cue verb (cues.py), else a dash or colon attribution
("— John Kirby", "Kirby: “…”"); the cue's subject is the speaker as written (mentions.py) and the
document's resolver (references/) gives the name it stands for ("he" -> Joe Biden, "a spokesperson
for Johnson’s office" -> Boris Johnson). `attribute_speakers` does every quote in order: a quote with
no attribution of its own that follows another in the same paragraph, or opens the paragraph after
it, continues the previous speaker (news style).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.analysis.lexicon.speech import NAMING_VERBS, SPEECH_NOUNS
from desktop.analysis.quotes.cues import characterising, nearby_cue, reporting_cue
from desktop.analysis.quotes.mentions import mention_bounds, speaker_token
from desktop.analysis.quotes.stance import stance_cue
from desktop.analysis.records import NAME_KINDS, QuoteSpan, Speaker
from desktop.analysis.references import References, person_bare_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.analysis.nlp import Paragraph

# The links by which a clause is what a verb reports.
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj"})
# A dash between a quote and its speaker's name: em, en, figure and quotation dashes, or ASCII.
_DASH_ATTRIBUTION = re.compile(r"\s*(?:[,.]\s*)?(?:[—–―‒]|--|-)[^\S\n]*")


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None = None
    cue: str | None = None
    # The attribution touches the quote ("“Yes,” he said"): a capitalised fragment is then still a quote.
    adjacent: bool = False
    # The parse ties the cue to the quote itself (it reports or names these very words), rather than
    # a verb elsewhere in the sentence or a previous speaker going on.
    reported: bool = False
    # The cue gives a name ("called him “the Copper Fox”"): a capitalised fragment is then said, not a title.
    naming: bool = False


NO_ATTRIBUTION = Attribution()


def attribute_speakers(references: References) -> list[Attribution]:
    """One Attribution per quoted stretch of the document, in order."""
    spans = references.index.quote_spans
    results: list[Attribution] = []
    previous: tuple[QuoteSpan, Attribution] | None = None
    for span in spans:
        attribution = attribute_speaker(span, references)
        if attribution.speaker is None and previous is not None and continues(references, previous[0], span):
            attribution = Attribution(previous[1].speaker, previous[1].cue, adjacent=False)
        results.append(attribution)
        if attribution.speaker is not None:
            previous = (span, attribution)
        elif previous is not None and not continues(references, previous[0], span):
            previous = None
    return results


def attribute_speaker(span: QuoteSpan, references: References) -> Attribution:
    """The attribution the text gives this quote itself (continuing a previous speaker is not done here)."""
    index = references.index
    sentences = index.sentences_over(span.start, span.end)
    cue = reporting_cue(span, index, sentences)
    reported = cue is not None
    if cue is not None and _modifies_a_noun(span, references):
        # Quoted words before a noun ("a “phase one” deal") are a label, unless they stand in a clause
        # the cue reports ("…recognise a “skinny” deal fails, Scissors said"): then they are said, but
        # no more than the clause is.
        if not _in_reported_clause(span, cue[0], cue[1]):
            return NO_ATTRIBUTION
        reported = False
    if cue is None:
        dashed = _dash_or_colon(span, references)
        if dashed is not None:
            return dashed
        cue = nearby_cue(span, index, sentences)
    if cue is None and not _modifies_a_noun(span, references):
        cue = stance_cue(span, index)
    if cue is None:
        return NO_ATTRIBUTION
    verb, para = cue
    subject = speaker_token(verb, para, index)
    if subject is None or subject.is_space or subject.is_punct:
        return NO_ATTRIBUTION
    speaker = speaker_mention(subject, para, references)
    if speaker.start >= speaker.end or not speaker.text.strip():
        return NO_ATTRIBUTION
    adjacent = _touches(index.text, span, verb, speaker, para)
    cue_text = "according to" if verb.lower_ == "according" else verb.lower_
    naming = reported and (verb.lemma_.lower() in NAMING_VERBS or _named(span, references))
    return Attribution(speaker, cue_text, adjacent, reported, naming)


def speaker_mention(head: Token, para: Paragraph, references: References) -> Speaker:
    """The mention headed by `head` as written, with the name the resolver gives it."""
    index = references.index
    start_i, end_i = mention_bounds(head, para, index)
    doc = head.doc
    start = para.start + doc[start_i].idx
    last = doc[end_i - 1]
    end = para.start + last.idx + len(last.text)
    entity = index.entity_at(para.start + head.idx)
    if entity is not None:
        start, end = min(start, entity.start), max(end, entity.end)
    canonical = references.resolve(head, para, start, end)
    if canonical:
        references.note_speaker(start, head, canonical)
    return Speaker(start, end, index.text[start:end], canonical)


def continues(references: References, earlier: QuoteSpan, later: QuoteSpan) -> bool:
    """True when `later` can carry on `earlier`'s speaker: same paragraph, or it opens the next one."""
    index = references.index
    i = index.paragraph_number(earlier.end - 1)
    j = index.paragraph_number(later.start)
    if i < 0 or j < 0:
        return False
    second = index.parsed.paragraphs[j]
    return i == j or (j == i + 1 and not index.text[second.start : later.start].strip())


def _named(span: QuoteSpan, references: References) -> bool:
    """True when the quoted words are a name somebody gives: after a naming verb ("the Leeds striker
    nicknamed “Iron Tom”"), after the "as" of "cited his remarks as “Copper Fox”", or in apposition
    to a noun of speech ("she wrote the name “Marta Lindqvist”")."""
    for tok, para in references.index.tokens_between(span.start, span.end):
        head = tok.head
        if span.start <= para.start + head.idx < span.end:
            continue
        if characterising(head) or characterising(head.head):
            return True
        if head.pos_ == "VERB" and head.lemma_.lower() in NAMING_VERBS:
            return True
        if tok.dep_ == "appos" and head.lemma_.lower() in SPEECH_NOUNS:
            return True
    return False


def _in_reported_clause(span: QuoteSpan, verb: Token, para: Paragraph) -> bool:
    """True when the quote lies in a clause `verb` reports (its complement), not in its object."""
    for child in verb.children:
        if child.dep_ in _REPORTED_CLAUSES:
            lo, hi = child.left_edge, child.right_edge
            if para.start + lo.idx <= span.start and span.end <= para.start + hi.idx + len(hi.text) + 2:
                return True
    return False


def _modifies_a_noun(span: QuoteSpan, references: References) -> bool:
    """True when the quoted words stand before a noun as its modifier ("a “phase one” trade deal")."""
    index = references.index
    for tok, para in index.tokens_between(span.start, span.end):
        head = tok.head
        if tok.is_punct or head.i == tok.i or span.start <= para.start + head.idx < span.end:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i > tok.i:
            return True
    return False


def _dash_or_colon(span: QuoteSpan, references: References) -> Attribution | None:
    """ "“…” — John Kirby" (no verb), or "Kirby: “…”"."""
    index = references.index
    text = index.text
    match = _DASH_ATTRIBUTION.match(text, span.end)
    if match and match.end() > span.end:
        speaker = _name_at(match.end(), references)
        if speaker is not None and "\n" in text[span.end : match.end()]:
            # A signature line under the quote: the name and perhaps a title, nothing more.
            line_end = text.find("\n", speaker.end)
            rest = text[speaker.end : len(text) if line_end < 0 else line_end].strip()
            if rest and not rest.startswith(",") or len(rest) > 80:
                speaker = None
        if speaker is not None:
            return Attribution(speaker, None, adjacent=True, reported=True)
    before = text[max(0, span.start - 3) : span.start].rstrip()
    if before.endswith(":"):
        colon = span.start - (len(text[max(0, span.start - 3) : span.start]) - len(before)) - 1
        entity = index.entity_at(colon - 1)
        if entity is not None and entity.kind in NAME_KINDS and entity.end == colon:
            speaker = Speaker(entity.start, entity.end, entity.text, references.entity_name(entity))
            return Attribution(speaker, None, adjacent=True, reported=True)
    return None


def _name_at(offset: int, references: References) -> Speaker | None:
    """The name that starts at offset: an entity, else a run of proper nouns ("— Kirby")."""
    index = references.index
    entity = index.entity_at(offset)
    if entity is not None and entity.start == offset and entity.kind in NAME_KINDS:
        return Speaker(entity.start, entity.end, entity.text, references.entity_name(entity))
    found = index.token_at(offset) if entity is None else None
    if found is None or found[0].pos_ != "PROPN":
        return None
    tok, para = found
    doc = para.doc
    j = tok.i
    while (
        j + 1 < len(doc)
        and doc[j + 1].pos_ == "PROPN"
        and doc[j + 1].idx == doc[j].idx + len(doc[j].text_with_ws)
    ):
        j += 1
    end = para.start + doc[j].idx + len(doc[j].text)
    mention = index.text[offset:end]
    return Speaker(offset, end, mention, references.full_person_name(mention, offset) or person_bare_name(mention))


def _touches(text: str, span: QuoteSpan, verb: Token, speaker: Speaker, para: Paragraph) -> bool:
    """True for "“…,” he said", "“…,” said Kirby" and "Kirby said: “…”": nothing but punctuation
    between quote and attribution (a colon or comma when the attribution comes first, so that
    "he wrote “Tom Sawyer”" does not count)."""
    verb_start = para.start + verb.idx
    verb_end = verb_start + len(verb.text)
    first, last = min(verb_start, speaker.start), max(verb_end, speaker.end)
    if first >= span.end:
        return not re.search(r"[^\W_]", text[span.end : first])
    if last <= span.start:
        gap = text[last : span.start]
        return not re.search(r"[^\W_]", gap) and re.search(r"[:,]", gap) is not None
    return False
