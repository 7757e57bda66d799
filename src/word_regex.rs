//! Regexes with word boundaries (`\b`) that stay on the regex crate's fast engine.
//!
//! Takes a pattern written with ordinary (Unicode) `\b`; gives a [`WordRegex`] holding it twice:
//! as written, and with every `\b` made ASCII (`(?-u:\b)`). With a Unicode `\b` the regex crate's
//! lazy DFA gives up at the first non-ASCII byte of the haystack — and news text is full of them
//! (curly quotes, dashes, “£”) — so every search falls back to the backtracker or the Pike VM:
//! `via::find_via` alone was a fifth of all instructions (callgrind, seeds + 200 PolNeAR texts).
//!
//! The two regexes find exactly the same matches on a haystack whose non-ASCII characters are all
//! non-word characters (quotes, dashes, currency signs, spaces): both `\b`s then see the same
//! word/non-word sequence. [`WordRegex::on`] picks the ASCII one for such a haystack and the
//! Unicode one when the haystack holds a non-ASCII letter or digit ("Müller said", "Erdoğan"),
//! so results are identical to the Unicode pattern's by construction. It does not change what a
//! pattern means; it only chooses the engine.

use std::sync::LazyLock;

use regex::Regex;

/// A pattern compiled with Unicode and with ASCII word boundaries; see the module docs.
#[derive(Debug, Clone)]
pub struct WordRegex {
    unicode: Regex,
    ascii: Regex,
}

/// A non-ASCII word character, as the regex crate's Unicode `\w` (and so `\b`) defines it.
static NON_ASCII_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").unwrap());

/// Whether `hay` has a non-ASCII letter, digit or mark, where ASCII and Unicode `\b` can differ.
pub fn has_non_ascii_word(hay: &str) -> bool {
    !hay.is_ascii() && NON_ASCII_WORD.is_match(hay)
}

/// `pattern` with each `\b` (not an escaped backslash followed by `b`) made ASCII.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

impl WordRegex {
    /// Compiles `pattern` (written with Unicode `\b`) both ways.
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Ok(Self {
            unicode: Regex::new(pattern)?,
            ascii: Regex::new(&ascii_boundaries(pattern))?,
        })
    }

    /// The regex to search `hay` with: the ASCII-boundary one unless `hay` has a non-ASCII word
    /// character. Pass the whole haystack the search will see (including text before a
    /// `find_at` start, which `\b` looks at).
    pub fn on(&self, hay: &str) -> &Regex {
        if has_non_ascii_word(hay) {
            &self.unicode
        } else {
            &self.ascii
        }
    }

    /// The pattern as written (Unicode boundaries).
    pub fn as_str(&self) -> &str {
        self.unicode.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_become_ascii_but_escapes_stay() {
        assert_eq!(ascii_boundaries(r"\bsaid\b"), r"(?-u:\b)said(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b\s"), r"a\\b\s");
    }

    #[test]
    fn non_ascii_letters_take_the_unicode_regex() {
        // ASCII `\b` sees a boundary between "M" and "ü"; Unicode `\b` does not.
        let r = WordRegex::new(r"\b(?:ller|said)\b").unwrap();
        let hay = "Müller said";
        assert!(has_non_ascii_word(hay));
        let found: Vec<&str> = r.on(hay).find_iter(hay).map(|m| m.as_str()).collect();
        assert_eq!(found, ["said"]);
        let ascii = Regex::new(&ascii_boundaries(r"\b(?:ller|said)\b")).unwrap();
        assert_eq!(ascii.find(hay).unwrap().as_str(), "ller");
        // Curly quotes and dashes are not word characters: the fast regex is exact there.
        let hay = "“It is over” — Mr Smith said";
        assert!(!has_non_ascii_word(hay));
        assert_eq!(r.on(hay).find(hay).unwrap().as_str(), "said");
        assert!(has_non_ascii_word("Erdoğan said"));
        assert!(has_non_ascii_word("a naïve plan"));
        assert!(!has_non_ascii_word("£5m, €3bn"));
    }
}
