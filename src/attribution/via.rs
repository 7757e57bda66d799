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

/// The phrases that open a relay: "according to (the) X", "as reported by X", "told X".
const RELAY_PHRASES: &str = "(?:according to|as reported by|as quoted by|quoted by|told|in an interview with|in an interview to|interview with)";
/// What follows a relay phrase: the outlet or person ("the Interfax news agency").
const RELAY_NAME: &str = r"\s+(?:the\s+)?(?P<x>[\p{L}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}(?:\s+(?:news agency|newspaper|daily|TV|television))?)";
/// The relay pattern, searched for as [`relay_matches`] does.
#[cfg(test)]
static RELAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{RELAY_PHRASES}{RELAY_NAME}")).unwrap());
/// Where a relay can start: one of its phrases, a literal search.
static RELAY_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(RELAY_PHRASES).unwrap());
/// The relay pattern anchored at the start of the haystack.
static RELAY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{RELAY_PHRASES}{RELAY_NAME}")).unwrap());

/// Every relay in `part`, as `RELAY.captures_iter` finds them, each with its start in `part`
/// (the captures are relative to it). An unanchored `RELAY` search ran a reverse lazy DFA over
/// its Unicode classes to find where each match starts, and building that DFA's states was 6%
/// of all instructions; here a literal search gives each place a phrase starts, left to right,
/// and the anchored pattern (which needs no reverse search: it has no look-around) is tried
/// there.
fn relay_matches(part: &str) -> impl Iterator<Item = (usize, regex::Captures<'_>)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < part.len() {
            let q = RELAY_START.find_at(part, pos)?.start();
            if let Some(c) = RELAY_AT.captures(&part[q..]) {
                pos = q + c.get(0).unwrap().end();
                return Some((q, c));
            }
            // Every phrase starts with an ASCII letter, so `q + 1` is a char boundary.
            pos = q + 1;
        }
        None
    })
}
/// ", dpa adds." at a sentence end.
const TRAILING_RELAY_PATTERN: &str = r",\s+(?P<x>[\p{L}][\p{L}.-]*(?:\s+[\p{Lu}][\p{L}.-]*){0,2})(?:\s+news agency)?\s+(?:adds|added|reports|reported|says|said)\W*$";
/// The trailing relay pattern, searched for as [`trailing_relay`] does.
#[cfg(test)]
static TRAILING_RELAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(TRAILING_RELAY_PATTERN).unwrap());
/// The trailing relay pattern anchored at the start of the haystack.
static TRAILING_RELAY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{TRAILING_RELAY_PATTERN}")).unwrap());
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
/// The verbs `TRAILING_RELAY` ends with.
const TRAILING_VERBS: [&str; 6] = ["adds", "added", "reports", "reported", "says", "said"];

/// `TRAILING_RELAY.captures(part)`.
fn trailing_relay(part: &str) -> Option<regex::Captures<'_>> {
    relay_at_end(&TRAILING_RELAY_AT, &TRAILING_VERBS, part).map(|(_, c)| c)
}

/// The captures of `anchored` in `part`, and where they start, for a `^`-anchored pattern of a
/// relay at the end (", dpa adds."): a comma, words without commas, one of `verbs`, then only
/// non-word characters (`\W*$`). None of those is an ASCII letter, digit or `_`, so the part
/// without its trailing non-[A-Za-z0-9_] characters must end with the verb (which spares most
/// parts any search), and the match can only start at that part's last comma, where the pattern
/// is tried forward. The unanchored, end-anchored search ran a reverse lazy DFA over Unicode
/// classes, rebuilding its states at ~76,000 instructions a call: 5% of all instructions on
/// seeds + 200 PolNeAR texts, for the ~700 claims whose sentence ends "..., he said."
pub(super) fn relay_at_end<'h>(
    anchored: &Regex,
    verbs: &[&str],
    part: &'h str,
) -> Option<(usize, regex::Captures<'h>)> {
    let t = part.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    if !verbs.iter().any(|v| t.ends_with(v)) {
        return None;
    }
    let comma = t.rfind(',')?;
    anchored.captures(&part[comma..]).map(|c| (comma, c))
}

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
        for (q, c) in relay_matches(p) {
            let m = c.get(0).unwrap();
            if kind == ClaimKind::AccordingTo && own_cue(part.byte_start + q + m.start()) {
                continue;
            }
            let x = clean_outlet(&c["x"]);
            let is_told = m.as_str().starts_with("told");
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
        if let Some(c) = trailing_relay(p) {
            let x = clean_outlet(&c["x"]);
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
                .map(|(q, c)| {
                    (
                        q + c.get(0).unwrap().start(),
                        c[0].to_owned(),
                        c["x"].to_owned(),
                    )
                })
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
            let found = |c: Option<regex::Captures>| c.map(|c| c["x"].to_owned());
            assert_eq!(
                found(trailing_relay(p)),
                found(TRAILING_RELAY.captures(p)),
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
