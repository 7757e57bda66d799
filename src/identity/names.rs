//! Names folded for comparison: lower case, spellings, transliterations, a country's possessive
//! and "Ministry of X" (`fold`), what a name looks like on its own (`Shape`), its initials, the
//! Jaro-Winkler similarity of surnames, and the word sets built once from `lexicon::aliases` and
//! `lexicon::sources`.
//!
//! Owns how one name reads; it must not join names (that is `registry`) nor count an
//! identity's mentions (`entity`).

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

/// A name folded for comparison.
#[derive(Debug, Clone)]
pub(super) struct Folded {
    /// Lower-case words, spelling and transliteration folded.
    pub(super) words: Vec<String>,
    /// The key identities are grouped by.
    pub(super) key: String,
    /// The canonical name from `lexicon::aliases` when the name is listed there.
    pub(super) listed: Option<&'static str>,
    pub(super) kind: Shape,
}

/// What a name looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
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
pub(super) static PERSON_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
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
pub(super) static FEMALE: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(FEMALE_MARKERS));
pub(super) static MALE: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(MALE_MARKERS));
pub(super) static DESCRIPTORS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lower_set(NAME_DESCRIPTORS));
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
pub(super) fn fold(source: &str) -> Option<Folded> {
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
pub(super) fn initials(words: &[String]) -> (String, String) {
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

/// Words that name no one on their own: pronouns, and the articles a broken source phrase
/// leaves ("the").
pub(super) fn is_pronoun(word: &str) -> bool {
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
