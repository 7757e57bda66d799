//! Cue words found by word, not by regex: each ASCII word of a sentence is looked up once in a
//! table keyed by the first word of every cue form ("said", "points" of "points out",
//! "according" of "according to"), and only the forms that start with it are compared.
//!
//! It finds exactly what the alternation regex `\b(?:forms, longest first)\b` (ASCII word
//! boundaries, a space matching any run of white space, `[Aa]ccording`) found, which it
//! replaced: that regex was the largest one compiled per process and its lazy DFA, fed every
//! sentence, built states for 300 alternatives. Here a sentence costs one hash probe per word
//! whose first letter and length some cue can have. It knows nothing of claims or sources.

use rustc_hash::FxHashMap;

use crate::lexicon::cues::{cue_lemma, ACCORDING_CUES};

/// A cue form as the table writes it ("points out"), with what the stage needs of it.
#[derive(Debug, Clone)]
pub struct CueForm {
    /// The form, a single space between words (the text may hold any white space there).
    pub form: String,
    /// Its lemma in `lexicon::cues` (`None` for a user's cue verb: the stage reads "say").
    pub lemma: Option<&'static str>,
    /// "according to", "as reported by": the source follows.
    pub according: bool,
}

/// One cue found: its byte range in the haystack and its form.
#[derive(Debug, Clone, Copy)]
pub struct CueMatch<'l> {
    /// Where the cue starts in the haystack (bytes).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The table's form that matched.
    pub form: &'l CueForm,
}

/// Every cue form, by first word.
#[derive(Debug, Clone)]
pub struct CueWords {
    forms: Vec<CueForm>,
    /// First word -> indices into `forms`, in the regex's order (longest first, then
    /// alphabetical), so the first form that matches wins as the alternation's would.
    by_first_word: FxHashMap<Box<str>, Vec<u32>>,
    /// Which bytes a first word can start with, and its shortest and longest length: most
    /// words of a sentence are rejected without hashing.
    first_bytes: [bool; 256],
    min_len: usize,
    max_len: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl CueWords {
    /// The table of `forms` (cue verb forms and "according to" ones).
    pub fn new<'a>(forms: impl IntoIterator<Item = &'a str>) -> Self {
        let mut sorted: Vec<&str> = forms.into_iter().collect();
        // The order of `lexicon::alternation`.
        sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        sorted.dedup();
        let mut table = CueWords {
            forms: Vec::new(),
            by_first_word: FxHashMap::default(),
            first_bytes: [false; 256],
            min_len: usize::MAX,
            max_len: 0,
        };
        for form in sorted {
            // The regex read "[Aa]ccording": "According to X, ..." opens sentences.
            let capitalised = form
                .contains("according")
                .then(|| form.replacen("according", "According", 1));
            for written in std::iter::once(form.to_owned()).chain(capitalised) {
                table.push(written);
            }
        }
        table
    }

    fn push(&mut self, form: String) {
        let first_len = form.bytes().take_while(|&b| is_word_byte(b)).count();
        if first_len == 0 {
            // A form that starts with a non-ASCII letter never met an ASCII `\b` before it
            // after a space either; it is left out rather than read differently.
            return;
        }
        let first: Box<str> = form[..first_len].into();
        self.first_bytes[form.as_bytes()[0] as usize] = true;
        self.min_len = self.min_len.min(first_len);
        self.max_len = self.max_len.max(first_len);
        let according = ACCORDING_CUES.contains(&form.to_lowercase().as_str());
        let lemma = if according {
            Some("according to")
        } else {
            cue_lemma(&form)
        };
        let index = self.forms.len() as u32;
        self.forms.push(CueForm {
            form,
            lemma,
            according,
        });
        self.by_first_word.entry(first).or_default().push(index);
    }

