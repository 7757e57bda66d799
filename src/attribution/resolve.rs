//! A per-document memory of sources, to resolve pronouns ("he"), surnames ("Rudskoi"),
//! short names ("the Reconciliation Center's statement"), abbreviations ("The COI") and
//! descriptions ("the Russian official", "the statement", "the news agency") to the full name
//! used earlier.
//!
//! Takes each source as it is met, in text order, plus the people and abbreviations a sentence
//! names without quoting them ("Syrian President Bashar al-Assad", "(COI)"). Gives canonical
//! names. It does no cataphora (a pronoun before its name) and knows no world facts.

use crate::document::Span;
use crate::lexicon::aliases::MALE_MARKERS;
use crate::lexicon::clauses::{ADVERBIAL_OPENERS, CLAUSE_WORDS, SUBORDINATE_OPENERS, WEEKDAYS};
use crate::lexicon::sources::{
    Antecedent, COLLECTIVE_SOURCES, FEMALE_MARKERS, NEWS_OUTLETS, ORGANISATION_NAME_WORDS,
    ORGANISATION_NOUNS, PERSON_NOUNS, PLACES, PRONOUNS, SOURCE_DETERMINERS, TITLES,
};
use crate::lexicon::Lexicon;

#[derive(Debug, Clone)]
struct Entity {
    name: String,
    kind: Antecedent,
    role: String,
    aliases: Vec<String>,
}

/// Sources named so far in one document, latest last.
#[derive(Debug, Default)]
pub struct EntityMemory {
    entities: Vec<Entity>,
}

/// The abbreviations in brackets that follow a name ("Commission of Inquiry for Syria (COI)"):
/// two to six upper-case letters (`\p{Lu}`) between "(" and ")", as `(start of "(", abbreviation)`,
/// left to right. What `\((\p{Lu}{2,6})\)` found; that regex cost 7.9 M instructions to compile.
fn bracketed_abbreviations(s: &str) -> impl Iterator<Item = (usize, &str)> {
    memchr::memchr_iter(b'(', s.as_bytes()).filter_map(move |open| {
        let inner = &s[open + 1..];
        let letters = crate::chars::run_len(inner, crate::chars::is_uppercase_letter);
        let count = inner[..letters].chars().count();
        ((2..=6).contains(&count) && inner[letters..].starts_with(')'))
            .then(|| (open, &inner[..letters]))
    })
}

impl EntityMemory {
    /// Resolves a source: `written` is the phrase as written ("the Russian official"), `name`
    /// the name part of it and `role` its titles. Returns the canonical name and remembers it.
    /// A pronoun with no antecedent resolves to the empty string (no source known; the claim's
    /// `source_text` still says "he"), never to the pronoun itself.
    pub fn resolve(&mut self, written: &str, name: &str, role: Option<&str>) -> String {
        if let Some((_, wanted)) = PRONOUNS.iter().find(|(p, _)| p.eq_ignore_ascii_case(name)) {
            let Some(e) = self
                .entities
                .iter_mut()
                .rev()
                .find(|e| agrees(e.kind, *wanted) && can_be_antecedent(&e.name))
            else {
                return String::new();
            };
            // "Lydia Buchtmann ... She says": the pronoun tells the person's gender.
            if e.kind == Antecedent::Person {
                e.kind = *wanted;
            }
            return e.name.clone();
        }
        // "I", "we" and "you" name whoever writes or is interviewed; no "he" or "she" refers
        // back to them.
        if matches!(name.to_lowercase().as_str(), "i" | "we" | "you") {
            return name.to_owned();
        }
        if let Some(found) = self.description(written) {
            return found;
        }
        if let Some(found) = self.short_name(name) {
            return found;
        }
        self.remember(name, role.unwrap_or(""));
        name.to_owned()
    }

    /// Remembers a name unless it is already known.
    fn remember(&mut self, name: &str, role: &str) {
        if let Some(pos) = self.entities.iter().position(|e| e.name == name) {
            // Recency matters for pronouns: move it to the end.
            let e = self.entities.remove(pos);
            self.entities.push(e);
            return;
        }
        let kind = classify(name, Some(role));
        self.entities.push(Entity {
            name: name.to_owned(),
            kind,
            role: role.to_owned(),
            aliases: Vec::new(),
        });
    }

