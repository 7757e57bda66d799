//! The `subject` of a quantity: the owner or topic the number is about, named in its sentence.
//!
//! Takes the text of the sentence before the number; gives the noun phrase that is the subject
//! of the verb the number belongs to:
//! - the possessor, when the subject has one: "Apple's revenue rose 5%" -> Apple;
//! - else the subject noun phrase, determiners dropped: "Ford has 13,000 workers" -> Ford,
//!   "core inflation rose 0.3%" -> core inflation, "the unemployment rate fell to 4.1%" ->
//!   unemployment rate.
//!
//! The number must hang on that verb: between them only the words of `SUBJECT_GAP_WORDS`
//! ("to", "by", "about", "a record"). Everything else is null, never a guess: a number in a
//! prepositional phrase ("in control of 93 percent of the city"), a number that is itself the
//! subject ("13,000 workers lost their jobs"), a pronoun subject ("it rose 5%"). What is counted
//! is `counted`'s job; the subject is whose count it is.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::join;
use crate::lexicon::numbers::{
    CHANGE_DOWN, CHANGE_UP, COUNTED_STOP, PHRASE_OPENERS, SUBJECT_AUXILIARIES, SUBJECT_GAP_WORDS,
    SUBJECT_VERBS,
};
use crate::time::{month_number, weekday};

/// The verbs a number hangs on and the words that stop a subject, as sets: the stage looks
/// up several words per number, and scanning the tables was most of its cost.
static VERBS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    SUBJECT_VERBS
        .iter()
        .chain(CHANGE_UP)
        .chain(CHANGE_DOWN)
        .copied()
        .collect()
});
static STOPS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| DETERMINERS.iter().chain(COUNTED_STOP).copied().collect());

/// Longest subject read, in words.
const MAX_WORDS: usize = 6;

/// Most words between the verb and the number (besides `SUBJECT_GAP_WORDS` right before it).
const MAX_OBJECT_WORDS: usize = 6;

/// Words that open a noun phrase or a clause and are not part of the subject: "the", "However
/// core inflation rose 0.3%" (`PHRASE_OPENERS`), and these.
const DETERMINERS: &[&str] =
    &join::<_, { PHRASE_OPENERS.len() + DETERMINER_WORDS.len() }>(PHRASE_OPENERS, DETERMINER_WORDS);
/// `DETERMINERS` besides `PHRASE_OPENERS`.
const DETERMINER_WORDS: &[&str] = &[
    "some", "each", "every", "all", "although", "though", "because", "if", "when", "since",
    "overall", "instead", "thus", "hence", "indeed",
];

/// Subjects that only point back: null rather than a guess at what they stand for.
const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "we", "i", "you", "which", "who", "that", "this", "there", "one",
    "these", "those", "them", "what",
];

