//! Claim repeats: groups near-duplicate claim contents across documents.
//!
//! Takes the claims' contents and document ids (the columns of a whole batch); gives one
//! `cluster_id` per claim: `Some(id)` when the claim's content nearly repeats the content of a
//! claim in *another* document ("Which outlets repeat the Russian Defence Ministry verbatim?"),
//! `None` when it has no repeat. It does not look at sources, dates or numbers, and it knows
//! nothing of the other stages.
//!
//! Method: each content becomes a set of word shingles ([`SHINGLE_WORDS`]-grams of lowercased
//! words); contents with identical sets are joined at once, and each distinct set is summarised
//! by a MinHash signature of [`NUM_HASHES`] values. Locality-sensitive
//! hashing ([`BANDS`] bands of [`ROWS`] rows) proposes candidate pairs: two contents share a band
//! bucket with probability `1 - (1 - J^ROWS)^BANDS` (J = their Jaccard similarity), 0.995 at
//! J = 0.5 and 0.03 at J = 0.1. A candidate is kept when the exact Jaccard similarity of its two
//! shingle sets is at least [`THRESHOLD`]; kept pairs are joined with union-find. A
//! cluster gets an id only when its claims come from at least two documents; ids are numbered
//! from 0 in the order of each cluster's first claim, so they do not depend on thread count.
//!
//! Signatures, band buckets and verification run in parallel with rayon; union-find is serial
//! (it is linear in the kept pairs).
//!
//! [`cluster_ids`] takes a whole batch at once; a stream's [`Index`] keeps the band buckets and
//! shingle sets of earlier batches, so a new batch's claims are compared only with the
//! candidates their buckets hold and earlier ids never change.

use rustc_hash::FxHashMap as HashMap;

use crate::union_find::UnionFind;
use std::sync::LazyLock;

use rayon::prelude::*;

/// Words per shingle. Three-word shingles let one edited word change only three shingles of a
/// sentence, so "the Syrian army controls 93 percent of the city" and the same with "Aleppo"
/// for "the city" stay near each other, while sentences that merely share words do not.
pub const SHINGLE_WORDS: usize = 3;

/// Contents of fewer words are never clustered: "Lies and more lies" repeated by two outlets
/// says little, and a handful of shingles makes the Jaccard estimate all-or-nothing.
pub const MIN_WORDS: usize = 5;

/// Bands of the LSH index.
pub const BANDS: usize = 40;

/// Signature values per band.
pub const ROWS: usize = 3;

/// Length of a MinHash signature (`BANDS * ROWS`).
pub const NUM_HASHES: usize = BANDS * ROWS;

/// The Jaccard similarity of shingle sets at or above which two contents are
/// repeats. At 0.5 a 20-word quotation with one or two words changed ("a spokesman said" for
/// "the spokesman said", a dropped "the") still matches (J ~ 0.7 and ~ 0.55), while two
/// different claims on one topic ("the army took 93 percent of the city" vs "the army took 99
/// percent of Aleppo") do not.
pub const THRESHOLD: f64 = 0.5;

/// Above this many members a bucket is not compared all-against-all (a quotation repeated by
/// hundreds of outlets would give tens of thousands of pairs): each member is compared with the
/// bucket's first member and with its neighbour, which links a clique of repeats all the same.
const MAX_BUCKET_PAIRS: usize = 64;

/// The words of `text`, lowercased: runs of alphanumeric characters, written one after another
/// into `buffer`, with their byte ranges there. One buffer for all words, since a claim has
/// dozens of words and this runs for every claim of a batch.
fn words(text: &str, buffer: &mut String) -> Vec<(usize, usize)> {
    buffer.clear();
    let mut ranges = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let start = buffer.len();
        if word.is_ascii() {
            buffer.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buffer.push_str(&word.to_lowercase());
        }
        ranges.push((start, buffer.len()));
    }
    ranges
}

