//! Source phrases: the noun phrase before a cue ("Russian Defense Ministry official Sergei
//! Rudskoi said") or after it ("said Fares Shehabi, an MP for Aleppo"), and a sentence's subject.
//! Gives byte spans and [`SourceChunk`]s through `names::chunk_source`; resolving a pronoun or a
//! description to a name is `resolve.rs`'s work, not this module's.

use super::*;

/// Where a source phrase written after its cue ends: a word of `SOURCE_AFTER_STOPS`, a
/// sentence or clause mark, or the end.
pub(super) static SOURCE_AFTER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    let alternation =
        crate::lexicon::alternation(SOURCE_AFTER_STOPS.iter().chain(WEEKDAYS).copied());
    Regex::new(&format!(
        r"(?:,?\s+(?:{alternation})\b|[.;:!?“”\x22(]|''|$)"
    ))
    .unwrap()
});

/// A party-and-state appositive after a politician's name: "R-Ky.", "D-N.Y.", "I-Vt.".
pub(super) static PARTY_STATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[RDI]-[A-Z][A-Za-z.]{0,5}$").unwrap());

/// Whether a sentence's first word opens an adverbial rather than a statement: "In ...",
/// "After ...", or a participle ("Appearing on CBS' Face the Nation, the GOP front-runner said
/// ...").
pub(super) fn opens_adverbial(first_word: &str) -> bool {
    SUBORDINATE_OPENERS.contains(&first_word)
        || first_word.len() > 5
            && first_word.ends_with("ing")
            && !NOT_PARTICIPLES.contains(&first_word)
}

