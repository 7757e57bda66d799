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

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::lexicon::aliases::{
    ACRONYM_SKIPS, CAPITALS, COUNTRIES, MALE_MARKERS, MORE_ORGANISATION_WORDS, NAME_PARTICLES,
    ORGANISATION_ALIASES, SPELLINGS, TRANSLITERATIONS,
};
use crate::lexicon::sources::{
    COLLECTIVE_SOURCES, FEMALE_MARKERS, NAME_DESCRIPTORS, NEWS_OUTLETS, ORGANISATION_NAME_WORDS,
    ORGANISATION_NOUNS, PERSON_NOUNS, SOURCE_DETERMINERS, TITLES,
};
use crate::union_find::UnionFind;

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

/// A name folded for comparison.
#[derive(Debug, Clone)]
struct Folded {
    /// Lower-case words, spelling and transliteration folded.
    words: Vec<String>,
    /// The key identities are grouped by.
    key: String,
    /// The canonical name from `lexicon::aliases` when the name is listed there.
    listed: Option<&'static str>,
    kind: Shape,
}

/// What a name looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Country,
    Organisation,
    Anonymous,
    /// Two to four capitalised words ("Fares Shehabi", "Bashar al-Assad").
    PersonName,
    /// One capitalised word ("Lavrov", "Putin").
    Surname,
    /// All capitals ("SOHR", "COI").
    Acronym,
    /// A bare organisation noun ("the Observatory").
    OrganisationNoun,
    Other,
}

fn lower_set(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

static SPELLING: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| SPELLINGS.iter().copied().collect());

static TRANSLITERATION: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    TRANSLITERATIONS
        .iter()
        .flat_map(|(to, from)| from.iter().map(move |f| (*f, *to)))
        .collect()
});

/// Country (and its other names) in lower case -> (canonical name, adjective).
static COUNTRY: LazyLock<HashMap<String, (&'static str, &'static str)>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (name, adjective, others) in COUNTRIES {
        for n in std::iter::once(name).chain(others.iter()) {
            map.insert(n.to_lowercase(), (*name, *adjective));
        }
    }
    map
});

static ADJECTIVES: LazyLock<HashSet<String>> =
    LazyLock::new(|| COUNTRIES.iter().map(|(_, a, _)| a.to_lowercase()).collect());
static CAPITAL: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(CAPITALS));
static ORGANISATION_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = lower_set(ORGANISATION_NAME_WORDS);
    set.extend(lower_set(ORGANISATION_NOUNS));
    set.remove("news"); // "Fox News" is an outlet, but "news" alone is no name word
    set.extend(lower_set(MORE_ORGANISATION_WORDS));
    set
});
static BARE_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(ORGANISATION_NOUNS));
static OUTLETS: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(NEWS_OUTLETS));
static COLLECTIVE: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = lower_set(COLLECTIVE_SOURCES);
    set.extend(["source", "sources", "sources close"].map(String::from));
    set
});
static INDEFINITE: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = lower_set(SOURCE_DETERMINERS);
    set.remove("the");
    set.extend(["unnamed", "anonymous", "senior"].map(String::from));
    set
});
static PERSON_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = lower_set(PERSON_NOUNS);
    // A title's head word ("Foreign Minister" -> "minister"): "Defence" alone names no person.
    for t in TITLES {
        set.extend(
            t.split_whitespace()
                .last()
                .map(|w| w.trim_end_matches('.').to_lowercase()),
        );
    }
    set
});
static FEMALE: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(FEMALE_MARKERS));
static MALE: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(MALE_MARKERS));
static DESCRIPTORS: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(NAME_DESCRIPTORS));
static PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NAME_PARTICLES.iter().copied().collect());

/// Folded key of each listed organisation name and alias -> its canonical name.
static LISTED: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (name, aliases) in ORGANISATION_ALIASES {
        for a in std::iter::once(name).chain(aliases.iter()) {
            map.insert(fold_words(&split_name(a)).join(" "), *name);
        }
    }
    map
});

