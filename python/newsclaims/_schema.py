"""The output tables' columns and dtypes, declared once.

Every table has the same columns and dtypes whether it holds rows or not. Offsets (`start`,
`end`, `content_start`, `content_end`) are Python character offsets into `documents.text`:
``documents.text[start:end]`` is the span.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

import pandas as pd

STRING = "string"
INT = "Int64"
FLOAT = "float64"
BOOL = "boolean"
DATETIME = "datetime64[ns]"
CATEGORY = "category"

#: table name -> [(column, dtype, meaning)]
SCHEMA: Dict[str, List[Tuple[str, str, str]]] = {
    "documents": [
        ("doc_id", STRING, "the document's id: the file stem for files, the given id or its position otherwise"),
        ("path", STRING, "the file it was read from, if any"),
        ("title", STRING, "the headline, from the text's first line or the caller"),
        ("published", DATETIME, "publication time: given by the caller, else read from a dateline; NaT when unknown"),
        ("text", STRING, "the clean article body; every offset in every table points into it"),
        ("n_sentences", INT, "sentences in text"),
        ("n_claims", INT, "rows of this document in claims"),
        ("n_quantities", INT, "rows of this document in quantities"),
        ("warnings", STRING, "non-fatal problems met reading it (invalid UTF-8 replaced, ...), joined by '; '"),
        ("error", STRING, "why the document could not be processed; null when it was"),
    ],
    "claims": [
        ("doc_id", STRING, "the document"),
        ("claim_id", INT, "the claim's number within its document, from 0, in text order"),
        ("sentence_id", INT, "the sentence where the claim starts"),
        ("kind", CATEGORY, "direct, mixed, indirect, according_to or headline"),
        ("source", STRING, "the resolved, canonical source ('Igor Konashenkov' for 'he')"),
        ("source_text", STRING, "the source as written at this point"),
        ("source_role", STRING, "titles and roles ('Major-General, a spokesman for the Russian Defense Ministry')"),
        ("cue", STRING, "the reporting words as written ('said', 'according to')"),
        ("cue_lemma", STRING, "the cue's base form ('say')"),
        ("content", STRING, "what is claimed: the quotation or reported statement"),
        ("via", STRING, "the relaying outlet or channel ('Interfax', 'a statement')"),
        ("hedge", STRING, "distancing markers ('so-called', 'reportedly')"),
        ("date_text", STRING, "the time expression attached to the statement ('on Friday')"),
        ("date", DATETIME, "date_text resolved against the publication date; NaT when unknown"),
        ("start", INT, "start of the whole claim (source, cue and content)"),
        ("end", INT, "end of the whole claim"),
        ("content_start", INT, "start of the content"),
        ("content_end", INT, "end of the content"),
    ],
    "quantities": [
        ("doc_id", STRING, "the document"),
        ("quantity_id", INT, "the quantity's number within its document, from 0, in text order"),
        ("claim_id", INT, "the claim whose content holds it, if any"),
        ("sentence_id", INT, "the sentence that holds it"),
        ("text", STRING, "the surface form, qualifier included ('more than 9,500')"),
        ("value", FLOAT, "the normalised value (half = 0.5; 93 percent = 93); NaN for vague magnitudes"),
        ("low", FLOAT, "lower bound of a range or vague magnitude"),
        ("high", FLOAT, "upper bound of a range or vague magnitude"),
        ("qualifier", CATEGORY, "exact, more_than, less_than, at_least, up_to, approx, almost or vague"),
        ("unit", CATEGORY, "count, percent, fraction, day, hour, kilometre, tonne, USD, ..."),
        ("counted", STRING, "what is counted or measured ('people', 'city')"),
        ("direction", CATEGORY, "up or down when the number is a change"),
        ("start", INT, "start of the surface form"),
        ("end", INT, "end of the surface form"),
        ("date", DATETIME, "the date of its claim, else of a time expression in its sentence; NaT when unknown"),
    ],
    "sentences": [
        ("doc_id", STRING, "the document"),
        ("sentence_id", INT, "the sentence's number within its document, from 0"),
        ("start", INT, "start of the sentence"),
        ("end", INT, "end of the sentence"),
        ("text", STRING, "the sentence"),
        ("is_caption", BOOL, "whether it is a photo caption"),
    ],
}

TABLES = tuple(SCHEMA)


def frame(table: str, columns: Dict[str, list]) -> pd.DataFrame:
    """A DataFrame for `table` from `{column: list}`, with the schema's columns and dtypes."""
    data = {}
    for name, dtype, _ in SCHEMA[table]:
        values = columns.get(name, [])
        if dtype == DATETIME:
            data[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(DATETIME)
        else:
            data[name] = pd.Series(values, dtype=dtype if dtype != CATEGORY else object).astype(dtype)
    n = len(next(iter(data.values()))) if data else 0
    return pd.DataFrame(data, index=pd.RangeIndex(n))


def column_reference() -> str:
    """The column reference as Markdown, as the README shows it (a test keeps them equal)."""
    out = []
    for table, columns in SCHEMA.items():
        out.append(f"#### `{table}`\n\n| column | dtype | meaning |\n|---|---|---|")
        out.extend(f"| `{name}` | {dtype} | {meaning} |" for name, dtype, meaning in columns)
        out.append("")
    return "\n".join(out)
