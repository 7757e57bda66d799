"""Who said what on the seed articles, through the installed Python API.

Expectations are written by hand from reading the seeds (not copied from any gold file).
"""
from pathlib import Path

import pytest

import newsclaims

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def claims():
    return newsclaims.extract_files(str(SEEDS)).claims


def doc(claims, prefix):
    return claims[claims["doc_id"].str.startswith(prefix)]


def find(claims, prefix, content_start):
    rows = doc(claims, prefix)
    # The seeds write some spaces as no-break spaces; a reported clause keeps its "that"
    # (PolNeAR's convention: "said that he would ..." has the content "that he would ...").
    content = rows["content"].str.replace("\xa0", " ").str.replace(r"^that ", "", regex=True)
    rows = rows[content.str.startswith(content_start)]
    assert len(rows) == 1, f"{content_start!r}: {len(rows)} claims"
    return rows.iloc[0]


def test_konashenkov_quote_via_interfax(claims):
    c = find(claims, "000", "During the last 24 hours")
    assert c["kind"] == "direct"
    assert c["source"] == "Igor Konashenkov"
    assert c["source_text"] == "Major-General Igor Konashenkov"
    assert c["source_role"] == "Major-General, a spokesman for the Russian Defense Ministry"
    assert c["cue"] == "said"
    assert c["via"] == "Interfax"


def test_pronoun_resolves_to_konashenkov(claims):
    c = find(claims, "000", "Practically, half of the territory")
    assert (c["source"], c["source_text"], c["kind"]) == ("Igor Konashenkov", "he", "direct")


def test_trailing_indirect_country_and_hedged_observatory(claims):
    c = find(claims, "000", "the Syrian army has recently reestablished control")
    assert (c["kind"], c["source"], c["cue"]) == ("indirect", "Russia", "says")
    c = find(claims, "000", "the Jabhat Fateh al-Sham")
    assert c["source"] == "Syrian Observatory for Human Rights"
    assert c["hedge"] == "so-called"
    assert c["date_text"] == "on Tuesday"


def test_headline_and_descriptions(claims):
    c = find(claims, "001", "Syrian army controls 93 % of Aleppo")
    assert (c["kind"], c["source"]) == ("headline", "Russia")
    c = find(claims, "001", "Civilians who escaped from terrorists")
    assert (c["source"], c["source_text"]) == ("Sergei Rudskoi", "the Russian official")
    c = find(claims, "001", "Thus, the Syrian government")
    assert (c["source"], c["source_text"], c["cue"]) == ("Sergei Rudskoi", "the Russian general", "added")
    c = find(claims, "001", "there were 2,934 children")
    assert (c["source"], c["source_text"]) == ("Russian Defense Ministry", "The statement")


def test_state_television_and_interviews(claims):
    c = find(claims, "001", "As a result of a successful advance")
    assert (c["source"], c["via"], c["date_text"]) == ("Sergei Rudskoi", "state television", "on Friday")
    c = find(claims, "001", "It’s true that Aleppo will be a win for us")
    assert (c["source"], c["source_text"], c["via"]) == ("Bashar al-Assad", "Assad", "al-Watan newspaper")
    c = find(claims, "001", "the victory in the battle for Aleppo")
    assert (c["kind"], c["via"]) == ("mixed", "a recent interview")


def test_abbreviation_and_according_to(claims):
    c = find(claims, "002", "it had received “allegations")
    assert (c["kind"], c["source"], c["source_text"]) == ("mixed", "UN Commission of Inquiry for Syria", "The COI")
    c = find(claims, "002", "The conflict in Syria")
    assert (c["kind"], c["cue"], c["via"]) == ("according_to", "according to", "an estimate")
    assert c["source"].endswith("Staffan de Mistura")


def test_003_relays_dates_and_mixed(claims):
    c = find(claims, "003", "The proposal, which envisages a five-day truce")
    assert (c["kind"], c["source"], c["cue"]) == ("according_to", "AP", "reports")
    c = find(claims, "003", "they are not satisfied")
    assert (c["source_text"], c["via"]) == ("The militants", "dpa")
    c = find(claims, "003", "Washington abruptly withdrew")
    assert (c["source"], c["source_text"], c["date_text"]) == ("Sergey Lavrov", "Lavrov", "On Tuesday")
    assert str(c["date"].date()) == "2016-12-06"
    c = find(claims, "003", "Russia “still maintains contacts")
    assert (c["kind"], c["source"], c["cue"], c["date_text"]) == ("mixed", "Maria Zakharova", "told", "on Wednesday")
    c = find(claims, "003", "We will not accept any truce")
    assert (c["kind"], c["source"], c["via"]) == ("direct", "Fares Shehabi", "dpa")
    assert c["content"].endswith("we will continue our attack,") is False


def test_004_statement_pronoun_and_nested_outer_claim(claims):
    c = find(claims, "004", "more than 9,500 people")
    assert (c["source_text"], c["source"]) == ("It", "Russian Defense Ministry's Center for Reconciliation in Syria")
    c = find(claims, "004", "Russian President Vladimir Putin had told")
    assert (c["source"], c["cue"]) == ("Mevlut Cavusoglu", "said")


def test_scare_quotes_are_not_claims(claims):
    assert not doc(claims, "000")["content"].str.contains("^“?ceasefire”?$").any()


def test_odd_quotes_and_nyt_quotes_keep_the_rest_of_the_article():
    text = (
        "''We will not accept any truce,'' Mr. Shehabi said.\n\n"
        "“The first paragraph opens a quote and never closes it\n\n"
        "“and the next one closes it,” Lavrov said.\n\n"
        "The army advanced, officials said."
    )
    c = newsclaims.extract([text]).claims
    assert c["source"].tolist() == ["Shehabi", "Lavrov", "officials"]
    assert c["content"].iloc[0] == "We will not accept any truce,"
    for start, end, content in zip(c["content_start"], c["content_end"], c["content"]):
        assert text[start:end] == content


def test_a_date_between_cue_and_that_is_when_it_was_said():
    text = "SANA reported December 2 that the army advanced in the east. On Wednesday, Peskov said the army advanced."
    c = newsclaims.extract([text], published=["2016-12-09"]).claims
    assert c["content"].tolist() == ["that the army advanced in the east", "the army advanced"]
    assert c["date_text"].tolist() == ["December 2", "On Wednesday"]
    assert [str(d.date()) for d in c["date"]] == ["2016-12-02", "2016-12-07"]


# "She says" and "he said" resolve alike: nobody is taken as a man (or a woman) unless the text
# says so, and a person a sentence opens with is the latest one mentioned (issue 23). Two short
# reports in the style of the Wikinews articles where both used to fail ("She says" stayed
# unresolved; "He said" went to the other team's player quoted before).
GENDER_PAIR = [
    (
        "Lydia Buchtmann leads the food standards agency's work on iodine. "
        "The agency is looking at mandatory guidelines.\n\n"
        "She says the rules will take a year to prepare.",
        "Lydia Buchtmann",
    ),
    (
        "Kim Min-woo said the team had played well.\n\n"
        "Harry Kane won the man of the match award. "
        "He said the first half had been the hardest.",
        "Harry Kane",
    ),
]


@pytest.mark.parametrize("text,speaker", GENDER_PAIR)
def test_pronouns_resolve_without_a_default_gender(text, speaker):
    claims = newsclaims.extract([text]).claims
    pronoun = claims[claims["source_text"].isin(["She", "He"])]
    assert len(pronoun) == 1
    assert pronoun.iloc[0]["source"] == speaker
