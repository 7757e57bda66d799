//! The batch-level steps, after every document's own stages: repeats across documents
//! (`claims.cluster_id`, [`cluster`]) and one id per real-world source (`claims.source_id`, the
//! `sources` table, [`identity`]), for a batch held in memory ([`link_claims`], which
//! [`crate::batch`] runs once a batch is complete) and for a stream of batches ([`RunLinks`]).
//!
//! Run-wide links for a stream of batches: one identity registry ([`identity::Registry`]) and
//! one near-duplicate index ([`cluster::Index`]) kept for the whole run, so `source_id` and
//! `cluster_id` mean the same in every batch while each batch costs what the batch holds, not
//! what the run has seen.
//!
//! The in-memory run links the claims of all its documents at once
//! ([`link_claims`]); a stream can't, and relinking every claim so far for
//! each batch grows quadratically with the run (6.4 of 11.7 s on 10,475 BBC News articles in
//! 21 batches of 500, when it was done that way). [`RunLinks::link`] adds one batch: a new
//! batch's names are looked up in the registry's indices and its claims in the index's band
//! buckets. Earlier ids never change and a later batch only adds links (see the two types for
//! what that means where the in-memory run would have decided otherwise).

use rustc_hash::FxHashMap as HashMap;

use crate::cluster;
use crate::identity;
use crate::identity::{identify, Mention};
use crate::table::{ClaimsTable, SourcesTable};

/// What the batch-level steps read of each claim, borrowed from wherever the claims are kept
/// (the `claims` table, or the Python binding's Arrow buffers, which need no copy of them).
#[derive(Debug, Default)]
pub struct ClaimKeys<'a> {
    /// The claim's document.
    pub doc_id: Vec<&'a str>,
    /// The claim's content.
    pub content: Vec<&'a str>,
    /// The resolved source, "" when none.
    pub source: Vec<&'a str>,
    /// The source as written.
    pub source_text: Vec<Option<&'a str>>,
    /// The source's titles and roles.
    pub source_role: Vec<Option<&'a str>>,
}

impl<'a> ClaimKeys<'a> {
    /// The keys of the claims of a `claims` table.
    pub fn of(claims: &'a ClaimsTable) -> Self {
        ClaimKeys {
            doc_id: claims
                .doc_id
                .iter()
                .map(Option::unwrap_or_default)
                .collect(),
            content: claims
                .content
                .iter()
                .map(Option::unwrap_or_default)
                .collect(),
            source: claims
                .source
                .iter()
                .map(Option::unwrap_or_default)
                .collect(),
            source_text: claims.source_text.iter().collect(),
            source_role: claims.source_role.iter().collect(),
        }
    }

    /// Each claim's source as the identity step reads it.
    pub fn mentions(&self) -> Vec<Mention<'a>> {
        (0..self.doc_id.len())
            .map(|i| Mention {
                doc: self.doc_id[i],
                source: self.source[i],
                written: self.source_text[i],
                role: self.source_role[i],
            })
            .collect()
    }
}

/// The batch-level columns: `claims.cluster_id`, `claims.source_id` and the `sources` table.
#[derive(Debug, Default)]
pub struct Links {
    /// Repeats of a claim of another document share an id (see `cluster`).
    pub cluster_id: Vec<Option<i64>>,
    /// The claim's row in `sources`.
    pub source_id: Vec<Option<i64>>,
    /// One row per real-world source.
    pub sources: SourcesTable,
}

/// Runs the batch-level steps over the claims of a whole batch.
pub fn link_claims(keys: &ClaimKeys) -> Links {
    // Independent of each other, so they overlap on two cores (with the parallel parts inside
    // them, the batch-level steps on the 30.7 MB benchmark corpus took 1.05 s at jobs=1 and
    // 0.55 s at jobs=2 on 2026-12-03).
    let (cluster_id, (source_id, sources)) = rayon::join(
        || crate::cluster::cluster_ids(&keys.content, &keys.doc_id),
        || source_identities(keys),
    );
    Links {
        cluster_id,
        source_id,
        sources,
    }
}

/// Each claim's row in the `sources` table it returns.
fn source_identities(keys: &ClaimKeys) -> (Vec<Option<i64>>, SourcesTable) {
    let found = identify(&keys.mentions());
    let source_id = found
        .source_of
        .iter()
        .map(|s| s.map(|i| i as i64))
        .collect();
    let mut t = SourcesTable::default();
    for (i, s) in found.sources.iter().enumerate() {
        t.push(i, s);
    }
    (source_id, t)
}

/// The links of one batch.
#[derive(Debug, Default)]
pub struct BatchLinks {
    /// Each claim's run-wide cluster id.
    pub cluster_id: Vec<Option<i64>>,
    /// Each claim's run-wide source id.
    pub source_id: Vec<Option<i64>>,
    /// The run-wide rows (as known after this batch) of the sources the batch's claims name,
    /// by id.
    pub sources: SourcesTable,
}

