//! A per-document memory of sources, to resolve pronouns ("he"), surnames ("Rudskoi"),
//! short names ("the Reconciliation Center's statement"), abbreviations ("The COI") and
//! descriptions ("the Russian official", "the statement", "the news agency") to the full name
//! used earlier.
//!
//! Takes each source as it is met, in text order, plus the people and abbreviations a sentence
//! names without quoting them ("Syrian President Bashar al-Assad", "(COI)"). Gives canonical
//! names. It does no cataphora (a pronoun before its name) and knows no world facts.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Span;
use crate::lexicon::sources::{
    Antecedent, COLLECTIVE_SOURCES, FEMALE_MARKERS, NEWS_OUTLETS, ORGANISATION_NAME_WORDS,
    ORGANISATION_NOUNS, PERSON_NOUNS, PLACES, PRONOUNS,
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

/// A capitalised name followed by its abbreviation in brackets ("Commission of Inquiry for Syria
/// (COI)").
static ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?P<abbr>\p{Lu}{2,6})\)").unwrap());

impl EntityMemory {
    /// Resolves a source: `written` is the phrase as written ("the Russian official"), `name`
    /// the name part of it and `role` its titles. Returns the canonical name and remembers it.
    /// A pronoun with no antecedent resolves to the empty string (no source known; the claim's
    /// `source_text` still says "he"), never to the pronoun itself.
    pub fn resolve(&mut self, written: &str, name: &str, role: Option<&str>) -> String {
        if let Some((_, wanted)) = PRONOUNS.iter().find(|(p, _)| p.eq_ignore_ascii_case(name)) {
            return self
                .entities
                .iter()
                .rev()
                .find(|e| agrees(e.kind, *wanted))
                .map_or_else(String::new, |e| e.name.clone());
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
                self.entities
                    .iter()
                    .rev()
                    .filter(|e| matches!(e.kind, Antecedent::Male | Antecedent::Female))
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
                    Antecedent::Male | Antecedent::Female => {
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
        for (_, c) in lx.titled_names(s) {
            let name = &c["name"];
            let name = name
                .strip_suffix("'s")
                .or_else(|| name.strip_suffix("’s"))
                .unwrap_or(name);
            if !self.entities.iter().any(|e| e.name == name) {
                self.entities.insert(
                    0,
                    Entity {
                        name: name.to_owned(),
                        kind: Antecedent::Male,
                        role: String::new(),
                        aliases: Vec::new(),
                    },
                );
            }
        }
        for c in ABBREVIATION.captures_iter(s) {
            let at = c.get(0).unwrap().start();
            let before = s[..at].split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(e) = self
                .entities
                .iter_mut()
                .rev()
                .find(|e| before.ends_with(e.name.as_str()))
            {
                e.aliases.push(c["abbr"].to_owned());
            }
        }
    }
}

fn agrees(kind: Antecedent, wanted: Antecedent) -> bool {
    kind == wanted
}

/// Organisations have an organisation word, an outlet's name or are an acronym; groups are
/// plural collectives ("diplomats"); everyone else is a person, female when the role says so.
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
    let female = role.is_some_and(|r| FEMALE_MARKERS.iter().any(|m| r.contains(m)));
    if female {
        Antecedent::Female
    } else {
        Antecedent::Male
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
