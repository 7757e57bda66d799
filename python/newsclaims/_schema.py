"""The output tables' columns and dtypes, declared once.

Every table has the same columns and dtypes whether it holds rows or not. Offsets (`start`,
`end`, `content_start`, `content_end`) are Python character offsets into `documents.text`:
``documents.text[start:end]`` is the span.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:
    from . import _core

STRING = "string"
INT = "Int64"
FLOAT = "float64"
BOOL = "boolean"
#: microseconds: years 1 to 9999 ("born on 31 March 1635", "on 1 January 2300"), where
#: nanoseconds stop at 1677-2262; the resolution of Python's datetime, of Spark's timestamps and
#: of the dates pandas 3 parses from strings
DATETIME = "datetime64[us]"
CATEGORY = "category"

#: table name -> [(column, dtype, meaning)]
SCHEMA: Dict[str, List[Tuple[str, str, str]]] = {
    "documents": [
        ("doc_id", STRING, "the document's id: the file stem for files, the given id or its position otherwise"),
        ("path", STRING, "the file it was read from, if any"),
        ("title", STRING, "the headline, from the text's first line or the caller"),
        ("published", DATETIME, "publication time: given by the caller (a time-zone-aware one converted to UTC, "
                                "noted in warnings), else read from a dateline (a date line near the top: '7 Dec, 2016 "
                                "19:16', 'Date of publication 12 August 2016', '25-02-2015'; one whose day and month "
                                "read either way, '05-02-2015', gives NaT and a warning); NaT when unknown"),
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
        ("source", STRING, "the resolved, canonical source ('Igor Konashenkov' for 'he'); null when unresolved"),
        ("source_text", STRING, "the source as written at this point"),
        ("source_role", STRING, "titles and roles ('Major-General, a spokesman for the Russian Defense Ministry')"),
        ("cue", STRING, "the reporting words as written ('said', 'according to')"),
        ("cue_lemma", STRING, "the cue's base form ('say')"),
        ("content", STRING, "what is claimed: the quotation or reported statement"),
        ("via", STRING, "the relaying outlet or channel ('Interfax', 'a statement')"),
        ("hedge", STRING, "distancing markers ('so-called', 'reportedly')"),
        ("date_text", STRING, "the time expression attached to the statement ('on Friday')"),
        ("date", DATETIME, "date_text resolved against the publication date ('on Friday': the latest Friday on or "
                           "before it; 'since October 18': the start; 'over the past 24 hours': the end, the "
                           "publication date); NaT when unknown"),
        ("start", INT, "start of the whole claim (source, cue and content)"),
        ("end", INT, "end of the whole claim"),
        ("content_start", INT, "start of the content"),
        ("content_end", INT, "end of the content"),
        ("rule", CATEGORY, "the named rule that made the row (newsclaims.rules() lists them with examples): "
                           "trailing, leading, according, participle, ...; `continued_quote` for a paragraph that is "
                           "only a quotation going on with the speaker of the paragraph before (kind direct, that "
                           "claim's resolved source; `cue` and `source_text` null, since the row before already holds "
                           "that attribution, except after an introduction such as 'Smith said:', which makes no row "
                           "of its own and lends the row its source and cue)"),
        ("cluster_id", INT, "claims whose contents nearly repeat each other across documents share it (word 3-gram "
                            "sets with Jaccard similarity >= 0.5, candidates found by MinHash LSH); null when the claim has no repeat in another document"),
        ("source_id", INT, "the source's row in sources: one id per real-world source across the documents; null when the claim has no source"),
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
        ("qualifier", CATEGORY, "exact, more_than, less_than, at_least, up_to, approx, almost, vague, or implied (no number written: 'full control of' = 100 percent)"),
        ("unit", CATEGORY, "count, percent, fraction, day, hour, kilometre, tonne, USD, ...; a currency is an ISO 4217 code, a bare '$' the document's dollar (USD unless its URL or dateline says Canada, Australia, New Zealand, Hong Kong or Singapore); a rate is 'A per B' ('USD per month', 'barrel per day', 'USD per square metre')"),
        ("counted", STRING, "what is counted or measured: for a count the noun it counts ('people'); for a measure (money, percent, points, a length...) the noun after 'of' ('70% of E. Aleppo'), the noun it describes ('a 5.2 litre engine'), the noun before 'of' ('a fine of $5m'), else the subject of its change or clause ('The Dow lost 190 points', 'the speed of sound is 661 kt'); after 'of them' or 'of those' the noun an earlier count named ('953 of them'), or the group a participle names ('53% of those polled' -> 'those polled'); for a duration its unit as written ('hours'); null when nothing is named"),
        ("subject", STRING, "whose number it is or what it is about, as its sentence names it: the possessor ('Apple\'s revenue rose 5%' -> 'Apple'), else the subject of the verb the number hangs on ('Ford has 13,000 workers' -> 'Ford'; 'core inflation rose 0.3%' -> 'core inflation'; 'the unemployment rate fell to 4.1%' -> 'unemployment rate'); null when the sentence names none ('93 percent of the city', '13,000 workers lost their jobs', 'it rose 5%'), never a guess"),
        ("direction", CATEGORY, "up or down when the number is a change"),
        ("start", INT, "start of the surface form"),
        ("end", INT, "end of the surface form"),
        ("rule", CATEGORY, "the named reading that made the row (newsclaims.rules() lists them): digits, "
                           "number_words, range, fraction_word, ..."),
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
    "sources": [
        ("source_id", INT, "the source's id, from 0 in order of first mention; claims.source_id refers to it"),
        ("name", STRING, "the canonical name ('Syrian Observatory for Human Rights' for 'SOHR', 'Sergei Lavrov' for 'Sergey Lavrov')"),
        ("type", CATEGORY, "person, organisation, country, anonymous (one per document: 'a source', 'officials') or other"),
        ("aliases", STRING, "every form seen (names and the source as written, pronouns aside), most frequent first, joined by '; '"),
        ("roles", STRING, "titles and roles seen, most frequent first, joined by '; '"),
        ("documents", INT, "documents that name it"),
        ("claims", INT, "claims it makes"),
    ],
}

TABLES = tuple(SCHEMA)


#: the Arrow type of each dtype: how the core's columns arrive and what ``to_arrow()`` gives
ARROW_TYPES: Dict[str, pa.DataType] = {
    STRING: pa.large_string(),
    INT: pa.int64(),
    FLOAT: pa.float64(),
    BOOL: pa.bool_(),
    DATETIME: pa.timestamp("us"),
    CATEGORY: pa.dictionary(pa.int32(), pa.large_string()),
}

#: the core's buffer type for each Arrow type (dates and categories arrive as strings)
_CORE_KINDS = {STRING: "large_utf8", INT: "int64", FLOAT: "float64", BOOL: "bool", DATETIME: "large_utf8",
               CATEGORY: "large_utf8"}

#: what each core buffer kind is in Arrow
_CORE_TYPES = {"large_utf8": pa.large_string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of `table`, from :data:`SCHEMA`."""
    return pa.schema([(name, ARROW_TYPES[dtype]) for name, dtype, _ in SCHEMA[table]])