/// SplitMix64: a fast, well-mixing 64-bit permutation, used for the MinHash hash family.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The parameters of the [`NUM_HASHES`] hash functions `a * x + b` over 32-bit words (`a`
/// odd, so each is a permutation), fixed so that cluster ids are the same on every run and
/// platform. 32-bit values keep the estimate as good (collisions at the minimum are 2^-32 rare)
/// and let one vector instruction compute eight hash functions.
struct HashFamily {
    a: [u32; NUM_HASHES],
    b: [u32; NUM_HASHES],
}

static HASH_FAMILY: LazyLock<HashFamily> = LazyLock::new(|| {
    let mut family = HashFamily {
        a: [0; NUM_HASHES],
        b: [0; NUM_HASHES],
    };
    for i in 0..NUM_HASHES {
        let seed = mix(i as u64 + 1);
        family.a[i] = (seed as u32) | 1;
        family.b[i] = (seed >> 32) as u32;
    }
    family
});

/// FNV-1a over bytes: a fixed, platform-independent hash of a shingle's words.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    h
}

/// The hashes of the distinct word shingles of `text`; empty when it has fewer than
/// [`MIN_WORDS`] words.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut buffer = String::with_capacity(text.len());
    let words = words(text, &mut buffer);
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let bytes = buffer.as_bytes();
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            w.iter().fold(0xCBF2_9CE4_8422_2325, |h, &(start, end)| {
                // A separator, so that ("ab", "c") and ("a", "bc") differ.
                fnv(&bytes[start..end], h) ^ 0xFF
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a shingle set: for each of [`NUM_HASHES`] hash functions, the
/// least hash over the shingles. `None` for an empty set.
pub fn signature(shingles: &[u64]) -> Option<Vec<u32>> {
    if shingles.is_empty() {
        return None;
    }
    let family = &*HASH_FAMILY;
    let mut sig = [u32::MAX; NUM_HASHES];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        unsafe { fold_minima_avx2(family, shingles, &mut sig) };
        return Some(sig.to_vec());
    }
    fold_minima(family, shingles, &mut sig);
    Some(sig.to_vec())
}

/// [`fold_minima`] compiled for AVX2 (8 lanes of 32-bit multiply and unsigned min), which the
/// default x86-64 target lacks; the signatures are the bottleneck of clustering.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn fold_minima_avx2(family: &HashFamily, shingles: &[u64], sig: &mut [u32; NUM_HASHES]) {
    fold_minima(family, shingles, sig)
}

/// Lowers each `sig[i]` to the least `h_i` over the shingles: one multiply-add per hash
/// function on the shingle's mixed 32 bits, in fixed-size arrays the compiler vectorises.
#[inline(always)]
fn fold_minima(family: &HashFamily, shingles: &[u64], sig: &mut [u32; NUM_HASHES]) {
    for &s in shingles {
        let x = (mix(s) >> 32) as u32;
        for ((slot, &a), &b) in sig.iter_mut().zip(&family.a).zip(&family.b) {
            let h = a.wrapping_mul(x).wrapping_add(b);
            *slot = (*slot).min(h ^ (h >> 15));
        }
    }
}

/// The Jaccard similarity of two sorted, deduplicated shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// The share of equal values of two signatures: an unbiased estimate of the Jaccard similarity
/// of their shingle sets.
pub fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

