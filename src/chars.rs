//! Character classes exactly as the regex crate reads them (`\p{L}`, `\p{Lu}`, `\w`, `\s`),
//! tested one character at a time, for the hand-written matchers that replace regexes whose
//! Unicode classes were costly to compile (a class repeated in a pattern is compiled into a
//! UTF-8 automaton once per repetition: `\((\p{Lu}{2,6})\)` alone cost 7.9 M instructions per
//! process).
//!
//! The ranges come from `regex_syntax`, the regex crate's own parser, so a class here can never
//! drift from the regex it replaces; ASCII is answered without a lookup. Owns nothing else: no
//! word lists, no patterns.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// The code point ranges of one class, sorted, as `regex_syntax` gives them.
struct Ranges(Box<[(u32, u32)]>);

impl Ranges {
    fn of(class: &str) -> Self {
        let hir = regex_syntax::Parser::new()
            .parse(class)
            .expect("a valid class");
        let HirKind::Class(Class::Unicode(unicode)) = hir.kind() else {
            unreachable!("{class} is a Unicode class");
        };
        Ranges(
            unicode
                .ranges()
                .iter()
                .map(|r| (r.start() as u32, r.end() as u32))
                .collect(),
        )
    }

    fn contains(&self, c: char) -> bool {
        let c = c as u32;
        self.0
            .binary_search_by(|&(low, high)| {
                if high < c {
                    std::cmp::Ordering::Less
                } else if low > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

/// A class function: ASCII by its own test, the rest by the class's ranges, parsed on first use.
macro_rules! class {
    ($(#[$doc:meta])* $name:ident, $class:literal, $ascii:expr) => {
        $(#[$doc])*
        #[inline]
        pub fn $name(c: char) -> bool {
            static RANGES: LazyLock<Ranges> = LazyLock::new(|| Ranges::of($class));
            if c.is_ascii() {
                $ascii(c)
            } else {
                RANGES.contains(c)
            }
        }
    };
}

class!(
    /// `\p{L}`: a letter of any script.
    is_letter,
    r"\p{L}",
    |c: char| c.is_ascii_alphabetic()
);
class!(
    /// `\p{Lu}`: an upper-case letter (general category Lu; not "Ⓐ" or "Ⅻ", which Rust's
    /// `char::is_uppercase` takes).
    is_uppercase_letter,
    r"\p{Lu}",
    |c: char| c.is_ascii_uppercase()
);
class!(
    /// `\w` with Unicode: letters, marks, digits, connector punctuation and joiners.
    is_word,
    r"\w",
    |c: char| c.is_ascii_alphanumeric() || c == '_'
);

/// `\s` with Unicode: the White_Space property, which `char::is_whitespace` also reads.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The length in bytes of the run of `\s` at the start of `s`.
#[inline]
pub fn space_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// The length in bytes of the run at the start of `s` whose characters satisfy `class`.
#[inline]
pub fn run_len(s: &str, class: impl Fn(char) -> bool) -> usize {
    s.find(|c: char| !class(c)).unwrap_or(s.len())
}

/// Strings for comparing a hand-written matcher with the regex it replaced: every line of the
/// seeds, then `count` strings of 1 to 12 `pieces` drawn by a fixed pseudo-random sequence.
#[cfg(test)]
pub fn sample_strings(pieces: &[&str], count: usize) -> Vec<String> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut out: Vec<String> = std::fs::read_dir(seeds)
        .unwrap()
        .flat_map(|e| {
            std::fs::read_to_string(e.unwrap().path())
                .unwrap_or_default()
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..count {
        let n = 1 + (next() % 12) as usize;
        out.push(
            (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point, against the regex that each function stands for.
    #[test]
    fn each_class_is_its_regex_on_every_code_point() {
        type Class = fn(char) -> bool;
        let classes: [(&str, Class); 4] = [
            (r"^\p{L}$", is_letter),
            (r"^\p{Lu}$", is_uppercase_letter),
            (r"^\w$", is_word),
            (r"^\s$", is_space),
        ];
        for (pattern, class) in classes {
            let regex = regex::Regex::new(pattern).unwrap();
            let mut buffer = [0u8; 4];
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                assert_eq!(
                    class(c),
                    regex.is_match(c.encode_utf8(&mut buffer)),
                    "{pattern} {c:?}"
                );
            }
        }
    }

    #[test]
    fn runs() {
        assert_eq!(space_len(" \u{a0}\tx"), 4);
        assert_eq!(run_len("Élysée, x", is_letter), "Élysée".len());
        assert_eq!(run_len("", is_letter), 0);
    }
}
