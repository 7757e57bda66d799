//! Source phrases: the words naming a source, split into a name and a role.
//!
//! "Russian Defense Ministry official Sergei Rudskoi" -> name "Sergei Rudskoi", role "Russian
//! Defense Ministry official"; "Major-General Igor Konashenkov, a spokesman for the Russian Defense
//! Ministry" -> name "Igor Konashenkov", role "Major-General, a spokesman for the Russian Defense
//! Ministry"; "he" -> "he" (resolved later); "A French diplomatic source" stays as written.

use crate::document::Span;
use crate::lexicon::sources::{
    COLLECTIVE_SOURCES, NAME_DESCRIPTORS, NEWS_OUTLETS, PRONOUNS, SOURCE_DETERMINERS,
};

use crate::lexicon::Lexicon;

/// A source phrase found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceChunk {
    /// The words as written (name and title; appositive roles excluded).
    pub span: Span,
    /// The name, without titles ("Igor Konashenkov"), or the phrase as written.
    pub name: String,
    /// Titles and roles.
    pub role: Option<String>,
}

/// Longest phrase, in words, taken as a source.
const MAX_SOURCE_WORDS: usize = 12;

/// Reads a source phrase that starts at byte `offset` of the document text. `after_cue` phrases ("said X, a
/// spokesman ...") end at the first comma, and an appositive after it becomes the role.
pub fn chunk_source(
    lx: &Lexicon,
    offset: usize,
    phrase: &str,
    after_cue: bool,
) -> Option<SourceChunk> {
    let (head, appositive) = match (after_cue, phrase.find(',')) {
        (true, Some(comma)) => (&phrase[..comma], Some(phrase[comma + 1..].trim())),
        _ => (phrase, None),
    };
    let lead = head.len() - head.trim_start().len();
    let head = head.trim();
    if head.is_empty() || head.split_whitespace().count() > MAX_SOURCE_WORDS {
        return None;
    }
    let span = Span::new(offset + lead, offset + lead + head.len());
    let appositive_role = appositive
        .filter(|a| is_appositive_role(a))
        .map(|a| a.to_owned());
    let lower = head.to_lowercase();
    if PRONOUNS.iter().any(|(p, _)| *p == lower) {
        return Some(SourceChunk {
            span,
            name: lower,
            role: appositive_role,
        });
    }
    let first = head.chars().next()?;
    let first_word = head.split_whitespace().next().unwrap_or("");
    let last_capitalised = head
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "former President Bill Clinton", "host Bill Maher".
    if !(first.is_uppercase()
        || last_capitalised && head.split_whitespace().count() >= 3
        || SOURCE_DETERMINERS.contains(&first_word)
        || first.is_ascii_digit() && head.split_whitespace().count() >= 2
        || COLLECTIVE_SOURCES.contains(&first_word)
        // "legal experts say", "Republican party officials said".
        || head.split_whitespace().count() <= 3
            && head
                .split_whitespace()
                .last()
                .is_some_and(|w| COLLECTIVE_SOURCES.contains(&w.to_lowercase().as_str()))
        || NEWS_OUTLETS.contains(&first_word))
    {
        return None;
    }
    // "SANA news agency", "dpa news agency": the descriptor is a role, the name is before it.
    if let Some((name, descriptor)) = strip_descriptor(head) {
        return Some(SourceChunk {
            span,
            name: name.to_owned(),
            role: join_roles([Some(descriptor), appositive_role.as_deref()]),
        });
    }
    let (titles, rest) = strip_titles(lx, head);
    let (name, pre_role) = split_name(lx, rest);
    let role = join_roles([titles, pre_role, appositive_role.as_deref()]);
    Some(SourceChunk {
        span,
        name: name.to_owned(),
        role,
    })
}

/// "SANA news agency" -> ("SANA", "news agency"); only when one to three words precede the
/// descriptor and the first is a name (capitalised, or a lower-case brand like "dpa").
fn strip_descriptor(head: &str) -> Option<(&str, &str)> {
    NAME_DESCRIPTORS.iter().find_map(|d| {
        let name = head.strip_suffix(d)?.strip_suffix(' ')?;
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        let words = name.split_whitespace().count();
        let ok = (1..=3).contains(&words)
            && !matches!(name, "the" | "The" | "a" | "A" | "an" | "An")
            && !name
                .split_whitespace()
                .any(|w| w.chars().all(char::is_lowercase) && w.len() > 3 && !w.contains('-'));
        ok.then(|| (name, &head[head.len() - d.len()..]))
    })
}

/// Whether `s` starts an appositive role ("a spokesman for ...").
pub fn starts_appositive(s: &str) -> bool {
    is_appositive_role(s.trim())
}

