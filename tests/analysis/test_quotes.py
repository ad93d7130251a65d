"""Quotations and their speakers, on the real pipeline: fixture articles, quote styles, hostile input."""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.analysis.quotes.marks import find_quote_spans

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE_NAMES = sorted(p.name.removesuffix(".txt") for p in (FIXTURES / "articles").glob("*.txt"))


def _score_module():
    spec = importlib.util.spec_from_file_location("fixture_score", FIXTURES / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quote_at(analysis, text, fragment):
    """The one quote whose text contains `fragment`."""
    found = [q for q in analysis.quotes if fragment in q.text]
    assert len(found) == 1, (fragment, [q.text for q in analysis.quotes])
    quote = found[0]
    assert text[quote.start : quote.end] == quote.text
    return quote


def speaker_of(analysis, text, fragment):
    speaker = quote_at(analysis, text, fragment).speaker
    assert speaker is not None, fragment
    assert text[speaker.start : speaker.end] == speaker.text
    return speaker.text, speaker.canonical


# ------------------------------------------------------------------------------------- fixture articles


def test_seed_article_speakers_as_written_and_resolved(analyze, article):
    text = article("rferl-johnson-putin")
    analysis = analyze(text)
    assert speaker_of(analysis, text, "expressed deep concern") == (
        "A spokesperson for Johnson’s office",
        "Boris Johnson",
    )
    assert speaker_of(analysis, text, "stressed the need") == (
        "A spokesperson for Johnson’s office",
        "Boris Johnson",
    )
    assert speaker_of(analysis, text, "reluctance to adequately") == ("A Kremlin statement", "Kremlin")
    assert speaker_of(analysis, text, "contradicts the fundamental") == ("the statement", "Kremlin")
    assert speaker_of(analysis, text, "“ignored”")[1] == "Vladimir Putin"
    assert speaker_of(analysis, text, "chronic sabotage")[1] == "Vladimir Putin"
    assert speaker_of(analysis, text, "send a strong signal") == ("Kirby", "John Kirby")
    assert speaker_of(analysis, text, "As long as he acts") == ("he", "Joe Biden")
    assert speaker_of(analysis, text, "destructive measures") == ("Moscow", "Moscow")
    assert quote_at(analysis, text, "As long as he acts").cue == "said"
    assert quote_at(analysis, text, "destructive measures").cue == "denounced"


def test_quote_spans_include_the_marks(analyze, article):
    text = article("rferl-johnson-putin")
    quote = quote_at(analyze(text), text, "a tragic miscalculation")
    assert quote.text == "“a tragic miscalculation”"


def test_quote_over_two_paragraphs_is_one_quote(analyze, article):
    text = article("twincities-wild-sabres")
    analysis = analyze(text)
    quote = quote_at(analysis, text, "You’ve been in every game")
    assert quote.text.startswith("“You’ve been in every game")
    assert quote.text.endswith("weren’t playing good.”")
    assert "\n\n“I said the same thing" in quote.text
    assert speaker_of(analysis, text, "You’ve been in every game") == ("he", "Bruce Boudreau")
    assert not any(q.text.startswith("“I said the same thing") for q in analysis.quotes)


def test_quote_split_by_attribution_gives_both_parts_the_speaker(analyze, article):
    text = article("twincities-wild-sabres")
    analysis = analyze(text)
    assert speaker_of(analysis, text, "You can go either way")[1] == "Zach Parise"
    assert speaker_of(analysis, text, "I was going the other way")[1] == "Zach Parise"
    assert speaker_of(analysis, text, "That’s perfect")[1] == "Bruce Boudreau"
    assert speaker_of(analysis, text, "mark of a true competitor")[1] == "Bruce Boudreau"


def test_pronoun_resolves_to_the_last_person_who_was_a_subject(analyze, article):
    text = article("twincities-wild-sabres")
    analysis = analyze(text)
    # "Wild defenseman Ryan Suter, who joked about Parise’s penchant …" then "“…,” he said."
    assert speaker_of(analysis, text, "He’s used to scoring goals") == ("he", "Ryan Suter")


def test_fragments_in_reported_speech_are_quotes_titles_are_not(analyze, article):
    text = article("latimes-disney-plus-mayer")
    analysis = analyze(text)
    assert speaker_of(analysis, text, "“patched”")[1] == "Kevin Mayer"
    assert not any(t in q.text for q in analysis.quotes for t in ("Star Wars", "Mary Poppins", "Bambi"))


def test_labels_in_quotation_marks_are_not_quotes(analyze, article):
    text = article("deccanherald-us-china-tariffs")
    analysis = analyze(text)
    assert not any("phase one" in q.text or "tough on China" in q.text for q in analysis.quotes)
    assert speaker_of(analysis, text, "is going to have to make a deal") == ("The president", "Donald Trump")
    assert speaker_of(analysis, text, "The president wants the option")[1] == "Derek Scissors"


def test_unattributed_paragraph_continues_the_previous_speaker(analyze, article):
    text = article("aljazeera-nasa-moon-landers")
    analysis = analyze(text)
    assert speaker_of(analysis, text, "There are the big established players")[1] == "Michael Sims"
    assert speaker_of(analysis, text, "This is based on our objectives") == ("he", "Steve Clarke")


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_quote_scores_reach_the_issue_thresholds(analyze, article, name):
    score = _score_module()
    gold = json.loads((FIXTURES / "articles" / f"{name}.gold.json").read_text(encoding="utf-8"))
    analysis = analyze(article(name)).to_dict()
    with redirect_stdout(io.StringIO()) as report:
        precision, recall, speaker = score.score_quotes(analysis, gold)
    assert score.f1(precision, recall) >= 0.95, report.getvalue()
    assert speaker >= 0.94, report.getvalue()


# ------------------------------------------------------------------------------------------ quote styles


def test_british_single_quotes_and_apostrophes(analyze):
    text = "‘We will not back down,’ the minister said. ‘Never.’\n\nThe players’ union met in the ’90s."
    analysis = analyze(text)
    assert [q.text for q in analysis.quotes] == ["‘We will not back down,’", "‘Never.’"]
    assert all(q.speaker is not None and q.speaker.text == "the minister" for q in analysis.quotes)


def test_straight_single_quotes_do_not_pair_apostrophes(analyze):
    text = "'We are ready to go now,' said Anna Smith. She grew up in the '90s; don't worry, Johnson's team said."
    analysis = analyze(text)
    assert [q.text for q in analysis.quotes] == ["'We are ready to go now,'"]
    assert analysis.quotes[0].speaker.canonical == "Anna Smith"


def test_apostrophes_alone_make_no_quotes():
    text = "Johnson’s team said the players’ union would meet in the ’90s. Rock 'n' roll, don't stop."
    assert find_quote_spans(text) == []


def test_dash_attribution_without_a_verb(analyze):
    text = "“Deterrence is not provocation.” — John Kirby\n\nThat was all."
    quote = analyze(text).quotes[0]
    assert quote.speaker.text == "John Kirby"
    assert quote.cue is None


def test_according_to(analyze):
    text = "The plan is “dead on arrival,” according to Senator Mary Jones."
    quote = analyze(text).quotes[0]
    assert quote.speaker.canonical == "Mary Jones"
    assert quote.cue == "according to"


def test_quote_with_nobody_attached_has_no_speaker(analyze):
    text = (
        "“We have never seen anything like this in all our years of reporting from the region.”\n\nIt passed."
    )
    quotes = analyze(text).quotes
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].cue is None