/// A name's words, without a leading "the" or "so-called" and trailing punctuation;
/// curly apostrophes become straight.
fn split_name(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .replace('’', "'")
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']).to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && matches!(words[0].to_lowercase().as_str(), "the" | "so-called") {
        words.remove(0);
    }
    words
}

/// One word folded: lower case, spelling, transliteration and regular name endings.
fn fold_word(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(to) = SPELLING.get(lower.as_str()) {
        return (*to).to_owned();
    }
    if let Some(to) = TRANSLITERATION.get(lower.as_str()) {
        return (*to).to_owned();
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if capitalised && lower.chars().count() >= 5 {
        // Russian names come in English with either ending: "Sergey"/"Sergei",
        // "Rudskoy"/"Rudskoi", "Smirnoff"/"Smirnov".
        for (from, to) in [("ey", "ei"), ("oy", "oi"), ("off", "ov"), ("eff", "ev")] {
            if let Some(stem) = lower.strip_suffix(from) {
                return format!("{stem}{to}");
            }
        }
    }
    lower
}

/// A name's words folded, a country's possessive turned into its adjective and "Ministry of X"
/// into "X Ministry".
fn fold_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let possessive = w.strip_suffix("'s").filter(|_| i + 1 < words.len());
        match possessive {
            Some(base) => match COUNTRY.get(&base.to_lowercase()) {
                Some((_, adjective)) => out.extend(adjective.split(' ').map(str::to_lowercase)),
                None => out.push(fold_word(base)),
            },
            None => out.push(fold_word(w)),
        }
    }
    // "Russian Ministry of Defence" -> "russian defense ministry".
    if let Some(m) = out.iter().position(|w| w == "ministry") {
        if out.get(m + 1).is_some_and(|w| w == "of") {
            let mut rest: Vec<String> = out[m + 2..].to_vec();
            if rest.first().is_some_and(|w| w == "the") {
                rest.remove(0);
            }
            if !rest.is_empty() && !rest.iter().any(|w| w == "of") {
                let mut reordered = out[..m].to_vec();
                reordered.extend(rest);
                reordered.push("ministry".to_owned());
                out = reordered;
            }
        }
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// A word of a person's name: capitalised, a particle ("de"), or a particle joined to a
/// capitalised word ("al-Assad").
fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        || PARTICLES.contains(word)
        || word
            .split_once('-')
            .is_some_and(|(p, rest)| PARTICLES.contains(p) && is_capitalised(rest))
}

/// Whether folded words name an organisation: an organisation word before the first small word
/// ("Syrian Observatory for Human Rights", "Office for National Statistics") or at the end
/// ("media arm of Lebanon's Hezbollah group"); "leaders of Germany, ..., the United States" is
/// no organisation.
fn names_organisation(words: &[String]) -> bool {
    let head = words
        .iter()
        .position(|w| ACRONYM_SKIPS.contains(&w.as_str()))
        .unwrap_or(words.len());
    words[..head]
        .iter()
        .chain(words.last())
        .any(|w| ORGANISATION_WORDS.contains(w.trim_end_matches([',', '.'])))
}

