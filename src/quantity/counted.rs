//! What a number counts: the head of the noun phrase after it ("10,500 people" -> people;
//! "15 more eastern Aleppo neighborhoods" -> neighborhoods; "93 percent of the whole
//! northwestern city" -> city), or, for a change with nothing after it, the subject before the
//! change verb ("Nvidia advanced 8%" -> Nvidia).

use std::sync::LazyLock;

use regex::Regex;

use super::text::{next_word, prev_word};
use super::Found;
use crate::document::{Quantity, Span};
use crate::lexicon::join;
use crate::lexicon::numbers::{
    CASUALTY_VERBS, CHANGE_DOWN, CHANGE_FILLERS, CHANGE_UP, COUNTED_SKIP, COUNTED_STOP,
    DIRECTION_ADVERBS, DURATION_UNITS, IRREGULAR_PARTICIPLES, MEASURE_COMPLEMENTS, MULTIPLIERS,
    NUMBER_WORDS, PARTITIVE_PRONOUNS, PHRASE_OPENERS, SCALE_WORDS,
};

/// Longest noun phrase, in words, read after a number.
const MAX_PHRASE_WORDS: usize = 5;

/// The last word of the phrase starting at byte `from` (up to `limit`): the phrase ends at a
/// punctuation mark or a word of `COUNTED_STOP`, leading `COUNTED_SKIP` words are passed over.
/// For what is held ("full control of the militant-held eastern Aleppo," -> Aleppo), where a
/// proper noun is the head, unlike after a number ("killed 13 people MSF said").
pub fn phrase_head(text: &str, from: usize, limit: usize) -> Option<String> {
    let mut head = None;
    for raw in text[from..limit]
        .split_whitespace()
        .take(3 * MAX_PHRASE_WORDS)
    {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = word.to_lowercase();
        let skip = head.is_none() && COUNTED_SKIP.contains(&lower.as_str());
        if word.is_empty() || (!skip && COUNTED_STOP.contains(&lower.as_str())) {
            break;
        }
        if !skip {
            head = Some(word.to_owned());
        }
        if raw.ends_with([',', '.', ';', ':', ')', '”', '"', '?', '!']) {
            break;
        }
    }
    head
}

/// The head noun of the phrase starting at byte `from`, up to `limit`.
pub fn counted_after(text: &str, from: usize, limit: usize) -> Option<String> {
    let rest = &text[from..limit];
    let mut head: Option<&str> = None;
    let mut taken = 0;
    let mut after_possessive = false;
    let raws: Vec<&str> = rest.split_whitespace().take(3 * MAX_PHRASE_WORDS).collect();
    for (i, raw) in raws.iter().enumerate() {
        let word =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        // "70% of E. Aleppo": an initial's full stop ends no phrase.
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        let ends_phrase = !initial && raw.ends_with([',', '.', ';', ':', ')', '”', '"', '?', '!']);
        let lower = word.to_lowercase();
        // "eight million 250ml bottles": a measure glued to its unit describes the noun after.
        if head.is_none()
            && word.starts_with(|c: char| c.is_ascii_digit())
            && word.ends_with(|c: char| c.is_alphabetic())
            && !ends_phrase
        {
            continue;
        }
        // "5 Killed in Syria Air Strikes": in a title-case headline the casualty participle
        // right after the number is the verb; what is counted, left out, is people.
        if head.is_none()
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && (lower == "dead" || CASUALTY_VERBS.iter().any(|(_, p)| *p == lower))
        {
            return Some("people".to_owned());
        }
        if !word.chars().any(char::is_alphanumeric)
            || word.chars().next().is_some_and(|c| c.is_ascii_digit())
            || NUMBER_WORDS.iter().any(|(w, _)| *w == lower)
        {
            break;
        }
        // "killed 13 people MSF said", "killed 31 civilians Friday including": a capital after
        // a lowercase head starts a new phrase, unless a lowercase noun follows it ("eastern
        // Aleppo neighborhoods").
        if head.is_some_and(|h| h.starts_with(char::is_lowercase))
            && word.starts_with(char::is_uppercase)
        {
            let next = raws.get(i + 1).map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            });
            let noun_follows = !raw.ends_with([',', '.', ';', ':'])
                && next.is_some_and(|n| {
                    n.starts_with(char::is_lowercase) && !COUNTED_STOP.contains(&n.as_str())
                });
            if !noun_follows {
                break;
            }
        }
        if taken == 0 && COUNTED_SKIP.contains(&lower.as_str()) {
            if ends_phrase {
                break;
            }
            continue;
        }
        if COUNTED_STOP.contains(&lower.as_str()) {
            break;
        }
        // "200 people killed", "2,000 militants surrendered", "the 11 members bound by the
        // deal": a past form after the head is the verb; before it ("armed men",
        // "foreign-backed militants", "10 known cases") it is a modifier.
        if head.is_some()
            && (lower.len() > 4 && lower.ends_with("ed") && !lower.contains('-')
                || IRREGULAR_PARTICIPLES.contains(&lower.as_str()) && !after_possessive
                || DIRECTION_ADVERBS.contains(&lower.as_str()))
        {
            break;
        }
        // "tens of thousands of students studying at", "59 users mostly from Canada": after a
        // plural head, a participle or an adverb starts what is said about it.
        if head.is_some_and(|h| h.ends_with('s') || PLURALS_WITHOUT_S.contains(&h))
            && lower.len() > 4
            && (lower.ends_with("ing") || lower.ends_with("ly"))
        {
            break;
        }
        // "the world's stolen artefacts": after a possessive the phrase goes on.
        after_possessive = word.ends_with("’s") || word.ends_with("'s");
        head = Some(word.trim_end_matches("’s").trim_end_matches("'s"));
        taken += 1;
        if ends_phrase || taken >= MAX_PHRASE_WORDS {
            break;
        }
    }
    head.map(str::to_owned)
}