    /// A person mentioned without being quoted: the latest one from now on, of the gender their
    /// name tells (none: [`person`]).
    fn mention(&mut self, name: &str) {
        if let Some(pos) = self.entities.iter().position(|e| e.name == name) {
            let e = self.entities.remove(pos);
            self.entities.push(e);
            return;
        }
        if let Some(known) = self.short_name(name) {
            // "Kane won ...": the surname of someone named in full before.
            let pos = self.entities.iter().position(|e| e.name == known).unwrap();
            let e = self.entities.remove(pos);
            self.entities.push(e);
            return;
        }
        self.entities.push(Entity {
            name: name.to_owned(),
            kind: person(name, None),
            role: String::new(),
            aliases: Vec::new(),
        });
    }

    /// "the Russian official" -> the latest person; "the statement" -> the latest organisation;
    /// "the Reconciliation Center's statement" -> the entity named before "'s".
    fn description(&self, written: &str) -> Option<String> {
        let lower = written.to_lowercase();
        let rest = lower.strip_prefix("the ")?;
        if let Some((owner, head)) = written[4..]
            .rsplit_once("'s ")
            .or_else(|| written[4..].rsplit_once("’s "))
        {
            if ORGANISATION_NOUNS.contains(&head.trim()) {
                return self.short_name(owner.trim());
            }
        }
        // Only lower-case words and capitalised adjectives ("Russian"), not a proper name.
        let words: Vec<&str> = written.split_whitespace().skip(1).collect();
        let head = rest.split_whitespace().last()?;
        if words.len() > 5
            || words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                > 1
        {
            return None;
        }
        if PERSON_NOUNS.contains(&head) {
            let people = || {
                self.entities.iter().rev().filter(|e| {
                    matches!(
                        e.kind,
                        Antecedent::Person | Antecedent::Male | Antecedent::Female
                    )
                })
            };
            return people()
                .find(|e| e.role.to_lowercase().contains(head))
                .or_else(|| people().next())
                .map(|e| e.name.clone());
        }
        // "The Syrian government" names an organisation; "the statement" describes one.
        let capitalised = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if ORGANISATION_NOUNS.contains(&head) && capitalised == 0 {
            let orgs = || {
                self.entities
                    .iter()
                    .rev()
                    .filter(|e| e.kind == Antecedent::Organisation)
            };
            let matches_head = |e: &&Entity| {
                e.role.to_lowercase().contains(head) || e.name.to_lowercase().contains(head)
            };
            return orgs()
                .find(matches_head)
                .or_else(|| orgs().next())
                .map(|e| e.name.clone());
        }
        None
    }

    /// A surname ("Rudskoi"), an abbreviation ("COI") or a leading part of an organisation's
    /// name ("Reconciliation Center") resolves to the full name used earlier.
    fn short_name(&self, name: &str) -> Option<String> {
        let name = name
            .strip_prefix("The ")
            .or_else(|| name.strip_prefix("the "))
            .unwrap_or(name);
        let wanted: Vec<&str> = name.split_whitespace().collect();
        if wanted.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.entities
            .iter()
            .rev()
            .find(|e| {
                if e.aliases.iter().any(|a| a == name) {
                    return true;
                }
                let words: Vec<&str> = e.name.split_whitespace().collect();
                if words.len() <= wanted.len() {
                    return false;
                }
                match e.kind {
                    Antecedent::Person | Antecedent::Male | Antecedent::Female => {
                        // "Assad" is the end of "Bashar al-Assad".
                        let last = words[words.len() - 1];
                        words.ends_with(&wanted)
                            || wanted.len() == 1
                                && last.strip_prefix("al-").is_some_and(|l| l == wanted[0])
                    }
                    _ => {
                        // Only the part before a connective ("Center" in "Reconciliation Center
                        // in Syria", never "Syria").
                        let head_len = words
                            .iter()
                            .position(|w| matches!(*w, "in" | "for" | "of" | "on"))
                            .unwrap_or(words.len());
                        words[..head_len]
                            .windows(wanted.len())
                            .any(|w| w == wanted.as_slice())
                    }
                }
            })
            .map(|e| e.name.clone())
    }

    /// Remembers the people and abbreviations a sentence names ("Syrian President Bashar
    /// al-Assad", "(COI)") so that a later "Assad" or "The COI" resolves.
    pub fn observe_sentence(&mut self, lx: &Lexicon, text: &str, sentence: Span) {
        let s = sentence.slice(text);
        for (_, titled) in lx.titled_names(s) {
            let name = titled.name;
            let name = name
                .strip_suffix("'s")
                .or_else(|| name.strip_suffix("’s"))
                .unwrap_or(name);
            if !self.entities.iter().any(|e| e.name == name) {
                self.entities.insert(
                    0,
                    Entity {
                        name: name.to_owned(),
                        kind: person(name, Some(titled.whole)),
                        role: String::new(),
                        aliases: Vec::new(),
                    },
                );
            }
        }
        // "Harry Kane won the Man of the Match award. He said, ...": the person a sentence opens
        // with is the latest one mentioned, whether or not they are quoted there. Not when the
        // document writes the first word in lower case too ("Singer Bruce Springsteen said",
        // "Rival Republican candidates").
        if let Some(name) = opening_person(s) {
            let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
            if !written_in_lower_case(text, sentence.byte_start, &first) {
                self.mention(name);
            }
        }
        for (at, abbreviation) in bracketed_abbreviations(s) {
            let before = s[..at].split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(e) = self
                .entities
                .iter_mut()
                .rev()
                .find(|e| before.ends_with(e.name.as_str()))
            {
                e.aliases.push(abbreviation.to_owned());
            }
        }
    }
}