fn is_acronym(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// Folds a resolved source name; `None` for an empty source.
fn fold(source: &str) -> Option<Folded> {
    let words = split_name(source);
    if words.is_empty() {
        return None;
    }
    let folded = fold_words(&words);
    let key = folded.join(" ");
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let last = lower.last().map(String::as_str).unwrap_or("");
    // Countries are looked up as written: folding would turn "Turkey" into "turkei".
    let (listed, kind) = if let Some((name, _)) =
        COUNTRY.get(&key).or_else(|| COUNTRY.get(&lower.join(" ")))
    {
        (Some(*name), Shape::Country)
    } else if CAPITAL.contains(&key) {
        (None, Shape::Country)
    } else if let Some(name) = LISTED.get(&key) {
        (Some(*name), Shape::Organisation)
    } else if INDEFINITE.contains(&lower[0])
        || (COLLECTIVE.contains(last)
            && (words.len() == 1 || !is_capitalised(&words[words.len() - 1])))
        || (words.iter().all(|w| !w.chars().any(char::is_uppercase)) && PERSON_WORDS.contains(last))
        || (lower.len() == 1
            && last
                .strip_suffix('s')
                .is_some_and(|w| PERSON_WORDS.contains(w)))
    {
        // "A French diplomatic source", "diplomats", "Western diplomats", "residents".
        (None, Shape::Anonymous)
    } else if words.len() == 1 && is_acronym(&words[0]) {
        (None, Shape::Acronym)
    } else if words.len() == 1 && BARE_NOUNS.contains(&lower[0]) {
        (None, Shape::OrganisationNoun)
    } else if OUTLETS.contains(&lower.join(" ")) || names_organisation(&folded) {
        (None, Shape::Organisation)
    } else if words.len() == 1 && is_capitalised(&words[0]) {
        (None, Shape::Surname)
    } else if (2..=4).contains(&words.len())
        && is_capitalised(&words[0])
        && !ADJECTIVES.contains(&lower[0])
        && !COUNTRY.contains_key(&lower[0])
        && words.iter().all(|w| is_name_word(w))
    {
        (None, Shape::PersonName)
    } else {
        (None, Shape::Other)
    };
    let key = match listed {
        Some(name) => format!("={name}"),
        None => key,
    };
    Some(Folded {
        words: folded,
        key,
        listed,
        kind,
    })
}

/// Initials of a name's words, small words skipped ("syrian observatory for human rights" ->
/// "sohr"), and of all its words; hyphenated words give one letter per part ("France-Presse").
fn initials(words: &[String]) -> (String, String) {
    let mut skipping = String::new();
    let mut all = String::new();
    for w in words {
        for part in w.split('-').filter(|p| !p.is_empty()) {
            let first = part.chars().next().unwrap_or(' ');
            all.push(first);
            if !ACRONYM_SKIPS.contains(&part) {
                skipping.push(first);
            }
        }
    }
    (skipping, all)
}

/// Jaro-Winkler similarity of two words (1.0 for equal words).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = vec![false; a.len()];
    let mut b_hit = vec![false; b.len()];
    let mut matches = 0usize;
    for i in 0..a.len() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && a[i] == b[j] {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_matched = a.iter().zip(&a_hit).filter(|(_, h)| **h).map(|(c, _)| c);
    let b_matched = b.iter().zip(&b_hit).filter(|(_, h)| **h).map(|(c, _)| c);
    let transpositions = a_matched.zip(b_matched).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// What a node's mentions say of a person's gender: "Ms King", "she" -> female; "Mr Blair",
/// "he" -> male. Bare surnames join no one of the other gender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Gender {
    female: bool,
    male: bool,
}

impl Gender {
    fn of(m: &Mention) -> Gender {
        let words = m
            .written
            .into_iter()
            .chain(m.role)
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase);
        let mut g = Gender::default();
        for w in words {
            g.female |= FEMALE.contains(&w);
            g.male |= MALE.contains(&w);
        }
        g
    }
    fn and(self, other: Gender) -> Gender {
        Gender {
            female: self.female || other.female,
            male: self.male || other.male,
        }
    }
    fn conflicts(self, other: Gender) -> bool {
        let both = self.and(other);
        both.female && both.male
    }
}

/// Finds the one root among `candidates` (node indices), if they all share one.
fn single_root(uf: &mut UnionFind, candidates: impl IntoIterator<Item = usize>) -> Option<usize> {
    let mut roots = candidates.into_iter().map(|c| uf.find(c));
    let first = roots.next()?;
    roots.all(|r| r == first).then_some(first)
}

/// Words that name no one on their own: pronouns, and the articles a broken source phrase
/// leaves ("the").
fn is_pronoun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "who"
            | "which"
            | "that"
            | "the"
            | "a"
            | "an"
            | "this"
    )
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

/// The canonical name of an identity from its names, most frequent first, and the table's
/// name when one of them is listed: the fullest name most claims use ("Syrian Observatory for
/// Human Rights" over "SOHR", "Sergei Lavrov" over "Lavrov").
fn canonical_name(names: &[String], listed: Option<&str>) -> String {
    let most_words = names
        .iter()
        .map(|n| n.split_whitespace().count())
        .max()
        .unwrap_or(0)
        .min(2);
    listed.map(str::to_owned).unwrap_or_else(|| {
        names
            .iter()
            .find(|n| n.split_whitespace().count() >= most_words)
            .cloned()
            .unwrap_or_default()
    })
}

