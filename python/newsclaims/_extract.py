"""The Python API: inputs in, one core call, DataFrames out.

Owns :class:`Extraction`, :class:`Extractor` and the module-level ``extract*`` functions: the
options, the calls to the core and progress. Finding and reading inputs (files, records,
metadata, ids and dates) is ``_inputs``; the helpers that the ``Extraction`` methods call
(``_across``, ``_display``, ``_plot``) take its tables and must not import this module.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
import sys
import threading
import warnings as _warnings
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core
from ._inputs import (RECORD_COLUMNS, TEXT_COLUMNS, PathLike, _check_unique, _id_strings, _is_missing,
                      _is_record_file, _published_of, _published_strings, _record_id, _record_stem, file_id,
                      read_metadata, read_records, walk_paths)
from ._log import log_run
from ._schema import INT, SCHEMA, TABLES, arrow_from_core, arrow_from_pandas, column_from_core, frame, to_pandas

if TYPE_CHECKING:
    import matplotlib.axes
    import polars
    import pyarrow

    from ._display import ArticleView

Progress = Union[bool, Callable[[int, int], Any], None]

#: with ``progress=None``, a bar is shown for more files than this, when interactive
PROGRESS_MIN_FILES = 300

#: files per core call when progress is reported
_PROGRESS_CHUNK = 256

#: ``cancelled``: a callable, set per thread (``iter_extract``'s prefetch thread sets its stop
#: event's ``is_set``), that the core calls while it runs; true stops the call. Ctrl-C needs
#: none of this: the core looks for signals itself, but they only reach the main thread.
_CANCEL = threading.local()


class Extraction:
    """The tables extracted from a set of documents.

    ``documents``, ``claims``, ``quantities``, ``sentences`` and ``sources`` are pandas
    DataFrames with the columns of ``newsclaims.SCHEMA``; rows of every table join on
    ``doc_id``, claims and quantities on ``(doc_id, claim_id)``, claims and sources on
    ``source_id``.

    ``sources`` has one row per real-world source across all the documents: "Sergei Lavrov"
    and "Sergey Lavrov", "Russian Defence Ministry" and "Russia's Defense Ministry", "SOHR" and
    "the Syrian Observatory for Human Rights" each share one ``source_id`` (see
    ``src/identity/`` for the rules). Ids are numbered within one Extraction; concatenating
    Extractions (:meth:`concat`) numbers them again over all of them.

    >>> ex = extract(["Sergei Lavrov said: “The talks will go on.”",
    ...               "“We will not leave,” Sergey Lavrov said. Dmitry Peskov said he was sure."])
    >>> ex.claims["source_id"].tolist()
    [0, 0, 1]
    >>> ex.sources[["name", "type", "documents", "claims"]].values.tolist()
    [['Sergei Lavrov', 'person', 2, 2], ['Dmitry Peskov', 'person', 1, 1]]
    """

    def __init__(self, documents: pd.DataFrame, claims: pd.DataFrame, quantities: pd.DataFrame,
                 sentences: pd.DataFrame, sources: Optional[pd.DataFrame] = None) -> None:
        self.documents = documents
        self.claims = claims
        self.quantities = quantities
        self.sentences = sentences
        self.sources = frame("sources", {}) if sources is None else sources

    @classmethod
    def _from_core(cls, columns: "_core.Columns") -> "Extraction":
        """From the core's Arrow buffers: Arrow arrays, then pandas column by column."""
        return cls(*(to_pandas(arrow_from_core(name, columns[name])) for name in TABLES))

    @classmethod
    def _from_columns(cls, columns: Dict[str, Dict[str, Any]]) -> "Extraction":
        """From ``{table: {column: list}}`` (the core's output goes to :meth:`_from_core`)."""
        return cls(*(frame(name, columns[name]) for name in TABLES))

    @classmethod
    def concat(cls, parts: Iterable["Extraction"]) -> "Extraction":
        """One Extraction of all of `parts`' rows, in order (e.g. the batches of
        :func:`newsclaims.iter_extract`). Sources are identified again over all the claims, so
        ``source_id`` means one source across every part."""
        return cls._concat(list(parts))

    @classmethod
    def _concat(cls, parts: List["Extraction"]) -> "Extraction":
        if not parts:
            return cls._from_columns({name: {} for name in TABLES})
        tables = []
        for name in TABLES:
            frames = [getattr(p, name) for p in parts]
            merged = pd.concat(frames, ignore_index=True)
            for column, dtype, _ in SCHEMA[name]:
                if merged[column].dtype != frames[0][column].dtype:
                    merged[column] = merged[column].astype(dtype)
            tables.append(merged)
        out = cls(*tables)
        if len(parts) > 1:
            # Repeats and identities are found across the whole run, not within each part (each
            # part numbered its own from 0): the link step a core call ends with, once more.
            out.claims, out.sources = link_claims(out.claims)
        return out

    def table(self, name: str) -> pd.DataFrame:
        """One table by name: documents, claims, quantities, sentences or sources."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        df: pd.DataFrame = getattr(self, name)
        return df

    def to_arrow(self) -> Dict[str, "pyarrow.Table"]:
        """The tables as ``pyarrow.Table`` objects with the schema's Arrow types (``int64``,
        ``large_string``, ``timestamp[us]``, dictionaries for categories), keyed by table name.
        The text columns are already Arrow arrays inside pandas, so this copies little."""
        return {name: arrow_from_pandas(name, getattr(self, name)) for name in TABLES}

    def to_polars(self) -> Dict[str, "polars.DataFrame"]:
        """The tables as polars DataFrames, keyed by table name (``pip install polars``; from a checkout ``pip install '.[polars]'``)."""
        try:
            import polars as pl
        except ImportError as e:
            raise ImportError("to_polars() needs polars: pip install polars "
                              "(from a newsclaims checkout: pip install '.[polars]')") from e
        out: Dict[str, pl.DataFrame] = {}
        for name, table in self.to_arrow().items():
            df = pl.from_arrow(table)
            assert isinstance(df, pl.DataFrame)
            out[name] = df
        return out

    def merge(self, *, quantities: bool = True) -> pd.DataFrame:
        """Claims joined with their documents' metadata and, with ``quantities=True``, their
        quantities: one row per (claim, quantity) pair, and one row with empty quantity columns
        for a claim without any. Ready for ``groupby``. The claims' columns are followed by
        ``source_name`` and ``source_type`` from :attr:`sources` (one name per real-world
        source: group by it to count "Sergei Lavrov" and "Sergey Lavrov" together).

        The documents' ``path``, ``title``, ``published`` and metadata columns of record files
        (``outlet``, ``url``, ...) follow the claims' columns (a metadata column whose name a
        claims column already has is prefixed ``document_``); quantity columns whose names
        clash (``text``, ``sentence_id``, ``start``, ``end``, ``date``) are prefixed ``quantity_``.

        >>> ex = extract(["“Half of the city is free,” said Igor Konashenkov."],
        ...              ids=["a1"], published=["2016-12-13"])
        >>> m = ex.merge()
        >>> m[["doc_id", "source", "published", "quantity_text", "value", "unit"]].values.tolist()
        [['a1', 'Igor Konashenkov', Timestamp('2016-12-13 00:00:00'), 'Half', 0.5, 'fraction']]
        >>> m.groupby("source")["value"].max().to_dict()
        {'Igor Konashenkov': 0.5}
        """
        claims = self.claims
        if "source_id" in claims.columns and len(self.sources):
            # The source's canonical name and type, for grouping across documents.
            names = self.sources[["source_id", "name", "type"]].rename(
                columns={"name": "source_name", "type": "source_type"})
            claims = claims.merge(names, on="source_id", how="left")
        drop = ["text", "n_sentences", "n_claims", "n_quantities", "warnings", "error"]
        docs = self.documents.drop(columns=[c for c in drop if c in self.documents.columns])
        docs = docs.rename(columns={c: f"document_{c}" for c in docs.columns if c in claims.columns and c != "doc_id"})
        out = claims.merge(docs, on="doc_id", how="left")
        if quantities:
            clash = {"text", "sentence_id", "start", "end", "date"}
            q = self.quantities[self.quantities["claim_id"].notna()]
            q = q.rename(columns={c: f"quantity_{c}" for c in q.columns if c in clash})
            out = out.merge(q, on=["doc_id", "claim_id"], how="left")
        return out

    def show(self, doc_id: Any) -> "ArticleView":
        """One document as HTML with its claims' sources, cues and contents and its quantities
        highlighted; in Jupyter it renders itself (``_repr_html_``). ``str(view)`` is the HTML."""
        from ._display import ArticleView

        return ArticleView(self, str(doc_id))

    def to_html(self, path: PathLike, *, doc_ids: Optional[Sequence[Any]] = None) -> None:
        """Writes a standalone HTML report: every document (or those of ``doc_ids``) highlighted
        as :meth:`show` does, each followed by its claims as a table."""
        from ._display import report_page

        ids = list(self.documents["doc_id"]) if doc_ids is None else [str(i) for i in doc_ids]
        Path(path).write_text(report_page(self, ids), encoding="utf-8")

    def plot_timeline(self, *, unit: Optional[str] = None, counted: Optional[str] = None,
                      sources: Union[int, Sequence[str]] = 8, ax: "Optional[matplotlib.axes.Axes]" = None
                      ) -> "matplotlib.axes.Axes":
        """Numeric claims over time, one line per source (``pip install matplotlib``; from a checkout ``pip install '.[plot]'``).

        Each point is a quantity inside a claim, at the claim's date (else the quantity's, else
        the publication date). ``unit``/``counted`` keep only quantities with that unit
        ("percent", fractions included as percent) or whose ``counted`` or scope phrase contains
        the word ("city"; see :meth:`track`); ``sources``: the N sources
        with most points, or a list of sources. Returns the matplotlib ``Axes``. Points
        without any date are left out: their number is given in a ``UserWarning`` and in a
        note under the axes.
        """
        from ._plot import plot_timeline

        return plot_timeline(self, unit=unit, counted=counted, sources=sources, ax=ax)

    def clusters(self) -> pd.DataFrame:
        """Claim repeats: one row per ``claims.cluster_id`` (claims whose contents nearly repeat
        each other across documents), with ``n_claims``, ``n_documents``, the first appearance
        (``first_doc_id``, ``first_published``: the earliest publication, else the first in
        input order) and its ``content``, and lists of the ``sources``, ``outlets`` (a documents
        column ``outlet``/``source``/``publisher``/``site`` from metadata, else the claims'
        ``via``), ``documents`` and ``dates`` (ISO; claim dates, else publication dates).

        >>> said = "“The humanitarian corridors out of the eastern districts will stay open all week,” said Igor Konashenkov."
        >>> ex = extract([said, "Lavrov said: “The talks will continue in Geneva.”", said.replace("week", "weekend")],
        ...              ids=["tass", "ap", "rt"], published=["2016-12-01", "2016-12-01", "2016-12-02"])
        >>> ex.claims["cluster_id"].tolist()
        [0, <NA>, 0]
        >>> ex.clusters()[["cluster_id", "n_claims", "first_doc_id", "documents", "dates"]].values.tolist()
        [[0, 2, 'tass', ['tass', 'rt'], ['2016-12-01', '2016-12-02']]]
        """
        from ._across import clusters

        return clusters(self)

    def track(self, counted: Optional[str] = None, unit: Union[str, Sequence[str], None] = None, *,
              sources: Optional[Sequence[str]] = None) -> pd.DataFrame:
        """The values claimed for one measure, per source and date: one row per quantity inside
        a claim, sorted by date.

        ``counted``: a word that the quantity's ``counted`` or its ``scope`` contains ("Aleppo",
        "civilians"), case-insensitive. ``unit``: one unit or several; ``"percent"`` also takes
        fractions as percent ("half" = 50). ``sources``: only these sources. Columns: ``date``
        (the claim's date, else the quantity's, else the publication date; ``date_from`` says
        which), ``source``, ``value``, ``unit``, ``qualifier``, ``scope`` (the noun phrase the
        number measures: "70% of E. Aleppo" vs "93 percent of the city's territory"),
        ``counted``, ``text`` (as written), ``doc_id``, ``claim_id``, ``quantity_id``,
        ``published``, ``kind``, ``via``, ``content`` and ``source_key`` (the source's identity:
        ``source_id`` when claims have it, else the normalised name). "full control of" counts
        as 100 percent only with ``Extractor(implied_quantities=True)``.

        >>> ex = extract(["Russia's Defence Ministry said the army holds 70 percent of eastern Aleppo.",
        ...               "Russia's Defence Ministry said on Friday the army controls 93% of the city."],
        ...              ids=["a", "b"], published=["2016-12-07", "2016-12-09"])
        >>> ex.track(unit="percent")[["date", "value", "scope"]].values.tolist()
        [[Timestamp('2016-12-07 00:00:00'), 70.0, '70 percent of eastern Aleppo'], [Timestamp('2016-12-09 00:00:00'), 93.0, '93% of the city']]
        """
        from ._across import track

        return track(self, counted=counted, unit=unit, sources=sources)

    def contradictions(self, counted: Optional[str] = None, unit: Union[str, Sequence[str], None] = None
                       ) -> pd.DataFrame:
        """Where sources disagree: one row per measure (``counted``, with a plural "s" dropped,
        and ``unit``) and date for which two different sources claim values that cannot both
        hold ("1,200" vs "900"; "more than 1,200" and "1,224" agree, "about 90" allows 81 to
        99). Dates and values as in :meth:`track`; ``counted``/``unit`` filter the same way.
        Columns: ``date``, ``counted``, ``unit``, ``n_sources``, ``sources``, ``min_value``,
        ``max_value``, ``statements`` ("source: text (doc_id)", joined by "; ") and ``doc_ids``.
        """
        from ._across import contradictions

        return contradictions(self, counted=counted, unit=unit)

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        errors = int(self.documents["error"].notna().sum())
        return (f"<Extraction: {len(self.documents)} documents ({errors} with errors), "
                f"{len(self.claims)} claims, {len(self.quantities)} quantities, "
                f"{len(self.sentences)} sentences, {len(self.sources)} sources>")


class Extractor:
    """A configured, reusable extractor.

    ``boilerplate``: extra whole-line regular expressions dropped from article bodies, on top of
    the built-in table. ``max_document_bytes``: larger documents get a per-document ``error``
    instead of being processed (0: no limit). ``jobs``: default number of threads.
    ``min_quote_words``: direct quotations of fewer words are not claims (the core always drops
    those under 3 words, scare quotes such as “ceasefire”). ``cue_verbs``: reporting verbs on top
    of the built-in table, as written in text ("deadpanned", "wrote in"); a claim found through one
    has it as ``cue`` and no ``cue_lemma``. ``source_titles``: titles before a name on top of the
    built-in ones ("Archbishop", "Chief Rabbi"): "Archbishop Justin Welby said" gives source
    "Justin Welby" with role "Archbishop". An entry must be letters joined by single spaces,
    hyphens, apostrophes or full stops (ValueError otherwise). The attribution tables are compiled
    once per distinct set of words, not per call. ``quote_marks``: the languages whose quotation
    marks pair, as codes ("en", "fr", "de", "da", "sv", "fi", "it", "es", "pt", "ru", "pl", "nl",
    "cs"; ValueError for another): ``["en", "de"]`` also reads German „…“ (where “ closes), as
    Swiss and German outlets print English quotes; ``None`` (the default) is English “…” and
    French « ». Straight "…" pair in every language. ``implied_quantities``: also give shares stated
    without a number as quantities ("full control of eastern Aleppo" = 100 percent, qualifier ``implied``), for timelines such as
    :meth:`Extraction.track`; off by default, as they are no numeric mentions. ``disable_rules``:
    names of rules to switch off (:func:`newsclaims.rules` lists them; the ``rule`` column of
    ``claims`` and ``quantities`` says which rule made each row), to see what a rule is worth or
    to drop one a corpus does not need; ValueError for an unknown name.

    >>> text = "“Lies and more lies,” said Zakharova. Lavrov said: “The talks will continue in Geneva.”"
    >>> Extractor().extract([text]).claims["content"].tolist()
    ['Lies and more lies,', 'The talks will continue in Geneva.']
    >>> Extractor(min_quote_words=5).extract([text]).claims["content"].tolist()
    ['The talks will continue in Geneva.']
    >>> quip = "“The strategy is working,” the senator deadpanned."
    >>> Extractor(cue_verbs=["deadpanned"]).extract([quip]).claims[["source", "cue"]].values.tolist()
    [['senator', 'deadpanned']]
    >>> swiss = "„The talks will continue,“ Lavrov said."
    >>> Extractor(quote_marks=["en", "de"]).extract([swiss]).claims[["source", "content"]].values.tolist()
    [['Lavrov', 'The talks will continue,']]
    >>> Extractor().extract([text]).claims["rule"].tolist()
    ['trailing', 'leading']
    >>> Extractor(disable_rules=["leading"]).extract([text]).claims[["rule", "content"]].values.tolist()
    [['trailing', 'Lies and more lies,'], ['colon_quote', 'The talks will continue in Geneva.']]
    """

    def __init__(self, *, boilerplate: Sequence[str] = (), max_document_bytes: int = 0,
                 jobs: Optional[int] = None, min_quote_words: int = 0, implied_quantities: bool = False,
                 cue_verbs: Sequence[str] = (), source_titles: Sequence[str] = (),
                 quote_marks: Optional[Sequence[str]] = None, disable_rules: Sequence[str] = ()) -> None:
        self.boilerplate = _words("boilerplate", boilerplate)
        self.disable_rules = _words("disable_rules", disable_rules)
        if not isinstance(implied_quantities, bool):
            raise TypeError(f"implied_quantities must be a bool, not {type(implied_quantities).__name__}")
        self.implied_quantities = implied_quantities
        self.cue_verbs = _words("cue_verbs", cue_verbs)
        self.source_titles = _words("source_titles", source_titles)
        self.quote_marks = None if quote_marks is None else _words("quote_marks", quote_marks)
        if self.cue_verbs or self.source_titles or self.quote_marks is not None or self.disable_rules:
            # The core checks the entries and rule names (and compiles the tables once) now, not
            # at first use.
            _core.extract_texts([], [], [], [], cue_verbs=self.cue_verbs, source_titles=self.source_titles,
                                quote_marks=self.quote_marks, disable_rules=self.disable_rules)
        if isinstance(min_quote_words, bool) or not isinstance(min_quote_words, int) or min_quote_words < 0:
            raise ValueError(f"min_quote_words must be an int >= 0, got {min_quote_words!r}")
        self.min_quote_words = min_quote_words
        if max_document_bytes < 0:
            raise ValueError("max_document_bytes must be >= 0")
        self.max_document_bytes = int(max_document_bytes)
        self.jobs = _check_jobs(jobs)

    def __repr__(self) -> str:
        return "Extractor(" + ", ".join(f"{k}={v!r}" for k, v in self.__getstate__().items()) + ")"

    def __getstate__(self) -> Dict[str, Any]:
        return {"boilerplate": self.boilerplate, "max_document_bytes": self.max_document_bytes, "jobs": self.jobs,
                "min_quote_words": self.min_quote_words, "implied_quantities": self.implied_quantities,
                "cue_verbs": self.cue_verbs,
                "source_titles": self.source_titles, "quote_marks": self.quote_marks,
                "disable_rules": self.disable_rules}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _options(self) -> Dict[str, Any]:
        return {"boilerplate": self.boilerplate, "max_document_bytes": self.max_document_bytes,
                "min_quote_words": self.min_quote_words, "implied_quantities": self.implied_quantities,
                "cue_verbs": self.cue_verbs,
                "source_titles": self.source_titles, "quote_marks": self.quote_marks,
                "disable_rules": self.disable_rules, "cancelled": getattr(_CANCEL, "check", None)}

    def extract(self, texts: Iterable[str], *, ids: Optional[Sequence[Any]] = None,
                published: Optional[Sequence[Any]] = None, titles: Optional[Sequence[Optional[str]]] = None,
                jobs: Optional[int] = None, check_ids: bool = True,
                format: Union[str, Sequence[str]] = "text") -> Extraction:
        """Extracts from in-memory texts. See :func:`newsclaims.extract`. ``check_ids=False``
        allows repeated ids (used for records read from files, where ids are the data's own)."""
        return log_run("extract", self._extract(texts, ids=ids, published=published, titles=titles, jobs=jobs,
                                                check_ids=check_ids, format=format))

    def _extract(self, texts: Iterable[str], *, ids: Optional[Sequence[Any]] = None,
                 published: Optional[Sequence[Any]] = None, titles: Optional[Sequence[Optional[str]]] = None,
                 jobs: Optional[int] = None, check_ids: bool = True,
                 format: Union[str, Sequence[str]] = "text") -> Extraction:
        if isinstance(texts, (str, bytes)):
            raise TypeError("texts must be an iterable of str, not a single str; wrap it in a list")
        texts = list(texts)
        n = len(texts)
        ids_list = [str(i) for i in range(n)] if ids is None else _id_strings(ids)
        if len(ids_list) != n:
            raise ValueError(f"ids has {len(ids_list)} items but texts has {n}")
        if check_ids:
            _check_unique(ids_list)
        published_list, converted = ([None] * n, []) if published is None else _published_strings(published)
        if len(published_list) != n:
            raise ValueError(f"published has {len(published_list)} items but texts has {n}")
        titles_list = [None] * n if titles is None else [None if t is None else str(t) for t in titles]
        if len(titles_list) != n:
            raise ValueError(f"titles has {len(titles_list)} items but texts has {n}")
        columns = _core.extract_texts(texts, ids_list, published_list, titles_list,
                                      jobs=self._jobs(jobs), formats=_formats(format, n), **self._options())
        ex = Extraction._from_core(columns)
        if converted:
            docs = ex.documents
            for i, message in converted:
                docs.loc[i, "warnings"] = _join_warning(docs.loc[i, "warnings"], message)
            _warnings.warn(f"{len(converted)} time-zone-aware published value(s) converted to UTC and kept "
                           f"without a zone (first, document {ids_list[converted[0][0]]!r}: {converted[0][1]})",
                           UserWarning, stacklevel=4)
        return ex

    def extract_files(self, *paths: PathLike, jobs: Optional[int] = None, progress: Progress = None,
                      follow_links: bool = False, metadata: Union[PathLike, pd.DataFrame, None] = None) -> Extraction:
        """Extracts from files. See :func:`newsclaims.extract_files`."""
        entries = walk_paths(paths, follow_links=follow_links)
        files = [path for path, _ in entries]
        jobs = self._jobs(jobs)
        meta = read_metadata(metadata)
        report, close = _progress_reporter(progress, len(files))
        plain = all(error is None and not _is_record_file(path) for path, error in entries)
        if plain and report is None:
            ids = [file_id(f) for f in files]
            ex = Extraction._from_core(_core.extract_paths(files, ids, jobs=jobs, published=_published_of(meta, ids),
                                                           **self._options()))
        else:
            try:
                ex = self._extract_files_in_parts(entries, jobs, report, meta)
            finally:
                close()
        return log_run("extract_files", _with_metadata(ex, meta))

    def _extract_files_in_parts(self, entries: List["tuple[str, Optional[str]]"], jobs: Optional[int],
                                report: Optional[Callable[[int, int], Any]],
                                meta: Optional[pd.DataFrame] = None) -> Extraction:
        files = [path for path, _ in entries]
        # Runs of article files go to the core in chunks (read in parallel there); each record
        # file is read here and its records go to the core as texts; an entry the walk could
        # not use becomes its error row. Input order is kept.
        parts: List[Extraction] = []
        done = 0
        i = 0
        while i < len(files):
            path, error = entries[i]
            if error is not None:
                parts.append(_error_row(file_id(path), path, error))
                i += 1
                done += 1
            elif _is_record_file(path):
                parts.append(self._extract_record_file(path, jobs))
                i += 1
                done += 1
            else:
                j = i
                while (j < len(files) and j - i < _PROGRESS_CHUNK and entries[j][1] is None
                       and not _is_record_file(files[j])):
                    j += 1
                chunk = files[i:j]
                ids = [file_id(f) for f in chunk]
                parts.append(Extraction._from_core(
                    _core.extract_paths(chunk, ids, jobs=jobs, published=_published_of(meta, ids), **self._options())))
                done += len(chunk)
                i = j
            if report is not None:
                report(done, len(files))
        return Extraction._concat(parts)

    def extract_frame(self, df: "Union[pd.DataFrame, polars.DataFrame]", text: str = "text", id: Optional[str] = None,
                      published: Optional[str] = None, title: Optional[str] = None,
                      *, jobs: Optional[int] = None) -> Extraction:
        """Extracts from a DataFrame's text column. See :func:`newsclaims.extract_frame`."""
        df = _pandas_frame(df)
        for role, column in (("text", text), ("id", id), ("published", published), ("title", title)):
            if column is not None and column not in df.columns:
                raise KeyError(f"{role} column {column!r} is not in the DataFrame; its columns are {list(df.columns)}")
        ids = df[id] if id is not None else df.index
        return log_run("extract_frame", self._extract_records(
            df[text], ids=ids, published=None if published is None else df[published],
            titles=None if title is None else df[title], path=None, metadata=None, jobs=jobs))

    def _extract_record_file(self, path: str, jobs: Optional[int]) -> Extraction:
        """The documents of one .jsonl or .csv file; a file that cannot be read becomes one
        documents row with its ``error``."""
        stem = _record_stem(path)
        try:
            records, warnings = read_records(path)
        except (OSError, ValueError, UnicodeError) as e:
            return _error_row(stem, path, f"cannot read records from {path}: {e}")
        return self._extract_record_frame(records, warnings, stem=stem, path=path, jobs=jobs)

    def _extract_record_frame(self, records: pd.DataFrame, warnings: List[Tuple[int, str]], *, stem: str, path: str,
                              jobs: Optional[int], first_row: int = 0) -> Extraction:
        """The documents of records read from `path` (all of them, or a chunk whose first row is
        the file's `first_row`, which numbers the default ids ``STEM:ROW``)."""
        text_cols = [c for c in TEXT_COLUMNS if c in records.columns]
        if not text_cols:
            return _error_row(stem, path, f"{path} has no text column: expected one of "
                                          f"{', '.join(TEXT_COLUMNS)}; found {', '.join(map(str, records.columns))}")
        # Per record, the first text column that holds a str (JSON lines may differ in keys).
        texts = records[text_cols[0]]
        for c in text_cols[1:]:
            texts = texts.where(texts.map(lambda t: isinstance(t, str) and t != ""), records[c])
        ids = [_record_id(i, f"{stem}:{n}")
               for n, i in enumerate(records["id"] if "id" in records.columns else [None] * len(records),
                                     first_row)]
        used = {*text_cols, *RECORD_COLUMNS}
        metadata = records[[c for c in records.columns if c not in used]]
        ex = self._extract_records(
            texts, ids=ids, published=records.get("published"), titles=records.get("title"),
            path=path, metadata=metadata, jobs=jobs)
        for line, message in warnings:
            ex.documents.loc[line, "warnings"] = _join_warning(ex.documents.loc[line, "warnings"], message)
        return ex

    def _extract_records(self, texts: pd.Series, *, ids: Iterable[Any], published: Optional[Iterable[Any]],
                         titles: Optional[Iterable[Any]], path: Optional[str],
                         metadata: Optional[pd.DataFrame], jobs: Optional[int]) -> Extraction:
        """Records (a text per row) through the core; rows without text get an ``error``."""
        if path is None:  # the caller's own ids (records read from files default missing ones)
            ids = list(ids)
            labels = list(texts.index)
            for k, value in enumerate(ids):
                if _is_missing(value):
                    raise ValueError(f"the id of row {labels[k]!r} (position {k}) is missing ({value!r}): "
                                     f"every document needs an id; fill or drop it")
        missing = [not isinstance(t, str) for t in texts]
        texts_list = [t if isinstance(t, str) else "" for t in texts]
        titles_list = None if titles is None else [t if isinstance(t, str) and t.strip() else None for t in titles]
        ex = self._extract(texts_list, ids=[str(i) for i in ids], published=None if published is None else list(published),
                          titles=titles_list, jobs=jobs, check_ids=path is None)
        docs = ex.documents
        if path is not None:
            docs["path"] = pd.Series([path] * len(docs), dtype="string")
        if any(missing):
            docs.loc[missing, "error"] = "the record has no text"
        if metadata is not None and len(metadata.columns):
            extra = metadata.reset_index(drop=True)
            extra.columns = [c if c not in docs.columns else f"meta_{c}" for c in extra.columns]
            ex.documents = pd.concat([docs, extra], axis=1)
        return ex

    def _jobs(self, jobs: Optional[int]) -> Optional[int]:
        return _check_jobs(jobs) if jobs is not None else self.jobs


def _pandas_frame(df: Any) -> pd.DataFrame:
    """`df` as a pandas DataFrame: a pandas one as it is, a polars one converted (through
    Arrow; its rows are numbered from 0, as the index a pandas frame would have). polars is
    recognised by its type's module, so it is never imported here."""
    if isinstance(df, pd.DataFrame):
        return df
    module = type(df).__module__ or ""
    if module.split(".")[0] == "polars":
        if type(df).__name__ == "LazyFrame":
            raise TypeError("df is a polars LazyFrame; pass df.collect()")
        if type(df).__name__ == "DataFrame":
            frame: pd.DataFrame = df.to_pandas()
            return frame
    raise TypeError(f"df must be a pandas or polars DataFrame, not {type(df).__name__}")


def rules() -> pd.DataFrame:
    """The named rules that make rows of ``claims`` and ``quantities``, in the order each stage
    tries them: ``name`` (as in the ``rule`` column and ``Extractor(disable_rules=...)``),
    ``table``, ``summary``, an ``example`` sentence from the news, and ``modifier``: True for a
    rule that only changes or drops rows other rules make (``document_dollar`` decides which
    dollar a bare "$" is, ``time_or_date`` drops years and clock times) and so never appears in
    the ``rule`` column.

    >>> table = rules()
    >>> table[table["name"] == "according"][["table", "summary"]].values.tolist()
    [['claims', "'..., according to X', 'According to X, ...', '..., as reported by X'"]]
    """
    return pd.DataFrame(_core.rules(), columns=["name", "table", "summary", "example", "modifier"])


def _with_metadata(ex: Extraction, meta: Optional[pd.DataFrame]) -> Extraction:
    """The documents table with the metadata's ``title`` where it gives one and its other
    columns appended (``published`` went to the core, so relative dates resolve against it)."""
    if meta is None:
        return ex
    docs = ex.documents
    by_id = meta.set_index("doc_id")
    if "title" in by_id.columns:
        given = docs["doc_id"].map(by_id["title"].where(by_id["title"].map(lambda t: isinstance(t, str) and t != "")))
        docs["title"] = given.astype("string").fillna(docs["title"])
    extra = [c for c in by_id.columns if c not in ("published", "title")]
    for column in extra:
        name = column if column not in docs.columns else f"meta_{column}"
        docs[name] = docs["doc_id"].map(by_id[column])
    ex.documents = docs
    return ex


def link_claims(claims: pd.DataFrame,
                link: "Optional[Callable[..., _core.Columns]]" = None) -> "tuple[pd.DataFrame, pd.DataFrame]":
    """`claims` with ``source_id`` and ``cluster_id`` from the core's link step over all its
    rows, and the matching sources table. The step is the one every core call ends with
    (``_core.link_claims``, ``src/batch.rs``), or `link`, a stream's run-wide one
    (``_core.RunLinks.link``). Reads ``doc_id``, ``content``, ``source``, ``source_text`` and
    ``source_role``."""
    import pyarrow

    docs, names, texts, roles = source_keys(claims)
    contents = [str(c) for c in claims["content"].tolist()]
    columns = (link or _core.link_claims)(docs, contents, names, texts, roles)
    ids = to_pandas(pyarrow.table({name: column_from_core(f"claims.{name}", columns["claims"][name], INT)
                                   for name in ("source_id", "cluster_id")}))
    return (claims.assign(source_id=ids["source_id"].array, cluster_id=ids["cluster_id"].array),
            to_pandas(arrow_from_core("sources", columns["sources"])))


def source_keys(claims: pd.DataFrame) -> "tuple[List[str], List[str], List[Optional[str]], List[Optional[str]]]":
    """The claims' ``doc_id``, ``source`` ("" for none), ``source_text`` and ``source_role`` as
    the core's identity step takes them."""
    def strings(column: str) -> List[Optional[str]]:
        return [None if v is pd.NA or v is None else str(v) for v in claims[column].tolist()]

    return ([str(v) for v in claims["doc_id"].tolist()], [str(v) for v in claims["source"].fillna("").tolist()],
            strings("source_text"), strings("source_role"))


def _words(name: str, items: Sequence[str]) -> List[str]:
    if isinstance(items, str):
        raise TypeError(f"{name} must be a sequence of str, not one str")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"{name}[{i}] is {type(item).__name__}, not str")
        out.append(item)
    return out