/// Candidate pairs `(i, j)`, `i < j`, of signatures that agree on all rows of some band;
/// sorted and without repeats.
pub fn candidate_pairs(signatures: &[Option<Vec<u32>>]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let keys: Vec<(u64, u32)> = signatures
                .iter()
                .enumerate()
                .filter_map(|(i, sig)| Some((band_key(band, sig.as_ref()?), i as u32)))
                .collect();
            // Nearly every bucket holds one member: counting first and sorting only the keys
            // that repeat costs two hash operations per member instead of a sort of all of
            // them, which was a fifth of clustering. Buckets still come out as runs of
            // (key, member) sorted pairs: one allocation per band, not one per bucket.
            let mut count: HashMap<u64, u32> =
                HashMap::with_capacity_and_hasher(keys.len(), Default::default());
            for &(key, _) in &keys {
                *count.entry(key).or_default() += 1;
            }
            let mut keyed: Vec<(u64, u32)> =
                keys.into_iter().filter(|(key, _)| count[key] > 1).collect();
            keyed.sort_unstable();
            let mut out = Vec::new();
            let mut members: Vec<u32> = Vec::new();
            for bucket in keyed.chunk_by(|x, y| x.0 == y.0).filter(|b| b.len() > 1) {
                members.clear();
                members.extend(bucket.iter().map(|&(_, i)| i));
                if members.len() <= MAX_BUCKET_PAIRS {
                    for (k, &a) in members.iter().enumerate() {
                        out.extend(members[k + 1..].iter().map(|&b| (a, b)));
                    }
                } else {
                    out.extend(members[1..].iter().map(|&b| (members[0], b)));
                    out.extend(members.windows(2).skip(1).map(|w| (w[0], w[1])));
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// One `cluster_id` per content (see the module doc): `contents[i]` belongs to document
/// `documents[i]`. Both slices have the same length.
pub fn cluster_ids<S: AsRef<str> + Sync, D: PartialEq + Sync>(
    contents: &[S],
    documents: &[D],
) -> Vec<Option<i64>> {
    assert_eq!(contents.len(), documents.len());
    let shingle_sets: Vec<Vec<u64>> = contents.par_iter().map(|c| shingles(c.as_ref())).collect();
    // Identical shingle sets (verbatim repeats, a corpus that holds an article twice) are joined
    // at once and signed once: only the first of each enters the LSH index.
    let mut sets = UnionFind::new(contents.len());
    // Keyed by a fingerprint of the set (hashing whole sets in the map cost more than the
    // signatures); a fingerprint shared by two different sets only leaves both in the index.
    let fingerprints: Vec<u64> = shingle_sets
        .par_iter()
        .map(|set| set.iter().fold(set.len() as u64, |h, s| mix(h ^ s)))
        .collect();
    let mut first_of: HashMap<u64, u32> =
        HashMap::with_capacity_and_hasher(contents.len(), Default::default());
    let mut unique = vec![false; contents.len()];
    for (i, set) in shingle_sets.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        match first_of.entry(fingerprints[i]) {
            std::collections::hash_map::Entry::Occupied(e)
                if shingle_sets[*e.get() as usize] == *set =>
            {
                sets.union(*e.get() as usize, i)
            }
            std::collections::hash_map::Entry::Occupied(_) => unique[i] = true,
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i as u32);
                unique[i] = true;
            }
        }
    }
    let signatures: Vec<Option<Vec<u32>>> = shingle_sets
        .par_iter()
        .zip(unique.par_iter())
        .map(|(set, &first)| if first { signature(set) } else { None })
        .collect();
    // Candidates are verified on their exact Jaccard: the signature's estimate errs by about
    // 0.045 at J = 0.5, which made a paraphrase at J = 0.54 a repeat or not by the luck of the
    // hash family.
    let kept: Vec<(u32, u32)> = candidate_pairs(&signatures)
        .into_par_iter()
        .filter(|&(a, b)| {
            jaccard(&shingle_sets[a as usize], &shingle_sets[b as usize]) >= THRESHOLD
        })
        .collect();
    for (a, b) in kept {
        sets.union(a as usize, b as usize);
    }
    // A set spans two documents when some member's document differs from its root's.
    let roots: Vec<u32> = (0..contents.len()).map(|i| sets.find(i) as u32).collect();
    let mut spans = vec![false; contents.len()];
    for (i, &root) in roots.iter().enumerate() {
        if documents[i] != documents[root as usize] {
            spans[root as usize] = true;
        }
    }
    let mut ids: HashMap<u32, i64> = HashMap::default();
    roots
        .iter()
        .map(|&root| {
            spans[root as usize].then(|| {
                let next = ids.len() as i64;
                *ids.entry(root).or_insert(next)
            })
        })
        .collect()
}

/// The key of `band` of a signature: the band's rows hashed together.
fn band_key(band: usize, signature: &[u32]) -> u64 {
    signature[band * ROWS..(band + 1) * ROWS]
        .iter()
        .fold(band as u64, |h, &r| mix(h ^ u64::from(r)))
}

/// A value of a [`Band`]'s map with this bit set is an index into its `many`; without it, the
/// bucket's one member.
const MANY: u32 = 1 << 31;

