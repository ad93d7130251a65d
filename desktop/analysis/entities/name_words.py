"""The words that tell what a name is: titles of people, nouns and last words of organisations, venues.

Shared by the entity rules, the finder of untagged names and the role finder. Lowercase, compared with
`bare_word(token)` (lowercase, without a trailing full stop).
"""

from __future__ import annotations

# Nouns for organisations: a name in apposition with one is an organisation ("the broadcaster ZDF").
ORG_NOUNS = frozenset(
    """newspaper paper daily journal magazine broadcaster network channel station agency company firm
    bank airline carrier maker manufacturer startup start-up outlet publisher studio party university
    institute organization organisation charity ministry website tabloid weekly automaker retailer
    conglomerate insurer lender club team group federation association union consortium coalition""".split()  # noqa: SIM905
)
# Last words that make a name an organisation whatever the model said ("… Royal Astronomical Society").
ORG_LAST_WORDS = frozenset(
    """inc inc. corp corp. corporation co co. company ltd ltd. llc plc group institute university college
    ministry department agency association society council committee commission party foundation
    directorate project studios entertainment federation league fund systems technologies airlines
    laboratory laboratories labs airline bank motors airways holdings court senate parliament assembly army
    navy police service guard bureau authority administration board times post news herald tribune press""".split()  # noqa: SIM905
)
# Last words of events: "the Davis Cup Finals", "the Dubai Air Show" are neither people nor organisations.
EVENT_LAST_WORDS = frozenset(
    """cup finals final open championship championships games olympics tournament show festival summit
    conference expo awards marathon""".split()  # noqa: SIM905
)
# Last words of companies, whose first word alone names them too ("Emirates" for "Emirates Airline").
COMPANY_LAST_WORDS = frozenset(
    "airline airlines airways bank group holdings motors studios entertainment technologies systems labs".split()  # noqa: SIM905
)
# Corporate designators: "Tyvak" is short for "Tyvak Nano-Satellite Systems Inc".
CORPORATE = frozenset("inc inc. corp corp. corporation co co. company ltd ltd. llc plc ag sa gmbh".split())  # noqa: SIM905
# Last words of venues; an organisation-labelled venue after "in"/"at" is a place ("in KeyBank Center").
VENUE_WORDS = frozenset(
    "arena stadium center centre airport square street avenue bridge palace park field".split()  # noqa: SIM905
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"}) | CORPORATE
