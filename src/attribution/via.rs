//! The relaying channel of a claim ("according to the Interfax news agency" -> "Interfax", "in a
//! statement", "broadcast on state television", "told dpa by telephone", "in an interview with
//! al-Watan newspaper") and its hedges ("so-called", "reportedly").
//!
//! Reads the claim's sentence outside its content. Outlets named as relays win over channels
//! ("said ... in a statement, as reported by Reuters" -> "Reuters"). Takes no part in deciding
//! whether something is a claim.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{ClaimKind, Span};
use crate::lexicon::cues::{CHANNEL_NOUNS, HEDGES};
use crate::lexicon::sources::NEWS_OUTLETS;
use crate::lexicon::word_regex;

/// The phrases that open a relay: "according to (the) X", "as reported by X", "told X". No
/// phrase is a prefix of another, so at most one opens a relay at a given place.
const RELAY_PHRASES: &[&str] = &[
    "according to",
    "as reported by",
    "as quoted by",
    "quoted by",
    "told",
    "in an interview with",
    "in an interview to",
    "interview with",
];
/// What may close the name of a relay's outlet: "the Interfax news agency", "al-Watan newspaper".
const RELAY_NAME_ENDS: &[&str] = &["news agency", "newspaper", "daily", "TV", "television"];

/// The relay pattern these functions read, as the regex it was:
/// `(?:according to|...)\s+(?:the\s+)?(?P<x>[\p{L}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}(?:\s+(?:news agency|...))?)`.
#[cfg(test)]
static RELAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})\s+(?:the\s+)?(?P<x>[\p{{L}}][\p{{L}}'’.-]*(?:\s+[\p{{Lu}}][\p{{L}}'’.-]*){{0,3}}(?:\s+(?:{}))?)",
        RELAY_PHRASES.join("|"),
        RELAY_NAME_ENDS.join("|")
    ))
    .unwrap()
});
/// Where a relay can start: one of its phrases, a literal search.
static RELAY_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&RELAY_PHRASES.join("|")).unwrap());

/// A relay found in a part of a sentence; offsets are relative to the part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Relay<'h> {
    /// Where its phrase starts.
    start: usize,
    /// Where its name ends.
    end: usize,
    /// The phrase ("told").
    phrase: &'static str,
    /// The name of the outlet or person ("Interfax news agency").
    name: &'h str,
}

/// A character of a word in a relay at the end of a sentence (", dpa adds."): `[\p{L}.-]`.
pub(super) fn is_relay_word_char(c: char) -> bool {
    crate::chars::is_letter(c) || c == '.' || c == '-'
}

/// A character of a relay's name after its first: `[\p{L}'’.-]`.
fn is_name_char(c: char) -> bool {
    crate::chars::is_letter(c) || matches!(c, '\'' | '’' | '.' | '-')
}

/// The relay that opens `h`, as `^` + [`RELAY`] would match it: its phrase, white space,
/// an optional "the", a name of one word then up to three capitalised ones, and optionally one
/// of [`RELAY_NAME_ENDS`]. Each white-space run is taken whole, as the pattern's greedy `\s+`
/// does (a shorter one leaves white space where a letter must follow).
fn relay_at(h: &str, start: usize) -> Option<Relay<'_>> {
    use crate::chars::{is_letter, is_uppercase_letter, run_len, space_len};
    let phrase = RELAY_PHRASES.iter().find(|p| h.starts_with(**p))?;
    let mut at = phrase.len();
    let space = space_len(&h[at..]);
    if space == 0 {
        return None;
    }
    at += space;
    // "the" is left out of the name when a name follows it; "told the 5" names "the".
    if let Some(after_the) = h[at..].strip_prefix("the") {
        let space = space_len(after_the);
        if space > 0 && after_the[space..].starts_with(is_letter) {
            at += 3 + space;
        }
    }
    let name_start = at;
    let first = h[at..].chars().next().filter(|&c| is_letter(c))?;
    at += first.len_utf8();
    at += run_len(&h[at..], is_name_char);
    for _ in 0..3 {
        let space = space_len(&h[at..]);
        match h[at + space..].chars().next() {
            Some(c) if space > 0 && is_uppercase_letter(c) => {
                at += space + c.len_utf8();
                at += run_len(&h[at..], is_name_char);
            }
            _ => break,
        }
    }
    let space = space_len(&h[at..]);
    if space > 0 {
        if let Some(end) = RELAY_NAME_ENDS
            .iter()
            .find(|e| h[at + space..].starts_with(**e))
        {
            at += space + end.len();
        }
    }
    Some(Relay {
        start,
        end: start + at,
        phrase,
        name: &h[name_start..at],
    })
}

