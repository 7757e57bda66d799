//! Rule `implied_share` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/implied_share.toml`. Adds a share stated without a number ("full control of X" =
//! 100 percent of X, `TOTALITY_PHRASES`), qualifier `implied`; only with
//! `Options::implied_quantities`.
//!
//! Written for seeds/004: "The Syrian military has wrested full control of the militant-held
//! eastern Aleppo, scoring a major victory against terrorists in the strategic northwestern city,
//! Russia says."
//!
//! It runs after the sentence's numbers are read and only inserts rows; it must not change the
//! quantities found by the other readings, nor add a share where the phrase holds a number.

use super::super::*;

/// "full control of", "complete control over" (`TOTALITY_PHRASES`) followed by what is held.
static TOTALITY: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = crate::lexicon::alternation(TOTALITY_PHRASES.iter().map(|(w, _)| *w));
    Regex::new(&format!(r"(?i)\b({phrases})\s+(?:of|over)\s")).unwrap()
});

/// Adds the shares a phrase implies without a number (`TOTALITY_PHRASES`: "wrested full
/// control of the militant-held eastern Aleppo" -> 100 percent of Aleppo, qualifier
/// `implied`) to the quantities of sentence `s`, keeping `out` in text order. Only when the
/// phrase holds no number already found ("full control of 50 neighborhoods" counts those).
/// Runs when `Options::implied_quantities` is set.
pub fn implied_shares(text: &str, s: Span, index: usize, out: &mut Vec<Quantity>) {
    let first_of_sentence = out.partition_point(|q| q.sentence < index);
    for m in TOTALITY.captures_iter(&text[..s.byte_end]) {
        let (whole, phrase) = (m.get(0).unwrap(), m.get(1).unwrap());
        if phrase.start() < s.byte_start {
            continue;
        }
        let counted = counted::phrase_head(text, whole.end(), s.byte_end);
        let numbered = out[first_of_sentence..]
            .iter()
            .any(|q| q.span.byte_start >= whole.end() && q.span.byte_start - whole.end() < 4);
        let Some(counted) = counted.filter(|_| !numbered) else {
            continue;
        };
        let value = TOTALITY_PHRASES
            .iter()
            .find(|(w, _)| normalize_space(phrase.as_str()).eq_ignore_ascii_case(w))
            .map_or(100.0, |(_, v)| *v);
        let at = first_of_sentence
            + out[first_of_sentence..].partition_point(|q| q.span.byte_start < phrase.start());
        out.insert(
            at,
            Quantity {
                span: Span::new(phrase.start(), phrase.end()),
                value: Some(value),
                low: None,
                high: None,
                qualifier: Qualifier::Implied,
                unit: "percent".to_owned(),
                counted: Some(counted),
                subject: None,
                direction: None,
                sentence: index,
                claim: None,
                date: None,
                rule: Rule::ImpliedShare,
            },
        );
    }
}