/// The subject of the number starting at byte `start`, reading back to `floor` (the start of
/// the sentence or of the look-back window).
pub fn subject_before(text: &str, floor: usize, start: usize) -> Option<String> {
    let before = &text[floor..start];
    let clause_start = before
        .rfind([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words: Vec<&str> = before[clause_start..]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '&' | '\'' | '’'))
        })
        .filter(|w| !w.is_empty())
        .collect();
    let lower = |w: &str| w.to_lowercase();
    let mut i = words.len();
    // The gap between the verb and the number.
    let mut gap = 0;
    while i > 0 && gap < 4 && SUBJECT_GAP_WORDS.contains(&lower(words[i - 1]).as_str()) {
        i -= 1;
        gap += 1;
    }
    if i == 0 {
        return None;
    }
    let is_verb = |w: &str| VERBS.contains(w);
    // The verb the number hangs on: right before the gap, or, past an object of at most
    // `MAX_OBJECT_WORDS` words with no clause break ("OHSU has performed more than 700 heart
    // transplants", "The BMW Group is investing a total of 200 million"), the nearest word that
    // is a known verb or a participle after an auxiliary.
    let participle = |k: usize| {
        let w = lower(words[k]);
        k > 0
            && (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
            && SUBJECT_AUXILIARIES.contains(&lower(words[k - 1]).as_str())
    };
    let verb_at = (i.saturating_sub(MAX_OBJECT_WORDS + 1)..i)
        .rev()
        .find(|&k| is_verb(&lower(words[k])) || participle(k))?;
    i = verb_at;
    while i > 0 && {
        let w = lower(words[i - 1]);
        SUBJECT_AUXILIARIES.contains(&w.as_str()) || w.len() > 4 && w.ends_with("ly")
    } {
        i -= 1;
    }
    // The noun phrase, read backwards to a determiner, a stop word or the clause start.
    let end = i;
    while i > 0 && end - i < MAX_WORDS {
        let w = lower(words[i - 1]);
        if STOPS.contains(w.as_str())
            || is_verb(&w)
            || words[i - 1].starts_with(|c: char| c.is_ascii_digit())
            // "In March core inflation rose 0.3%": a date opens the clause.
            || month_number(words[i - 1]).is_some()
            || weekday(words[i - 1]).is_some()
        {
            break;
        }
        i -= 1;
    }
    let mut phrase = &words[i..end];
    // "Lampard who won four FA Cup finals": a relative pronoun stands for the name before it;
    // "The company also said it has more than 1000 customers": a pronoun after a speech verb
    // for the speaker.
    let first = if phrase.is_empty() { i } else { i + 1 };
    if phrase.len() <= 1 && first > 0 {
        let w = lower(words[first - 1]);
        let back = match w.as_str() {
            "who" | "which" | "that" => Some(first - 1),
            "it" | "they"
                if first > 1 && matches!(lower(words[first - 2]).as_str(), "said" | "says") =>
            {
                Some(first - 2)
            }
            _ => None,
        };
        if let Some(mut k) = back {
            while k > 0 && SUBJECT_AUXILIARIES.contains(&lower(words[k - 1]).as_str()) {
                k -= 1;
            }
            let stop = k;
            while k > 0 && stop - k < MAX_WORDS {
                let w = lower(words[k - 1]);
                if STOPS.contains(w.as_str())
                    || is_verb(&w)
                    || words[k - 1].starts_with(|c: char| c.is_ascii_digit())
                {
                    break;
                }
                k -= 1;
            }
            phrase = &words[k..stop];
        }
    }
    if phrase.is_empty() || phrase.len() == 1 && PRONOUNS.contains(&lower(phrase[0]).as_str()) {
        return None;
    }
    // "Apple's revenue" -> Apple: the possessor owns what is measured.
    let owner = phrase.iter().position(|w| {
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
    });
    let phrase = match owner {
        Some(k) => &phrase[..=k],
        None => phrase,
    };
    let mut out: Vec<&str> = phrase.to_vec();
    if let Some(last) = out.last_mut() {
        *last = last
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’']);
    }
    let out = out.join(" ");
    (out.chars().any(char::is_alphabetic) && !PRONOUNS.contains(&out.to_lowercase().as_str()))
        .then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(sentence: &str, number: &str) -> Option<String> {
        let at = sentence.find(number).unwrap();
        subject_before(sentence, 0, at)
    }

    #[test]
    fn the_issue_examples() {
        assert_eq!(
            subject("Apple's revenue rose 5% to $90 billion.", "5%").as_deref(),
            Some("Apple")
        );
        assert_eq!(
            subject("Ford has 13,000 workers in Michigan.", "13,000").as_deref(),
            Some("Ford")
        );
        assert_eq!(
            subject("In March core inflation rose 0.3%.", "0.3%").as_deref(),
            Some("core inflation")
        );
        assert_eq!(
            subject("The unemployment rate fell to 4.1% in May.", "4.1%").as_deref(),
            Some("unemployment rate")
        );
        // No subject the number hangs on: null.
        assert_eq!(subject("93 percent of the city was retaken.", "93"), None);
        // A number in the object of a verb is its subject's: the army controls the share.
        assert_eq!(
            subject(
                "Syrian army ground forces are now in control of 93 percent of the city.",
                "93"
            )
            .as_deref(),
            Some("Syrian army ground forces")
        );
        assert_eq!(subject("13,000 workers lost their jobs.", "13,000"), None);
        assert_eq!(subject("It rose 5% last year.", "5%"), None);
    }

    #[test]
    fn auxiliaries_and_qualifiers_between() {
        assert_eq!(
            subject("Tesla shares have been up nearly 57% this year.", "57%").as_deref(),
            Some("Tesla shares")
        );
        assert_eq!(
            subject(
                "The company's workforce is expected to reach about 20,000.",
                "20,000"
            )
            .as_deref(),
            Some("company")
        );
        assert_eq!(
            subject("The set will cost $200 in stores.", "$200").as_deref(),
            Some("set")
        );
    }
}
