//! The attribution stage's word tables, compiled: the cue regex, the titles and the quotation
//! marks that pair ([`QuoteMarks`], by language).
//!
//! Takes the tables of `lexicon::cues` and `lexicon::sources` plus what a user adds through
//! [`crate::Options`] (extra cue verbs such as "deadpanned", extra titles such as "Archbishop");
//! gives the compiled regexes and title lists the stage reads. One [`Lexicon`] is built per
//! `Options`; the default one is built once per process and shared ([`Lexicon::shared`]), so the
//! default path compiles nothing more than before. It decides nothing about claims.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::error::Error;
use crate::lexicon::cue_words::CueWords;
use crate::lexicon::cues::{ACCORDING_CUES, CUE_VERBS};
use crate::lexicon::quote_marks::QuoteMarks;
use crate::lexicon::sources::TITLES;

/// Compiled attribution tables: built-in words plus user additions.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every cue form, looked up by its first word (a multi-word cue matches any spacing).
    cue_words: CueWords,
    /// User titles first (so that "Senior Adviser" wins over a built-in "Adviser"), then the
    /// table's.
    titles: Vec<String>,
    /// A title word followed by a capitalised name ("President Bashar al-Assad").
    /// Compiled on first use: the pipeline reads titled names through
    /// [`Lexicon::titled_names`], so only callers of [`Lexicon::titled_name`] pay for it.
    titled_name: OnceLock<Regex>,
    /// The pattern of `titled_name`.
    titled_name_pattern: String,
    /// The quotation marks that pair (English “…” and « » unless the user picks languages).
    quote_marks: QuoteMarks,
    /// The title words alone: where a `titled_name` match can start (see
    /// [`Lexicon::titled_names`]).
    title_start: Regex,
    /// The title words in the order of `titled_name`'s alternation (longest first, then
    /// alphabetical), which [`Lexicon::titled_names`] tries at each place a title starts.
    title_words: Vec<String>,
}

/// A title and the capitalised name after it, as [`Lexicon::titled_names`] finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitledName<'h> {
    /// The title, the white space and the name ("President Bashar al-Assad").
    pub whole: &'h str,
    /// The name ("Bashar al-Assad").
    pub name: &'h str,
}

static SHARED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(&[], &[]));