/// What an identity's mentions show of its type: the shapes of their names and what was
/// written and said of them. Mentions' evidence joins with [`Evidence::and`], so an identity's
/// type can be kept up to date batch by batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Evidence {
    /// One bit per [`Shape`] seen.
    shapes: u16,
    /// Written as "it".
    said_it: bool,
    /// Written as "he" or "she".
    said_he_she: bool,
    /// A role word of a person ("minister", "spokesman").
    person_role: bool,
    /// A role of an outlet ("news agency", "industry website Screen Daily").
    outlet_role: bool,
}

impl Evidence {
    fn of(m: &Mention, shape: Shape) -> Evidence {
        let written = m.written.map(str::trim);
        let role = m.role;
        Evidence {
            shapes: 1 << shape as u16,
            said_it: written.is_some_and(|w| w.eq_ignore_ascii_case("it")),
            said_he_she: written
                .is_some_and(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")),
            person_role: role.is_some_and(|r| {
                r.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| PERSON_WORDS.contains(&w.to_lowercase()))
            }),
            outlet_role: role.is_some_and(|r| {
                let r = r.trim().to_lowercase();
                DESCRIPTORS.contains(&r)
                    || r.rsplit(' ')
                        .next()
                        .is_some_and(|w| DESCRIPTORS.contains(w))
            }),
        }
    }

    fn and(self, other: Evidence) -> Evidence {
        Evidence {
            shapes: self.shapes | other.shapes,
            said_it: self.said_it || other.said_it,
            said_he_she: self.said_he_she || other.said_he_she,
            person_role: self.person_role || other.person_role,
            outlet_role: self.outlet_role || other.outlet_role,
        }
    }

    /// The type: a country's name makes a country; only anonymous names an anonymous source;
    /// an organisation's name, "it" or an outlet's role an organisation; a person's name, or a
    /// surname with "he"/"she" or a personal title, a person.
    fn kind(self) -> SourceType {
        let has = |s: Shape| self.shapes & (1 << s as u16) != 0;
        if has(Shape::Country) {
            return SourceType::Country;
        }
        if self.shapes == 1 << Shape::Anonymous as u16 {
            return SourceType::Anonymous;
        }
        if has(Shape::Organisation)
            || has(Shape::Acronym)
            || has(Shape::OrganisationNoun)
            || self.outlet_role
            || self.said_it
        {
            return SourceType::Organisation;
        }
        let personal = self.said_he_she || self.person_role;
        if has(Shape::PersonName) || (has(Shape::Surname) && personal) {
            return SourceType::Person;
        }
        SourceType::Other
    }
}

/// One form of a name, counted over batches: how often it was seen and where first (forms go
/// most frequent first, ties first seen first; forms that differ only in case are one).
#[derive(Debug, Clone)]
struct Form {
    lower: Box<str>,
    form: Box<str>,
    count: u32,
    first: u64,
}

/// The forms of one kind (resolved names, written names, roles) of an identity, counted so
/// that a later batch can add to them.
#[derive(Debug, Clone, Default)]
struct Forms(Vec<Form>);

impl Forms {
    fn add(&mut self, form: &str, at: u64) {
        // Most forms are ASCII: compared without lower-casing them into a new string.
        let found = if form.is_ascii() {
            self.0
                .iter_mut()
                .find(|f| f.lower.eq_ignore_ascii_case(form))
        } else {
            let lower = form.to_lowercase();
            self.0.iter_mut().find(|f| *f.lower == *lower)
        };
        match found {
            Some(f) => f.count += 1,
            None => self.0.push(Form {
                lower: form.to_lowercase().into(),
                form: form.into(),
                count: 1,
                first: at,
            }),
        }
    }

    fn merge(&mut self, other: Forms) {
        for o in other.0 {
            match self.0.iter_mut().find(|f| f.lower == o.lower) {
                Some(f) => {
                    f.count += o.count;
                    if o.first < f.first {
                        f.first = o.first;
                        f.form = o.form;
                    }
                }
                None => self.0.push(o),
            }
        }
    }