    /// The cues of `haystack`, left to right, none overlapping.
    pub fn find_iter<'s, 'h>(&'s self, haystack: &'h str) -> impl Iterator<Item = CueMatch<'s>> + 'h
    where
        's: 'h,
    {
        let bytes = haystack.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                // The next ASCII word: its start is a word boundary.
                while at < bytes.len() && !is_word_byte(bytes[at]) {
                    at += 1;
                }
                let start = at;
                while at < bytes.len() && is_word_byte(bytes[at]) {
                    at += 1;
                }
                if start == at {
                    return None;
                }
                if let Some(found) = self.match_at(haystack, start, at) {
                    at = found.end;
                    return Some(found);
                }
            }
            None
        })
    }

    /// Whether `haystack` holds a cue.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.find_iter(haystack).next().is_some()
    }

    /// The first cue of `haystack`.
    pub fn find(&self, haystack: &str) -> Option<CueMatch<'_>> {
        self.find_iter(haystack).next()
    }

    /// The first form (in the regex's order) that matches at the word `start..word_end`,
    /// followed by a word boundary.
    fn match_at(&self, haystack: &str, start: usize, word_end: usize) -> Option<CueMatch<'_>> {
        let len = word_end - start;
        let bytes = haystack.as_bytes();
        if !self.first_bytes[bytes[start] as usize] || len < self.min_len || len > self.max_len {
            return None;
        }
        let candidates = self.by_first_word.get(&haystack[start..word_end])?;
        candidates.iter().find_map(|&i| {
            let form = &self.forms[i as usize];
            let end = matches_at(haystack, start, &form.form)?;
            let before = is_word_byte(bytes[end - 1]);
            let after = bytes.get(end).is_some_and(|&b| is_word_byte(b));
            (before != after).then_some(CueMatch { start, end, form })
        })
    }
}

/// Where `form` ends when it is written at `start` of `haystack`: its bytes as they are, and
/// each space as one or more white-space characters.
fn matches_at(haystack: &str, start: usize, form: &str) -> Option<usize> {
    let mut at = start;
    for part in form.split(' ').enumerate() {
        let (i, word) = part;
        if i > 0 {
            let rest = &haystack[at..];
            let spaces = rest.len() - rest.trim_start().len();
            if spaces == 0 {
                return None;
            }
            at += spaces;
        }
        if !haystack[at..].starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::cues::CUE_VERBS;

    /// The regex this replaced, for comparison.
    fn regex_of(forms: &[&str]) -> regex::Regex {
        let alternation =
            crate::lexicon::alternation(forms.iter().copied()).replace("according", "[Aa]ccording");
        crate::lexicon::word_regex(&format!(r"\b(?:{alternation})\b"))
    }

    #[test]
    fn finds_what_the_alternation_regex_found() {
        let mut forms: Vec<&str> = CUE_VERBS.iter().map(|(f, _)| *f).collect();
        forms.extend(ACCORDING_CUES);
        forms.push("deadpanned");
        let words = CueWords::new(forms.iter().copied());
        let regex = regex_of(&forms);
        let texts = [
            "“We will continue,” Lavrov said on Friday, adding that talks would resume.",
            "According to the Syrian Observatory, the army pointed  out\u{a0}that it had, said2 unsaid-said",
            "He told\nreporters: “No.” She points out, as reported by Interfax, and deadpanned.",
            "saying, saidé ésaid said_ Said SAID according to according\tto accordingly",
            "",
            "said",
            "Müller sagte: “Nein”, says Ms Sánchez, telling told tells",
        ];
        for t in texts {
            let fast: Vec<(usize, usize)> = words.find_iter(t).map(|m| (m.start, m.end)).collect();
            let exact: Vec<(usize, usize)> =
                regex.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(fast, exact, "{t}");
        }
    }

    #[test]
    fn each_match_knows_its_lemma() {
        let words = CueWords::new(
            CUE_VERBS
                .iter()
                .map(|(f, _)| *f)
                .chain(ACCORDING_CUES.iter().copied()),
        );
        let found: Vec<(&str, Option<&str>, bool)> = words
            .find_iter("According to AP, Peskov told reporters he said so.")
            .map(|m| (m.form.form.as_str(), m.form.lemma, m.form.according))
            .collect();
        assert_eq!(found[0], ("According to", Some("according to"), true));
        assert!(found.iter().any(|f| f.1 == Some("say") && !f.2));
    }
}
