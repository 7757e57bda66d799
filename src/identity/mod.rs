//! Source identity across documents: one id per real-world source in a batch.
//!
//! Takes the claims of a whole batch as [`Mention`]s (the document, the resolved `source` the
//! attribution stage gives, the source as written and its role) and gives each mention the
//! index of a [`Source`]: its canonical name, [`SourceType`], the aliases and roles seen, and
//! how many documents and claims name it. Within a document the attribution stage has already
//! resolved "Lavrov" and "he" to "Sergey Lavrov"; this step joins names across documents:
//!
//! - names are folded before they are compared: case, "the", "so-called", British and American
//!   spellings ("Defence"/"Defense"), transliterations ("Sergey"/"Sergei", "Dmitri"/"Dmitry",
//!   "-off"/"-ov"), a country's possessive for its adjective ("Russia's Defense Ministry" =
//!   "Russian Defense Ministry") and "Ministry of X" for "X Ministry"; other names of
//!   organisations and countries come from `lexicon::aliases` ("SOHR", "US");
//! - an acronym joins the one name of the batch whose initials it spells ("SOHR"), first in its
//!   own document, then across the batch;
//! - a bare organisation noun ("the Observatory") or surname ("Putin") joins the one name of its
//!   own document that holds it (the attribution stage resolves most of these already); it
//!   joins nothing across documents, where full names must agree;
//! - two people's names with the same first name and surnames of Jaro-Winkler similarity of at
//!   least [`SURNAME_SIMILARITY`] are one person ("Sergei Rudskoi"/"Sergei Rudskoy").
//!
//! Every join needs exactly one candidate: two Blairs in a batch leave "Blair" alone. Anonymous
//! sources ("a French diplomatic source", "diplomats") are one identity per document: two
//! articles' "officials" are not the same people. Ids follow the first mention, so they do not
//! depend on threads. It knows no world facts beyond the tables and makes no network look-ups.
//!
//! The rules live in [`Registry`], which a stream adds to batch by batch, keeping the names
//! seen and the indices the joins look up, so a batch costs what it holds and earlier ids never
//! change; [`identify`] is a registry given the whole batch at once.
//!
//! This module owns the public types ([`Mention`], [`Source`], [`SourceType`], [`Identities`])
//! and [`identify`]; the rules are in its parts: `names` (folding a name and what it looks like
//! on its own), `entity` (what one identity's mentions show: gender, type, counted forms, its
//! sources row) and `registry` (the joins, batch by batch). It reads `lexicon` tables and
//! `union_find`; it must not touch the attribution stage or the tables it feeds (`table.rs`).

use rustc_hash::FxHashMap as HashMap;

mod entity;
mod names;
mod registry;

pub use names::jaro_winkler;
pub use registry::Registry;

/// Two people with the same first name are one when their surnames are at least this similar
/// (Jaro-Winkler): "Rudskoi"/"Rudskoy" is 0.94 before folding; "Howard"/"Howarth" (0.91), two
/// different MPs, stay apart.
pub const SURNAME_SIMILARITY: f64 = 0.94;

/// One claim's source, as the attribution stage gives it.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    /// The document's id.
    pub doc: &'a str,
    /// The resolved source ("Sergey Lavrov" for "Lavrov" or "he").
    pub source: &'a str,
    /// The source as written at this point ("the top Russian diplomat", "he").
    pub written: Option<&'a str>,
    /// Titles and roles ("Russian Foreign Minister").
    pub role: Option<&'a str>,
}

/// What kind of source an identity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceType {
    /// A named person ("Sergei Lavrov").
    Person,
    /// A ministry, agency, army, outlet, party... ("Russian Defense Ministry").
    Organisation,
    /// A country or its capital standing for its government ("Russia said").
    Country,
    /// An unnamed source ("a French diplomatic source", "officials", "residents").
    Anonymous,
    /// Anything else ("Reports coming out of Aleppo").
    Other,
}