/// The run-wide state of a stream (see the module documentation).
#[derive(Debug, Default)]
pub struct RunLinks {
    /// Document id to the run's index (the registry and the index compare documents by it).
    docs: HashMap<Box<str>, u32>,
    identities: identity::Registry,
    repeats: cluster::Index,
    claims: usize,
}

impl RunLinks {
    /// The state of a run that has seen no batch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Links one batch's claims (every claim of its documents; a document is in one batch)
    /// with each other and with every earlier batch's.
    pub fn link(&mut self, keys: &ClaimKeys) -> BatchLinks {
        let n = keys.doc_id.len();
        let docs: Vec<u32> = keys
            .doc_id
            .iter()
            .map(|d| match self.docs.get(*d) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(self.docs.len()).expect("fewer than 2^32 documents");
                    self.docs.insert((*d).into(), i);
                    i
                }
            })
            .collect();
        let mentions = keys.mentions();
        let (repeats, identities) = (&mut self.repeats, &mut self.identities);
        let (cluster_id, source_of) = rayon::join(
            || repeats.add(&keys.content, &docs),
            || identities.add(&mentions, &docs),
        );
        self.claims += n;
        let mut named: Vec<usize> = source_of.iter().flatten().copied().collect();
        named.sort_unstable();
        named.dedup();
        BatchLinks {
            cluster_id,
            source_id: source_of.iter().map(|s| s.map(|i| i as i64)).collect(),
            sources: self.rows(named),
        }
    }

    /// Every run-wide source so far, by id.
    pub fn sources(&mut self) -> SourcesTable {
        self.rows(0..self.identities.len())
    }

    fn rows(&mut self, ids: impl IntoIterator<Item = usize>) -> SourcesTable {
        let mut t = SourcesTable::default();
        for id in ids {
            t.push(id, &self.identities.source(id));
        }
        t
    }

    /// Claims linked so far.
    pub fn claims(&self) -> usize {
        self.claims
    }

    /// Heap bytes the state holds (an estimate from capacities): [`RunLinks::source_bytes`]
    /// and [`RunLinks::claim_bytes`].
    pub fn heap_bytes(&self) -> usize {
        self.source_bytes() + self.claim_bytes()
    }

    /// Heap bytes of the identity registry.
    pub fn source_bytes(&self) -> usize {
        self.identities.heap_bytes()
    }

    /// Heap bytes of the near-duplicate index and the document ids.
    pub fn claim_bytes(&self) -> usize {
        self.repeats.heap_bytes()
            + self.docs.capacity() * 25 * 8 / 7
            + self.docs.keys().map(|k| k.len()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<'a>(rows: &[(&'a str, &'a str, &'a str)]) -> ClaimKeys<'a> {
        ClaimKeys {
            doc_id: rows.iter().map(|r| r.0).collect(),
            content: rows.iter().map(|r| r.2).collect(),
            source: rows.iter().map(|r| r.1).collect(),
            source_text: rows.iter().map(|r| Some(r.1)).collect(),
            source_role: vec![None; rows.len()],
        }
    }

    #[test]
    fn later_batches_keep_ids_and_join_earlier_sources_and_clusters() {
        let quote = "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday";
        let mut run = RunLinks::new();
        let first = run.link(&keys(&[
            ("a", "Sergei Lavrov", quote),
            (
                "a",
                "Syrian Observatory for Human Rights",
                "Twelve people were killed in the shelling of the old city",
            ),
            (
                "b",
                "SANA",
                "Nothing in common with anything else said here today",
            ),
        ]));
        assert_eq!(first.source_id, [Some(0), Some(1), Some(2)]);
        assert_eq!(first.cluster_id, [None, None, None]);
        let second = run.link(&keys(&[
            ("c", "Sergey Lavrov", &format!("{quote}.")),
            (
                "c",
                "SOHR",
                "Another claim entirely about the weather in the north",
            ),
            (
                "d",
                "Maria Zakharova",
                "A claim of its own with enough words in it",
            ),
        ]));
        // Lavrov's folded name and the acronym join the earlier identities.
        assert_eq!(second.source_id, [Some(0), Some(1), Some(3)]);
        // The repeat gets a cluster id; the earlier claim kept its None.
        assert_eq!(second.cluster_id, [Some(0), None, None]);
        assert_eq!(second.sources.source_id, [0, 1, 3]);
        let all = run.sources();
        assert_eq!(all.source_id, [0, 1, 2, 3]);
        assert_eq!(all.documents, [2, 2, 1, 1]);
        assert_eq!(all.claims, [2, 2, 1, 1]);
        assert_eq!(run.claims(), 6);
        assert!(run.heap_bytes() > 0);
    }
}
