"""Extractor configuration of the attribution stage: extra cue verbs and source titles."""
import pickle

import pandas as pd
import pytest

import newsclaims

QUIP = "“The strategy is working,” the senator deadpanned."
TITLED = "Archbishop Justin Welby said the camp must close."


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
