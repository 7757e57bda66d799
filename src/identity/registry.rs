//! The identity registry of a run of batches: the joins of the module documentation applied
//! batch by batch (acronyms, bare nouns and surnames within their document, people's names
//! across the batch), with the indices they look names up in and the run-wide ids.
//!
//! Owns which mentions are one identity and their ids; it must not fold names (`names`) nor
//! build a sources row itself (`entity`).

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::entity::{Entity, Gender};
use super::names::{fold, initials, is_pronoun, jaro_winkler, Folded, Shape};
use super::{Mention, Source, SURNAME_SIMILARITY};
use crate::union_find::UnionFind;

/// Finds the one root among `candidates` (node indices), if they all share one.
fn single_root(uf: &mut UnionFind, candidates: impl IntoIterator<Item = usize>) -> Option<usize> {
    let mut roots = candidates.into_iter().map(|c| uf.find(c));
    let first = roots.next()?;
    roots.all(|r| r == first).then_some(first)
}

/// A name of two or more words of an organisation or other: what an acronym may spell.
fn is_multiword(f: &Folded) -> bool {
    f.words.len() >= 2 && matches!(f.kind, Shape::Organisation | Shape::Other)
}

/// A person's first name, number of words and the surname's first letter: the names a new
/// person's name is compared with.
type FirstName = (String, usize, char);

/// A name the batch being added touches: its node, folded name (the node's first mention's),
/// the batch's documents that name it and its mentions' genders there.
struct Touched {
    node: usize,
    folded: Folded,
    docs: Vec<u32>,
    gender: Gender,
}

/// The identity registry of a run of batches (a stream): [`identify`]'s rules applied batch by
/// batch, each batch compared only with what the registry keeps of earlier ones, so the cost of
/// a batch follows the batch and not the run.
///
/// It keeps the distinct names seen (folded, with their node in one union-find over the run),
/// the indices the joins look names up in (initials of organisations, people by first name,
/// acronyms still alone), each node's set's genders, and for each identity what its sources
/// row is made of. Ids are numbered by first mention, as in [`identify`].
///
/// [`identify`] is a registry given one batch. Over several, earlier ids never change
/// and a later batch only adds links: the joins that one document decides (an acronym or a
/// bare noun or surname to a name of its own document) are the same; people's names join as
/// in [`identify`]; an acronym still alone joins the one name a later batch spells it with.
/// The one join that needs a single candidate in the run, an acronym to the one name that
/// spells it, is undone for later batches when a new name spelling it turns up (in memory it
/// would be alone): from that batch on the acronym is a new name, alone, while its earlier
/// mentions keep their id. When a later batch joins two identities that both have ids, both
/// ids stay and name the joined identity (new mentions take the smaller).
///
/// [`identify`]: super::identify
#[derive(Debug, Default)]
pub struct Registry {
    uf: UnionFind,
    /// At a root with mentions: its identity.
    entities: Vec<Option<Box<Entity>>>,
    /// At a root: the genders of its set's mentions.
    gender: Vec<Gender>,
    /// The nodes of names that are the same in every document, by folded key.
    node_of_key: HashMap<String, u32>,
    /// Their folded names (`None` for names of one document, which no later batch names).
    folded: Vec<Option<Box<Folded>>>,
    /// Organisation names of two or more words, by initials.
    by_initials: HashMap<String, Vec<u32>>,
    /// Acronyms that were still alone after their batch, by letters.
    alone: HashMap<String, Vec<u32>>,
    /// Acronyms joined to the one name of the run that spelled them, by letters.
    joined: HashMap<String, Vec<u32>>,
    /// People's names by first name, number of words and the surname's first letter, with the
    /// surname.
    by_first: HashMap<FirstName, Vec<(u32, Box<str>)>>,
    /// For each id, a node of its identity.
    ids: Vec<u32>,
    /// Mentions so far.
    mentions: u64,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    fn new_node(&mut self, folded: Option<Folded>) -> usize {
        self.entities.push(None);
        self.gender.push(Gender::default());
        self.folded.push(folded.map(Box::new));
        self.uf.push()
    }