_VOCABULARIES: Dict[Tuple[str, str], pa.Array] = {}


def vocabulary(table: str, column: str) -> List[str]:
    """The fixed categories of the categorical column `table.column`, from the core
    (``_core.vocabularies()``): every value it can write there, whatever the data holds."""
    values: List[str] = _vocabulary(f"{table}.{column}").to_pylist()
    return values


def _vocabulary(key: str) -> pa.Array:
    if not _VOCABULARIES:
        from . import _core

        for table, column, values in _core.vocabularies():
            _VOCABULARIES[(table, column)] = pa.array(values, type=pa.large_string())
    table, _, column = key.partition(".")
    return _VOCABULARIES[(table, column)]


def _categorical(array: Union[pa.Array, pa.ChunkedArray], key: str) -> pa.Array:
    """`array` (strings) as a dictionary array whose dictionary is the column's fixed
    vocabulary (:func:`vocabulary`). A value outside it (only from a caller's own table) is
    kept, its category added after the vocabulary's."""
    values = pc.cast(array, pa.large_string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    categories = _vocabulary(key)
    indices = pc.index_in(values, value_set=categories)
    if indices.null_count > values.null_count:
        unknown = pc.filter(values, pc.and_(pc.is_null(indices), pc.is_valid(values)))
        categories = pa.concat_arrays([categories, pc.unique(unknown).sort()])
        indices = pc.index_in(values, value_set=categories)
    return pa.DictionaryArray.from_arrays(indices.cast(pa.int32()), categories)


def _typed(array: pa.Array, dtype: str, key: str = "") -> pa.Array:
    """`array` (strings for dates and categories) as the Arrow type of `dtype`; `key`
    ("table.column") names a categorical column's vocabulary."""
    if dtype == DATETIME:
        try:
            return pc.cast(array, ARROW_TYPES[DATETIME])
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            # Not ISO 8601 (only from callers' own lists): parse leniently, unknown -> NaT.
            return pa.array(_lenient_datetimes(array.to_pylist()), type=ARROW_TYPES[DATETIME])
    if dtype == CATEGORY:
        return _categorical(array, key)
    return array.cast(ARROW_TYPES[dtype])


def _lenient_datetimes(values: Sequence[Optional[str]]) -> pd.Series:
    """`values` parsed one by one as pandas reads dates, in :data:`DATETIME`; NaT where a value
    is not a date or lies outside years 1-9999."""
    def one(value: Optional[str]) -> Any:
        try:
            return pd.Timestamp(value).as_unit("us").tz_localize(None) if value is not None else pd.NaT
        except (ValueError, TypeError, OverflowError):
            return pd.NaT
    return pd.Series([one(v) for v in values], dtype=DATETIME)


def _adopt(buffer: Optional["_core.Buffer"]) -> Optional[pa.Buffer]:
    """A core buffer as a pyarrow buffer over the same memory, without a copy; the pyarrow
    buffer keeps the core's object (and so its memory) alive."""
    if buffer is None:
        return None
    if len(buffer) == 0:
        return pa.py_buffer(b"")
    return pa.foreign_buffer(buffer.address, len(buffer), base=buffer)


def arrow_from_core(table: str, columns: Mapping[str, "_core.ArrowColumn"]) -> pa.Table:
    """An Arrow table for `table` from the core's buffers (see ``src/python/columns.rs``,
    ``ArrowColumn``): each column is assembled with ``pyarrow.Array.from_buffers`` over the
    core's memory (no copy, no Python object per row), then typed by :data:`SCHEMA`."""
    arrays = [column_from_core(f"{table}.{name}", columns[name], dtype) for name, dtype, _ in SCHEMA[table]]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table))