impl SourceType {
    /// Every type, in the order of the `type` column's categories.
    pub const ALL: [SourceType; 5] = [
        SourceType::Person,
        SourceType::Organisation,
        SourceType::Country,
        SourceType::Anonymous,
        SourceType::Other,
    ];

    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organisation => "organisation",
            SourceType::Country => "country",
            SourceType::Anonymous => "anonymous",
            SourceType::Other => "other",
        }
    }
}

/// One real-world source of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The canonical name: the table's name for a known organisation or country, else the
    /// fullest name most claims use.
    pub name: String,
    /// Person, organisation, country, anonymous or other.
    pub kind: SourceType,
    /// Every form seen (resolved names and the source as written, pronouns aside), most
    /// frequent first.
    pub aliases: Vec<String>,
    /// Every role seen, most frequent first.
    pub roles: Vec<String>,
    /// Documents that name it.
    pub documents: usize,
    /// Claims it makes.
    pub claims: usize,
}

/// The identities of a batch.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    /// For each mention, the index of its source in `sources`; `None` when it has no source
    /// (an empty or unresolved pronoun source).
    pub source_of: Vec<Option<usize>>,
    /// The sources, in order of first mention.
    pub sources: Vec<Source>,
}

/// Assigns one identity per real-world source to the mentions of a batch (see the module
/// documentation for the rules): a [`Registry`] given the whole batch at once.
pub fn identify(mentions: &[Mention]) -> Identities {
    let mut numbers: HashMap<&str, u32> = HashMap::default();
    let docs: Vec<u32> = mentions
        .iter()
        .map(|m| {
            let next = numbers.len() as u32;
            *numbers.entry(m.doc).or_insert(next)
        })
        .collect();
    let mut registry = Registry::new();
    let source_of = registry.add(mentions, &docs);
    let sources = (0..registry.len()).map(|id| registry.source(id)).collect();
    Identities { source_of, sources }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(doc: &'a str, source: &'a str) -> Mention<'a> {
        Mention {
            doc,
            source,
            written: Some(source),
            role: None,
        }
    }

    /// The sources' names by mention, and the table.
    fn ids(mentions: &[Mention]) -> (Vec<Option<usize>>, Vec<Source>) {
        let out = identify(mentions);
        (out.source_of, out.sources)
    }

    #[test]
    fn transliterations_and_spellings_fold() {
        let (of, sources) = ids(&[
            m("002", "Sergei Lavrov"),
            m("003", "Sergey Lavrov"),
            m("a", "Russian Defence Ministry"),
            m("b", "Russian Defense Ministry"),
            m("c", "Russia's Defense Ministry"),
            m("d", "the Russian Ministry of Defence"),
            m("e", "Dmitri Peskov"),
            m("f", "Dmitry Peskov"),
        ]);
        assert_eq!(of[0], of[1]);
        assert_eq!(of[2], of[3]);
        assert_eq!(of[2], of[4]);
        assert_eq!(of[2], of[5]);
        assert_eq!(of[6], of[7]);
        assert_ne!(of[0], of[6], "Lavrov is not Peskov");
        assert_eq!(sources.len(), 3);
        assert_eq!(sources[0].kind, SourceType::Person);
        assert_eq!(sources[0].documents, 2);
        assert_eq!(sources[1].kind, SourceType::Organisation);
        assert_eq!(sources[1].claims, 4);
    }

    #[test]
    fn observatory_short_names_and_acronym_join_the_full_name() {
        let (of, sources) = ids(&[
            m("000", "Syrian Observatory for Human Rights"),
            m("000", "the Observatory"),
            m("002", "SOHR"),
            m("004", "The Observatory"),
            m("004", "Syrian Observatory for Human Rights"),
        ]);
        assert_eq!(of, [Some(0); 5]);
        assert_eq!(sources[0].name, "Syrian Observatory for Human Rights");
        assert_eq!(sources[0].kind, SourceType::Organisation);
        assert_eq!(sources[0].documents, 3);
        assert_eq!(
            sources[0].aliases,
            [
                "Syrian Observatory for Human Rights",
                "the Observatory",
                "SOHR"
            ]
        );
    }

    #[test]
    fn acronym_of_the_batch_joins_only_a_single_candidate() {
        // "the Office for National Statistics" spells ONS; "IOC" matches two bodies.
        let (of, _) = ids(&[
            m("a", "the Office for National Statistics"),
            m("b", "ONS"),
            m("c", "International Olympic Committee"),
            m("d", "Indian Oil Corporation"),
            m("e", "IOC"),
        ]);
        assert_eq!(of[0], of[1]);
        assert_ne!(of[4], of[2]);
        assert_ne!(of[4], of[3]);
    }

    #[test]
    fn surnames_join_one_full_name_of_their_document_only() {
        let (of, sources) = ids(&[
            m("a", "Vladimir Putin"),
            m("a", "Putin"),
            m("b", "Putin"),
            m("c", "Tony Blair"),
            m("c", "Ian Blair"),
            m("c", "Blair"),
        ]);
        assert_eq!(of[0], of[1]);
        assert_eq!(sources[of[0].unwrap()].name, "Vladimir Putin");
        assert_ne!(of[2], of[0], "no surname joins across documents");
        assert_ne!(of[3], of[4]);
        assert_ne!(of[5], of[3]);
        assert_ne!(of[5], of[4]);
    }

    #[test]
    fn bare_surnames_respect_gender_and_descriptions_stay_in_their_document() {
        let ms_king = Mention {
            doc: "b",
            source: "King",
            written: Some("Ms King"),
            role: Some("Ms"),
        };
        let he = Mention {
            doc: "b",
            source: "Mervyn King",
            written: Some("he"),
            role: None,
        };
        let (of, _) = ids(&[
            m("b", "Mervyn King"),
            he,
            ms_king,
            m("d", "panel"),
            m("e", "panel"),
            m("f", "Safin"),
            m("g", "Safin"),
        ]);
        assert_ne!(of[0], of[2], "Ms King is not Mervyn King");
        assert_ne!(of[3], of[4], "two articles' panels");
        assert_ne!(of[5], of[6], "nor two articles' bare Safins");
    }

    #[test]
    fn near_equal_surnames_with_one_first_name() {
        let (of, _) = ids(&[
            m("a", "Sergei Rudskoi"),
            m("b", "Sergei Rudskoy"),
            m("c", "Michael Howard"),
            m("d", "Michael Howarth"),
            m("e", "Ed Miliband"),
            m("f", "David Miliband"),
        ]);
        assert_eq!(of[0], of[1]);
        assert_ne!(of[2], of[3]);
        assert_ne!(of[4], of[5]);
        assert!(jaro_winkler("howard", "howarth") < SURNAME_SIMILARITY);
        assert!((jaro_winkler("martha", "marhta") - 0.961).abs() < 0.001);
    }

    #[test]
    fn types_from_names_and_mentions() {
        let mentions = [
            m("000", "Russia"),
            m("000", "A French diplomatic source"),
            m("001", "diplomats"),
            m("002", "diplomats"),
            m("003", "SANA"),
            Mention {
                doc: "003",
                source: "Shehabi",
                written: Some("he"),
                role: None,
            },
            m("003", "Reports coming out of Aleppo"),
            m("004", "US"),
            m("004", "Damascus"),
            m("004", "The Syrian government"),
            m("004", "Bashar al-Assad"),
            m(
                "004",
                "the leaders of Germany, France, Italy, the United States, Canada and Britain",
            ),
            m("004", "The media arm of Lebanon's Hezbollah group"),
        ];
        let (of, sources) = ids(&mentions);
        let kind = |i: usize| sources[of[i].unwrap()].kind;
        assert_eq!(kind(0), SourceType::Country);
        assert_eq!(kind(1), SourceType::Anonymous);
        // Two articles' "diplomats" are not the same people.
        assert_eq!(kind(2), SourceType::Anonymous);
        assert_ne!(of[2], of[3]);
        assert_eq!(kind(4), SourceType::Organisation);
        assert_eq!(kind(5), SourceType::Person);
        assert_eq!(kind(6), SourceType::Other);
        assert_eq!(kind(7), SourceType::Country);
        assert_eq!(sources[of[7].unwrap()].name, "United States");
        assert_eq!(kind(8), SourceType::Country);
        assert_eq!(kind(9), SourceType::Organisation);
        assert_eq!(kind(10), SourceType::Person);
        assert_eq!(kind(11), SourceType::Other);
        assert_eq!(kind(12), SourceType::Organisation);
    }

    #[test]
    fn pronouns_and_empty_sources_have_no_identity() {
        let (of, sources) = ids(&[m("a", "he"), m("a", ""), m("a", "Fares Shehabi")]);
        assert_eq!(of, [None, None, Some(0)]);
        assert_eq!(sources.len(), 1);
    }

    #[test]
    fn roles_and_aliases_by_frequency() {
        let mentions = [
            Mention {
                doc: "a",
                source: "Sergei Lavrov",
                written: Some("Russian Foreign Minister Sergei Lavrov"),
                role: Some("Russian Foreign Minister"),
            },
            Mention {
                doc: "a",
                source: "Sergei Lavrov",
                written: Some("he"),
                role: None,
            },
            Mention {
                doc: "b",
                source: "Sergey Lavrov",
                written: Some("Lavrov"),
                role: Some("Foreign Minister"),
            },
        ];
        let (_, sources) = ids(&mentions);
        assert_eq!(sources[0].name, "Sergei Lavrov");
        assert_eq!(
            sources[0].aliases,
            [
                "Sergei Lavrov",
                "Sergey Lavrov",
                "Russian Foreign Minister Sergei Lavrov",
                "Lavrov"
            ]
        );
        assert_eq!(
            sources[0].roles,
            ["Russian Foreign Minister", "Foreign Minister"]
        );
        assert_eq!((sources[0].documents, sources[0].claims), (2, 3));
    }

    /// The mentions of the tests above, and more, in one list.
    fn many_mentions() -> Vec<Mention<'static>> {
        let mut out = vec![
            m("002", "Sergei Lavrov"),
            m("003", "Sergey Lavrov"),
            m("a", "Russian Defence Ministry"),
            m("b", "Russia's Defense Ministry"),
            m("c", "the Russian Ministry of Defence"),
            m("000", "Syrian Observatory for Human Rights"),
            m("000", "the Observatory"),
            m("002", "SOHR"),
            m("004", "The Observatory"),
            m("004", "Syrian Observatory for Human Rights"),
            m("a", "the Office for National Statistics"),
            m("b", "ONS"),
            m("c", "International Olympic Committee"),
            m("d", "Indian Oil Corporation"),
            m("e", "IOC"),
            m("a", "Vladimir Putin"),
            m("a", "Putin"),
            m("b", "Putin"),
            m("c", "Tony Blair"),
            m("c", "Ian Blair"),
            m("c", "Blair"),
            m("a", "Sergei Rudskoi"),
            m("b", "Sergei Rudskoy"),
            m("c", "Michael Howard"),
            m("d", "Michael Howarth"),
            m("004", "US"),
            m("004", "Damascus"),
            m("001", "diplomats"),
            m("002", "diplomats"),
            m("f", "he"),
            m("f", ""),
            Mention {
                doc: "b",
                source: "King",
                written: Some("Ms King"),
                role: Some("Ms"),
            },
            m("b", "Mervyn King"),
            Mention {
                doc: "b",
                source: "Mervyn King",
                written: Some("he"),
                role: Some("Governor"),
            },
            Mention {
                doc: "003",
                source: "Shehabi",
                written: Some("he"),
                role: None,
            },
        ];
        // Documents in order of first mention, each in one place (a document is in one batch).
        let mut docs: Vec<&str> = Vec::new();
        for x in &out {
            if !docs.contains(&x.doc) {
                docs.push(x.doc);
            }
        }
        out.sort_by_key(|x| docs.iter().position(|d| *d == x.doc));
        out
    }

    fn doc_numbers(mentions: &[Mention]) -> Vec<u32> {
        let mut docs: Vec<&str> = Vec::new();
        mentions
            .iter()
            .map(|x| match docs.iter().position(|d| *d == x.doc) {
                Some(i) => i as u32,
                None => {
                    docs.push(x.doc);
                    docs.len() as u32 - 1
                }
            })
            .collect()
    }

    #[test]
    fn the_registry_batch_by_batch_keeps_ids_and_joins_as_identify() {
        let mentions = many_mentions();
        let docs = doc_numbers(&mentions);
        let want = identify(&mentions);
        for size in [1, 2, 3] {
            // Batches of `size` documents.
            let mut registry = Registry::new();
            let mut got = Vec::new();
            let mut start = 0;
            while start < mentions.len() {
                let mut end = start;
                while end < mentions.len() && docs[end] < docs[start] + size {
                    end += 1;
                }
                got.extend(registry.add(&mentions[start..end], &docs[start..end]));
                start = end;
            }
            // The same partition into identities (no join here needs re-deciding) and, since
            // no later batch joins two earlier identities, the same ids and sources.
            assert_eq!(got, want.source_of, "batches of {size} documents");
            let sources: Vec<Source> = (0..registry.len()).map(|i| registry.source(i)).collect();
            assert_eq!(sources, want.sources, "batches of {size} documents");
        }
    }

    #[test]
    fn a_later_batch_only_adds_links() {
        let mut registry = Registry::new();
        // "IOC" has one candidate in the first batch and joins it...
        let first = [
            m("a", "International Olympic Committee"),
            m("b", "IOC"),
            m("c", "NUJ"),
        ];
        assert_eq!(
            registry.add(&first, &[0, 1, 2]),
            [Some(0), Some(0), Some(1)]
        );
        // ...which a second candidate undoes for later mentions, alone as in memory (the
        // earlier claims keep their id); an acronym still alone joins the one name a later
        // batch spells it with.
        let second = [
            m("d", "Indian Oil Corporation"),
            m("e", "IOC"),
            m("f", "National Union of Journalists"),
        ];
        assert_eq!(
            registry.add(&second, &[3, 4, 5]),
            [Some(2), Some(3), Some(1)]
        );
        assert_eq!(registry.add(&[m("g", "IOC")], &[6]), [Some(3)]);
        assert_eq!(registry.source(0).name, "International Olympic Committee");
        assert_eq!(registry.source(3).name, "IOC");
        let nuj = registry.source(1);
        assert_eq!(nuj.name, "National Union of Journalists");
        assert_eq!((nuj.documents, nuj.claims), (2, 2));
        // A later name joins an earlier one as in memory.
        assert_eq!(registry.add(&[m("h", "Sergei Rudskoi")], &[7]), [Some(4)]);
        assert_eq!(registry.add(&[m("i", "Sergey Rudskoy")], &[8]), [Some(4)]);
        // Two identities with ids that a later document joins ("ABC" had two candidates, and
        // then a document of its own spells it): both ids stay and name one source; new
        // mentions take the smaller.
        let third = [
            m("j", "Alpha Beta Corporation"),
            m("k", "Atlantic Bridge Company"),
            m("l", "ABC"),
        ];
        assert_eq!(
            registry.add(&third, &[9, 10, 11]),
            [Some(5), Some(6), Some(7)]
        );
        let fourth = [m("m", "ABC"), m("m", "Alpha Beta Corporation")];
        assert_eq!(registry.add(&fourth, &[12, 12]), [Some(5), Some(5)]);
        assert_eq!(registry.source(7), registry.source(5));
        assert_eq!(
            (registry.source(5).documents, registry.source(5).claims),
            (3, 4)
        );
        assert_eq!(registry.len(), 8);
    }
}