/// Plural nouns that do not end in "s", for the rule on participles after a plural head.
const PLURALS_WITHOUT_S: &[&str] = &["people", "children", "men", "women", "police", "staff"];

/// For a bare count after a casualty verb, the participle: "killed at least 70" -> killed,
/// "wounding 25" -> wounded (the number counts the killed, the wounded).
pub fn casualty_before(text: &str, floor: usize, start: usize) -> Option<String> {
    let word = text[floor..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?
        .to_ascii_lowercase();
    CASUALTY_VERBS
        .iter()
        .find(|(v, _)| *v == word)
        .map(|(_, p)| (*p).to_owned())
}

/// ASCII word boundaries, as in `number::CORE` (see `lexicon::word_regex`).
static TOLL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::word_regex(r"(?i)\b(?:(?:death|casualty|civilian)\s+)?toll\b")
});

/// For a bare count in a sentence about a toll, the toll: "the death toll was at least 24" ->
/// "death toll". The last mention before byte `start` wins.
pub fn toll_before(text: &str, floor: usize, start: usize) -> Option<String> {
    TOLL.find_iter(&text[floor..start])
        .last()
        .map(|m| m.as_str().to_lowercase())
}

/// The noun of "<noun> of" right before byte `start`: "a fine of 10.5 million Australian
/// dollars" -> fine, "a net worth of $1.7bn" -> worth.
pub fn noun_before_of(text: &str, floor: usize, start: usize) -> Option<String> {
    let before = text[floor..start].trim_end();
    let rest = before.strip_suffix(" of")?;
    let word = rest
        .rsplit(char::is_whitespace)
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    (word.starts_with(char::is_alphabetic)
        && !COUNTED_STOP.contains(&lower.as_str())
        && !COUNTED_SKIP.contains(&lower.as_str())
        && !NUMBER_WORDS.iter().any(|(w, _)| *w == lower))
    .then(|| word.to_owned())
}

/// Words between a subject and its change verb: "Tesla shares have been up", "the index ended
/// down".
const AUXILIARIES: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "been",
    "also",
    "ended",
    "closed",
    "edged",
    "trending",
    "poised",
    "to",
    "be",
    "finished",
    "shut",
    "trading",
    "traded",
    "stood",
    "remained",
    "closing",
    "ending",
    "opened",
    "opening",
    "now",
    "still",
    "already",
    // "Fresh fruit prices are expected to increase between 5% and 6%", "the deficit ...
    // having increased by $43.6 billion". ("set", as in "was set to rise", is left out: "The
    // set will cost $200".)
    "expected",
    "likely",
    "forecast",
    "projected",
    "due",
    "having",
    "being",
    "continued",
    "continues",
    "continue",
    "going",
    "revised",
];