    /// Joins the sets of `a` and `b`, with their genders and identities.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if ra == rb {
            return;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.uf.union(ra, rb);
        self.gender[root] = self.gender[root].and(self.gender[child]);
        if let Some(c) = self.entities[child].take() {
            match &mut self.entities[root] {
                Some(r) => r.merge(*c),
                None => self.entities[root] = Some(c),
            }
        }
    }

    /// Adds a batch's mentions (`docs[i]`: the run's index of `mentions[i]`'s document; a
    /// document is in one batch) and returns each mention's run-wide id, `None` for no source.
    pub fn add(&mut self, mentions: &[Mention], docs: &[u32]) -> Vec<Option<usize>> {
        assert_eq!(mentions.len(), docs.len());
        let mut distinct: HashMap<&str, usize> = HashMap::default();
        let mut sources_in_order: Vec<&str> = Vec::new();
        let source_index: Vec<usize> = mentions
            .iter()
            .map(|m| {
                let source = m.source.trim();
                *distinct.entry(source).or_insert_with(|| {
                    sources_in_order.push(source);
                    sources_in_order.len() - 1
                })
            })
            .collect();
        let folded_of: Vec<Option<Folded>> = sources_in_order
            .par_iter()
            .map(|s| (!s.is_empty() && !is_pronoun(s)).then(|| fold(s)).flatten())
            .collect();
        let gender_of: Vec<Gender> = mentions.par_iter().map(Gender::of).collect();
        // A new name that spells an acronym joined to the one name of the run that spelled it
        // makes the acronym ambiguous: from this batch on its mentions are a new name, alone as
        // in memory (its earlier mentions keep their id).
        for f in folded_of.iter().flatten() {
            if !is_multiword(f) || self.node_of_key.contains_key(&f.key) {
                continue;
            }
            let (skipping, all) = initials(&f.words);
            for letters in [skipping, all] {
                for n in self.joined.remove(&letters).unwrap_or_default() {
                    let key = self.folded[n as usize].as_ref().map(|f| f.key.clone());
                    if let Some(key) = key {
                        if self.node_of_key.get(&key) == Some(&n) {
                            self.node_of_key.remove(&key);
                        }
                    }
                }
            }
        }

        // The batch's nodes: names of one document are keyed by it (for this batch only).
        let first_new = self.uf.len();
        let mut local: HashMap<String, usize> = HashMap::default();
        let mut touched: Vec<Touched> = Vec::new();
        let mut touched_at: HashMap<usize, usize> = HashMap::default();
        let mut touched_of: Vec<Option<usize>> = Vec::with_capacity(mentions.len());
        let mut batch_docs: Vec<u32> = Vec::new();
        let mut doc_pos: HashMap<u32, usize> = HashMap::default();
        for (i, m) in mentions.iter().enumerate() {
            let doc = docs[i];
            if let std::collections::hash_map::Entry::Vacant(e) = doc_pos.entry(doc) {
                e.insert(batch_docs.len());
                batch_docs.push(doc);
            }
            let source = m.source.trim();
            let Some(folded) = &folded_of[source_index[i]] else {
                touched_of.push(None);
                continue;
            };
            let per_doc = matches!(
                folded.kind,
                Shape::Anonymous | Shape::OrganisationNoun | Shape::Surname
            ) || !source.chars().any(char::is_uppercase);
            let node = if per_doc {
                let key = format!("{doc}\u{1}{}", folded.key);
                match local.get(&key) {
                    Some(&n) => n,
                    None => {
                        let n = self.new_node(None);
                        local.insert(key, n);
                        n
                    }
                }
            } else {
                match self.node_of_key.get(&folded.key) {
                    Some(&n) => n as usize,
                    None => {
                        let n = self.new_node(Some(folded.clone()));
                        self.node_of_key.insert(folded.key.clone(), n as u32);
                        n
                    }
                }
            };
            let at = match touched_at.get(&node) {
                Some(&at) => at,
                None => {
                    let folded = match &self.folded[node] {
                        Some(f) => (**f).clone(),
                        None => folded.clone(),
                    };
                    touched.push(Touched {
                        node,
                        folded,
                        docs: Vec::new(),
                        gender: Gender::default(),
                    });
                    touched_at.insert(node, touched.len() - 1);
                    touched.len() - 1
                }
            };
            let t = &mut touched[at];
            t.gender = t.gender.and(gender_of[i]);
            if t.docs.last() != Some(&doc) && !t.docs.contains(&doc) {
                t.docs.push(doc);
            }
            let root = self.uf.find(node);
            self.gender[root] = self.gender[root].and(gender_of[i]);
            touched_of.push(Some(at));
        }
        // Touched names in node order, and each document's.
        let mut order: Vec<usize> = (0..touched.len()).collect();
        order.sort_unstable_by_key(|&t| touched[t].node);
        let mut nodes_in_doc: Vec<Vec<usize>> = vec![Vec::new(); batch_docs.len()];
        for &t in &order {
            for d in &touched[t].docs {
                nodes_in_doc[doc_pos[d]].push(t);
            }
        }
        let multiword = is_multiword;
        // New organisation names into the initials index.
        let mut new_initials: Vec<String> = Vec::new();
        for &t in &order {
            let t = &touched[t];
            if t.node >= first_new && multiword(&t.folded) {
                let (skipping, all) = initials(&t.folded.words);
                if all != skipping {
                    self.by_initials
                        .entry(all.clone())
                        .or_default()
                        .push(t.node as u32);
                    new_initials.push(all);
                }
                self.by_initials
                    .entry(skipping.clone())
                    .or_default()
                    .push(t.node as u32);
                new_initials.push(skipping);
            }
        }
        // An acronym or a bare noun joins the one name of its own document that fits.
        for doc_nodes in &nodes_in_doc {
            for &t in doc_nodes {
                let n = &touched[t].folded;
                let fits: Vec<usize> = match n.kind {
                    Shape::Acronym => {
                        let letters: String = n.key.chars().filter(|c| *c != '.').collect();
                        doc_nodes
                            .iter()
                            .filter(|&&j| {
                                multiword(&touched[j].folded) && {
                                    let (s, a) = initials(&touched[j].folded.words);
                                    s == letters || a == letters
                                }
                            })
                            .map(|&j| touched[j].node)
                            .collect()
                    }
                    Shape::OrganisationNoun => doc_nodes
                        .iter()
                        .filter(|&&j| {
                            j != t
                                && touched[j].folded.words.len() >= 2
                                && touched[j].folded.words.contains(&n.key)
                        })
                        .map(|&j| touched[j].node)
                        .collect(),
                    _ => continue,
                };
                if let Some(root) = single_root(&mut self.uf, fits) {
                    self.union(touched[t].node, root);
                }
            }
        }
        // An acronym no name of its document spells joins the one name of the run that does:
        // the batch's acronyms, and earlier ones still alone whose letters a new name spells.
        let mut acronyms: Vec<usize> = touched
            .iter()
            .filter(|t| t.folded.kind == Shape::Acronym)
            .map(|t| t.node)
            .collect();
        new_initials.sort_unstable();
        new_initials.dedup();
        for letters in &new_initials {
            if let Some(alone) = self.alone.get(letters) {
                acronyms.extend(alone.iter().map(|&n| n as usize));
            }
        }
        acronyms.sort_unstable();
        acronyms.dedup();
        let letters_of = |folded: &Option<Box<Folded>>| -> String {
            let key = folded.as_ref().map_or("", |f| f.key.as_str());
            key.chars().filter(|c| *c != '.').collect()
        };
        for &i in &acronyms {
            if self.uf.find(i) == i {
                let letters = letters_of(&self.folded[i]);
                let root = self
                    .by_initials
                    .get(&letters)
                    .and_then(|fits| single_root(&mut self.uf, fits.iter().map(|&n| n as usize)));
                if let Some(root) = root {
                    self.union(i, root);
                    self.joined.entry(letters).or_default().push(i as u32);
                }
            }
        }
        // (Only the letters of this batch's acronyms are visited: the cost follows the batch.)
        for &i in &acronyms {
            let alone = self.uf.find(i) == i;
            let letters = letters_of(&self.folded[i]);
            let list = self.alone.entry(letters.clone()).or_default();
            list.retain(|&n| n as usize != i);
            if alone {
                list.push(i as u32);
            } else if list.is_empty() {
                self.alone.remove(&letters);
            }
        }
        // People with one first name and near-equal surnames: each new name against the earlier
        // ones of its first name, number of words and surname's first letter.
        let mut pairs = Vec::new();
        for &t in &order {
            let t = &touched[t];
            if t.node < first_new || t.folded.kind != Shape::PersonName {
                continue;
            }
            let words = &t.folded.words;
            let sb = &words[words.len() - 1];
            let key = (
                words[0].clone(),
                words.len(),
                sb.chars().next().unwrap_or(' '),
            );
            let group = self.by_first.entry(key).or_default();
            for (a, sa) in group.iter() {
                if sa.chars().count() >= 4 && jaro_winkler(sa, sb) >= SURNAME_SIMILARITY {
                    pairs.push((*a as usize, t.node));
                }
            }
            group.push((t.node as u32, sb.as_str().into()));
        }
        for (a, b) in pairs {
            self.union(a, b);
        }
        // A bare surname joins the one person of its own document with that surname, unless
        // their genders differ (the genders as they were before these joins, as in `identify`).
        let mut by_surname: HashMap<(u32, &str), Vec<usize>> = HashMap::default();
        for &t in &order {
            let t = &touched[t];
            if t.folded.kind == Shape::PersonName {
                let last = t.folded.words.last().map(String::as_str).unwrap_or("");
                for d in &t.docs {
                    by_surname.entry((*d, last)).or_default().push(t.node);
                }
            }
        }
        let mut gender_of_root: HashMap<usize, Gender> = HashMap::default();
        for t in &touched {
            let root = self.uf.find(t.node);
            gender_of_root.insert(root, self.gender[root]);
        }
        for &t in &order {
            let n = &touched[t];
            if n.folded.kind != Shape::Surname || n.gender.conflicts(Gender::default()) {
                continue;
            }
            let fits: Vec<usize> = by_surname
                .get(&(n.docs[0], n.folded.key.as_str()))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&c| {
                    let g = gender_of_root
                        .get(&self.uf.find(c))
                        .copied()
                        .unwrap_or_default();
                    !g.conflicts(n.gender)
                })
                .collect();
            if let Some(root) = single_root(&mut self.uf, fits) {
                self.union(n.node, root);
            }
        }
        // Each mention to its identity; a new identity takes the next id.
        let base = self.mentions;
        self.mentions += mentions.len() as u64;
        let mut out = Vec::with_capacity(mentions.len());
        for (i, at) in touched_of.iter().enumerate() {
            let Some(at) = *at else {
                out.push(None);
                continue;
            };
            let t = &touched[at];
            let root = self.uf.find(t.node);
            let entity = self.entities[root].get_or_insert_with(Default::default);
            let id = match entity.id {
                Some(id) => id,
                None => {
                    let id = u32::try_from(self.ids.len()).expect("fewer than 2^32 sources");
                    entity.id = Some(id);
                    self.ids.push(root as u32);
                    id
                }
            };
            entity.add(&mentions[i], &t.folded, docs[i], base + i as u64);
            out.push(Some(id as usize));
        }
        out
    }

    /// The number of ids handed out.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no id was handed out.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The source of run-wide id `id` as known so far (two ids of identities joined later give
    /// the same source).
    pub fn source(&mut self, id: usize) -> Source {
        let root = self.uf.find(self.ids[id] as usize);
        self.entities[root]
            .as_ref()
            .expect("an identity at every root of an id")
            .source()
    }

    /// Heap bytes held (an estimate: capacities times sizes, strings by their length).
    pub fn heap_bytes(&self) -> usize {
        let map = |entries: usize, entry: usize| entries * (entry + 1) * 8 / 7;
        let folded = |f: &Folded| {
            std::mem::size_of::<Folded>()
                + f.key.capacity()
                + f.words.capacity() * std::mem::size_of::<String>()
                + f.words.iter().map(String::capacity).sum::<usize>()
        };
        self.uf.heap_bytes()
            + self.entities.capacity() * 8
            + self
                .entities
                .iter()
                .flatten()
                .map(|e| std::mem::size_of::<Entity>() + e.heap_bytes())
                .sum::<usize>()
            + self.gender.capacity() * std::mem::size_of::<Gender>()
            + map(
                self.node_of_key.capacity(),
                std::mem::size_of::<(String, u32)>(),
            )
            + self.node_of_key.keys().map(String::capacity).sum::<usize>()
            + self.folded.capacity() * 8
            + self
                .folded
                .iter()
                .flatten()
                .map(|f| folded(f))
                .sum::<usize>()
            + map(
                self.by_initials.capacity(),
                std::mem::size_of::<(String, Vec<u32>)>(),
            )
            + self
                .by_initials
                .iter()
                .map(|(k, v)| k.capacity() + v.capacity() * 4)
                .sum::<usize>()
            + map(
                self.alone.capacity(),
                std::mem::size_of::<(String, Vec<u32>)>(),
            )
            + self.alone.values().map(|v| v.capacity() * 4).sum::<usize>()
            + map(
                self.joined.capacity(),
                std::mem::size_of::<(String, Vec<u32>)>(),
            )
            + self
                .joined
                .values()
                .map(|v| v.capacity() * 4)
                .sum::<usize>()
            + map(
                self.by_first.capacity(),
                std::mem::size_of::<(FirstName, Vec<(u32, Box<str>)>)>(),
            )
            + self
                .by_first
                .iter()
                .map(|(k, v)| {
                    k.0.capacity()
                        + v.capacity() * std::mem::size_of::<(u32, Box<str>)>()
                        + v.iter().map(|x| x.1.len()).sum::<usize>()
                })
                .sum::<usize>()
            + self.ids.capacity() * 4
    }
}
