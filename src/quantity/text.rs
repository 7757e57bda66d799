//! The small text helpers every reading of `quantity` shares: the word or character next to a
//! byte offset, ASCII case-insensitive prefix and suffix tests, and white space folded.
//!
//! Owns nothing but these; it must not know what a number, a unit or a qualifier is.

/// [`normalize_space`] without allocating when `s` is already one lower-case ASCII word.
pub(super) fn normalize_space_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(normalize_space(s))
    }
}

pub(super) fn normalize_space(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `text` starts with `prefix`, ASCII case-insensitively.
pub(super) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether `text` ends with `suffix`, ASCII case-insensitively (looks at the end only).
pub(super) fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Where the last `n` bytes before `at` start (not before `floor`), on a char boundary.
pub(super) fn tail_start(text: &str, floor: usize, at: usize, n: usize) -> usize {
    let mut from = floor.max(at.saturating_sub(n));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

pub(super) fn before_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

pub(super) fn after_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The word right before byte `at` (letters only), or "" at the start of the sentence.
pub(super) fn prev_word(text: &str, floor: usize, at: usize) -> &str {
    text[floor..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'')
        .next()
        .unwrap_or("")
}

/// The word right after byte `at`.
pub(super) fn next_word(text: &str, at: usize, limit: usize) -> &str {
    text[at..limit]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}