/// Every relay in `part`, as `RELAY.captures_iter` finds them, left to right. An unanchored
/// `RELAY` search ran a reverse lazy DFA over its Unicode classes to find where each match
/// starts, and building that DFA's states was 6% of all instructions; here a literal search
/// gives each place a phrase starts, and [`relay_at`] reads the rest there.
fn relay_matches(part: &str) -> impl Iterator<Item = Relay<'_>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < part.len() {
            let q = RELAY_START.find_at(part, pos)?.start();
            if let Some(relay) = relay_at(&part[q..], q) {
                pos = relay.end;
                return Some(relay);
            }
            // Every phrase starts with an ASCII letter, so `q + 1` is a char boundary.
            pos = q + 1;
        }
        None
    })
}

/// The trailing relay pattern, as the regex it was.
#[cfg(test)]
static TRAILING_RELAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+(?P<x>[\p{L}][\p{L}.-]*(?:\s+[\p{Lu}][\p{L}.-]*){0,2})(?:\s+news agency)?\s+(?:adds|added|reports|reported|says|said)\W*$").unwrap()
});
/// The verbs a trailing relay ends with.
const TRAILING_VERBS: [&str; 6] = ["adds", "added", "reports", "reported", "says", "said"];

/// The outlet of a relay at the end of `part` (", dpa adds.", ", the Interfax news agency
/// reported"), as `TRAILING_RELAY` captured it: a name of one word then up to two capitalised
/// ones (`[\p{L}][\p{L}.-]*`, then `[\p{Lu}][\p{L}.-]*`), optionally "news agency".
fn trailing_relay(part: &str) -> Option<&str> {
    use crate::chars::{is_letter, is_uppercase_letter};
    let word = |w: &str, first: fn(char) -> bool| {
        w.starts_with(first) && w.chars().skip(1).all(is_relay_word_char)
    };
    relay_at_end(&TRAILING_VERBS, part, |words| {
        let names = match words {
            [names @ .., (_, "news"), (_, "agency")] => names,
            _ => words,
        };
        let fits = (1..=3).contains(&names.len())
            && word(names[0].1, is_letter)
            && names[1..].iter().all(|(_, w)| word(w, is_uppercase_letter));
        let (last_at, last) = names.last()?;
        fits.then_some((names[0].0, last_at + last.len()))
    })
    .map(|(_, name)| name)
}

/// A relay at the end of `part` (", dpa adds."): a comma, white space, words, white space, one
/// of `verbs`, then only non-word characters (`\W*$`), the shape of `^,\s+...\s+(?:verbs)\W*$`.
/// `name` reads the words between the comma and the verb (each with its offset in `part`) and
/// gives the byte range of the name, or `None` when they do not fit. Returns where the comma is
/// and the name.
///
/// None of the characters after the verb is an ASCII letter, digit or `_`, so the part without
/// its trailing non-[A-Za-z0-9_] characters must end with the verb (which spares most parts any
/// search), and the relay can only start at that part's last comma. An end-anchored regex
/// search ran a reverse lazy DFA over Unicode classes, rebuilding its states at ~76,000
/// instructions a call: 5% of all instructions on seeds + 200 PolNeAR texts; the anchored
/// regexes that followed it cost 20 M instructions to compile.
pub(super) fn relay_at_end<'h>(
    verbs: &[&str],
    part: &'h str,
    name: impl Fn(&[(usize, &'h str)]) -> Option<(usize, usize)>,
) -> Option<(usize, &'h str)> {
    let t = part.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    if !verbs.iter().any(|v| t.ends_with(v)) {
        return None;
    }
    let comma = t.rfind(',')?;
    let words_end = part.trim_end_matches(|c: char| !crate::chars::is_word(c));
    let verb = verbs.iter().find(|v| words_end.ends_with(**v))?;
    let middle = words_end.get(comma + 1..words_end.len() - verb.len())?;
    if !(middle.starts_with(char::is_whitespace) && middle.ends_with(char::is_whitespace)) {
        return None;
    }
    let words: Vec<(usize, &str)> = middle
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
        .collect();
    if words.is_empty() {
        return None;
    }
    let (start, end) = name(&words)?;
    Some((comma, &part[start..end]))
}

/// "according to an estimate by UN special envoy ...": the channel is the estimate.
static ESTIMATE: LazyLock<Regex> =
    LazyLock::new(|| word_regex(r"according to\s+(?P<x>(?:a|an|the)\s+[\p{Ll}-]+)\s+by\b"));
/// "in a statement", "in a recent interview", "on state television".
static CHANNEL: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = crate::lexicon::alternation(CHANNEL_NOUNS.iter().copied());
    word_regex(&format!(
        r"\b(?:in|on|through|via)\s+(?P<x>(?:(?:a|an|the)\s+)?(?:[\p{{L}}-]+\s+)?(?:{nouns}))\b"
    ))
});
/// Any channel noun, anywhere: `CHANNEL` cannot match a part without one, and this literal
/// search is much cheaper than `CHANNEL` itself, whose Unicode `\b` sends the regex crate to its
/// slow engines on any non-ASCII text.
static CHANNEL_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::lexicon::alternation(CHANNEL_NOUNS.iter().copied())).unwrap()
});
static HEDGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words =
        crate::lexicon::alternation(HEDGES.iter().copied().filter(|h| !h.starts_with("claim")));
    word_regex(&format!(r"(?i)\b(?:{words})\b"))
});