def column_from_core(name: str, column: "_core.ArrowColumn", dtype: str) -> Union[pa.Array, pa.ChunkedArray]:
    """One core column (see :func:`arrow_from_core`: a list of chunks, one per chunk of
    documents the core ran) as Arrow of `dtype` over the core's memory: an array for one chunk,
    a chunked array for several."""
    arrays = []
    for kind, length, nulls, validity, buffers in column:
        if kind != _CORE_KINDS[dtype]:
            raise TypeError(f"core column {name} is {kind}, the schema expects {_CORE_KINDS[dtype]}")
        bufs = [_adopt(validity), *map(_adopt, buffers)]
        arrays.append(_typed(pa.Array.from_buffers(_CORE_TYPES[kind], length, bufs, null_count=nulls), dtype,
                             name))
    if len(arrays) == 1:
        return arrays[0]
    return pa.chunked_array(arrays, type=ARROW_TYPES[dtype])


def arrow_from_lists(table: str, columns: Mapping[str, Sequence[Any]]) -> pa.Table:
    """An Arrow table for `table` from ``{column: list}`` (missing columns are null)."""
    n = len(next(iter(columns.values()))) if columns else 0
    arrays = []
    for name, dtype, _ in SCHEMA[table]:
        values = columns.get(name, [None] * n)
        if dtype in (STRING, DATETIME, CATEGORY):
            values = [None if v is None or v is pd.NA or v != v else str(v) for v in values]
            arrays.append(_typed(pa.array(values, type=pa.large_string()), dtype, f"{table}.{name}"))
        else:
            arrays.append(pa.array(values, type=ARROW_TYPES[dtype], from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table))


def _pandas_type(arrow_type: pa.DataType) -> Any:
    if pa.types.is_int64(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_large_string(arrow_type) or pa.types.is_string(arrow_type):
        return pd.StringDtype()
    return None  # float64, timestamp and dictionary: pyarrow's own (float64, datetime64, category)


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """A DataFrame with the schema's dtypes from an Arrow table of :func:`arrow_schema`,
    converted column by column in pyarrow (no Python loop per row)."""
    df: pd.DataFrame = table.to_pandas(types_mapper=_pandas_type)
    return df


def frame(table: str, columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame for `table` from `{column: list}`, with the schema's columns and dtypes."""
    return to_pandas(arrow_from_lists(table, columns))


def arrow_from_pandas(table: str, df: pd.DataFrame) -> pa.Table:
    """`df` (a table of an Extraction) as Arrow with the schema's types; extra columns (the
    documents' metadata from record files) follow with the types pyarrow infers."""
    out = pa.Table.from_pandas(df, preserve_index=False)
    for i, (name, dtype, _) in enumerate(SCHEMA[table]):
        if name in out.column_names and out.schema.field(name).type != ARROW_TYPES[dtype]:
            j = out.column_names.index(name)
            column = out.column(j)
            if dtype == CATEGORY:
                column = _categorical(column, f"{table}.{name}")
            else:
                column = column.cast(ARROW_TYPES[dtype])
            out = out.set_column(j, pa.field(name, column.type), column)
    return out


def column_reference() -> str:
    """The column reference as Markdown, as the README shows it (a test keeps them equal)."""
    out = []
    for table, columns in SCHEMA.items():
        out.append(f"#### `{table}`\n\n| column | dtype | meaning |\n|---|---|---|")
        out.extend(f"| `{name}` | {dtype} | {meaning} |" for name, dtype, meaning in columns)
        out.append("")
    return "\n".join(out)