def test_colon_after_the_speech_verb(analyze):
    text = "Dr. Emily Chen, a virologist at Stanford University, told reporters: “The data are clear.”"
    quote = analyze(text).quotes[0]
    assert (quote.speaker.text, quote.speaker.canonical, quote.cue) == (
        "Dr. Emily Chen",
        "Emily Chen",
        "told",
    )


def test_straight_double_quotes_and_unclosed_paragraph():
    text = 'He said "yes" and left.\n\n"This one never closes.\n\nNext paragraph.'
    spans = [(s.start, s.end) for s in find_quote_spans(text)]
    assert spans[0] == (8, 13)
    assert text[spans[1][0] : spans[1][1]] == '"This one never closes.'


def test_hard_wrapped_lines_stay_one_quote():
    text = "She said “this quote is\nwrapped over two lines” today.\n\nNext."
    (span,) = find_quote_spans(text)
    assert text[span.start : span.end] == "“this quote is\nwrapped over two lines”"


# ---------------------------------------------------------------------------------------- hostile input

HOSTILE = {
    "empty": "",
    "blank": "  \n\n \t ",
    "10,000 straight marks": '"' * 10_000,
    "10,000 curly marks": "“”‘’" * 2_500,
    "unmatched": "“He said it would never end.\n\nAnd then ‘something ” else” happened.",
    "enormous line": "He said “this is fine” and went on. " * 400,
    "only punctuation": "!?.,;:“”\"'’‘—–-" * 300,
    "cjk": "他说「我们会赢」。『引用』" * 20,
    "russian": "Он сказал: «Мы победим». " * 20,
    "arabic": 'قال "سوف ننتصر" اليوم. ' * 20,
    "marks at line starts": "“\n“\n“\n”\n" * 200,
}


def assert_well_formed(text, quotes):
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start < quote.speaker.end <= len(text)
            assert quote.speaker.text == text[quote.speaker.start : quote.speaker.end]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_never_crashes(analyze, name):
    text = HOSTILE[name]
    assert_well_formed(text, analyze(text).quotes)


def test_quote_marks_in_non_latin_scripts_pair():
    assert len(find_quote_spans("Он сказал: «Мы победим». 他说「我们会赢」。")) == 2