def _in_notebook() -> bool:
    """Running in a Jupyter kernel (not a terminal IPython)."""
    shell = sys.modules.get("IPython")
    ip = shell.get_ipython() if shell is not None else None
    return ip is not None and getattr(ip, "kernel", None) is not None


def _interactive() -> bool:
    """A person is watching: a notebook kernel, or stderr is a terminal; never under CI."""
    if os.environ.get("CI"):
        return False
    return _in_notebook() or sys.stderr.isatty()


def _progress_reporter(progress: Progress, total: int
                       ) -> Tuple[Optional[Callable[[int, int], Any]], Callable[[], None]]:
    """``(report(done, total), close())`` for ``progress``: a callable as given; True a tqdm bar;
    None a bar only for more than :data:`PROGRESS_MIN_FILES` files when :func:`_interactive`."""
    if callable(progress):
        return progress, lambda: None
    if progress is None:
        progress = total > PROGRESS_MIN_FILES and _interactive()
    if not progress:
        return None, lambda: None
    from tqdm.std import tqdm

    if _in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
        # The widget bar; without ipywidgets tqdm's notebook bar fails, so the text one.
        from tqdm.notebook import tqdm
    bar = tqdm(total=total, unit="file", desc="newsclaims", file=sys.stderr)

    def report(done: int, _total: int) -> None:
        bar.update(done - bar.n)

    return report, bar.close