/// The members of an LSH bucket that later members are compared with.
#[derive(Debug, Clone)]
enum Bucket {
    /// Up to [`MAX_BUCKET_PAIRS`] members: a new member is compared with each.
    Small(Vec<u32>),
    /// More: a new member is compared with the first and the last (as [`candidate_pairs`]
    /// links a big bucket: a star from its first member and a chain of neighbours).
    Big { first: u32, last: u32 },
}

/// One band of an [`Index`]: bucket key (32 bits of [`band_key`]; a false collision only
/// costs a comparison, since pairs are verified) to its members.
#[derive(Debug, Clone, Default)]
struct Band {
    buckets: HashMap<u32, u32>,
    many: Vec<Bucket>,
}

impl Band {
    /// Adds `new` (ascending claim numbers, all above the bucket's) to bucket `key` and
    /// returns the candidate pairs they make: as [`candidate_pairs`] would over the bucket's
    /// earlier and new members together, less the pairs of earlier members.
    fn add(&mut self, key: u32, new: &[u32], pairs: &mut Vec<(u32, u32)>) {
        let at = self.buckets.get(&key).copied();
        let earlier = match at {
            None => Bucket::Small(Vec::new()),
            Some(v) if v & MANY == 0 => Bucket::Small(vec![v]),
            Some(v) => std::mem::replace(
                &mut self.many[(v & !MANY) as usize],
                Bucket::Small(Vec::new()),
            ),
        };
        let bucket = match earlier {
            Bucket::Small(mut members) if members.len() + new.len() <= MAX_BUCKET_PAIRS => {
                for (k, &n) in new.iter().enumerate() {
                    pairs.extend(members.iter().chain(&new[..k]).map(|&m| (m, n)));
                }
                members.extend_from_slice(new);
                Bucket::Small(members)
            }
            earlier => {
                let (first, mut previous) = match &earlier {
                    Bucket::Small(m) => (m.first().copied(), m.last().copied()),
                    Bucket::Big { first, last } => (Some(*first), Some(*last)),
                };
                let first = first.unwrap_or(new[0]);
                for &n in new {
                    if n != first {
                        pairs.push((first, n));
                    }
                    if let Some(p) = previous.filter(|&p| p != first) {
                        pairs.push((p, n));
                    }
                    previous = Some(n);
                }
                Bucket::Big {
                    first,
                    last: *new.last().expect("a new member"),
                }
            }
        };
        match (bucket, at) {
            (Bucket::Small(m), None | Some(0..MANY)) if m.len() == 1 => {
                self.buckets.insert(key, m[0]);
            }
            (bucket, Some(v)) if v & MANY != 0 => self.many[(v & !MANY) as usize] = bucket,
            (bucket, _) => {
                let index = u32::try_from(self.many.len()).expect("fewer than 2^31 buckets");
                assert!(index < MANY, "fewer than 2^31 buckets");
                self.many.push(bucket);
                self.buckets.insert(key, index | MANY);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.buckets.capacity() * 9 * 8 / 7
            + self.many.capacity() * std::mem::size_of::<Bucket>()
            + self
                .many
                .iter()
                .map(|b| match b {
                    Bucket::Small(m) => m.capacity() * 4,
                    Bucket::Big { .. } => 0,
                })
                .sum::<usize>()
    }
}

/// The near-duplicate index of a run of batches (a stream): [`cluster_ids`]' method applied
/// batch by batch, a new claim compared only with the earlier claims its LSH band buckets
/// hold, so the cost of a batch follows the batch and not the run.
///
/// It keeps, for every claim, its set in one union-find over the run and its document; for
/// each distinct shingle set, the set itself (for the exact Jaccard verification and for
/// verbatim repeats, found by the set's fingerprint) and its place in the [`BANDS`] bands'
/// buckets; and the cluster id of each set that has one. With one batch it gives
/// [`cluster_ids`]' ids (bar a candidate a 32-bit bucket key adds, which verification then
/// rejects). Over several, earlier ids never change and a later batch only adds links: a claim
/// that repeats an earlier cluster's gets its id; a set whose first repeat in another document
/// comes in a later batch gets an id then, its earlier claims staying without one; two
/// clusters a later claim joins keep their ids, and new claims take the smaller.
#[derive(Debug, Clone, Default)]
pub struct Index {
    sets: UnionFind,
    /// Each claim's document (the run's index).
    doc: Vec<u32>,
    /// At a root: whether its set spans two documents.
    spans: Vec<bool>,
    /// The cluster id of a root's set, once it has one.
    ids: HashMap<u32, i64>,
    next_id: i64,
    /// Fingerprint of a shingle set to its first claim.
    first_of: HashMap<u64, u32>,
    /// The kept shingle sets, one after another; `set_at[claim]` is its (start, length), length
    /// 0 for a claim whose set is not kept (too short, or a verbatim repeat).
    shingles: Vec<u64>,
    set_at: Vec<(u64, u32)>,
    bands: Vec<Band>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    fn set(&self, claim: usize) -> &[u64] {
        let (start, len) = self.set_at[claim];
        &self.shingles[start as usize..start as usize + len as usize]
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.sets.find(a), self.sets.find(b));
        if ra == rb {
            return;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.sets.union(ra, rb);
        self.spans[root] =
            self.spans[root] || self.spans[child] || self.doc[root] != self.doc[child];
        if let Some(c) = self.ids.remove(&(child as u32)) {
            let id = self.ids.entry(root as u32).or_insert(c);
            *id = (*id).min(c);
        }
    }

    /// Adds a batch's claims (`docs[i]`: the run's index of the document of `contents[i]`) and
    /// returns their cluster ids (see the type's documentation).
    pub fn add<S: AsRef<str> + Sync>(&mut self, contents: &[S], docs: &[u32]) -> Vec<Option<i64>> {
        assert_eq!(contents.len(), docs.len());
        if self.bands.is_empty() {
            self.bands = vec![Band::default(); BANDS];
        }
        let base = self.sets.len();
        let new_sets: Vec<Vec<u64>> = contents.par_iter().map(|c| shingles(c.as_ref())).collect();
        let fingerprints: Vec<u64> = new_sets
            .par_iter()
            .map(|set| set.iter().fold(set.len() as u64, |h, s| mix(h ^ s)))
            .collect();
        let mut repeats: Vec<(usize, usize)> = Vec::new();
        let mut unique: Vec<usize> = Vec::new();
        for (i, set) in new_sets.iter().enumerate() {
            let claim = self.sets.push();
            self.doc.push(docs[i]);
            self.spans.push(false);
            self.set_at.push((0, 0));
            if set.is_empty() {
                continue;
            }
            let first = self.first_of.get(&fingerprints[i]).copied();
            match first {
                Some(e) if self.set(e as usize) == set.as_slice() => {
                    repeats.push((e as usize, claim));
                    continue;
                }
                Some(_) => {}
                None => {
                    self.first_of.insert(fingerprints[i], claim as u32);
                }
            }
            self.set_at[claim] = (
                self.shingles.len() as u64,
                u32::try_from(set.len()).expect("fewer than 2^32 shingles"),
            );
            self.shingles.extend_from_slice(set);
            unique.push(i);
        }
        for (a, b) in repeats {
            self.union(a, b);
        }
        let signatures: Vec<Vec<u32>> = unique
            .par_iter()
            .map(|&i| signature(&new_sets[i]).expect("a non-empty set"))
            .collect();
        let mut pairs: Vec<(u32, u32)> = self
            .bands
            .par_iter_mut()
            .enumerate()
            .flat_map_iter(|(band, buckets)| {
                let mut keyed: Vec<(u32, u32)> = unique
                    .iter()
                    .zip(&signatures)
                    .map(|(&i, sig)| (band_key(band, sig) as u32, (base + i) as u32))
                    .collect();
                keyed.sort_unstable();
                let mut pairs = Vec::new();
                let mut new = Vec::new();
                for run in keyed.chunk_by(|x, y| x.0 == y.0) {
                    new.clear();
                    new.extend(run.iter().map(|&(_, claim)| claim));
                    buckets.add(run[0].0, &new, &mut pairs);
                }
                pairs
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        let kept: Vec<(u32, u32)> = pairs
            .into_par_iter()
            .filter(|&(a, b)| jaccard(self.set(a as usize), self.set(b as usize)) >= THRESHOLD)
            .collect();
        for (a, b) in kept {
            self.union(a as usize, b as usize);
        }
        let mut out = Vec::with_capacity(contents.len());
        for claim in base..base + contents.len() {
            let root = self.sets.find(claim);
            out.push(self.spans[root].then(|| {
                *self.ids.entry(root as u32).or_insert_with(|| {
                    self.next_id += 1;
                    self.next_id - 1
                })
            }));
        }
        out
    }

    /// Heap bytes held (an estimate: capacities times sizes).
    pub fn heap_bytes(&self) -> usize {
        self.sets.heap_bytes()
            + self.doc.capacity() * 4
            + self.spans.capacity()
            + self.ids.capacity() * 17 * 8 / 7
            + self.first_of.capacity() * 17 * 8 / 7
            + self.shingles.capacity() * 8
            + self.set_at.capacity() * std::mem::size_of::<(u64, u32)>()
            + self.bands.iter().map(Band::heap_bytes).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "Over the past four days, territory controlled by militants decreased by one third. The Syrian army controls 93 percent of the city's territory";

    #[test]
    fn shingles_are_three_word_windows_of_lowercased_words() {
        assert_eq!(shingles("The army took the city").len(), 3);
        assert_eq!(
            shingles("THE ARMY TOOK THE CITY"),
            shingles("the army, took the city.")
        );
        assert!(shingles("Lies and more lies").is_empty());
        // A repeated shingle counts once.
        assert_eq!(shingles("a b c a b c a b c").len(), 3);
    }

    #[test]
    fn a_paraphrase_just_above_the_threshold_is_a_repeat() {
        // Jaccard 0.543: "has liberated"/"liberated", "neighbourhoods"/"neighborhoods", a comma
        // and "the humanitarian corridors"/"humanitarian corridors". Decided on the exact
        // similarity, not on the signature's estimate (which erred below 0.5 with one family).
        let statement = "Over the past 24 hours the Syrian army has liberated 12 neighbourhoods in the eastern part of Aleppo and more than 1,200 civilians have left through the humanitarian corridors,";
        let paraphrase = "Over the past 24 hours the Syrian army liberated 12 neighborhoods in the eastern part of Aleppo, and more than 1,200 civilians have left through humanitarian corridors.";
        let j = jaccard(&shingles(statement), &shingles(paraphrase));
        assert!((j - 0.5429).abs() < 1e-3, "{j}");
        assert_eq!(
            cluster_ids(&[statement, paraphrase], &["tass", "rt"]),
            [Some(0), Some(0)]
        );
    }

    #[test]
    fn vectorised_and_portable_signatures_agree() {
        // Cluster ids must not depend on the CPU the batch ran on.
        let set = shingles(ORIGINAL);
        let mut portable = [u32::MAX; NUM_HASHES];
        fold_minima(&HASH_FAMILY, &set, &mut portable);
        assert_eq!(signature(&set).unwrap(), portable.to_vec());
        assert!(portable.iter().all(|&v| v < u32::MAX));
    }

    #[test]
    fn estimate_is_close_to_the_true_jaccard() {
        let a = shingles(ORIGINAL);
        let edited = ORIGINAL.replace("the city's", "Aleppo's");
        let b = shingles(&edited);
        let inter = a.iter().filter(|s| b.contains(s)).count() as f64;
        let truth = inter / ((a.len() + b.len()) as f64 - inter);
        let est = estimated_jaccard(&signature(&a).unwrap(), &signature(&b).unwrap());
        assert!((est - truth).abs() < 0.15, "estimate {est}, truth {truth}");
        assert!(est >= THRESHOLD);
        let same = signature(&a).unwrap();
        assert_eq!(estimated_jaccard(&same, &same), 1.0);
    }

    #[test]
    fn lsh_proposes_near_duplicates_and_not_unrelated_texts() {
        let texts = [
            ORIGINAL.to_owned(),
            ORIGINAL.replace("past four days", "last four days"),
            "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday, the minister told reporters".to_owned(),
        ];
        let sigs: Vec<_> = texts.iter().map(|t| signature(&shingles(t))).collect();
        assert_eq!(candidate_pairs(&sigs), vec![(0, 1)]);
    }

    #[test]
    fn clusters_need_two_documents_and_are_numbered_in_order() {
        let contents = [
            "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday".to_owned(),
            ORIGINAL.to_owned(),
            ORIGINAL.replace("the city's", "Aleppo's"),
            // The same content twice within one document is no repeat across documents.
            "Militants have been shelling the humanitarian corridors since the morning".to_owned(),
            "Militants have been shelling the humanitarian corridors since the morning".to_owned(),
            "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday.".to_owned(),
            "Short one".to_owned(),
            "Short one".to_owned(),
        ];
        let docs = ["a", "a", "b", "c", "c", "d", "a", "b"];
        assert_eq!(
            cluster_ids(&contents, &docs),
            vec![Some(0), Some(1), Some(1), None, None, Some(0), None, None]
        );
    }

    #[test]
    fn same_result_for_any_number_of_threads() {
        let contents: Vec<String> = (0..400)
            .map(|i| format!("The army says it took {} blocks of the eastern districts of the city on day {}", i % 40, i % 40))
            .collect();
        let docs: Vec<usize> = (0..400).collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| cluster_ids(&contents, &docs));
        let many = cluster_ids(&contents, &docs);
        assert_eq!(one, many);
        // Ten verbatim repeats of each of 40 texts: every claim has a repeat.
        assert!(many.iter().all(Option::is_some));
        assert_eq!(many[0], many[40]);
    }

    fn contents() -> (Vec<String>, Vec<u32>) {
        let mut contents = vec![
            "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday".to_owned(),
            ORIGINAL.to_owned(),
            ORIGINAL.replace("the city's", "Aleppo's"),
            "Militants have been shelling the humanitarian corridors since the morning".to_owned(),
            "Militants have been shelling the humanitarian corridors since the morning".to_owned(),
            "The talks on a ceasefire in Aleppo will continue in Geneva on Saturday.".to_owned(),
            "Short one".to_owned(),
            "Short one".to_owned(),
        ];
        let mut docs = vec![0, 0, 1, 2, 2, 3, 4, 5];
        // A bucket of more than MAX_BUCKET_PAIRS members: 100 near-repeats in 100 documents.
        for i in 0..100 {
            contents.push(format!(
                "The army says it took the eastern districts of the city on day number {i}"
            ));
            docs.push(6 + i);
        }
        (contents, docs)
    }

    #[test]
    fn the_index_with_one_batch_is_cluster_ids() {
        let (contents, docs) = contents();
        let mut index = Index::new();
        assert_eq!(index.add(&contents, &docs), cluster_ids(&contents, &docs));
    }

    #[test]
    fn the_index_batch_by_batch_keeps_ids_and_only_adds_links() {
        let (contents, docs) = contents();
        let whole = cluster_ids(&contents, &docs);
        for size in [1, 3, 50] {
            let mut index = Index::new();
            let got: Vec<Option<i64>> = contents
                .chunks(size)
                .zip(docs.chunks(size))
                .flat_map(|(c, d)| index.add(c, d))
                .collect();
            // A claim has an id only where the whole run gives it one, and claims share an id
            // exactly where they share one in the whole run.
            for i in 0..got.len() {
                assert!(got[i].is_none() || whole[i].is_some(), "{i}");
                for j in 0..got.len() {
                    if got[i].is_some() && got[j].is_some() {
                        assert_eq!(got[i] == got[j], whole[i] == whole[j], "{i} {j}");
                    }
                }
            }
            // A claim of a cluster lacks the id only when its repeats all come in later batches.
            for i in (0..got.len()).filter(|&i| got[i].is_none() && whole[i].is_some()) {
                assert!((0..got.len())
                    .filter(|&j| j != i && whole[j] == whole[i] && docs[j] != docs[i])
                    .all(|j| j / size > i / size));
            }
            assert!(got.iter().filter(|g| g.is_some()).count() >= 100);
        }
    }
}