/// The person's name a sentence opens with, as its subject: two or three capitalised words,
/// then a lower-case word, a bracket or an appositive's comma ("Harry Kane won ...", "Lydia
/// Buchtmann for Food Standards Australia New Zealand, says ...", "Jenna Nicole Mourey (born
/// ...)", "Kevin Allton, a USI instructor, ...").
/// Not a determiner, opener, weekday, title, place or organisation ("The Syrian army took
/// ...", "On Monday ...", "South Korea said ...", "President Assad said" is a titled name).
fn opening_person(sentence: &str) -> Option<&str> {
    // First the shape, which rejects most sentences cheaply ("The ...", "In ...", one word).
    let mut run: [&str; 3] = [""; 3];
    let mut count = 0;
    let mut end = 0;
    let mut closed = false;
    for w in sentence.split_whitespace() {
        let bare = w.trim_end_matches([',', ':']);
        let bare = bare
            .strip_suffix("'s")
            .or_else(|| bare.strip_suffix("’s"))
            .unwrap_or(bare);
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.len() > 1
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !capitalised {
            // A verb, or a biography's "(born ...)".
            closed = w
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '(');
            break;
        }
        if count == run.len() {
            return None;
        }
        run[count] = bare;
        count += 1;
        end = w.as_ptr() as usize - sentence.as_ptr() as usize + bare.len();
        if bare.len() < w.len() {
            // A comma or a possessive ends the name.
            closed = true;
            break;
        }
    }
    if count < 2 || !closed {
        return None;
    }
    for (i, bare) in run[..count].iter().enumerate() {
        // "NOBODY WILL LEAVE Damascus": a headline in capitals; initials ("K.C.") stay.
        let shouted = bare.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !bare.contains('.')
            && !bare.chars().any(char::is_lowercase);
        let lower = bare.to_lowercase();
        // A title-case headline's function words ("Defeating Daesh The ..."), and an opening
        // participle ("Questioning Vindman, ...").
        if shouted
            || i == 0 && PLACES.contains(bare)
            || SOURCE_DETERMINERS.contains(&lower.as_str())
            || ADVERBIAL_OPENERS.contains(&lower.as_str())
            || SUBORDINATE_OPENERS.contains(&lower.as_str())
            || CLAUSE_WORDS.contains(&lower.as_str())
            || PRONOUNS.iter().any(|(p, _)| *p == lower)
            || i == 0 && lower.len() > 5 && lower.ends_with("ing")
            || WEEKDAYS.contains(bare)
            || TITLES
                .iter()
                .any(|t| t.eq_ignore_ascii_case(bare.trim_end_matches('.')))
        {
            return None;
        }
    }
    let name = &sentence[..end];
    let person_like = !PLACES.contains(&name)
        && matches!(
            classify(name, None),
            Antecedent::Person | Antecedent::Male | Antecedent::Female
        );
    person_like.then_some(name)
}

/// Whether "he" or "she" can refer back to a source written `name`: a name holds a capitalised
/// word that is no function word ("Trump", "Andy Clarke"), a description has a person's head
/// ("the spokeswoman"). A phrase cut from a clause ("recent polling", "At the", "Some") is
/// neither.
fn can_be_antecedent(name: &str) -> bool {
    let function_word = |w: &str| {
        let lower = w.to_lowercase();
        SOURCE_DETERMINERS.contains(&lower.as_str())
            || ADVERBIAL_OPENERS.contains(&lower.as_str())
            || CLAUSE_WORDS.contains(&lower.as_str())
    };
    name.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !function_word(w))
        || name
            .split_whitespace()
            .last()
            .is_some_and(|head| PERSON_NOUNS.contains(&head.to_lowercase().as_str()))
}

/// How far around a sentence (bytes each way) [`written_in_lower_case`] looks: the whole of
/// almost every article, and a bound on the work in a 2 MB one.
const LOWER_CASE_REACH: usize = 32 * 1024;