/// The source phrase before `hi`, back to a clause boundary not before `lo`: "Russian Defense
/// Ministry official Sergei Rudskoi said", "Fares Shehabi, an MP for Aleppo, told".
pub(super) fn source_before(
    lx: &Lexicon,
    text: &str,
    lo: usize,
    hi: usize,
) -> Option<(SourceChunk, Span, Option<String>)> {
    let seg = &text[lo..hi];
    let trimmed = seg.trim_end();
    // "Humphrey, who calls Trump a “sociopath,” said": a closing quote after the relative
    // clause's comma.
    let trimmed = trimmed
        .strip_suffix(['”', '"'])
        .filter(|t| t.ends_with(','))
        .unwrap_or(trimmed);
    // "Valeska Paris, an Australian woman, has claimed", "X, an MP, also said": the adverbs
    // between the appositive's comma and the cue.
    let mut bare = trimmed;
    while let Some((rest, last)) = bare.rsplit_once(' ') {
        if !SPEAKER_ADVERBS.contains(&last.to_lowercase().as_str()) {
            break;
        }
        bare = rest.trim_end();
    }
    let trimmed = if bare.ends_with(',') { bare } else { trimmed };
    // "X, an MP for Aleppo, told": the appositive between two commas is the role.
    if let Some(before_comma) = trimmed.strip_suffix(',') {
        // "Humphrey, who calls Trump a sociopath, said": the source is the name before "who".
        if let Some(rel) = [", who ", ", whose "]
            .iter()
            .filter_map(|w| before_comma.rfind(w))
            .max()
        {
            let (chunk, hedge) = noun_phrase(lx, text, lo, lo + rel)?;
            let written = chunk.span;
            return Some((chunk, written, hedge));
        }
        let mut p2 = before_comma.rfind(',')?;
        let appositive = before_comma[p2 + 1..].trim();
        // "Trump's attorney, Alan Garten, said", "Another delegate on the Cruz slate, Jim
        // Poolman, said": a role, then the name between commas.
        let name_words: Vec<&str> = appositive.split_whitespace().collect();
        let is_name = (2..=4).contains(&name_words.len())
            && name_words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !name_words.iter().any(|w| cannot_be_in_source(w));
        if is_name {
            let role_phrase = before_comma[..p2].trim();
            let role_first = role_phrase
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            if role_phrase.is_empty() || SUBORDINATE_OPENERS.contains(&role_first.as_str()) {
                return None;
            }
            let (role_chunk, hedge) = noun_phrase(lx, text, lo, lo + p2)?;
            let name_start = lo
                + p2
                + 1
                + (before_comma[p2 + 1..].len() - before_comma[p2 + 1..].trim_start().len());
            let chunk = chunk_source(lx, name_start, appositive, false)?;
            let role = role_chunk.span.slice(text).to_owned();
            let written = Span::new(role_chunk.span.byte_start, chunk.span.byte_end);
            return Some((
                SourceChunk {
                    role: Some(match chunk.role {
                        Some(r) => format!("{role}, {r}"),
                        None => role,
                    }),
                    ..chunk
                },
                written,
                hedge,
            ));
        }
        let appositive_ok = |a: &str| {
            let first = a.split_whitespace().next().unwrap_or("");
            // "a spokesman for ...", "69" (an age), "Sanders' senior media adviser".
            matches!(first, "a" | "an" | "the")
                || first.chars().next().is_some_and(char::is_lowercase)
                // "Sen. Rand Paul, R-Ky., told Fox News": party and state.
                || PARTY_STATE.is_match(a)
                || first.chars().all(|c| c.is_ascii_digit())
                || first.ends_with("'s")
                || first.ends_with("’s")
                || first.ends_with(['\'', '’'])
                // "Tina Tchen, Mrs. Obama's chief of staff, said": a named possessor's role.
                || possessor_role(a)
                // "Hernan Dario Gomez, Panama coach, said", "Hilary Braysmith, USI associate
                // professor of art history, said": a capitalised qualifier before a role noun.
                || capitalised_role(a)
        };
        // "Christopher Harvey, an African-American delegate from Houston, Texas, said": a state
        // after its city's comma belongs to the appositive before it.
        let mut appositive = appositive;
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !appositive_ok(appositive)
            && (1..=2).contains(&appositive.split_whitespace().count())
            && appositive.split_whitespace().all(capitalised)
        {
            if let Some(p3) = before_comma[..p2].rfind(',') {
                let city_clause = before_comma[p3 + 1..p2].trim();
                if city_clause.split_whitespace().count() >= 2
                    && city_clause
                        .split_whitespace()
                        .last()
                        .is_some_and(capitalised)
                    && appositive_ok(city_clause)
                {
                    p2 = p3;
                    appositive = before_comma[p3 + 1..].trim();
                }
            }
        }
        if !appositive_ok(appositive) {
            return None;
        }
        // "Lance Beebe, 49, a Navy veteran ..., said": two appositives.
        if let Some(p3) = before_comma[..p2].rfind(',') {
            let inner = before_comma[p3 + 1..p2].trim();
            if inner.chars().all(|c| c.is_ascii_digit()) && !inner.is_empty() {
                p2 = p3;
            }
        }
        let mut role_text = appositive.to_owned();
        let mut found = noun_phrase(lx, text, lo, lo + p2);
        // "Matthew Prince, chief executive of CloudFlare, a San Francisco company, said": when
        // the words before the appositive are no source, they may be a role appositive too;
        // the source is the name before it.
        if found.is_none() {
            if let Some(p3) = before_comma[..p2].rfind(',') {
                let inner = before_comma[p3 + 1..p2].trim();
                if inner.split_whitespace().count() >= 2 && appositive_ok(inner) {
                    found = noun_phrase(lx, text, lo, lo + p3);
                    role_text = format!("{inner}, {role_text}");
                }
            }
        }
        let (chunk, hedge) = found?;
        let role = match chunk.role {
            Some(r) => Some(format!("{r}, {role_text}")),
            None => Some(role_text),
        };
        let written = Span::new(chunk.span.byte_start, hi);
        return Some((SourceChunk { role, ..chunk }, written, hedge));
    }
    let (chunk, hedge) = noun_phrase(lx, text, lo, lo + trimmed.len())?;
    let span = chunk.span;
    Some((chunk, span, hedge))
}

/// Whether quotation `q` of sentence `s` is a title (a show, a book, a slogan) inside a phrase,
/// not a statement: words come before it in its sentence, and it is at most four words, each
/// capitalised but for short function words ("Meet the Press", "Sunday Morning Futures").
pub(super) fn is_quoted_title(text: &str, s: Span, q: Span) -> bool {
    if text[s.byte_start..q.byte_start].trim().is_empty() {
        return false;
    }
    let inner = quotes::inner(text, q).slice(text);
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_FUNCTION_WORDS.contains(w)
        })
}