impl Lexicon {
    /// The built-in tables, compiled once per process.
    pub fn shared() -> &'static Lexicon {
        &SHARED
    }

    /// The built-in tables plus `cue_verbs` (word forms as written in text: "deadpanned",
    /// "wrote in") and `titles` (as written before a name: "Archbishop", "Chief Rabbi"). An entry
    /// must be letters, with single spaces, hyphens, apostrophes or full stops between or after
    /// them; anything else is an [`Error::invalid_option`].
    pub fn new(cue_verbs: &[String], titles: &[String]) -> Result<Self, Error> {
        for (name, words) in [("cue_verbs", cue_verbs), ("titles", titles)] {
            for w in words {
                check_entry(name, w)?;
            }
        }
        Ok(Self::build(cue_verbs, titles))
    }

    fn build(cue_verbs: &[String], titles: &[String]) -> Self {
        let forms = CUE_VERBS
            .iter()
            .map(|(form, _)| *form)
            .chain(ACCORDING_CUES.iter().copied())
            .chain(cue_verbs.iter().map(String::as_str));
        let cue_words = CueWords::new(forms);
        let titles: Vec<String> = titles
            .iter()
            .cloned()
            .chain(TITLES.iter().map(|t| (*t).to_owned()))
            .collect();
        let words = titles
            .iter()
            .filter(|t| t.len() > 3 && !t.ends_with('.'))
            .map(|t| t.rsplit(' ').next().unwrap_or(t));
        let mut title_words: Vec<String> = words.map(str::to_owned).collect();
        title_words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        title_words.dedup();
        let alternation = crate::lexicon::alternation(title_words.iter().map(String::as_str));
        let titled_name_pattern = format!(r"\b(?:{alternation}){TITLED_NAME}");
        let title_start = Regex::new(&format!(r"(?:{alternation})")).unwrap();
        Self {
            cue_words,
            titles,
            titled_name: OnceLock::new(),
            titled_name_pattern,
            quote_marks: QuoteMarks::default(),
            title_start,
            title_words,
        }
    }

    /// These tables pairing quotations with `marks` instead.
    pub fn with_quote_marks(mut self, marks: QuoteMarks) -> Self {
        self.quote_marks = marks;
        self
    }

    /// The quotation marks that pair.
    pub fn quote_marks(&self) -> &QuoteMarks {
        &self.quote_marks
    }

    /// Every cue verb form and "according to", found word by word.
    pub fn cues(&self) -> &CueWords {
        &self.cue_words
    }

    /// Titles, user ones first.
    pub fn titles(&self) -> impl Iterator<Item = &str> {
        self.titles.iter().map(String::as_str)
    }

    /// Every match of [`Lexicon::titled_name`] in `s`, as its `captures_iter` finds them, each
    /// with its start in `s` (the captures are relative to it).
    ///
    /// The unanchored regex ran a reverse lazy DFA over its Unicode classes to find where each
    /// match starts, and building that DFA's states was 2.5% of all instructions (its Unicode
    /// `\b` also sent non-ASCII sentences to the slow engines). Here a literal search gives each
    /// place a title word starts, left to right; the `\b` is checked there by hand (Unicode word
    /// characters, as the regex reads them) and the anchored pattern is tried.
    pub fn titled_names<'s, 'h: 's>(
        &'s self,
        s: &'h str,
    ) -> impl Iterator<Item = (usize, TitledName<'h>)> + 's {
        let is_word = |c: Option<char>| c.is_some_and(crate::chars::is_word);
        let mut pos = 0;
        std::iter::from_fn(move || {
            while pos < s.len() {
                let q = self.title_start.find_at(s, pos)?.start();
                let after = s[q..].chars().next();
                if is_word(s[..q].chars().next_back()) != is_word(after) {
                    if let Some(found) = self.titled_name_at(&s[q..]) {
                        pos = q + found.whole.len();
                        return Some((q, found));
                    }
                }
                pos = q + after.map_or(1, char::len_utf8);
            }
            None
        })
    }

    /// The title and name that open `h`, as `^(?:titles)` + [`TITLED_NAME`] would match them:
    /// each title that `h` starts with, in the alternation's order, until a name follows one.
    fn titled_name_at<'h>(&self, h: &'h str) -> Option<TitledName<'h>> {
        self.title_words.iter().find_map(|title| {
            let (start, end) = h
                .starts_with(title.as_str())
                .then(|| name_after(h, title.len()))??;
            Some(TitledName {
                whole: &h[..end],
                name: &h[start..end],
            })
        })
    }

    /// A title word followed by a capitalised name.
    pub fn titled_name(&self) -> &Regex {
        self.titled_name
            .get_or_init(|| Regex::new(&self.titled_name_pattern).unwrap())
    }
}

/// The name after a title, as a pattern (kept for [`Lexicon::titled_name`] and the tests that
/// compare it with [`name_after`]).
const TITLED_NAME: &str = r"\s+(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:al-|bin\s+|de\s+|van\s+|von\s+)?\p{Lu}[\p{L}'’-]+){1,2})";

