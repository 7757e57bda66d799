"""Extractor configuration of the attribution stage: extra cue verbs, source titles, quote mark languages."""
import pickle

import pandas as pd
import pytest

import newsclaims

QUIP = "“The strategy is working,” the senator deadpanned."
TITLED = "Archbishop Justin Welby said the camp must close."
# English text with German quotation marks, as Swiss and German outlets print it.
GERMAN_MARKS = "„The talks will continue,“ Lavrov said.\n\nShoigu said the army would stay."


def claims(extractor, text):
    """[source, source_role (None when missing), cue, content] per claim."""
    frame = extractor.extract([text]).claims[["source", "source_role", "cue", "content"]]
    return [[None if v is None or v is pd.NA else v for v in row] for row in frame.astype(object).values.tolist()]


def test_extra_cue_verb_turns_a_missed_sentence_into_a_claim():
    assert claims(newsclaims.Extractor(), QUIP) == []
    assert claims(newsclaims.Extractor(cue_verbs=["deadpanned"]), QUIP) == [
        ["senator", None, "deadpanned", "The strategy is working,"]]
    # Built-in cues still work alongside.
    both = newsclaims.Extractor(cue_verbs=["deadpanned"]).extract([QUIP + " Lavrov said: “The talks will continue.”"])
    assert both.claims["cue"].tolist() == ["deadpanned", "said"]


def test_extra_title_makes_a_role():
    [[source, role, cue, _]] = claims(newsclaims.Extractor(), TITLED)
    assert (source, role, cue) == ("Archbishop Justin Welby", None, "said")
    [[source, role, cue, _]] = claims(newsclaims.Extractor(source_titles=["Archbishop"]), TITLED)
    assert (source, role, cue) == ("Justin Welby", "Archbishop", "said")


def test_module_functions_keep_the_builtin_tables():
    newsclaims.Extractor(cue_verbs=["deadpanned"]).extract([QUIP])
    assert newsclaims.extract([QUIP]).claims.empty


def test_configured_extractor_pickles():
    extractor = newsclaims.Extractor(cue_verbs=["deadpanned"], source_titles=["Archbishop"], jobs=1)
    again = pickle.loads(pickle.dumps(extractor))
    assert again.cue_verbs == ["deadpanned"] and again.source_titles == ["Archbishop"]
    assert "cue_verbs=['deadpanned']" in repr(again)
    assert claims(again, QUIP + "\n\n" + TITLED) == claims(extractor, QUIP + "\n\n" + TITLED)
    assert len(claims(again, QUIP + "\n\n" + TITLED)) == 2


@pytest.mark.parametrize("bad", ["", " deadpanned", "dead  panned", "said|told", "(?i)said", "9news", "a" * 61])
def test_bad_entries_raise_value_error(bad):
    with pytest.raises(ValueError, match="cue_verbs"):
        newsclaims.Extractor(cue_verbs=[bad])
    with pytest.raises(ValueError, match="titles"):
        newsclaims.Extractor(source_titles=[bad])


def test_entries_must_be_strings():
    with pytest.raises(TypeError, match=r"cue_verbs\[0\]"):
        newsclaims.Extractor(cue_verbs=[1])
    with pytest.raises(TypeError, match="source_titles must be a sequence"):
        newsclaims.Extractor(source_titles="Archbishop")


def test_quote_mark_languages_pair_german_marks():
    # By default “ opens a quotation (running to the paragraph end), so the German one is no claim.
    assert [c[0] for c in claims(newsclaims.Extractor(), GERMAN_MARKS)] == ["Shoigu"]
    got = claims(newsclaims.Extractor(quote_marks=["en", "de"]), GERMAN_MARKS)
    assert got == [["Lavrov", None, "said", "The talks will continue,"],
                   ["Shoigu", None, "said", "the army would stay"]]
    kinds = newsclaims.Extractor(quote_marks=["de"]).extract([GERMAN_MARKS]).claims["kind"].tolist()
    assert kinds == ["direct", "indirect"]


def test_default_quote_marks_are_english_and_french():
    text = "\n\n".join([QUIP, "« The siege is over, » Lavrov said.", GERMAN_MARKS, TITLED,
                        "“Lies and more lies,” said Zakharova."])
    default = claims(newsclaims.Extractor(), text)
    assert default == claims(newsclaims.Extractor(quote_marks=["fr", "en"]), text)
    assert default == claims(newsclaims.Extractor(quote_marks=None), text)
    assert default == claims(newsclaims.Extractor(quote_marks=["en", "fr", "en"]), text)
    assert [c[0] for c in default] == ["Shoigu", "Archbishop Justin Welby", "Zakharova"]
    assert [c[0] for c in claims(newsclaims.Extractor(quote_marks=["en", "de"]), text)] == [
        "Lavrov", "Shoigu", "Archbishop Justin Welby", "Zakharova"]


def test_quote_marks_pickle_and_show_in_repr():
    extractor = newsclaims.Extractor(quote_marks=["en", "de"], cue_verbs=["deadpanned"])
    again = pickle.loads(pickle.dumps(extractor))
    assert again.quote_marks == ["en", "de"] and again.cue_verbs == ["deadpanned"]
    assert "quote_marks=['en', 'de']" in repr(again)
    assert claims(again, GERMAN_MARKS) == claims(extractor, GERMAN_MARKS)
    assert newsclaims.Extractor().quote_marks is None
    # The module functions keep the default marks after a configured Extractor ran.
    assert [c for c in newsclaims.extract([GERMAN_MARKS]).claims["source"]] == ["Shoigu"]


def test_unknown_quote_mark_language_is_a_value_error():
    with pytest.raises(ValueError, match=r'unknown language "klingon"; known languages: en, fr, de'):
        newsclaims.Extractor(quote_marks=["de", "klingon"])
    with pytest.raises(ValueError, match="quote_marks: names no language"):
        newsclaims.Extractor(quote_marks=[])
    with pytest.raises(TypeError, match="quote_marks must be a sequence"):
        newsclaims.Extractor(quote_marks="de")
    with pytest.raises(TypeError, match=r"quote_marks\[0\]"):
        newsclaims.Extractor(quote_marks=[None])