/// The channel of a claim in `sentence` whose content is `content`, if the text names one.
pub fn find_via(
    text: &str,
    sentence: Span,
    content: Span,
    cue: Option<Span>,
    kind: ClaimKind,
) -> Option<String> {
    // The parts of the sentence outside the content.
    let parts = [
        Span::new(
            sentence.byte_start,
            content
                .byte_start
                .max(sentence.byte_start)
                .min(sentence.byte_end),
        ),
        Span::new(
            content
                .byte_end
                .clamp(sentence.byte_start, sentence.byte_end),
            sentence.byte_end,
        ),
    ];
    let own_cue = |start: usize| cue.is_some_and(|c| c.byte_start == start);
    for part in parts {
        if part.is_empty() {
            continue;
        }
        let p = part.slice(text);
        for relay in relay_matches(p) {
            if kind == ClaimKind::AccordingTo && own_cue(part.byte_start + relay.start) {
                continue;
            }
            let x = clean_outlet(relay.name);
            let is_told = relay.phrase == "told";
            if is_told && !NEWS_OUTLETS.contains(&x) {
                continue;
            }
            if !x.is_empty()
                && (x.chars().next().is_some_and(char::is_uppercase)
                    || NEWS_OUTLETS.contains(&x)
                    || x.contains('-'))
            {
                return Some(x.to_owned());
            }
        }
        if let Some(name) = trailing_relay(p) {
            let x = clean_outlet(name);
            if NEWS_OUTLETS.contains(&x) && kind != ClaimKind::AccordingTo {
                return Some(x.to_owned());
            }
        }
    }
    for part in parts {
        if let Some(c) = ESTIMATE.captures(part.slice(text)) {
            return Some(c["x"].to_owned());
        }
        let p = part.slice(text);
        if let Some(c) = CHANNEL_NOUN
            .is_match(p)
            .then(|| CHANNEL.captures(p))
            .flatten()
        {
            return Some(c["x"].to_owned());
        }
    }
    None
}

/// "the Interfax news agency" -> "Interfax"; "al-Watan newspaper" stays.
fn clean_outlet(x: &str) -> &str {
    let x = x.trim();
    let x = x.strip_suffix(" news agency").unwrap_or(x);
    x.trim_end_matches(['.', ','])
}

/// A hedge word in the claim's span ("so-called", "reportedly", "alleged").
pub fn find_hedge(text: &str, span: Span, _content: Span) -> Option<String> {
    HEDGE_RE
        .find(span.slice(text))
        .map(|m| m.as_str().to_lowercase())
}