/// Whether an appositive is a role of a named possessor: "Mrs. Obama's chief of staff",
/// "Sen. Ted Cruz’s campaign manager" (the capitalised words end in a possessive, a lower-case
/// role follows).
pub(super) fn possessor_role(appositive: &str) -> bool {
    let words: Vec<&str> = appositive.split_whitespace().collect();
    let run = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s") || w.ends_with(['\'', '’']);
    (1..=4).contains(&run)
        && possessive(words[run - 1])
        && words
            .get(run)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// The noun phrase ending at `hi` (after dropping adverbs like "also"), back to a boundary.
/// Where the first " {postmodifier} " of `SOURCE_POSTMODIFIERS` starts in `seg` (at its space):
/// the earliest of the tables' first occurrences, read at each space instead of formatting and
/// searching for every entry in turn (that was 5% of all instructions).
pub(super) fn first_postmodifier(seg: &str) -> Option<usize> {
    memchr::memchr_iter(b' ', seg.as_bytes()).find(|&p| {
        let rest = &seg[p + 1..];
        SOURCE_POSTMODIFIERS
            .iter()
            .any(|m| rest.starts_with(m) && rest[m.len()..].starts_with(' '))
    })
}

pub(super) fn noun_phrase(
    lx: &Lexicon,
    text: &str,
    lo: usize,
    hi: usize,
) -> Option<(SourceChunk, Option<String>)> {
    let mut seg = text[lo..hi].trim_end();
    // "The UN Commission of Inquiry for Syria (COI) said": the abbreviation is not the source.
    if let Some(open) = seg.strip_suffix(')').and_then(|s| s.rfind('(')) {
        if seg.len() - open <= 10 {
            seg = seg[..open].trim_end();
        }
    }
    let boundary = seg
        .rfind([',', ';', ':', '(', ')', '“', '”', '"', '—', '–', '\n'])
        .map_or(0, |p| p + seg[p..].chars().next().map_or(1, char::len_utf8));
    // NYT quotes close with two apostrophes: ''...,'' Mr. Shehabi said.
    let boundary = seg.rfind("''").map_or(boundary, |p| boundary.max(p + 2));
    // "People familiar with the matter said", "a source close to him said": the noun before the
    // postmodifier heads the source; what follows it is part of the phrase.
    if let Some(at) = first_postmodifier(&seg[boundary..]).map(|p| boundary + p) {
        if seg[at..].split_whitespace().count() <= 8 {
            let (mut chunk, hedge) = noun_phrase(lx, text, lo, lo + at)?;
            chunk.span.byte_end = lo + seg.len();
            chunk.name = chunk.span.slice(text).to_owned();
            chunk.role = None;
            return Some((chunk, hedge));
        }
    }
    let mut words: Vec<(usize, &str)> = word_positions(&seg[boundary..])
        .into_iter()
        .map(|(p, w)| (p + boundary, w))
        .collect();
    // Back to the last clause word ("..., and officials said").
    if let Some(k) = words
        .iter()
        .rposition(|(_, w)| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        let clause_word = words[k];
        words.drain(..=k);
        let only_adverbs = words
            .iter()
            .all(|(_, w)| SPEAKER_ADVERBS.contains(&w.to_lowercase().as_str()));
        // "former Maryland Gov. Martin O’Malley, who noted that": "who" is the source as
        // written and names the phrase before it.
        if clause_word.1 == "who" && only_adverbs {
            let who_start = lo + clause_word.0;
            let before = text[lo..who_start].trim_end().trim_end_matches(',');
            let (mut chunk, hedge) =
                noun_phrase(lx, text, lo, lo + before.len()).or_else(|| {
                    // "The loss was steep for Mr. Sanders, who said", "“...,” said Harvey, who
                    // acknowledged": the name ending the clause before "who".
                    let words = word_positions(before);
                    let run = words
                        .iter()
                        .rev()
                        .take_while(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
                        .take(5)
                        .count();
                    let (p, _) = *words.get(words.len().checked_sub(run.max(1))?)?;
                    (run > 0)
                        .then(|| noun_phrase(lx, text, lo + p, lo + before.len()))
                        .flatten()
                })?;
            chunk.span = Span::new(who_start, who_start + 3);
            return Some((chunk, hedge));
        }
    }
    while words
        .last()
        .is_some_and(|(_, w)| SPEAKER_ADVERBS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    // "Reports on Thursday said": a time phrase is not part of the source.
    if let Some(k) = words.iter().position(|(_, w)| *w == "on") {
        if words.get(k + 1).is_some_and(|(_, w)| is_weekday(w)) {
            words.truncate(k);
        }
    }
    let mut hedge = None;
    words.retain(|(_, w)| {
        let lower = w.to_lowercase();
        if HEDGES.contains(&lower.as_str()) {
            hedge = Some(lower);
            return false;
        }
        true
    });
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let first = words[0].1;
    let lower_first = first.to_lowercase();
    let pronoun = PRONOUNS.iter().any(|(p, _)| *p == lower_first);
    if pronoun && words.len() > 1 {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "former UN Ambassador John Bolton", "host Bill Maher": a role before a name.
    let ends_in_name = words.len() >= 3
        && capitalised(words[words.len() - 1].1)
        && capitalised(words[words.len() - 2].1);
    let opener_ok = first.chars().next()?.is_uppercase()
        || ends_in_name
        || pronoun
        || SOURCE_DETERMINERS.contains(&first)
        // "47 percent said they would vote for Clinton": a share of the polled.
        || first.starts_with(|c: char| c.is_ascii_digit()) && words.len() >= 2
        || COLLECTIVE_SOURCES.contains(&first)
        // "Republican party officials said", "campaign aides say".
        || words.len() <= 3
            && COLLECTIVE_SOURCES.contains(&words[words.len() - 1].1.to_lowercase().as_str())
        || NEWS_OUTLETS.contains(&first);
    if !opener_ok || words.iter().any(|(_, w)| cannot_be_in_source(w)) {
        return None;
    }
    // A capitalised word alone at the sentence start may be a verb or adverb ("Unfortunately");
    // names are then confirmed by a second capitalised word or a known source noun.
    let start = lo + words[0].0;
    let end = lo + words.last().map(|(p, w)| p + w.len())?;
    let phrase = &text[start..end];
    // Rebuild the phrase without hedges by chunking only the kept words' extent.
    let chunk = chunk_source(lx, start, phrase, false)?;
    let mut chunk = chunk;
    if let Some(h) = &hedge {
        chunk.name = chunk.name.replace(&format!("{h} "), "");
        chunk.role = chunk
            .role
            .map(|r| {
                r.replace(h.as_str(), "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|r| !r.is_empty() && r != "the" && r != "The");
    }
    Some((chunk, hedge))
}

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w.trim_end_matches([',', '.']),
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// The source phrase written after its cue: "said Major-General Igor Konashenkov, a spokesman
/// for the Russian Defense Ministry, according to ..." or "said the leaders of Germany, France,
/// Italy, the United States, Canada and Britain in a statement".
pub(super) fn source_after(
    lx: &Lexicon,
    text: &str,
    from: usize,
    to: usize,
) -> Option<SourceChunk> {
    let rest = &text[from..to];
    let lead = rest.len() - rest.trim_start().len();
    let rest = &rest[lead..];
    let mut stop = SOURCE_AFTER_STOP.find_at(rest, 1)?.start();
    // "said Mr. Schmidt, who bought ...", "said Sen. Brian Schatz": a title's period or an
    // initial's ("John F. Kerry") does not end the source.
    while rest[stop..].starts_with('.') {
        let word = rest[..stop].rsplit([' ', '\u{a0}']).next().unwrap_or("");
        let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
        if !(ABBREVIATIONS.contains(&word) || initial) {
            break;
        }
        match SOURCE_AFTER_STOP.find_at(rest, stop + 1) {
            Some(m) => stop = m.start(),
            None => break,
        }
    }
    let phrase = rest[..stop].trim_end_matches([',', ' ']);
    if phrase.is_empty() {
        return None;
    }
    let first = phrase.split_whitespace().next()?;
    let lower = first.to_lowercase();
    // "Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday he agrees with ...": a
    // time or place after the cue is no source.
    if is_adverbial_opener(first) {
        return None;
    }
    let head_words: Vec<&str> = phrase.split(',').next()?.split_whitespace().collect();
    // "said former Pennsylvania Gov. ... Ed Rendell": a role before a name.
    let ends_in_name = head_words.len() >= 3
        && head_words
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(first.chars().next()?.is_uppercase()
        || ends_in_name
        || SOURCE_DETERMINERS.contains(&first)
        || PRONOUNS.iter().any(|(p, _)| *p == lower))
    {
        return None;
    }
    // A list of names ("Germany, France, Italy ... and Britain") is one source; an appositive
    // ("Igor Konashenkov, a spokesman for ...") is a role.
    let is_list = phrase.contains(',')
        && phrase.contains(" and ")
        && !names::starts_appositive(&phrase[phrase.find(',')? + 1..]);
    // "said Virginia delegate Beau Correll, angered that party leaders ...": the source ends at
    // a comma that opens no appositive.
    let phrase = match phrase.find(',') {
        Some(c) if !is_list && !names::starts_appositive(&phrase[c + 1..]) => &phrase[..c],
        _ => phrase,
    };
    if phrase
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .any(cannot_be_in_source)
    {
        return None;
    }
    if is_list {
        let start = from + lead;
        let name = phrase.strip_prefix("the ").unwrap_or(phrase);
        return Some(SourceChunk {
            span: Span::new(start, start + phrase.len()),
            name: name.to_owned(),
            role: None,
        });
    }
    chunk_source(lx, from + lead, phrase, true)
}

/// Whether a cue is an "-ing" form ("adding", "referring to", "pointing out").
pub(super) fn is_participle(cue: &str) -> bool {
    cue.split_whitespace().next().unwrap_or("").ends_with("ing")
}

/// The end of a sentence's subject: before its first past-tense verb ("The Syrian government
/// rejected the proposal, insisting that ...").
pub(super) fn subject(text: &str, s: Span, before: usize) -> Option<usize> {
    let words = word_positions(&text[s.byte_start..before]);
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "of" | "for" | "al-" | "de" | "the")
    };
    let k = words
        .iter()
        .enumerate()
        .position(|(i, (_, w))| {
            i > 0 && i < 10 && w.ends_with("ed") && w.chars().all(|c| c.is_lowercase())
        })
        // Otherwise the capitalised run that opens the sentence ("Carson did not mention ...").
        .or_else(|| {
            let run = words.iter().take_while(|(_, w)| is_name_word(w)).count();
            (1..=6).contains(&run).then_some(run)
        })?;
    if k == 0 {
        return None;
    }
    let (p, w) = words[k - 1];
    Some(s.byte_start + p + w.len())
}

/// Whether `w` cannot be inside a source phrase (`NOT_IN_SOURCE`, in any case), unless it is an
/// abbreviation in capitals: "US officials said", "IS militants said", "WHO say" have sources.
pub(super) fn cannot_be_in_source(w: &str) -> bool {
    let abbreviation = w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    !abbreviation && NOT_IN_SOURCE.contains(&w.to_lowercase().as_str())
}

/// An appositive of two to eight words that opens with a capitalised qualifier and ends in a
/// lower-case word ("Panama coach", "USI associate professor of art history"): a role, not a
/// list of names ("Biden and Clinton") or a place ("Houston, Texas").
fn capitalised_role(appositive: &str) -> bool {
    let words: Vec<&str> = appositive.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && !words.iter().any(|w| matches!(*w, "and" | "or"))
        && words
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (source as written, cue) of each claim of `text`.
    fn sources(text: &str) -> Vec<(String, String)> {
        let raw = crate::RawDocument {
            text: text.into(),
            ..Default::default()
        };
        let doc = crate::extract_document(&raw, &crate::Options::default());
        doc.claims
            .iter()
            .map(|c| {
                let cue = c.cue_span.map_or("", |s| s.slice(&doc.text)).to_owned();
                let written = c.source_span.map_or("", |s| s.slice(&doc.text)).to_owned();
                (written, cue)
            })
            .collect()
    }

    #[test]
    fn an_abbreviation_in_capitals_is_no_clause_word() {
        assert!(!cannot_be_in_source("US"));
        assert!(!cannot_be_in_source("IS"));
        assert!(cannot_be_in_source("us"));
        assert!(cannot_be_in_source("Is"));
        // BBC: "US officials said ..." had no claim ("us" is an object pronoun).
        assert_eq!(
            sources("US officials said the talks would resume in Geneva."),
            [("US officials".to_owned(), "said".to_owned())]
        );
        assert_eq!(
            sources("The US firm has said it will sell its stake.")[0].0,
            "The US firm"
        );
    }

    #[test]
    fn adverbs_after_an_appositive_stand_before_the_cue() {
        // GUM (Wikinews): "Valeska Paris, an Australian woman and former Scientologist, has
        // claimed that the Church of Scientology imprisoned her".
        for text in [
            "Valeska Paris, an Australian woman, has claimed that the church imprisoned her.",
            "Valeska Paris, a former member, has also said that the church imprisoned her.",
        ] {
            assert_eq!(sources(text)[0].0, "Valeska Paris", "{text}");
        }
    }

    #[test]
    fn a_capitalised_qualifier_before_a_role_noun_is_an_appositive() {
        // BBC: "Martin Ellis, Halifax chief economist, said"; GUM: "Hernan Dario Gomez, Panama
        // coach, said".
        assert_eq!(
            sources("Martin Ellis, Halifax chief economist, said prices would rise.")[0].0,
            "Martin Ellis"
        );
        assert!(capitalised_role("USI associate professor of art history"));
        assert!(!capitalised_role("Biden and Clinton"));
        assert!(!capitalised_role("Texas"));
    }
}
