"""Each named rule's cases, one file per rule under tests/rules/ (ruff's layout: the rule's code
says what it does, its fixture file what it must and must not produce).

A case file holds `rule` (its name in `newsclaims.rules()`), optional `options` for the
Extractor, and cases from real text, each with `text` and `from` (where the text was read):
- `[[positive]]`: some row made by the rule has every field of `expect` (`content` compared as
  a prefix, numbers approximately);
- `[[negative]]`: no row made by the rule (with the fields of `absent`, when given);
- `[[known_wrong]]`: what the rule gets wrong today, written as the right answer (`expect`, or
  `absent`); they run as strict xfails, so a fix shows as a failure until the case moves up.

A modifier rule (`modifier` in `newsclaims.rules()`, e.g. `document_dollar`) changes rows other
rules make and names none, so its cases read every row of the table: a positive case's `expect`
holds with the rule on and no longer with it off (a filter's `absent` row: missing with it on,
read with it off); a negative case's table is the same with the rule on and off (and has no row
with the fields of `absent`).
"""
from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

import newsclaims

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).parent / "rules"
RULES = newsclaims.rules()
TABLE_OF = dict(zip(RULES["name"], RULES["table"]))
MODIFIERS = set(RULES[RULES["modifier"]]["name"])


def _load() -> Dict[str, Dict[str, Any]]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.toml"))}


FILES = _load()


def _matches(row: Dict[str, Any], fields: Dict[str, Any]) -> bool:
    for name, want in fields.items():
        got = row[name]
        if got is None:
            return False
        if name == "content":
            if not str(got).startswith(want):
                return False
        elif isinstance(want, float):
            if not math.isclose(float(got), want, rel_tol=1e-9):
                return False
        elif str(got) != str(want):
            return False
    return True


def _rows(rule: str, case: Dict[str, Any], defaults: Dict[str, Any], off: bool = False) -> List[Dict[str, Any]]:
    """The rows the rule made (every row, for a modifier); with `off`, with the rule switched off."""
    options = {**defaults, **case.get("options", {})}
    if off:
        options["disable_rules"] = [rule]
    table = newsclaims.Extractor(**options).extract([case["text"]]).table(TABLE_OF[rule])
    made = (table if rule in MODIFIERS else table[table["rule"] == rule]).astype(object)
    return made.where(made.notna(), None).to_dict("records")  # nulls as None, whatever the dtype


def _params(kind: str) -> List[Any]:
    out = []
    for rule, spec in FILES.items():
        for i, case in enumerate(spec.get(kind, [])):
            marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=case["from"])] if kind == "known_wrong" else []
            out.append(pytest.param(rule, case, id=f"{rule}-{kind}-{i}", marks=marks))
    return out


def test_every_rule_has_a_case_file_with_both_kinds_of_case():
    assert sorted(FILES) == sorted(RULES["name"]), "one tests/rules/<rule>.toml per rule"
    for rule, spec in FILES.items():
        assert spec["rule"] == rule
        assert spec.get("positive") and spec.get("negative"), rule
        for case in spec.get("positive", []) + spec.get("negative", []) + spec.get("known_wrong", []):
            assert case["text"].strip() and case["from"].strip(), rule


def _check(rule: str, case: Dict[str, Any], positive: bool = False) -> None:
    rows = _rows(rule, case, FILES[rule].get("options", {}))
    if "expect" in case:
        assert any(_matches(r, case["expect"]) for r in rows), f"{rule} gave {rows}"
    else:
        absent = case.get("absent", {})
        assert not [r for r in rows if _matches(r, absent)], f"{rule} gave {rows}"
        if rule in MODIFIERS and not positive:
            off = _rows(rule, case, FILES[rule].get("options", {}), off=True)
            assert rows == off, f"{rule} changed {off} into {rows}"


@pytest.mark.parametrize("rule, case", _params("positive"))
def test_rule_makes_its_row(rule, case):
    _check(rule, case, positive=True)


@pytest.mark.parametrize("rule, case", _params("negative"))
def test_rule_makes_no_row(rule, case):
    _check(rule, case)


@pytest.mark.parametrize("rule, case", _params("known_wrong"))
def test_rule_known_wrong(rule, case):
    _check(rule, case)


@pytest.mark.parametrize("rule, case", _params("positive"))
def test_switching_a_rule_off_removes_its_rows(rule, case):
    options = {**FILES[rule].get("options", {}), **case.get("options", {})}
    table = newsclaims.Extractor(disable_rules=[rule], **options).extract([case["text"]]).table(TABLE_OF[rule])
    assert rule not in set(table["rule"].astype(str)), table
    if rule in MODIFIERS:
        rows = _rows(rule, case, FILES[rule].get("options", {}), off=True)
        if "expect" in case:
            assert not any(_matches(r, case["expect"]) for r in rows), f"{rule} off still gave {rows}"
        else:
            assert any(_matches(r, case["absent"]) for r in rows), f"{rule} off gave {rows}"


def test_modifiers_name_no_row():
    assert MODIFIERS == {"document_dollar", "time_or_date"}
    vocabulary = newsclaims.vocabulary("quantities", "rule")
    assert not MODIFIERS & set(vocabulary)
    rows = RULES[(RULES["table"] == "quantities") & ~RULES["modifier"]]
    assert vocabulary == list(rows["name"])


def test_each_rules_example_is_its_first_positive_case():
    for rule, example in zip(RULES["name"], RULES["example"]):
        first = FILES[rule]["positive"][0]["text"]
        assert example in first, (rule, example)