def _join_warning(existing: Any, message: str) -> str:
    return message if not isinstance(existing, str) or not existing else f"{existing}; {message}"


def _error_row(doc_id: str, path: str, error: str) -> Extraction:
    ex = Extraction._from_columns({name: {} for name in TABLES})
    ex.documents = frame("documents", {"doc_id": [doc_id], "path": [path], "n_sentences": [0], "n_claims": [0],
                                       "n_quantities": [0], "error": [error]})
    return ex


def _formats(format: Union[str, Sequence[str]], n: int) -> List[str]:
    """``format`` as one name per text: a str applies to all; a sequence must have one per text."""
    if isinstance(format, str):
        names = [format] * n
    else:
        names = [str(f) for f in format]
        if len(names) != n:
            raise ValueError(f"format has {len(names)} items but texts has {n}")
    for name in set(names):
        if name not in ("text", "html"):
            raise ValueError(f"format {name!r} is not one of 'text', 'html'")
    return names


def _check_jobs(jobs: Optional[int]) -> Optional[int]:
    if jobs is None:
        return None
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int or None, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    return jobs


# NEWSCLAIMS_DISABLE_RULES (comma-separated rule names) switches rules off in the module-level
# functions only, so that scorers that call them can measure each rule (eval/check.py --ablate).
_DEFAULT = Extractor(disable_rules=[r for r in os.environ.get("NEWSCLAIMS_DISABLE_RULES", "").split(",") if r])


