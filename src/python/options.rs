//! Arguments in: the options the Python layer passes (`PyOptions`, built into core `Options`
//! with the compiled attribution words cached between calls), a Python str to a `String` (lone
//! surrogates replaced one for one) and an input format by name.
//!
//! Owns only the checks and conversions of arguments while attached; it must not run the
//! pipeline (`extract`) nor build columns (`columns`).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::to_py_err;
use crate::document::InputFormat;
use crate::options::Options;

/// Options as the Python layer passes them (keyword arguments of `extract_texts`/`extract_paths`).
pub(super) struct PyOptions {
    pub(super) boilerplate: Vec<String>,
    pub(super) max_document_bytes: usize,
    pub(super) min_quote_words: usize,
    pub(super) implied_quantities: bool,
    pub(super) cue_verbs: Vec<String>,
    pub(super) source_titles: Vec<String>,
    /// Languages whose quotation marks pair; `None`: the default (English and French).
    pub(super) quote_marks: Option<Vec<String>>,
    /// Names of rules switched off (`crate::rules`).
    pub(super) disable_rules: Vec<String>,
}

/// The last attribution words (and quote mark languages) compiled and their tables: an
/// `Extractor` passes the same words on every call, and compiling the cue regex again each time
/// would cost more than a small batch.
type LexiconCache = Option<(Vec<String>, Vec<String>, Option<Vec<String>>, Options)>;
static LEXICON_CACHE: std::sync::Mutex<LexiconCache> = std::sync::Mutex::new(None);

pub(super) fn build_options(o: PyOptions) -> PyResult<Options> {
    let boilerplate = o.boilerplate;
    let disable_rules = o.disable_rules;
    let mut options = Options {
        max_document_bytes: o.max_document_bytes,
        min_quote_words: o.min_quote_words,
        implied_quantities: o.implied_quantities,
        ..Options::default()
    }
    .with_boilerplate(&boilerplate)
    .and_then(|o| o.with_disabled_rules(&disable_rules))
    .map_err(to_py_err)?;
    if o.cue_verbs.is_empty() && o.source_titles.is_empty() && o.quote_marks.is_none() {
        return Ok(options);
    }
    let mut cache = LEXICON_CACHE.lock().unwrap_or_else(|e| e.into_inner());
    match &*cache {
        Some((c, t, q, cached))
            if *c == o.cue_verbs && *t == o.source_titles && *q == o.quote_marks =>
        {
            options.attribution = cached.attribution.clone();
        }
        _ => {
            let mut built = Options::default()
                .with_attribution_words(&o.cue_verbs, &o.source_titles)
                .map_err(to_py_err)?;
            if let Some(languages) = &o.quote_marks {
                built = built.with_quote_marks(languages).map_err(to_py_err)?;
            }
            options.attribution = built.attribution.clone();
            *cache = Some((o.cue_verbs, o.source_titles, o.quote_marks, built));
        }
    }
    Ok(options)
}

/// Item `i` of the Python iterable `name` as a `String`, raising `TypeError` that names a
/// non-str item; `true` when the str held lone surrogates (`json.loads` gives them for
/// "\ud800"): those are replaced by U+FFFD, one character for one, so offsets still match.
pub(super) fn string(name: &str, i: usize, item: &Bound<'_, PyAny>) -> PyResult<(String, bool)> {
    match item.extract::<String>() {
        Ok(s) => Ok((s, false)),
        Err(_) if item.is_instance_of::<PyString>() => {
            let bytes = item.call_method1("encode", ("utf-8", "surrogatepass"))?;
            Ok((
                replace_surrogates(bytes.cast::<PyBytes>()?.as_bytes()),
                true,
            ))
        }
        Err(_) => {
            let type_name = item.get_type().name()?;
            Err(PyTypeError::new_err(format!(
                "{name}[{i}] is {type_name}, not str"
            )))
        }
    }
}

/// UTF-8 with surrogates (each encoded in 3 bytes by "surrogatepass") to text with one U+FFFD
/// per surrogate; pyo3's `to_string_lossy` would insert three.
fn replace_surrogates(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                bytes = &rest[rest.len().min(3)..];
            }
        }
    }
}

/// The input format named by `name` ("text" or "html"), or `ValueError` naming item `i`.
pub(super) fn input_format(i: usize, name: &str) -> PyResult<InputFormat> {
    match name {
        "text" => Ok(InputFormat::Text),
        "html" => Ok(InputFormat::Html),
        other => Err(PyValueError::new_err(format!(
            "formats[{i}] is {other:?}; expected \"text\" or \"html\""
        ))),
    }
}
