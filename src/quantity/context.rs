//! The context checks that decide whether digits are a quantity at all: part of a word, a code, a
//! URL or a footnote (`digits_stand_alone`; a numeric date or a clock time in the token only with
//! the rule `time_or_date`, whose checks are in `rules/time_or_date.rs`), a name ("iPhone 14", `is_part_of_name`, `is_named_number`), an age after a name (`is_age_apposition`) or a house
//! number (`is_street_number`).
//!
//! Each check only answers yes or no from the text around the number; it must not fill a
//! quantity's value, unit or qualifier (the readings under `rules/` do).

use super::rules::time_or_date::TIMESTAMP_TOKEN;
use super::*;

/// Digits are not part of a word, a code, a URL or a footnote marker, nor (with `dates`, the rule
/// `time_or_date`) of a clock time or a numeric date (`TIMESTAMP_TOKEN`).
pub(super) fn digits_stand_alone(
    text: &str,
    s: Span,
    start: usize,
    num_start: usize,
    num_end: usize,
    dates: bool,
) -> bool {
    // "sub-300 sq m office space", "sub-7 nanometer ICs".
    let sub = ends_with_ignore_case(&text[..start], "sub-");
    if !sub
        && before_char(text, start).is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | ':' | '#' | '@' | '-' | '–')
        })
        // "100-500", "1000–5000": a dash between numbers joins a range.
        && !(start > s.byte_start
            && before_char(text, start)
                .filter(|c| matches!(c, '-' | '–'))
                .is_some_and(|dash| after_number(text, start - dash.len_utf8())))
    {
        return false;
    }
    let after = &text[num_end..];
    if after.starts_with(['/', ':', '_', '@'])
        && after[1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // "[1]" footnote markers.
    if before_char(text, num_start) == Some('[') && after.starts_with(']') {
        return false;
    }
    // Inside a URL or an address: the whitespace-delimited token holds "://", "www." or "@".
    let token_start = text[..num_start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token_end = num_end + after.find(char::is_whitespace).unwrap_or(after.len());
    let token = &text[token_start..token_end];
    !(token.contains("://")
        || token.contains("www.")
        || token.contains('@')
        || dates && TIMESTAMP_TOKEN.is_match(token))
}

/// Whether a plain number ends at byte `at` ("5" in "5-10W", not "38" in "a38-653c").
pub(super) fn after_number(text: &str, at: usize) -> bool {
    // "5%–10%": a percent sign may close the first number.
    let head = text[..at].strip_suffix('%').unwrap_or(&text[..at]);
    let run = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    run.len() < head.len() && !run.ends_with(|c: char| c.is_alphanumeric() || c == '-')
}

/// Whether a lowercase plural noun follows byte `at`: "1500 people", "15 civilians".
pub(super) fn plural_follows(text: &str, at: usize, limit: usize) -> bool {
    let next = next_word(text, at, limit);
    next.starts_with(|c: char| c.is_lowercase())
        && (next == "people" || next.len() > 3 && next.ends_with('s') && !next.ends_with("ss"))
}

/// "S&P 500", "Game 7", "category 4", "COVID-19": a number after a word of
/// `lexicon::numbers::NAMED_NUMBER_WORDS` names something.
pub(super) fn is_named_number(text: &str, s: Span, start: usize) -> bool {
    let word = text[s.byte_start..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NAMED_NUMBER_WORDS.contains(&word.as_str())
}

/// "Jamie Armstrong, 25, said", "Maddon, 66, has used": an age set off by commas after a
/// name belongs to the name, and "Dak Prescott (4)" is a shirt number.
pub(super) fn is_age_apposition(text: &str, s: Span, start: usize, end: usize) -> bool {
    let before = text[s.byte_start..start].trim_end();
    let after = &text[end..];
    if before.ends_with('(') && after.starts_with(')') {
        return true;
    }
    before.ends_with(',')
        && after.starts_with(',')
        && before[..before.len() - 1]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// A house number: the number ending at `end` is followed (after an optional "-18" of a
/// range) by at most four capitalised words or ordinals, the last a street type
/// (`lexicon::numbers::STREET_TYPES`): "9 E 71st St", "358 El Brillo Way", "22 Ave Foch",
/// "Unit 3 at 16-18 Industrial Avenue".
pub(super) fn is_street_number(text: &str, end: usize, limit: usize) -> bool {
    let mut rest = &text[end..limit];
    if let Some(r) = rest.strip_prefix(['-', '–']) {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    if !rest.starts_with(' ') {
        return false;
    }
    for (i, raw) in rest.split_whitespace().take(5).enumerate() {
        let word = raw.trim_end_matches([',', '.', ';']);
        let street = STREET_TYPES.contains(&word.to_ascii_lowercase().as_str());
        if street && word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return true;
        }
        let ordinal = word.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|o| word.ends_with(o));
        if i == 4 || word.len() < raw.len() || !(ordinal || word.starts_with(char::is_uppercase)) {
            return false;
        }
    }
    false
}

/// "iPhone 14", "S&P 500", "Stoxx 50", "Article 5", "No. 1": a bare integer right after a
/// capitalised word inside the sentence names something, it counts nothing.
pub(super) fn is_part_of_name(text: &str, s: Span, start: usize, num: &str) -> bool {
    if num.contains([',', '.']) {
        return false;
    }
    let before = &text[s.byte_start..start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() || trimmed.ends_with([',', ';', ':', '(', '"', '“']) {
        return false;
    }
    let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    if lower == "no." || lower == "number" || lower == "nos." {
        return true;
    }
    let word_start = s.byte_start + trimmed.len() - word.len();
    let sentence_initial = text[s.byte_start..word_start]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .is_empty();
    let capitalised = word.chars().next().is_some_and(|c| c.is_uppercase())
        || word.chars().skip(1).any(|c| c.is_uppercase());
    capitalised
        && !sentence_initial
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'))
        && month_number(word).is_none()
        && weekday(word).is_none()
        && !QUALIFIER_PHRASES.iter().any(|(p, _)| *p == lower)
}