/// A quotation of one word inside `content` ("a “ceasefire” in Aleppo"), marks included.
pub fn find_scare_quote(text: &str, content: Span) -> Option<String> {
    static SCARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[“\x22][\p{L}-]+[”\x22]").unwrap());
    SCARE
        .find(content.slice(text))
        .map(|m| m.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn via(s: &str, content: &str) -> Option<String> {
        let i = s.find(content).unwrap();
        find_via(
            s,
            Span::new(0, s.len()),
            Span::new(i, i + content.len()),
            None,
            ClaimKind::Direct,
        )
    }

    /// The literal-then-anchored search finds what `RELAY.captures_iter` finds.
    #[test]
    fn relay_matches_are_the_regex_matches() {
        for p in [
            "said Igor Konashenkov, according to the Interfax news agency.",
            "told told Reuters in an interview with al-Watan newspaper",
            "in an interview to Rossiya TV, as quoted by TASS, told dpa",
            "told “them” according to Élysée sources, quoted by Le Monde",
            "according to",
        ] {
            let fast: Vec<_> = relay_matches(p)
                .map(|r| (r.start, p[r.start..r.end].to_owned(), r.name.to_owned()))
                .collect();
            let exact: Vec<_> = RELAY
                .captures_iter(p)
                .map(|c| {
                    (
                        c.get(0).unwrap().start(),
                        c[0].to_owned(),
                        c["x"].to_owned(),
                    )
                })
                .collect();
            assert_eq!(fast, exact, "{p}");
        }
    }

    /// Both hand-written readers against the regexes they replaced, on the seeds' lines and on
    /// strings made of the pieces the patterns turn on.
    #[test]
    fn relays_are_the_regex_matches_on_samples() {
        let pieces = [
            "according to",
            "told",
            "as quoted by",
            "in an interview with",
            "interview with",
            " ",
            "  ",
            "\u{a0}",
            ",",
            ".",
            "-",
            "'",
            "’",
            "the",
            "the ",
            "Interfax",
            "news agency",
            "news",
            " agency",
            "newspaper",
            "daily",
            "dailyx",
            "TV",
            "television",
            "É",
            "é",
            "ǅ",
            "Ⓐ",
            "x",
            "5",
            "_",
            "said",
            "adds",
            "reports",
            "reported",
            "says",
            "…",
            "”",
            "\"",
        ];
        for p in crate::chars::sample_strings(&pieces, 30_000) {
            let fast: Vec<_> = relay_matches(&p)
                .map(|r| (r.start, &p[r.start..r.end], r.name))
                .collect();
            let exact: Vec<_> = RELAY
                .captures_iter(&p)
                .map(|c| {
                    (
                        c.get(0).unwrap().start(),
                        c.get(0).unwrap().as_str(),
                        c.name("x").unwrap().as_str(),
                    )
                })
                .collect();
            assert_eq!(fast, exact, "{p:?}");
            assert_eq!(
                trailing_relay(&p),
                TRAILING_RELAY
                    .captures(&p)
                    .map(|c| c.name("x").unwrap().as_str()),
                "{p:?}"
            );
        }
    }

    /// The cheap checks never skip a part that the regexes match.
    #[test]
    fn prefilters_keep_every_match() {
        for p in [
            ", dpa adds.",
            ", the Interfax news agency reported…”",
            ", Reuters said_",
            ", AFP says ",
            ", dpa saidé",
            "told reporters in a statement on Friday",
            "on state television",
            "in an interview",
        ] {
            if TRAILING_RELAY.is_match(p) {
                assert!(trailing_relay(p).is_some(), "{p}");
            }
            if CHANNEL.is_match(p) {
                assert!(CHANNEL_NOUN.is_match(p), "{p}");
            }
        }
        for p in [
            ", dpa adds.",
            "the army said, the Interfax news agency reported…”",
            "fighting, in Aleppo, dpa said, ",
            ", Reuters said_",
            "he said, adding, AFP says ",
            ", dpa saidé",
            "as AP, reported",
            "no comma here, AP said it",
        ] {
            assert_eq!(
                trailing_relay(p),
                TRAILING_RELAY
                    .captures(p)
                    .map(|c| c.name("x").unwrap().as_str()),
                "{p}"
            );
        }
        assert!(trailing_relay(", dpa adds.").is_some());
        assert!(trailing_relay(", dpa adds it.").is_none());
        assert!(!TRAILING_RELAY.is_match(", Reuters said_"));
    }

    #[test]
    fn outlets_and_channels() {
        assert_eq!(via("“Syrian soldiers won,” said Igor Konashenkov, according to the Interfax news agency.", "Syrian soldiers won,").as_deref(), Some("Interfax"));
        assert_eq!(
            via(
                "“We will not accept any truce,” Fares Shehabi told dpa by telephone.",
                "We will not accept any truce,"
            )
            .as_deref(),
            Some("dpa")
        );
        assert_eq!(
            via(
                "“It’s true,” Assad said in an interview with al-Watan newspaper.",
                "It’s true,"
            )
            .as_deref(),
            Some("al-Watan newspaper")
        );
        assert_eq!(
            via(
                "The ministry said in a statement that 8,500 civilians left.",
                "8,500 civilians left"
            )
            .as_deref(),
            Some("a statement")
        );
        assert_eq!(via("“52 districts were freed,” Rudskoi said in comments broadcast on state television on Friday.", "52 districts were freed,").as_deref(), Some("state television"));
    }
}
