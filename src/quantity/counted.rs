//! What a number counts: the head of the noun phrase after it ("10,500 people" -> people;
//! "15 more eastern Aleppo neighborhoods" -> neighborhoods; "93 percent of the whole
//! northwestern city" -> city).

use crate::lexicon::numbers::{COUNTED_SKIP, COUNTED_STOP};

/// Longest noun phrase, in words, read after a number.
const MAX_PHRASE_WORDS: usize = 5;

/// The head noun of the phrase starting at byte `from`, up to `limit`.
pub fn counted_after(text: &str, from: usize, limit: usize) -> Option<String> {
    let rest = &text[from..limit];
    let mut head: Option<&str> = None;
    let mut taken = 0;
    for raw in rest.split_whitespace() {
        let word =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        let ends_phrase = raw.ends_with([',', '.', ';', ':', ')', '”', '"', '?', '!']);
        let lower = word.to_lowercase();
        if word.is_empty() || word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        if taken == 0 && COUNTED_SKIP.contains(&lower.as_str()) {
            if ends_phrase {
                break;
            }
            continue;
        }
        if COUNTED_STOP.contains(&lower.as_str()) {
            break;
        }
        head = Some(word.trim_end_matches("’s").trim_end_matches("'s"));
        taken += 1;
        if ends_phrase || taken >= MAX_PHRASE_WORDS {
            break;
        }
    }
    head.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(s: &str) -> Option<String> {
        counted_after(s, 0, s.len())
    }

    #[test]
    fn heads() {
        assert_eq!(counted(" people, including").as_deref(), Some("people"));
        assert_eq!(
            counted(" more eastern Aleppo neighborhoods in the last").as_deref(),
            Some("neighborhoods")
        );
        assert_eq!(
            counted(" districts of eastern Aleppo").as_deref(),
            Some("districts")
        );
        assert_eq!(
            counted(" of the whole northwestern city, Russia says").as_deref(),
            Some("city")
        );
        assert_eq!(counted(" of Aleppo").as_deref(), Some("Aleppo"));
        assert_eq!(counted(". Next"), None);
    }
}