/// An appositive role starts with an article and a lower-case word ("a spokesman for ...").
fn is_appositive_role(s: &str) -> bool {
    let mut words = s.split_whitespace();
    matches!(words.next(), Some("a" | "an" | "the"))
        && words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// Leading titles ("Major-General", "Dr.") split off the phrase.
fn strip_titles<'a>(lx: &Lexicon, phrase: &'a str) -> (Option<&'a str>, &'a str) {
    let mut rest = phrase;
    loop {
        let found = lx.titles().find(|t| {
            rest.strip_prefix(*t).is_some_and(|r| {
                r.starts_with(' ')
                    && r.trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
        });
        match found {
            Some(t) => rest = rest[t.len()..].trim_start(),
            None => break,
        }
    }
    let titles = phrase[..phrase.len() - rest.len()].trim();
    ((!titles.is_empty()).then_some(titles), rest)
}

/// Splits "Russian Defense Ministry official Sergei Rudskoi" into the trailing capitalised name
/// and the words before it. A phrase that does not end in a capitalised run is kept whole.
fn split_name<'a>(lx: &Lexicon, phrase: &'a str) -> (&'a str, Option<&'a str>) {
    let words: Vec<(usize, &str)> = phrase
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || w.strip_prefix("al-")
                .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
            || matches!(
                w,
                "al-" | "bin" | "de" | "van" | "von" | "of" | "for" | "in"
            )
    };
    let mut first = words.len();
    while first > 0 && is_name_word(words[first - 1].1) {
        first -= 1;
    }
    // Connectives cannot start a name ("of the Russian ..."); the run starts after them.
    while first < words.len()
        && !words[first]
            .1
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        first += 1;
    }
    // A title inside the capitalised run ends the role: "Turkish Foreign Minister Mevlut
    // Cavusoglu", "Syrian President Bashar al-Assad". The whole title, not its last word: "The
    // State Department" holds the "State" of "Secretary of State" and no title.
    let title_end = (first.min(words.len())..words.len().saturating_sub(1))
        .rev()
        .find(|&k| {
            let upto = &phrase[..words[k].0 + words[k].1.len()];
            lx.titles().any(|t| {
                upto.strip_suffix(t)
                    .is_some_and(|before| before.is_empty() || before.ends_with(' '))
                    && t.chars().next().is_some_and(char::is_uppercase)
            }) && words[k + 1]
                .1
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    if let Some(k) = title_end {
        let name_start = words[k + 1].0;
        let role = phrase[..name_start].trim();
        let role = role
            .strip_prefix("the ")
            .or_else(|| role.strip_prefix("The "))
            .unwrap_or(role);
        return (&phrase[name_start..], Some(role));
    }
    if first == words.len() || first == 0 {
        return (
            phrase.trim_start_matches("the ").trim_start_matches("The "),
            None,
        );
    }
    let pre = phrase[..words[first].0].trim();
    if matches!(pre, "the" | "The") {
        return (&phrase[words[first].0..], None);
    }
    // A lower-case word before the run is a role ("official"); an article means the run is part
    // of a description ("the head of the Syrian Observatory"), kept whole.
    match words[first - 1].1 {
        "the" | "a" | "an" | "of" | "for" => (phrase, None),
        _ => {
            let pre = pre
                .strip_prefix("the ")
                .or_else(|| pre.strip_prefix("The "))
                .unwrap_or(pre);
            (&phrase[words[first].0..], Some(pre))
        }
    }
}

fn join_roles<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let parts: Vec<&str> = parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(phrase: &str, after_cue: bool) -> (String, Option<String>) {
        let c = chunk_source(Lexicon::shared(), 0, phrase, after_cue).unwrap();
        (c.name, c.role)
    }

    #[test]
    fn names_and_roles() {
        assert_eq!(
            chunk(
                "Major-General Igor Konashenkov, a spokesman for the Russian Defense Ministry",
                true
            ),
            (
                "Igor Konashenkov".into(),
                Some("Major-General, a spokesman for the Russian Defense Ministry".into())
            )
        );
        assert_eq!(
            chunk("Russian Defense Ministry official Sergei Rudskoi", false),
            (
                "Sergei Rudskoi".into(),
                Some("Russian Defense Ministry official".into())
            )
        );
        assert_eq!(
            chunk("Foreign Ministry spokeswoman Maria Zakharova", false).0,
            "Maria Zakharova"
        );
        assert_eq!(chunk("he", false), ("he".into(), None));
        assert_eq!(
            chunk("the Russian Defense Ministry", false).0,
            "Russian Defense Ministry"
        );
        assert_eq!(
            chunk("A French diplomatic source", false).0,
            "A French diplomatic source"
        );
        assert_eq!(
            chunk("Turkish Foreign Minister Mevlut Cavusoglu", false),
            (
                "Mevlut Cavusoglu".into(),
                Some("Turkish Foreign Minister".into())
            )
        );
        assert_eq!(
            chunk("SANA news agency", false),
            ("SANA".into(), Some("news agency".into()))
        );
        assert_eq!(
            chunk(
                "Russian Defense Ministry's Center for Reconciliation in Syria",
                false
            )
            .0,
            "Russian Defense Ministry's Center for Reconciliation in Syria"
        );
    }

    #[test]
    fn lowercase_clauses_are_not_sources() {
        assert!(chunk_source(Lexicon::shared(), 0, "which is why", false).is_none());
    }

    #[test]
    fn a_title_counts_whole_not_by_its_last_word() {
        // PolNeAR and BBC: "The State Department said" gave the source "Department", role "State"
        // (the last word of "Secretary of State").
        assert_eq!(
            chunk("The State Department", false),
            ("State Department".into(), None)
        );
        assert_eq!(
            chunk("US Secretary of State John Kerry", false),
            ("John Kerry".into(), Some("US Secretary of State".into()))
        );
        assert_eq!(
            chunk("Indiana State Police", false).0,
            "Indiana State Police"
        );
    }
}