/// Whether `word` (lower case) is written as a whole word within [`LOWER_CASE_REACH`] of byte
/// `at` of `text` ("a singer", "“singer"): then a capitalised sentence opener of that spelling
/// is no name. One literal search per candidate; a set of the document's words cost a fifth
/// of the attribution stage.
fn written_in_lower_case(text: &str, at: usize, word: &str) -> bool {
    let mut lo = at.saturating_sub(LOWER_CASE_REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + LOWER_CASE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = &text[lo..hi];
    let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    memchr::memmem::find_iter(window.as_bytes(), word.as_bytes()).any(|p| {
        edge(window[..p].chars().next_back()) && edge(window[p + word.len()..].chars().next())
    })
}

/// Whether an entity of `kind` can be what a pronoun of `wanted` refers to: "he" and "she" both
/// agree with a person of unknown gender.
fn agrees(kind: Antecedent, wanted: Antecedent) -> bool {
    kind == wanted
        || kind == Antecedent::Person && matches!(wanted, Antecedent::Male | Antecedent::Female)
}

/// The gender that a person's name or role words tell ("Ms", "spokeswoman", "Mr", "chairman"),
/// as whole words; a person of unknown gender when they tell none or both.
fn person(name: &str, role: Option<&str>) -> Antecedent {
    let words = || {
        name.split_whitespace()
            .chain(role.unwrap_or("").split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let tells = |markers: &[&str]| {
        words().any(|w| {
            markers
                .iter()
                .any(|m| m.trim_end_matches('.').eq_ignore_ascii_case(w))
        })
    };
    match (tells(FEMALE_MARKERS), tells(MALE_MARKERS)) {
        (true, false) => Antecedent::Female,
        (false, true) => Antecedent::Male,
        _ => Antecedent::Person,
    }
}

/// Organisations have an organisation word, an outlet's name or are an acronym; groups are
/// plural collectives ("diplomats"); everyone else is a person, of the gender their name or role
/// words tell, or of none ([`person`]).
fn classify(name: &str, role: Option<&str>) -> Antecedent {
    let lower = name.to_lowercase();
    let last = lower.split_whitespace().last().unwrap_or("");
    // "the leaders of Germany, France, Italy, the United States, Canada and Britain".
    if COLLECTIVE_SOURCES.contains(&last) || name.contains(", ") && name.contains(" and ") {
        return Antecedent::Group;
    }
    if name
        .split_whitespace()
        .any(|w| ORGANISATION_NAME_WORDS.contains(&w.trim_end_matches("'s")))
        || NEWS_OUTLETS.contains(&name)
        || ORGANISATION_NOUNS.contains(&last)
        || !name.contains(' ')
            && name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
        || role.is_some_and(|r| ORGANISATION_NOUNS.iter().any(|n| r.ends_with(n)))
    {
        return Antecedent::Organisation;
    }
    // A single name never introduced in full is a country or city when the place table knows it
    // ("Russia says", "Damascus has called on": "he" does not refer to it), otherwise a person
    // named by surname ("Lavrov said ... He added").
    if !name.contains(' ') && role.is_none_or(|r| r.is_empty()) && PLACES.contains(&name) {
        return Antecedent::Organisation;
    }
    person(name, role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_abbreviations_are_the_regex_matches() {
        let regex = regex::Regex::new(r"\((?P<abbr>\p{Lu}{2,6})\)").unwrap();
        let pieces = [
            "(", ")", "A", "B", "É", "Ⓐ", "Ⅻ", "a", " ", "((", "COI", "ǅ", "Σ", "1",
        ];
        for s in crate::chars::sample_strings(&pieces, 20_000) {
            let fast: Vec<_> = bracketed_abbreviations(&s).collect();
            let exact: Vec<_> = regex
                .captures_iter(&s)
                .map(|c| (c.get(0).unwrap().start(), c.name("abbr").unwrap().as_str()))
                .collect();
            assert_eq!(fast, exact, "{s:?}");
        }
    }

    #[test]
    fn pronouns_and_surnames() {
        let mut m = EntityMemory::default();
        let r = |m: &mut EntityMemory, w: &str, role: Option<&str>| m.resolve(w, w, role);
        assert_eq!(
            r(
                &mut m,
                "Sergei Rudskoi",
                Some("Russian Defense Ministry official")
            ),
            "Sergei Rudskoi"
        );
        assert_eq!(
            r(
                &mut m,
                "Maria Zakharova",
                Some("Foreign Ministry spokeswoman")
            ),
            "Maria Zakharova"
        );
        // No antecedent yet: no source, never the pronoun itself.
        assert_eq!(r(&mut EntityMemory::default(), "he", None), "");
        assert_eq!(r(&mut m, "he", None), "Sergei Rudskoi");
        assert_eq!(r(&mut m, "she", None), "Maria Zakharova");
        assert_eq!(r(&mut m, "Rudskoi", None), "Sergei Rudskoi");
        assert_eq!(
            m.resolve("the Russian official", "Russian official", None),
            "Sergei Rudskoi"
        );
    }

    #[test]
    fn descriptions_abbreviations_and_mentions() {
        let mut m = EntityMemory::default();
        let t = "The UN Commission of Inquiry for Syria (COI) said it has received reports.";
        m.resolve(
            "UN Commission of Inquiry for Syria",
            "UN Commission of Inquiry for Syria",
            None,
        );
        m.observe_sentence(Lexicon::shared(), t, Span::new(0, t.len()));
        assert_eq!(
            m.resolve("The COI", "COI", None),
            "UN Commission of Inquiry for Syria"
        );
        m.resolve(
            "Russian Reconciliation Center in Syria",
            "Russian Reconciliation Center in Syria",
            None,
        );
        assert_eq!(
            m.resolve(
                "the Reconciliation Center's statement",
                "Reconciliation Center's statement",
                None
            ),
            "Russian Reconciliation Center in Syria"
        );
        assert_eq!(
            m.resolve("the statement", "statement", None),
            "Russian Reconciliation Center in Syria"
        );
        let t = "France is due to convene countries opposed to Syrian President Bashar al-Assad.";
        m.observe_sentence(Lexicon::shared(), t, Span::new(0, t.len()));
        assert_eq!(m.resolve("Assad", "Assad", None), "Bashar al-Assad");
    }

    #[test]
    fn no_gender_is_assumed_and_a_pronoun_tells_it() {
        // Neither "he" nor "she" is favoured: both reach a person whose gender the text has
        // not told, and the first one that does fixes it.
        for (pronoun, other) in [("she", "he"), ("he", "she")] {
            let mut m = EntityMemory::default();
            m.resolve("Kiara Perkins", "Kiara Perkins", Some("curator"));
            assert_eq!(m.resolve(pronoun, pronoun, None), "Kiara Perkins");
            assert_eq!(
                m.resolve(other, other, None),
                "",
                "{pronoun} told the gender"
            );
        }
        // A title or role word tells it, as a whole word ("researcher" holds "her").
        let mut m = EntityMemory::default();
        m.resolve("Ann Clwyd", "Ann Clwyd", Some("spokeswoman"));
        m.resolve("Tim Smith", "Tim Smith", Some("researcher"));
        assert_eq!(m.resolve("she", "she", None), "Tim Smith");
        assert_eq!(m.resolve("he", "he", None), "");
    }

    #[test]
    fn a_sentence_opening_with_a_person_makes_them_the_latest() {
        let text = "Harry Kane won the Man of the Match award. He said the first half was hard. \
                    Singer Bruce Springsteen played. A singer said so. \
                    NOBODY WILL LEAVE Damascus, the banner read.";
        let sentences: Vec<Span> = [
            "Harry Kane won the Man of the Match award.",
            "Singer Bruce Springsteen played.",
            "NOBODY WILL LEAVE Damascus, the banner read.",
        ]
        .iter()
        .map(|s| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        })
        .collect();
        let mut m = EntityMemory::default();
        m.resolve("Kim Min-Woo", "Kim Min-Woo", None);
        m.observe_sentence(Lexicon::shared(), text, sentences[0]);
        assert_eq!(m.resolve("He", "He", None), "Harry Kane");
        assert_eq!(m.resolve("Kane", "Kane", None), "Harry Kane");
        // "singer" is written in lower case in the document: no name starts with it.
        m.observe_sentence(Lexicon::shared(), text, sentences[1]);
        m.observe_sentence(Lexicon::shared(), text, sentences[2]);
        assert_eq!(m.resolve("he", "he", None), "Harry Kane");
        assert_eq!(
            opening_person("Valeska Paris, an Australian woman, said"),
            Some("Valeska Paris")
        );
        assert_eq!(opening_person("Questioning Vindman, Schiff said"), None);
        assert_eq!(opening_person("On Monday Smith said"), None);
        assert_eq!(opening_person("Moscow Airport officials said"), None);
    }

    #[test]
    fn clause_fragments_are_no_antecedents() {
        let mut m = EntityMemory::default();
        m.resolve("Donald Trump", "Donald Trump", None);
        m.resolve("recent polling", "recent polling", None);
        m.resolve("I", "I", None);
        assert_eq!(m.resolve("he", "he", None), "Donald Trump");
    }
}