/// Where the name after a title ending at byte `at` of `h` starts and ends: white space, then
/// two or three capitalised words (`\p{Lu}[\p{L}'’-]+`), the later ones perhaps after "al-",
/// "bin", "de", "van" or "von" ([`TITLED_NAME`]). Each white-space run and word is taken whole,
/// as the pattern's greedy repeats do (a shorter one leaves a character the next part cannot
/// start with). That pattern's repeated Unicode classes cost 11 M instructions to compile.
fn name_after(h: &str, at: usize) -> Option<(usize, usize)> {
    use crate::chars::{is_letter, is_uppercase_letter, run_len, space_len};
    // A capitalised word at `p`: its end.
    let word_at = |p: usize| {
        let first = h[p..].chars().next().filter(|&c| is_uppercase_letter(c))?;
        let rest = run_len(&h[p + first.len_utf8()..], |c| {
            is_letter(c) || matches!(c, '\'' | '’' | '-')
        });
        (rest > 0).then_some(p + first.len_utf8() + rest)
    };
    let particle = |p: usize| {
        let r = &h[p..];
        if r.starts_with("al-") {
            return Some(3);
        }
        ["bin", "de", "van", "von"].iter().find_map(|w| {
            let space = space_len(r.strip_prefix(w)?);
            (space > 0).then_some(w.len() + space)
        })
    };
    let space = space_len(&h[at..]);
    if space == 0 {
        return None;
    }
    let start = at + space;
    let mut end = word_at(start)?;
    let mut more = 0;
    while more < 2 {
        let space = space_len(&h[end..]);
        if space == 0 {
            break;
        }
        let p = end + space;
        match particle(p)
            .and_then(|len| word_at(p + len))
            .or_else(|| word_at(p))
        {
            Some(e) => {
                end = e;
                more += 1;
            }
            None => break,
        }
    }
    (more > 0).then_some((start, end))
}