/// The subject of the change verb before byte `start`: "Nvidia advanced 8%" -> Nvidia, "core
/// inflation rose 0.3%" -> inflation. `None` when no change verb is within four words.
pub fn subject_before(text: &str, floor: usize, start: usize) -> Option<String> {
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')');
    // The words before the number, and for each whether a clause boundary follows it.
    let mut words: Vec<&str> = Vec::new();
    let mut cut: Vec<bool> = Vec::new();
    for piece in text[floor..start].split_whitespace() {
        for (k, part) in piece.split(boundary).enumerate() {
            if k > 0 {
                if let Some(c) = cut.last_mut() {
                    *c = true;
                }
            }
            if !part.is_empty() {
                words.push(part);
                cut.push(false);
            }
        }
    }
    let n = words.len();
    let verb = (n.saturating_sub(5)..n).rev().find(|&i| {
        let w = words[i].to_ascii_lowercase();
        CHANGE_UP.contains(&w.as_str()) || CHANGE_DOWN.contains(&w.as_str())
    })?;
    // "expected to grow sales by 35 per cent", "cut its prices by 10%": the object between the
    // verb and "by" is what changed.
    if let Some((by, object)) = words[verb + 1..].split_last() {
        if by.eq_ignore_ascii_case("by") {
            if let Some(head) = object
                .last()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            {
                let lower = head.to_ascii_lowercase();
                if head.starts_with(|c: char| c.is_alphabetic())
                    && !COUNTED_STOP.contains(&lower.as_str())
                {
                    return Some(head.to_owned());
                }
            }
        }
    }
    // "Tesla shares have been on a tear, up nearly 57%", "was $3.1 million, down 9.2%": "up"
    // or "down" after a comma has no subject of its own, and the word before the comma ends
    // another clause; better none than "tear". ("Healthcare, 2018's best performing sector,
    // dropped 1.61%" keeps the appositive's head.)
    let adverb = matches!(
        words[verb].to_ascii_lowercase().as_str(),
        "up" | "down" | "higher" | "lower"
    );
    if adverb && verb > 0 && cut[verb - 1] {
        return None;
    }
    words[..verb]
        .iter()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()))
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            // "operating profit of Y=880 billion, revised upward by": a scale word ends a
            // figure, it is no subject.
            w.chars().next().is_some_and(char::is_alphabetic)
                && !COUNTED_STOP.contains(&lower.as_str())
                && !SCALE_WORDS.iter().any(|(s, _)| *s == lower)
                && !MULTIPLIERS.iter().any(|(m, _)| *m == lower)
        })
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_owned())
}

/// Words that open a clause before its subject: "However, ...", "In Europe ..." (`PHRASE_OPENERS`),
/// and these.
const CLAUSE_OPENERS: &[&str] =
    &join::<_, { PHRASE_OPENERS.len() + 3 }>(PHRASE_OPENERS, &["and", "as", "nevertheless"]);