    fn get(&self, lower: &str) -> Option<&Form> {
        self.0.iter().find(|f| &*f.lower == lower)
    }

    /// Most frequent first, ties first seen first.
    fn ordered(&self) -> Vec<String> {
        let mut forms: Vec<&Form> = self.0.iter().collect();
        forms.sort_by_key(|f| (std::cmp::Reverse(f.count), f.first));
        forms.into_iter().map(|f| f.form.to_string()).collect()
    }

    fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<Form>()
            + self
                .0
                .iter()
                .map(|f| f.lower.len() + f.form.len())
                .sum::<usize>()
    }
}

/// What a [`Registry`] keeps of one identity: everything its row in the sources table is made
/// of, added to mention by mention.
#[derive(Debug, Clone, Default)]
struct Entity {
    /// The run-wide id (the smallest, when identities with ids were joined later).
    id: Option<u32>,
    names: Forms,
    written: Forms,
    roles: Forms,
    /// The run's indices of the documents that name it, sorted.
    docs: Vec<u32>,
    claims: u64,
    /// The listed name of its first mention that has one, and that mention's position.
    listed: Option<(u64, &'static str)>,
    evidence: Evidence,
}

impl Entity {
    fn add(&mut self, m: &Mention, folded: &Folded, doc: u32, at: u64) {
        self.names.add(m.source.trim(), at);
        if let Some(w) = m.written.map(str::trim) {
            if !w.is_empty() && !is_pronoun(w) {
                self.written.add(w, at);
            }
        }
        if let Some(r) = m.role.map(str::trim).filter(|r| !r.is_empty()) {
            self.roles.add(r, at);
        }
        if let Err(i) = self.docs.binary_search(&doc) {
            self.docs.insert(i, doc);
        }
        self.claims += 1;
        if self.listed.is_none() {
            self.listed = folded.listed.map(|l| (at, l));
        }
        self.evidence = self.evidence.and(Evidence::of(m, folded.kind));
    }

    fn merge(&mut self, other: Entity) {
        self.id = match (self.id, other.id) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.names.merge(other.names);
        self.written.merge(other.written);
        self.roles.merge(other.roles);
        let mut docs = Vec::with_capacity(self.docs.len() + other.docs.len());
        let (mut a, mut b) = (self.docs.iter().peekable(), other.docs.iter().peekable());
        while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
            docs.push(x.min(y));
            if x <= y {
                a.next();
            }
            if y <= x {
                b.next();
            }
        }
        docs.extend(a.chain(b));
        self.docs = docs;
        self.claims += other.claims;
        self.listed = match (self.listed, other.listed) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        self.evidence = self.evidence.and(other.evidence);
    }

    fn source(&self) -> Source {
        let names = self.names.ordered();
        // Aliases: the resolved names, then the written ones, counted as one sequence (so a
        // form's first sighting among the resolved names comes first).
        let mut aliases: Vec<(u32, (u8, u64), &str)> = self
            .names
            .0
            .iter()
            .map(|f| {
                let more = self.written.get(&f.lower).map_or(0, |w| w.count);
                (f.count + more, (0, f.first), &*f.form)
            })
            .collect();
        aliases.extend(
            self.written
                .0
                .iter()
                .filter(|w| self.names.get(&w.lower).is_none())
                .map(|w| (w.count, (1, w.first), &*w.form)),
        );
        aliases.sort_by_key(|a| (std::cmp::Reverse(a.0), a.1));
        Source {
            name: canonical_name(&names, self.listed.map(|l| l.1)),
            kind: self.evidence.kind(),
            aliases: aliases.into_iter().map(|a| a.2.to_owned()).collect(),
            roles: self.roles.ordered(),
            documents: self.docs.len(),
            claims: self.claims as usize,
        }
    }

    fn heap_bytes(&self) -> usize {
        self.names.heap_bytes()
            + self.written.heap_bytes()
            + self.roles.heap_bytes()
            + self.docs.capacity() * 4
    }
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