def extract(texts: Iterable[str], *, ids: Optional[Sequence[Any]] = None, published: Optional[Sequence[Any]] = None,
            titles: Optional[Sequence[Optional[str]]] = None, jobs: Optional[int] = None,
            format: Union[str, Sequence[str]] = "text") -> Extraction:
    """Extracts claims and quantities from in-memory texts.

    ``texts``: any iterable of str. ``ids``: one per text (default "0", "1", ...).
    ``published``: one date per text (``datetime``, ``date``, ISO string or None); relative
    dates ("on Friday") resolve against it. ``titles``: optional headlines. ``jobs``: threads
    (default: all cores). A non-str text raises ``TypeError`` naming its index; ids, published
    and titles of another length than texts raise ``ValueError``, and so does an id given twice
    (ids are compared as str, so 1 and "1" are the same id). ``format``: ``"text"`` (default) or
    ``"html"`` for all texts, or one of these per text: HTML pages already in memory (from a
    crawler, a WARC file, a database) get the same main-content selection, headline and date
    reading as ``.html`` files; any other value raises ``ValueError``.

    >>> ex = extract(["Lavrov said: “The talks will continue in Geneva.”"])
    >>> ex.claims.loc[0, "source"], ex.claims.loc[0, "content"]
    ('Lavrov', 'The talks will continue in Geneva.')
    """
    return _DEFAULT.extract(texts, ids=ids, published=published, titles=titles, jobs=jobs, format=format)