/// The subject noun phrase of the clause that ends at byte `start`: "The Dow Jones Industrial
/// Average lost 190 points" -> "Dow Jones Industrial Average"; "Nvidia advanced 8%, Qualcomm
/// rose under 4%" -> "Qualcomm". The clause starts after the last comma, semicolon, colon or
/// bracket. `None` when the clause opens with no noun phrase.
pub fn clause_subject(text: &str, floor: usize, start: usize) -> Option<String> {
    let before = &text[floor..start];
    let clause_start = before
        .rfind([',', ';', ':', '(', ')', '—', '–'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut words: Vec<&str> = Vec::new();
    // The subject before a speech verb, kept for a reported clause whose subject is a pronoun.
    let mut speaker: Vec<&str> = Vec::new();
    let mut previous = String::new();
    for raw in before[clause_start..].split_whitespace() {
        // "The funding was $5m" has its subject after the article; "Following on from" and
        // "has been shooting" have a verb there.
        let first = !matches!(
            previous.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
        );
        // "it will invest $2 billion": the word after a modal is a verb.
        let after_modal = matches!(
            previous.as_str(),
            "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "to"
        );
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '&');
        let lower = word.to_lowercase();
        previous.clone_from(&lower);
        // "The company said it will invest $2 billion": the pronoun stands for the speaker.
        if words.is_empty()
            && !speaker.is_empty()
            && matches!(lower.as_str(), "it" | "they" | "he" | "she" | "we")
        {
            words = std::mem::take(&mut speaker);
            break;
        }
        if words.is_empty() && after_modal {
            continue;
        }
        // "It said the price was $5": pronouns and verbs before the subject are skipped.
        // "Following on from ...", "Previously the company offered ...", "spending $12,000":
        // a participle or an adverb opens the clause, it is not its subject.
        if words.is_empty()
            && (CLAUSE_OPENERS.contains(&lower.as_str())
                || COUNTED_STOP.contains(&lower.as_str())
                || CLAUSE_VERBS.contains(&lower.as_str())
                || lower.len() > 4 && lower.ends_with("ed")
                || first && lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ly")))
        {
            continue;
        }
        // "It will also boost the driving range by about 35 miles": one lowercase word before
        // a determiner is a verb, and its object is what the number measures.
        if words.len() == 1
            && matches!(
                lower.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
            && words[0].starts_with(char::is_lowercase)
        {
            words.clear();
            continue;
        }
        // "Officials said the crater was about 90 metres wide": the number belongs to the
        // reported clause, whose subject comes after the speech verb.
        if !words.is_empty() && REPORTING_VERBS.contains(&lower.as_str()) {
            speaker = std::mem::take(&mut words);
            continue;
        }
        // "Ford, which has 13000 workers": a number ends the subject.
        if word.is_empty()
            || word.starts_with(|c: char| c.is_ascii_digit())
            || COUNTED_STOP.contains(&lower.as_str())
            || CHANGE_UP.contains(&lower.as_str())
            || CHANGE_DOWN.contains(&lower.as_str())
            || AUXILIARIES.contains(&lower.as_str())
            || CLAUSE_VERBS.contains(&lower.as_str())
            || !words.is_empty() && lower.len() > 4 && lower.ends_with("ed")
        {
            break;
        }
        words.push(word.trim_end_matches("’s").trim_end_matches("'s"));
        if words.len() >= 6 {
            break;
        }
    }
    if words.is_empty() {
        // "Before the crisis global debt, excluding financial institutions, was about $US113
        // trillion": a clause that opens with a copula continues the one before a
        // parenthetical, whose subject is the one measured.
        let first = before[clause_start..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(
            first.as_str(),
            "was" | "is" | "were" | "are" | "will" | "would"
        ) {
            let inner = before[..clause_start.saturating_sub(1)].trim_end();
            if let Some(open) = inner.rfind(',') {
                return clause_subject(text, floor, floor + open);
            }
        }
        return None;
    }
    Some(words.join(" "))
}

/// Speech and belief verbs after a subject: the clause they report has its own subject.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "added",
    "noted",
    "estimated",
    "believe",
    "believes",
    "think",
    "thinks",
    "warned",
    "warns",
    "announced",
    "confirmed",
];

/// Verbs that end a subject noun phrase and are not in `COUNTED_STOP`: "Tesla says", "The set
/// will cost".
const CLAUSE_VERBS: &[&str] = &[
    "cost",
    "costs",
    "lists",
    "offers",
    "offered",
    "sells",
    "sold",
    "costing",
    "reached",
    "reaches",
    "hit",
    "hits",
    "totalled",
    "totaled",
    "estimated",
    "estimates",
    "expects",
    "says",
    "reported",
    "reports",
    "posted",
    "stood",
    "stands",
    "trades",
    "traded",
    "averaged",
    "averages",
    "needs",
    "need",
    "get",
    "got",
    "paid",
    "pays",
    "earned",
    "earns",
    "raised",
    "spent",
    "spends",
    "worth",
    "valued",
    "priced",
    "starting",
    "starts",
];

/// What the quantity counts or measures.
pub(super) fn counted_of(
    text: &str,
    s: Span,
    f: &Found,
    earlier: &[Quantity],
    sentence: usize,
    direction: Option<&str>,
) -> Option<String> {
    let rest = &text[f.end..s.byte_end];
    // "953 of them": the antecedent is what the sentence counted before. (Spaces may be
    // no-break spaces: "99 percent of\u{a0}Aleppo".)
    let after_of = rest
        .strip_prefix(char::is_whitespace)
        .and_then(|r| r.strip_prefix("of"))
        .filter(|r| r.starts_with(char::is_whitespace));
    if let Some(after_of) = after_of {
        let pronoun = after_of
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        // "half of those areas": a demonstrative before a noun is no pronoun; before a verb
        // ("one in 50 of those driving", "half of those weren't", "one of those hit") or a name
        // ("One of those al-Omar is ...") it is.
        let next = after_of
            .split_whitespace()
            .nth(1)
            .map_or("", |w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
        let participle =
            next.ends_with("ed") || next.ends_with("ing") || IRREGULAR_PARTICIPLES.contains(&next);
        let noun_follows = matches!(pronoun.as_str(), "those" | "these")
            && next.starts_with(|c: char| c.is_lowercase())
            && next.chars().all(char::is_alphabetic)
            && !(participle || COUNTED_STOP.contains(&next));
        if PARTITIVE_PRONOUNS.contains(&pronoun.as_str()) && !noun_follows {
            let antecedent = earlier
                .iter()
                .rev()
                .take_while(|q| q.sentence + 1 >= sentence)
                .find_map(|q| q.counted.clone().filter(|_| q.unit == "count"));
            // Without one, "53% of those polled said" counts "those polled": the whole the
            // partitive names. What follows tells a participle from an adjective before its
            // noun ("one of those interesting areas", "those armed groups"): a preposition, an
            // auxiliary, a reporting verb or the end of the clause.
            let mut words = after_of.split_whitespace().skip(1);
            let ends_clause = words
                .next()
                .is_some_and(|w| w.ends_with(|c: char| !c.is_alphanumeric()));
            let clause_goes_on = !ends_clause
                && words.next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    !COUNTED_STOP.contains(&word) && crate::lexicon::cues::cue_lemma(word).is_none()
                });
            return antecedent.or_else(|| {
                (matches!(pronoun.as_str(), "those" | "these")
                    && participle
                    && !clause_goes_on
                    && next.chars().all(|c| c.is_ascii_lowercase()))
                .then(|| format!("{pronoun} {next}"))
            });
        }
    }
    let of_follows = after_of.is_some();
    let head = match f.unit {
        "count" => counted_after(text, f.end, s.byte_end),
        // "the 15 year-old students": an age describes the noun after it.
        _ if f.hyphenated || f.unit == "year of age" => {
            counted_after(text, f.noun_from.unwrap_or(f.end), s.byte_end)
        }
        _ if of_follows => counted_after(text, f.end, s.byte_end),
        "percent" | "fraction" | "point" | "percentage point" | "basis point" | "cent" => None,
        unit if unit.chars().next().is_some_and(|c| c.is_ascii_uppercase()) => None,
        // "in the last 24 hours": a duration measures time, and says so.
        unit if DURATION_UNITS.contains(&unit) || f.rate.is_some() => {
            f.unit_text.map(|(a, b)| text[a..b].to_owned())
        }
        // "an 8.5 kW system", "a 1.5mm internal diameter": a physical measure describes the
        // noun after it; "about 90 miles wide" has none, and the rules below look before it.
        _ => measured_noun_after(text, f.end, s.byte_end),
    };
    // "He died at age 42 after a long illness": an age with no noun after it counts nothing
    // (the clause's subject would give "age").
    if head.is_some() || f.unit == "year of age" {
        return head;
    }
    // "The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19", "Sony lost
    // 2.70 percent to Y=5,182": the level a change reached measures what the change measures.
    if let Some(prev) = earlier
        .last()
        .filter(|q| q.sentence == sentence && q.direction.is_some() && q.counted.is_some())
    {
        let gap = text[prev.span.byte_end.min(f.start)..f.start]
            .trim_matches(|c: char| c.is_whitespace() || c == ',')
            .to_ascii_lowercase();
        let words: Vec<&str> = gap.split_whitespace().collect();
        if words.len() <= 4
            && matches!(words.first(), Some(&"to") | Some(&"at"))
            && matches!(words.last(), Some(&"to") | Some(&"at") | Some(&"of"))
        {
            return prev.counted.clone();
        }
    }
    if f.unit == "count" {
        if let Some(who) = casualty_before(text, s.byte_start, f.start)
            .or_else(|| toll_before(text, s.byte_start, f.start))
        {
            return Some(who);
        }
    }
    let measure = f.unit != "fraction" && f.unit != "count";
    if measure {
        // "a 51 per cent stake", "a $3500 a month mortgage": the measure as an adjective.
        // ("about a 40 per cent drop": the article may sit after the qualifier.)
        let is_article = |at: usize| {
            matches!(
                prev_word(text, s.byte_start, at)
                    .to_ascii_lowercase()
                    .as_str(),
                "a" | "an"
            )
        };
        let article = is_article(f.start) || is_article(f.core_start);
        if article {
            if let Some(noun) = counted_after(text, f.end, s.byte_end) {
                return Some(noun);
            }
        }
        // "a fine of 10.5 million Australian dollars", "a net worth of $1.7bn".
        if let Some(noun) = noun_before_of(text, s.byte_start, f.start) {
            return Some(noun);
        }
        // "paid $35,538 for a new solar system": a price names what it buys.
        let currency = f.unit.starts_with(|c: char| c.is_ascii_uppercase());
        if currency && next_word(text, f.end, s.byte_end).eq_ignore_ascii_case("for") {
            let after = text[f.end..s.byte_end].trim_start();
            let from = s.byte_end - after.len() + "for".len();
            if let Some(noun) = counted_after(text, from, s.byte_end) {
                return Some(noun);
            }
        }
    }
    // "78 per cent of the deal will be paid in cash, up from 50 per cent", "to US $84
    // billion, down from the US $89 to $93 billion": the level a change started from measures
    // what the figure before it measures.
    if let Some(prev) = earlier
        .last()
        .filter(|q| q.sentence == sentence && q.unit == f.unit)
    {
        let before = text[prev.span.byte_end.min(f.start)..f.start]
            .trim_end()
            .to_ascii_lowercase();
        let before = before.strip_suffix(" the").unwrap_or(&before);
        if before.ends_with("up from") || before.ends_with("down from") {
            return prev.counted.clone();
        }
    }
    if direction.is_some() {
        if let Some(subject) = subject_before(text, s.byte_start, f.start) {
            return Some(subject);
        }
        // "the median sales price ... was $3.1 million, down 9.2% year over year", "a net
        // profit of Y=590 billion ($5.42 billion), up Y=50 billion": the change after a comma
        // is the change of the figure before it, and measures what that figure measures.
        // ("revised upward by Y=40 billion" too: a participle may open the change.)
        if let Some(prev) = earlier.last().filter(|q| q.sentence == sentence) {
            let gap = &text[prev.span.byte_end.min(f.start)..f.start];
            let words = gap
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ')'))
                .to_ascii_lowercase();
            let change = |w: &str| CHANGE_UP.contains(&w) || CHANGE_DOWN.contains(&w);
            let only_change = words.split_whitespace().any(change)
                && words.split_whitespace().all(|w| {
                    change(w) || CHANGE_FILLERS.contains(&w) || w.len() > 4 && w.ends_with("ed")
                });
            if gap.contains(',') && !words.contains(',') && only_change {
                return prev.counted.clone();
            }
        }
    }
    // A share, a price or a score measures the subject of its clause: "The Dow Jones
    // Industrial Average lost 190 points", "The set will cost $200", "The debris field
    // stretched for some seven miles".
    if measure {
        // "stretched for 11 km", "just 47 feet (14 metres) deep": with no subject to name the
        // measure names nothing; the unit as written ("km", "feet") would only repeat `unit`.
        return clause_subject(text, s.byte_start, f.start);
    }
    if f.unit == "count" {
        // "More than 6 million homes nationwide, including 1.5 million in the Los Angeles
        // region", "435 homes by open sale and 187 by tender": a bare count after a counted
        // one in the same sentence counts the same thing.
        if let Some(noun) = earlier
            .iter()
            .rev()
            .take_while(|q| q.sentence == sentence)
            .find(|q| q.unit == "count")
            .and_then(|q| q.counted.clone())
        {
            return Some(noun);
        }
        // "Germany's DAX fell 0.4 per cent to 13176": an index level or a total measures the
        // subject of the change before it.
        return subject_before(text, s.byte_start, f.start);
    }
    None
}