@given(text=st.text(alphabet=st.sampled_from(list("ab. ,\n\t'\"“”‘’‚„«»「」—:")), max_size=400))
@settings(max_examples=300, deadline=None)
def test_pairing_spans_are_well_formed_and_disjoint(text):
    spans = find_quote_spans(text)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)


@given(
    text=st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "'",
                "’",
                "‘",
                "«",
                " said ",
                " he ",
                "Kirby",
                ".",
                ",",
                ":",
                "—",
                "\t",
                "\n",
                "\n\n",
                "word",
            ]
        ),
        max_size=60,
    ).map("".join)
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extraction_on_random_text_is_well_formed(analyze, text):
    assert_well_formed(text, analyze(text).quotes)


def test_she_skips_the_man_who_spoke_last(analyze):
    text = (
        "Mary Jones said her new film was hard work. Tom Brown watched from the side and he called it brave. "
        "“I was terrified,” she said."
    )
    assert analyze(text).quotes[0].speaker.canonical == "Mary Jones"


def test_honorific_tells_which_person_she_is(analyze):
    text = "Mr. Smith met Ms. Lopez on Monday. “It went well,” she said."
    assert analyze(text).quotes[0].speaker.canonical == "Lopez"


def test_attribution_as_a_sentence_of_its_own_after_the_quote(analyze):
    text = "The governor was confident. “We will win this race by a mile!” Trump tweeted on Monday. “Vote early.”"
    quotes = analyze(text).quotes
    assert [(q.speaker.text, q.cue) for q in quotes] == [("Trump", "tweeted"), ("Trump", "tweeted")]


def test_signature_line_under_the_quote(analyze):
    text = "“Deterrence is not provocation, and it never was.”\n\n— John Kirby, Pentagon press secretary\n\nThat was all."
    quote = analyze(text).quotes[0]
    assert (quote.speaker.text, quote.cue) == ("John Kirby", None)


def test_a_dashed_sentence_after_a_quote_is_not_a_signature(analyze):
    text = "“We will fight on the beaches and never surrender to them.”\n\n- Winston Churchill was prime minister then."
    assert analyze(text).quotes[0].speaker is None


def test_quote_after_reported_speech_in_the_same_paragraph(analyze):
    text = "Kirby said the moves were temporary. “We will keep our forces ready for anything.”"
    quote = analyze(text).quotes[0]
    assert (quote.speaker.text, quote.cue) == ("Kirby", "said")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("”We are ready,” he said.", ["”We are ready,”"]),
        ("“We are ready,“ he said. “Go.”", ["“We are ready,“", "“Go.”"]),
        ("„Wir sind bereit“, sagte er.", ["„Wir sind bereit“"]),
        ("«Мы победим», сказал он.", ["«Мы победим»"]),
        (
            "“ We like where we are.” and “keep going ” she said",
            ["“ We like where we are.”", "“keep going ”"],
        ),
    ],
)
def test_sloppy_and_foreign_marks_pair(text, expected):
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == expected


def test_british_quote_over_two_paragraphs():
    text = "‘We have plans for this year and next,\n\n‘and for the year after that.’\n\nEnd."
    (span,) = find_quote_spans(text)
    assert (
        text[span.start : span.end]
        == "‘We have plans for this year and next,\n\n‘and for the year after that.’"
    )


def test_many_unclosed_single_marks_pair_in_linear_time():
    import time

    started = time.perf_counter()
    assert find_quote_spans("‘a\n" * 20_000) == []
    assert time.perf_counter() - started < 2.0


def test_it_said_resolves_to_the_organisation(analyze):
    text = "Microsoft announced the deal on Monday. “We are thrilled to welcome the team,” it said in a statement."
    speaker = analyze(text).quotes[0].speaker
    assert (speaker.text, speaker.canonical) == ("it", "Microsoft")


def test_relative_pronoun_alone_is_no_speaker(analyze):
    text = "They learned who had written “the Mary Steenburgen of it all” only later."
    assert all(q.speaker is None or q.speaker.text.lower() != "who" for q in analyze(text).quotes)


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "cue"),
    [
        (
            "A crowd of farmers gathered outside the ministry on Tuesday, chanting, “Fair prices now.” Police watched.",
            "Fair prices",
            "A crowd of farmers",
            "chanting",
        ),
        (
            "The clip shows a group of nurses in Leeds holding signs and shouting, “We are exhausted.” It spread fast.",
            "exhausted",
            "a group of nurses in Leeds",
            "shouting",
        ),
    ],
)
def test_a_speech_participle_speaks_for_the_noun_it_describes(analyze, text, fragment, speaker, cue):
    # "a group of …" keeps its "of …": the group only counts who speaks.
    quote = quote_at(analyze(text), text, fragment)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.cue) == (speaker, cue)