def extract_files(*paths: PathLike, jobs: Optional[int] = None, progress: Progress = None,
                  follow_links: bool = False, metadata: Union[PathLike, pd.DataFrame, None] = None) -> Extraction:
    """Extracts claims and quantities from files.

    Each path is a file, a directory (walked recursively for .txt, .html, .jsonl and .csv
    files, all also compressed: .txt.gz, .html.bz2, .txt.xz, .txt.zst, .jsonl.gz, ...) or a glob
    pattern. A document's id is its file stem (``a.txt.gz``: ``a``). An article file is read by
    its bytes, whatever its name: gzip, bzip2, xz and zstd are decompressed; text that is not
    UTF-8 and has no BOM is decoded in the encoding detected (``warnings``: "not valid UTF-8:
    decoded as windows-1252"); a binary file (PDF, image, Office file, archive) gets
    ``documents.error`` ("binary file (PDF), not text") and no other rows. A ``.jsonl`` or ``.csv`` file
    holds one document per record: the text in column ``text`` (or ``body``, ``content``),
    optional ``id`` (default ``STEM:ROW``), ``title`` and ``published``; every other column
    (``url``, ``outlet``, ...) is kept on the documents table after the standard columns. A missing path raises ``FileNotFoundError``; a
    file that cannot be read or decoded does not stop the run: its ``documents.error`` says why.
    ``progress``: a tqdm bar on stderr (or a notebook widget); by default shown only for more
    than :data:`PROGRESS_MIN_FILES` files when a person is watching (a terminal or a notebook,
    and no ``CI`` variable); True always, False never; a callable gets ``(done, total)`` instead.

    A directory walk reads only what lies inside the directory: a symbolic link leading out of
    it is not followed unless ``follow_links=True`` (link loops are then walked once). Entries
    the walk cannot use (an unreadable directory, a named pipe, a link left unfollowed) become
    documents rows with their ``error``. Ids are file stems and may repeat across directories;
    the ``path`` column tells such documents apart. Nothing is ever written.

    ``metadata``: a table of the documents' metadata, a DataFrame or a .csv/.jsonl file, with
    column ``id`` (or ``doc_id``) holding file stems: its ``published`` dates are given to the
    core for article files (they win over a dateline, and "on Tuesday" resolves against them),
    its ``title`` replaces the headline read from the text, and its other columns (``outlet``,
    ...) are added to the documents table. Records of .jsonl/.csv inputs keep their own
    ``published``. ``extract_files("seeds", metadata="seeds/metadata.csv")``.
    """
    return _DEFAULT.extract_files(*paths, jobs=jobs, progress=progress, follow_links=follow_links, metadata=metadata)


def extract_frame(df: "Union[pd.DataFrame, polars.DataFrame]", text: str = "text", id: Optional[str] = None,
                  published: Optional[str] = None,
                  title: Optional[str] = None, *, jobs: Optional[int] = None) -> Extraction:
    """Extracts claims and quantities from a DataFrame already in memory: pandas, or polars
    (converted through Arrow; without ``id`` its row numbers give the ids).

    ``text``: the column of article texts. ``id``: the column of document ids (default: the
    DataFrame's index), which become ``doc_id`` so results join back with
    ``df.merge(ex.claims, left_on=id, right_on="doc_id")``. ``published``/``title``: optional
    columns of publication dates and headlines. A row whose text is missing (NaN, None) gets a
    documents ``error``. Ids must be unique (a repeated one raises ``ValueError``; for a
    DataFrame with a repeated index, pass ``id=`` or call ``df.reset_index()`` first).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["Lavrov said: “The talks will continue.”"]}, index=["a1"])
    >>> ex = extract_frame(df, text="body")
    >>> ex.claims[["doc_id", "source"]].values.tolist()
    [['a1', 'Lavrov']]
    """
    return _DEFAULT.extract_frame(df, text=text, id=id, published=published, title=title, jobs=jobs)