/// The noun a physical measure describes when one follows it directly: "an 8.5 kW system" ->
/// system, "a 5-10W laser" -> laser. `None` before a complement ("90 miles wide"), a capital
/// ("11 km Tuesday") or anything that is no noun.
pub(super) fn measured_noun_after(text: &str, end: usize, limit: usize) -> Option<String> {
    let first = text[end..limit]
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let lower = first.to_lowercase();
    if !first.starts_with(|c: char| c.is_lowercase())
        || MEASURE_COMPLEMENTS.contains(&lower.as_str())
        || lower.ends_with("ly")
    {
        return None;
    }
    counted_after(text, end, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(s: &str) -> Option<String> {
        counted_after(s, 0, s.len())
    }

    #[test]
    fn heads() {
        assert_eq!(counted(" people, including").as_deref(), Some("people"));
        assert_eq!(
            counted(" more eastern Aleppo neighborhoods in the last").as_deref(),
            Some("neighborhoods")
        );
        assert_eq!(
            counted(" districts of eastern Aleppo").as_deref(),
            Some("districts")
        );
        assert_eq!(
            counted(" of the whole northwestern city, Russia says").as_deref(),
            Some("city")
        );
        assert_eq!(counted(" of Aleppo").as_deref(), Some("Aleppo"));
        assert_eq!(counted(". Next"), None);
        assert_eq!(counted(" people MSF said").as_deref(), Some("people"));
        assert_eq!(
            counted(" of students studying at Heidelberg University").as_deref(),
            Some("students")
        );
        assert_eq!(
            counted(" users mostly from Canada").as_deref(),
            Some("users")
        );
        assert_eq!(
            counted(" 250ml bottles of hand sanitiser").as_deref(),
            Some("bottles")
        );
        assert_eq!(counted(" social housing units").as_deref(), Some("units"));
        assert_eq!(
            counted(" members bound by the deal committed").as_deref(),
            Some("members")
        );
        assert_eq!(
            counted(" bodies found in the rubble").as_deref(),
            Some("bodies")
        );
        assert_eq!(
            counted(" militants laid down their arms").as_deref(),
            Some("militants")
        );
        assert_eq!(
            counted(" districts north of the Aleppo Citadel").as_deref(),
            Some("districts")
        );
        assert_eq!(
            counted(" little known challengers").as_deref(),
            Some("challengers")
        );
        assert_eq!(
            counted(" of the world's stolen artefacts").as_deref(),
            Some("artefacts")
        );
        assert_eq!(counted(" training camps").as_deref(), Some("camps"));
        assert_eq!(
            counted(" civilians - including nine").as_deref(),
            Some("civilians")
        );
        let s = "the death toll was at least 24";
        assert_eq!(toll_before(s, 0, 21).as_deref(), Some("death toll"));
        let s = "air strikes killed at least 70";
        assert_eq!(casualty_before(s, 0, 18).as_deref(), Some("killed"));
        let s = "a fine of 10.5 million";
        assert_eq!(noun_before_of(s, 0, 10).as_deref(), Some("fine"));
        let s = "Nvidia advanced 8%";
        assert_eq!(subject_before(s, 0, 16).as_deref(), Some("Nvidia"));
        let s = "The Dow Jones Industrial Average lost 190 points";
        assert_eq!(
            clause_subject(s, 0, 40).as_deref(),
            Some("Dow Jones Industrial Average")
        );
        let s = "Before the crisis global debt, excluding financial institutions, was about";
        // (The opening "Before the crisis" is not told from the subject: no parser here.)
        let got = clause_subject(s, 0, s.len()).unwrap();
        assert!(got.ends_with("global debt"), "{got}");
        let s = "Nvidia advanced 8%, Qualcomm rose under 4%";
        assert_eq!(clause_subject(s, 0, 36).as_deref(), Some("Qualcomm"));
        let s = "The brand was expected to grow sales by 35 per cent";
        assert_eq!(subject_before(s, 0, 40).as_deref(), Some("sales"));
        let s = "So far this year Tesla shares have been on a tear, up nearly 57%";
        assert_eq!(subject_before(s, 0, 61), None);
        let s = "Fresh fruit prices are expected to increase between 5% and 6%";
        assert_eq!(subject_before(s, 0, 44).as_deref(), Some("prices"));
        let s = "However core inflation rose 0.3% in June";
        assert_eq!(subject_before(s, 0, 28).as_deref(), Some("inflation"));
    }
}
