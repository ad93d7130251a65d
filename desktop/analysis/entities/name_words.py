"""The words that tell what a name is, read from the lexicon: organisation nouns and last words,
corporate designators, events, venues and time zones.

Shared by the kind repairs, the finder of untagged names and the linker. Lowercase, compared with
`bare_word(token)` (lowercase, without a trailing full stop).
"""

from __future__ import annotations

from desktop.analysis.lexicon import words
from desktop.analysis.lexicon.people import TITLES

# A name in apposition with one of these, or compounded with it, is an organisation ("the broadcaster ZDF").
ORG_NOUNS = words("organization_nouns")
# A name in apposition with one of these, or after one and "of", is a place ("the city of Zarandor").
PLACE_NOUNS = words("place_nouns")
# A multi-word name ending or starting with one of these is a place ("Orrin River", "Lake Veldmoor").
PLACE_LAST_WORDS = words("place_last_words")
PLACE_FIRST_WORDS = words("place_first_words")
# "Operation Granite Dawn": the name of an operation, an event.
OPERATION_WORDS = words("operation_words")
# "Inc", "GmbH", "SpA": "Tyvak" is short for "Tyvak Nano-Satellite Systems Inc".
CORPORATE = words("corporate_designators")
# Last words that make a multi-word name an organisation whatever the model said.
ORG_LAST_WORDS = words("organization_last_words") | CORPORATE
# Last words of events: "the Dubai Air Show" is neither a person nor an organisation.
EVENT_LAST_WORDS = words("event_last_words")
# Last words of companies whose first word alone names them too ("Emirates" for "Emirates Airline").
COMPANY_LAST_WORDS = words("company_last_words")
# Last words of venues; an organisation-labelled venue after "in"/"at" is a place ("in KeyBank Center").
VENUE_WORDS = words("venue_words")
# "0100 GMT": after a clock time these are times, not organisations.
TIME_ZONES = words("time_zones")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"}) | CORPORATE
# Titles that are evidence of a person: those an organisation is not described by as often ("producer").
PERSON_TITLES = TITLES - words("organization_roles")
