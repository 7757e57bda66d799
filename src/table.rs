//! Column builders: each output table as a struct of columns, filled one document at a time and
//! concatenated in input order. Offsets here are **character** offsets (Python `str` indices),
//! converted from the documents' byte spans once per document. Text columns are [`StrColumn`]s,
//! laid out as Arrow lays out strings, so that a row costs no allocation of its own and the
//! Python binding hands the buffers over as they are.

use std::fmt;

use crate::document::{Document, Span};
use crate::lexicon::cues::cue_lemma;

/// A column of strings, some of them possibly null, stored the way Arrow stores a `large_utf8`
/// array: the bytes of every row one after another, and the end of each row's bytes. Pushing a
/// row copies its bytes and allocates nothing of its own (the tables have about a million text
/// cells per 30 MB of articles; as one `String` each they were a million allocations, and the
/// binding then copied each into Arrow's layout).
#[derive(Clone, PartialEq, Eq)]
pub struct StrColumn {
    /// Row `i`'s bytes are `data[offsets[i]..offsets[i + 1]]`; `offsets` starts with 0.
    offsets: Vec<i64>,
    data: String,
    /// `None` while no row is null; then one flag per row.
    valid: Option<Vec<bool>>,
}

impl Default for StrColumn {
    fn default() -> Self {
        StrColumn::new()
    }
}

impl StrColumn {
    /// An empty column.
    pub fn new() -> Self {
        StrColumn {
            offsets: vec![0],
            data: String::new(),
            valid: None,
        }
    }

    /// Appends a row.
    pub fn push(&mut self, value: &str) {
        self.data.push_str(value);
        self.offsets.push(self.data.len() as i64);
        if let Some(valid) = &mut self.valid {
            valid.push(true);
        }
    }

