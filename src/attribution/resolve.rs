//! A per-document memory of sources, to resolve pronouns ("he"), surnames ("Rudskoi") and
//! descriptions to the full name used earlier.

use crate::document::Span;
use crate::lexicon::sources::{Antecedent, FEMALE_MARKERS, PRONOUNS};

#[derive(Debug, Clone)]
struct Entity {
    name: String,
    kind: Antecedent,
}

/// Sources named so far in one document, latest last.
#[derive(Debug, Default)]
pub struct EntityMemory {
    entities: Vec<Entity>,
}

impl EntityMemory {
    /// Resolves `name` as written (with its role, if any) and remembers it.
    pub fn resolve(&mut self, name: &str, role: Option<&str>) -> String {
        if let Some((_, wanted)) = PRONOUNS.iter().find(|(p, _)| p.eq_ignore_ascii_case(name)) {
            return self
                .entities
                .iter()
                .rev()
                .find(|e| agrees(e.kind, *wanted))
                .map_or_else(|| name.to_owned(), |e| e.name.clone());
        }
        // A surname alone resolves to the full name used earlier ("Rudskoi" -> "Sergei Rudskoi").
        if !name.contains(' ') {
            if let Some(e) = self
                .entities
                .iter()
                .rev()
                .find(|e| e.name.rsplit(' ').next() == Some(name))
            {
                return e.name.clone();
            }
        }
        let kind = classify(name, role);
        self.entities.push(Entity {
            name: name.to_owned(),
            kind,
        });
        name.to_owned()
    }

    /// Hook for sentence-level mentions (names not used as sources); sources only, for now.
    pub fn observe_sentence(&mut self, _text: &str, _sentence: Span) {}
}

fn agrees(kind: Antecedent, wanted: Antecedent) -> bool {
    kind == wanted || (wanted == Antecedent::Male && kind == Antecedent::Male)
}

/// A person has a personal name (two or more capitalised words and no organisation word);
/// everything else is treated as an organisation.
fn classify(name: &str, role: Option<&str>) -> Antecedent {
    const ORGANISATION_WORDS: &[&str] = &[
        "Ministry",
        "Center",
        "Centre",
        "Agency",
        "Observatory",
        "Council",
        "Army",
        "Government",
        "Office",
        "Committee",
        "Department",
        "News",
        "Television",
        "Reuters",
        "Interfax",
        "SANA",
        "statement",
    ];
    if name
        .split_whitespace()
        .any(|w| ORGANISATION_WORDS.contains(&w))
        || !name.contains(' ') && name.chars().all(|c| c.is_uppercase())
    {
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
        assert_eq!(
            m.resolve("Sergei Rudskoi", Some("Russian Defense Ministry official")),
            "Sergei Rudskoi"
        );
        assert_eq!(
            m.resolve("Maria Zakharova", Some("Foreign Ministry spokeswoman")),
            "Maria Zakharova"
        );
        assert_eq!(m.resolve("he", None), "Sergei Rudskoi");
        assert_eq!(m.resolve("she", None), "Maria Zakharova");
        assert_eq!(m.resolve("Rudskoi", None), "Sergei Rudskoi");
    }
}