/// A table entry: letters, joined by single spaces, hyphens, apostrophes or full stops.
fn check_entry(option: &'static str, w: &str) -> Result<(), Error> {
    let bad = |why: &str| Err(Error::invalid_option(option, format!("{w:?} {why}")));
    if w.trim().is_empty() {
        return bad("is empty");
    }
    if w.len() > 60 {
        return bad("is longer than 60 bytes");
    }
    if w.trim() != w || w.contains("  ") {
        return bad("has leading, trailing or double spaces");
    }
    if !w.chars().next().is_some_and(char::is_alphabetic) {
        return bad("does not start with a letter");
    }
    if let Some(c) = w
        .chars()
        .find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.')))
    {
        return bad(&format!(
            "has {c:?}; only letters, spaces, - ' ’ and . are allowed"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The literal-then-anchored search finds what the regex finds.
    #[test]
    fn titled_names_are_the_regex_matches() {
        let texts = [
            "“We won,” said Syrian President Bashar al-Assad on Friday.",
            "ÉPresident Bashar Assad and éPresident Smith, but President Donald Trump’s aide",
            "Ministre President Macron met Chancellor Angela Merkel and Senator Bernie Sanders.",
            "PresidentPresident Joe Biden, _President Joe Biden, President President Joe Biden",
            "Émir Tamim bin Hamad Al Thani",
        ];
        let exact = |lx: &Lexicon, s: &str| -> Vec<(usize, String, String)> {
            lx.titled_name()
                .captures_iter(s)
                .map(|c| {
                    (
                        c.get(0).unwrap().start(),
                        c[0].to_owned(),
                        c["name"].to_owned(),
                    )
                })
                .collect()
        };
        let fast = |lx: &Lexicon, s: &str| -> Vec<(usize, String, String)> {
            lx.titled_names(s)
                .map(|(q, t)| (q, t.whole.to_owned(), t.name.to_owned()))
                .collect()
        };
        let pieces = [
            "President",
            "Minister",
            "Émir",
            " ",
            "  ",
            "\u{a0}",
            "Bashar",
            "al-",
            "al-Assad",
            "bin",
            "bin ",
            "de ",
            "van",
            "von ",
            "Smith",
            "É",
            "é",
            "x",
            "’s",
            "'",
            "-",
            ",",
            "_",
            "Ⓐ",
            "ǅ",
            "Chancellor",
            "Angela",
        ];
        let samples = crate::chars::sample_strings(&pieces, 20_000);
        for lx in [
            Lexicon::shared().clone(),
            Lexicon::new(&[], &["Émir".to_owned()]).unwrap(),
        ] {
            for s in texts
                .iter()
                .copied()
                .chain(samples.iter().map(String::as_str))
            {
                assert_eq!(fast(&lx, s), exact(&lx, s), "{s:?}");
            }
        }
        let names: Vec<&str> = Lexicon::shared()
            .titled_names(texts[1])
            .map(|(_, t)| t.name)
            .collect();
        assert_eq!(names, ["Donald Trump’s"]);
    }

    #[test]
    fn extra_cue_verbs_join_the_cues() {
        let s = "“The strategy is working,” the senator deadpanned on Friday.";
        assert!(!Lexicon::shared().cues().is_match(s));
        let lx = Lexicon::new(&["deadpanned".to_owned()], &[]).unwrap();
        assert_eq!(lx.cues().find(s).unwrap().form.form, "deadpanned");
        // Built-in cues stay.
        assert_eq!(
            lx.cues().find("Lavrov said on Friday").unwrap().form.form,
            "said"
        );
    }

    #[test]
    fn extra_titles_come_first_and_name_people() {
        let lx = Lexicon::new(&[], &["Archbishop".to_owned()]).unwrap();
        assert_eq!(lx.titles().next(), Some("Archbishop"));
        assert!(lx.titles().any(|t| t == "Prime Minister"));
        let s = "Archbishop Justin Welby visited the camp.";
        assert!(Lexicon::shared().titled_name().captures(s).is_none());
        assert_eq!(
            &lx.titled_name().captures(s).unwrap()["name"],
            "Justin Welby"
        );
    }

    /// (source, role, cue, content) of each claim of `text` under `options`.
    fn claims(text: &str, options: &crate::Options) -> Vec<(String, String, String, String)> {
        let raw = crate::RawDocument {
            text: text.into(),
            ..Default::default()
        };
        let doc = crate::extract_document(&raw, options);
        doc.claims
            .iter()
            .map(|c| {
                (
                    c.source.clone(),
                    c.source_role.clone().unwrap_or_default(),
                    c.cue_span
                        .map(|s| s.slice(&doc.text).to_owned())
                        .unwrap_or_default(),
                    c.content.slice(&doc.text).to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn options_carry_the_words_to_the_stage() {
        let text = "“The strategy is working,” the senator deadpanned.\n\n\
                    Archbishop Justin Welby said the camp must close.";
        let default = crate::Options::default();
        assert!(default.attribution.is_none());
        let plain = claims(text, &default);
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].0, "Archbishop Justin Welby");
        let words = default
            .with_attribution_words(&["deadpanned".to_owned()], &["Archbishop".to_owned()])
            .unwrap();
        let found = claims(text, &words);
        let owned = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned())
        };
        assert_eq!(
            found,
            [
                owned("senator", "", "deadpanned", "The strategy is working,"),
                owned("Justin Welby", "Archbishop", "said", "the camp must close")
            ]
        );
    }

    #[test]
    fn bad_entries_are_invalid_options() {
        for bad in [
            "",
            " said",
            "said  so",
            "said|told",
            "(?i)x",
            "9news",
            &"a".repeat(61),
        ] {
            let e = Lexicon::new(&[bad.to_owned()], &[]).unwrap_err();
            assert!(e.is_invalid_option(), "{bad:?}");
            assert!(e.to_string().contains("cue_verbs"), "{e}");
        }
        let e = Lexicon::new(&[], &["Dr.\n".to_owned()]).unwrap_err();
        assert!(e.to_string().contains("titles"), "{e}");
        assert!(Lexicon::new(
            &["wrote in".to_owned()],
            &["Chief Rabbi".to_owned(), "Fr.".to_owned()]
        )
        .is_ok());
    }
}