    /// Appends a row that may be null.
    pub fn push_opt(&mut self, value: Option<&str>) {
        match value {
            Some(v) => self.push(v),
            None => {
                let rows = self.len();
                self.valid
                    .get_or_insert_with(|| vec![true; rows])
                    .push(false);
                self.offsets.push(self.data.len() as i64);
            }
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`; `None` when it is null or past the end.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.offsets.get(i + 1)? as usize;
        if self.valid.as_ref().is_some_and(|v| !v[i]) {
            return None;
        }
        Some(&self.data[self.offsets[i] as usize..end])
    }

    /// The rows in order (`None` for a null).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<&str>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Appends every row of `other` (as `Vec::extend` does; see [`Column::append`]).
    pub fn extend(&mut self, other: StrColumn) {
        let (rows, shift, more) = (self.len(), self.data.len() as i64, other.len());
        match (&mut self.valid, other.valid) {
            (Some(mine), Some(theirs)) => mine.extend(theirs),
            (Some(mine), None) => mine.resize(rows + more, true),
            (None, Some(theirs)) => {
                let mut valid = vec![true; rows];
                valid.extend(theirs);
                self.valid = Some(valid);
            }
            (None, None) => {}
        }
        self.data.push_str(&other.data);
        self.offsets
            .extend(other.offsets[1..].iter().map(|end| end + shift));
    }

    /// The Arrow buffers: offsets (starting with 0, one end per row), the bytes, and the
    /// validity flags (`None` when no row is null).
    pub fn into_arrow_parts(self) -> (Vec<i64>, Vec<u8>, Option<Vec<bool>>) {
        (self.offsets, self.data.into_bytes(), self.valid)
    }
}

impl fmt::Debug for StrColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> FromIterator<Option<&'a str>> for StrColumn {
    fn from_iter<I: IntoIterator<Item = Option<&'a str>>>(rows: I) -> Self {
        let mut column = StrColumn::new();
        for row in rows {
            column.push_opt(row);
        }
        column
    }
}

impl<'a> FromIterator<&'a str> for StrColumn {
    fn from_iter<I: IntoIterator<Item = &'a str>>(rows: I) -> Self {
        let mut column = StrColumn::new();
        for row in rows {
            column.push(row);
        }
        column
    }
}

/// Converts byte offsets of one text into character offsets.
pub struct CharOffsets {
    /// `Some(table)` maps each byte offset to its char offset; `None` means ASCII (identity).
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Prepares conversion for `text` (free for ASCII text).
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        // One pass over the bytes: every byte that is no UTF-8 continuation byte (0x80..=0xBF,
        // i.e. below -0x40 as i8) starts a char. (A loop over `char_indices` writing each
        // char's bytes was 26M instructions on seeds + 200 PolNeAR texts.)
        let mut table = vec![0u32; text.len() + 1];
        let mut started = 0u32;
        for (slot, &b) in table.iter_mut().zip(text.as_bytes()) {
            started += u32::from((b as i8) >= -0x40);
            *slot = started - 1;
        }
        table[text.len()] = started;
        CharOffsets { table: Some(table) }
    }
    /// The char offset of byte offset `byte`.
    pub fn char_at(&self, byte: usize) -> i64 {
        match &self.table {
            None => byte as i64,
            Some(t) => t[byte] as i64,
        }
    }
}

/// One column's values as the tables keep them, for a caller that lays every column out alike
/// (the Python binding's Arrow buffers): see [`Tables::into_columns`].
#[derive(Debug)]
pub enum ColumnData {
    /// Text, some rows possibly null.
    Str(StrColumn),
    /// A fixed name per row (a category).
    Name(Vec<&'static str>),
    /// A fixed name or null.
    OptName(Vec<Option<&'static str>>),
    /// Integers.
    I64(Vec<i64>),
    /// Integers or null.
    OptI64(Vec<Option<i64>>),
    /// Floats or null.
    OptF64(Vec<Option<f64>>),
    /// Flags.
    Bool(Vec<bool>),
}

/// A column type of the tables: how rows of two tables join, and how the column is handed on.
pub trait Column: Default {
    /// The Arrow type of the column's buffers: "large_utf8", "int64", "float64" or "bool"
    /// (`newsclaims._schema._CORE_KINDS` maps each dtype to one; a test keeps them equal).
    const KIND: &'static str;
    /// The number of rows.
    fn rows(&self) -> usize;
    /// Appends every row of `other`.
    fn append(&mut self, other: Self);
    /// The values, moved.
    fn into_data(self) -> ColumnData;
}

impl Column for StrColumn {
    const KIND: &'static str = "large_utf8";
    fn rows(&self) -> usize {
        self.len()
    }
    fn append(&mut self, other: Self) {
        self.extend(other);
    }
    fn into_data(self) -> ColumnData {
        ColumnData::Str(self)
    }
}

/// `Column` for a `Vec` of `$t`: rows join by `Vec::extend`.
macro_rules! vec_column {
    ($($t:ty => $kind:literal, $variant:ident;)*) => {$(
        impl Column for Vec<$t> {
            const KIND: &'static str = $kind;
            fn rows(&self) -> usize {
                self.len()
            }
            fn append(&mut self, other: Self) {
                self.extend(other);
            }
            fn into_data(self) -> ColumnData {
                ColumnData::$variant(self)
            }
        }
    )*};
}
vec_column! {
    &'static str => "large_utf8", Name;
    Option<&'static str> => "large_utf8", OptName;
    i64 => "int64", I64;
    Option<i64> => "int64", OptI64;
    Option<f64> => "float64", OptF64;
    bool => "bool", Bool;
}

/// The name of column `$field`: `$name` where given (`r#type` is "type"), else the field's.
macro_rules! column_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $name:literal) => {
        $name
    };
}

/// Declares a table once: its struct of columns in output order, and from that one list
/// `COLUMNS` (names and Arrow kinds, which `newsclaims._schema.SCHEMA` must equal; the binding
/// exposes it as `_core.columns()`), `append` and `into_columns`.
macro_rules! table {
    ($(#[$meta:meta])* $table:ident {
        $($(#[$field_meta:meta])* $field:ident $(= $name:literal)?: $ty:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Default, Clone)]
        #[allow(missing_docs)]
        pub struct $table {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl $table {
            /// Every column's name and Arrow kind ([`Column::KIND`]), in output order.
            pub const COLUMNS: &'static [(&'static str, &'static str)] =
                &[$((column_name!($field $($name)?), <$ty as Column>::KIND)),*];

            /// The number of rows of each column, in output order (all equal once
            /// `Tables::push_document` has filled every column).
            pub fn column_rows(&self) -> Vec<usize> {
                vec![$(Column::rows(&self.$field)),*]
            }

            /// Appends all rows of `other` after this table's rows.
            pub fn append(&mut self, other: $table) {
                $(Column::append(&mut self.$field, other.$field);)*
            }

            /// Every column, moved out, named and in output order.
            pub fn into_columns(self) -> Vec<(&'static str, ColumnData)> {
                vec![$((column_name!($field $($name)?), self.$field.into_data())),*]
            }
        }
    };
}

table! {
    /// The `documents` table.
    DocumentsTable {
        doc_id: StrColumn,
        path: StrColumn,
        title: StrColumn,
        published: StrColumn,
        text: StrColumn,
        n_sentences: Vec<i64>,
        n_claims: Vec<i64>,
        n_quantities: Vec<i64>,
        warnings: StrColumn,
        error: StrColumn,
    }
}

table! {
    /// The `claims` table; `claim_id` numbers claims within their document from 0.
    ClaimsTable {
        doc_id: StrColumn,
        claim_id: Vec<i64>,
        sentence_id: Vec<i64>,
        kind: Vec<&'static str>,
        source: StrColumn,
        source_text: StrColumn,
        source_role: StrColumn,
        cue: StrColumn,
        cue_lemma: Vec<Option<&'static str>>,
        content: StrColumn,
        via: StrColumn,
        hedge: StrColumn,
        date_text: StrColumn,
        date: StrColumn,
        start: Vec<i64>,
        end: Vec<i64>,
        content_start: Vec<i64>,
        content_end: Vec<i64>,
        /// The rule that made the row (`crate::rules`).
        rule: Vec<&'static str>,
        /// Set for the whole batch by `batch` (see `cluster`); `None` per document.
        cluster_id: Vec<Option<i64>>,
        /// The claim's row in `sources`; filled by `batch` once the batch is complete.
        source_id: Vec<Option<i64>>,
    }
}

table! {
    /// The `quantities` table; `quantity_id` numbers quantities within their document from 0.
    QuantitiesTable {
        doc_id: StrColumn,
        quantity_id: Vec<i64>,
        claim_id: Vec<Option<i64>>,
        sentence_id: Vec<i64>,
        text: StrColumn,
        value: Vec<Option<f64>>,
        low: Vec<Option<f64>>,
        high: Vec<Option<f64>>,
        qualifier: Vec<&'static str>,
        unit: StrColumn,
        counted: StrColumn,
        subject: StrColumn,
        direction: Vec<Option<&'static str>>,
        start: Vec<i64>,
        end: Vec<i64>,
        /// The reading that made the row (`crate::rules`).
        rule: Vec<&'static str>,
        date: StrColumn,
    }
}

table! {
    /// The `sentences` table.
    SentencesTable {
        doc_id: StrColumn,
        sentence_id: Vec<i64>,
        start: Vec<i64>,
        end: Vec<i64>,
        text: StrColumn,
        is_caption: Vec<bool>,
    }
}

table! {
    /// The `sources` table: one row per real-world source of a batch (see `identity`).
    SourcesTable {
        source_id: Vec<i64>,
        name: StrColumn,
        r#type = "type": Vec<&'static str>,
        aliases: StrColumn,
        roles: StrColumn,
        documents: Vec<i64>,
        claims: Vec<i64>,
    }
}

impl SourcesTable {
    /// Appends source `id`'s row.
    pub fn push(&mut self, id: usize, s: &crate::identity::Source) {
        self.source_id.push(id as i64);
        self.name.push(&s.name);
        self.r#type.push(s.kind.as_str());
        self.aliases.push(&s.aliases.join("; "));
        self.roles
            .push_opt((!s.roles.is_empty()).then(|| s.roles.join("; ")).as_deref());
        self.documents.push(s.documents as i64);
        self.claims.push(s.claims as i64);
    }
}

/// Declares the list of tables once: the struct [`Tables`], [`COLUMNS`], `Tables::append` and
/// `Tables::into_columns`, each table named by its field.
macro_rules! tables {
    ($($(#[$field_meta:meta])* $field:ident: $table:ident,)*) => {
        /// All output tables of a run.
        #[derive(Debug, Default, Clone)]
        #[allow(missing_docs)]
        pub struct Tables {
            $($(#[$field_meta])* pub $field: $table,)*
        }

        /// Every table's name and columns (`ClaimsTable::COLUMNS`, ...), in output order: the
        /// schema the Python package's `_schema.SCHEMA` must equal (`_core.columns()`).
        pub const COLUMNS: &[(&str, &[(&str, &str)])] = &[$((stringify!($field), $table::COLUMNS)),*];

        impl Tables {
            /// Appends all rows of `other` after this table's rows. (Source ids are per
            /// batch: after appending batches, `link::link_claims` unifies them.)
            pub fn append(&mut self, other: Tables) {
                $(self.$field.append(other.$field);)*
            }

            /// Every table's columns, moved out, in the order of [`COLUMNS`].
            pub fn into_columns(self) -> Vec<(&'static str, Vec<(&'static str, ColumnData)>)> {
                vec![$((stringify!($field), self.$field.into_columns())),*]
            }
        }
    };
}

tables! {
    documents: DocumentsTable,
    claims: ClaimsTable,
    quantities: QuantitiesTable,
    sentences: SentencesTable,
    /// Built for the whole batch after the per-document tables are gathered.
    sources: SourcesTable,
}

fn opt_slice(span: Option<Span>, text: &str) -> Option<&str> {
    span.map(|s| s.slice(text))
}

impl Tables {
    /// Appends one document's rows to every table.
    pub fn push_document(&mut self, doc: &Document) {
        let text = doc.text.as_str();
        let chars = CharOffsets::new(text);
        let d = &mut self.documents;
        d.doc_id.push(&doc.id);
        d.path.push_opt(doc.path.as_deref());
        d.title.push_opt(doc.title.as_deref());
        d.published.push_opt(
            doc.published
                .map(|p| p.format("%Y-%m-%dT%H:%M:%S").to_string())
                .as_deref(),
        );
        d.text.push(text);
        d.n_sentences.push(doc.sentences.len() as i64);
        d.n_claims.push(doc.claims.len() as i64);
        d.n_quantities.push(doc.quantities.len() as i64);
        d.warnings.push_opt(
            (!doc.warnings.is_empty())
                .then(|| doc.warnings.join("; "))
                .as_deref(),
        );
        d.error.push_opt(doc.error.as_deref());

        let c = &mut self.claims;
        for (i, claim) in doc.claims.iter().enumerate() {
            c.doc_id.push(&doc.id);
            c.claim_id.push(i as i64);
            c.sentence_id.push(claim.sentence as i64);
            c.kind.push(claim.kind.as_str());
            // No source known (an unresolved "he", an impression): null, not the pronoun.
            c.source
                .push_opt((!claim.source.is_empty()).then_some(claim.source.as_str()));
            c.source_text.push_opt(opt_slice(claim.source_span, text));
            c.source_role.push_opt(claim.source_role.as_deref());
            let cue = opt_slice(claim.cue_span, text);
            c.cue_lemma.push(cue.and_then(|w| {
                cue_lemma(
                    &w.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            }));
            c.cue.push_opt(cue);
            c.content.push(claim.content.slice(text));
            c.via.push_opt(claim.via.as_deref());
            c.hedge.push_opt(claim.hedge.as_deref());
            c.date_text.push_opt(opt_slice(claim.date_span, text));
            c.date.push_opt(claim.date.as_deref());
            c.start.push(chars.char_at(claim.span.byte_start));
            c.end.push(chars.char_at(claim.span.byte_end));
            c.content_start
                .push(chars.char_at(claim.content.byte_start));
            c.content_end.push(chars.char_at(claim.content.byte_end));
            // Repeats are found across documents, once the batch is complete.
            c.cluster_id.push(None);
            c.source_id.push(None);
            c.rule.push(claim.rule.name());
        }

        let q = &mut self.quantities;
        for (i, quantity) in doc.quantities.iter().enumerate() {
            q.doc_id.push(&doc.id);
            q.quantity_id.push(i as i64);
            q.claim_id.push(quantity.claim.map(|c| c as i64));
            q.sentence_id.push(quantity.sentence as i64);
            q.text.push(quantity.span.slice(text));
            q.value.push(quantity.value);
            q.low.push(quantity.low);
            q.high.push(quantity.high);
            q.qualifier.push(quantity.qualifier.as_str());
            q.unit.push(&quantity.unit);
            q.counted.push_opt(quantity.counted.as_deref());
            q.subject.push_opt(quantity.subject.as_deref());
            q.direction.push(quantity.direction);
            q.start.push(chars.char_at(quantity.span.byte_start));
            q.end.push(chars.char_at(quantity.span.byte_end));
            q.date.push_opt(quantity.date.as_deref());
            q.rule.push(quantity.rule.name());
        }

        let s = &mut self.sentences;
        for (i, sentence) in doc.sentences.iter().enumerate() {
            s.doc_id.push(&doc.id);
            s.sentence_id.push(i as i64);
            s.start.push(chars.char_at(sentence.span.byte_start));
            s.end.push(chars.char_at(sentence.span.byte_end));
            s.text.push(sentence.span.slice(text));
            s.is_caption.push(sentence.is_caption);
        }
    }

    /// The rows of `parts` one after another.
    pub fn concat(parts: Vec<Tables>) -> Tables {
        let mut all = Tables::default();
        for part in parts {
            all.append(part);
        }
        all
    }
}

/// The fixed vocabulary of every categorical column as `(table, column, values)`: the values
/// the core can write there, whatever the data holds, in a stable order. The Python package
/// makes them the columns' pandas categories, so that two runs concatenate as categories.
///
/// `unit` is every base unit (the lexicon's unit words and currencies, and the names the
/// number reader gives itself: "count", "percent", "fraction", "point", "year of age",
/// "pound-mass") and each of them "per" each rate denominator ("USD per month").
pub fn vocabularies() -> Vec<(&'static str, &'static str, Vec<String>)> {
    use crate::document::{ClaimKind, Qualifier};
    use crate::identity::SourceType;
    use crate::lexicon::numbers as n;
    use crate::rules::{Stage, RULES};
    let owned = |values: &mut dyn Iterator<Item = &'static str>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in values {
            if !out.iter().any(|o| o == v) {
                out.push(v.to_owned());
            }
        }
        out
    };
    let rules = |stage: Stage| {
        owned(
            &mut RULES
                .iter()
                .filter(|r| r.stage == stage && !r.rule.is_modifier())
                .map(|r| r.name),
        )
    };
    // Names the number reader (`quantity`) writes itself, not from a lexicon table.
    const READER_UNITS: &[&str] = &[
        "count",
        "percent",
        "fraction",
        "point",
        "year of age",
        "pound-mass",
    ];
    let mut bases = owned(
        &mut READER_UNITS.iter().copied().chain(
            [
                n::UNIT_WORDS,
                n::CASED_UNITS,
                n::CURRENCY_PREFIXES,
                n::DOLLAR_HOSTS,
                n::DOLLAR_DATELINES,
                n::DOLLAR_AGENCIES,
            ]
            .into_iter()
            .flatten()
            .map(|(_, unit)| *unit),
        ),
    );
    let denominators = owned(&mut n::RATE_DENOMINATORS.iter().map(|(_, d)| *d));
    let rates: Vec<String> = bases
        .iter()
        .flat_map(|b| denominators.iter().map(move |d| format!("{b} per {d}")))
        .collect();
    for rate in rates {
        // A lexicon unit may itself be a rate ("kilometre per hour").
        if !bases.contains(&rate) {
            bases.push(rate);
        }
    }
    vec![
        (
            "claims",
            "kind",
            owned(&mut ClaimKind::ALL.iter().map(|k| k.as_str())),
        ),
        ("claims", "rule", rules(Stage::Claims)),
        (
            "quantities",
            "qualifier",
            owned(&mut Qualifier::ALL.iter().map(|q| q.as_str())),
        ),
        ("quantities", "unit", bases),
        (
            "quantities",
            "direction",
            owned(&mut ["up", "down"].into_iter()),
        ),
        ("quantities", "rule", rules(Stage::Quantities)),
        (
            "sources",
            "type",
            owned(&mut SourceType::ALL.iter().map(|t| t.as_str())),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_categorical_value_written_is_in_its_vocabulary() {
        let vocab = vocabularies();
        let of = |table: &str, column: &str| -> &Vec<String> {
            &vocab
                .iter()
                .find(|(t, c, _)| *t == table && *c == column)
                .unwrap()
                .2
        };
        let mut raws = Vec::new();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                raws.push(crate::raw_from_text(
                    raws.len().to_string(),
                    text,
                    None,
                    None,
                ));
            }
        }
        raws.push(crate::raw_from_text(
            "rates".into(),
            "Rents rose 5% to $3500 a month, officials said. Oil fell to US$58.24 per barrel. \
             Aged 34, he ran 40 to 50 hours a week. Dozens of tonnes of aid arrived. The Dow lost 190 points."
                .into(),
            None,
            None,
        ));
        let t = crate::extract_batch(&raws, &crate::Options::default(), Some(1)).unwrap();
        assert!(t.quantities.qualifier.len() > 20 && t.claims.kind.len() > 20);
        // `push_document` fills every column of every table, and `sources` is built whole.
        for rows in [
            t.documents.column_rows(),
            t.claims.column_rows(),
            t.quantities.column_rows(),
            t.sentences.column_rows(),
            t.sources.column_rows(),
        ] {
            assert!(rows.iter().all(|&n| n == rows[0] && n > 0), "{rows:?}");
        }
        let check = |table: &str, column: &str, values: Vec<&str>| {
            for v in values {
                assert!(
                    of(table, column).iter().any(|o| o == v),
                    "{table}.{column}: {v:?} not in its vocabulary"
                );
            }
        };
        check("claims", "kind", t.claims.kind.clone());
        check("claims", "rule", t.claims.rule.clone());
        check("quantities", "qualifier", t.quantities.qualifier.clone());
        check(
            "quantities",
            "unit",
            t.quantities.unit.iter().flatten().collect(),
        );
        check(
            "quantities",
            "direction",
            t.quantities.direction.iter().flatten().copied().collect(),
        );
        check("quantities", "rule", t.quantities.rule.clone());
        check("sources", "type", t.sources.r#type.clone());
        assert!(of("quantities", "unit")
            .iter()
            .any(|u| u == "USD per month"));
    }

    #[test]
    fn columns_lists_every_table_and_column_in_output_order() {
        fn names(columns: &[(&'static str, &'static str)]) -> Vec<&'static str> {
            columns.iter().map(|c| c.0).collect()
        }
        assert_eq!(
            COLUMNS.iter().map(|t| t.0).collect::<Vec<_>>(),
            ["documents", "claims", "quantities", "sentences", "sources"]
        );
        assert_eq!(
            names(SourcesTable::COLUMNS),
            [
                "source_id",
                "name",
                "type",
                "aliases",
                "roles",
                "documents",
                "claims"
            ]
        );
        assert_eq!(ClaimsTable::COLUMNS[20], ("source_id", "int64"));
        assert_eq!(QuantitiesTable::COLUMNS[5], ("value", "float64"));
        let moved = Tables::default().into_columns();
        for ((table, columns), (name, declared)) in moved.iter().zip(COLUMNS) {
            assert_eq!(table, name);
            assert_eq!(
                columns.iter().map(|c| c.0).collect::<Vec<_>>(),
                names(declared)
            );
        }
    }

    #[test]
    fn a_string_column_keeps_rows_and_nulls_in_arrow_layout() {
        let mut column = StrColumn::new();
        column.push("Lavrov");
        column.push_opt(None);
        column.push("");
        assert_eq!(column.len(), 3);
        assert_eq!(
            column.iter().collect::<Vec<_>>(),
            [Some("Lavrov"), None, Some("")]
        );
        assert_eq!(column.get(3), None);
        let mut more: StrColumn = [Some("Peskov"), None].into_iter().collect();
        more.push("SANA");
        column.extend(more);
        assert_eq!(
            column.iter().collect::<Vec<_>>(),
            [
                Some("Lavrov"),
                None,
                Some(""),
                Some("Peskov"),
                None,
                Some("SANA")
            ]
        );
        let (offsets, data, valid) = column.into_arrow_parts();
        assert_eq!(offsets, [0, 6, 6, 6, 12, 12, 16]);
        assert_eq!(data, b"LavrovPeskovSANA");
        assert_eq!(valid, Some(vec![true, false, true, true, false, true]));
    }

    #[test]
    fn a_string_column_without_nulls_has_no_validity_and_compares_by_rows() {
        let mut all: StrColumn = ["a", "bc"].into_iter().collect();
        all.extend(["d"].into_iter().collect());
        assert_eq!(all.clone().into_arrow_parts().2, None);
        let same: StrColumn = [Some("a"), Some("bc"), Some("d")].into_iter().collect();
        assert_eq!(all, same);
        assert_eq!(format!("{all:?}"), r#"[Some("a"), Some("bc"), Some("d")]"#);
    }

    #[test]
    fn char_offsets_for_non_ascii() {
        let text = "“é” 😀 ok";
        let chars = CharOffsets::new(text);
        let ok = text.find("ok").unwrap();
        assert_eq!(chars.char_at(ok), 6);
        assert_eq!(chars.char_at(text.len()), 8);
        assert_eq!(CharOffsets::new("ascii").char_at(3), 3);
    }

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "Assad’s “forces” took 93% of Aleppo — 1½ km², 😀 said Zoë.";
        let chars = CharOffsets::new(text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(chars.char_at(byte), n as i64, "byte {byte}");
        }
        assert_eq!(chars.char_at(text.len()), text.chars().count() as i64);
    }
}
