//! Line-level cleaning of raw web text: boilerplate lines, the dateline, the headline, and the
//! comment section or player widgets that end an article.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::{Regex, RegexSet};

use super::ParseOptions;
use crate::lexicon::boilerplate::{ARTICLE_END_MARKERS, BOILERPLATE_LINES};
use crate::time::parse_timestamp;

static BOILERPLATE: LazyLock<RegexSet> =
    LazyLock::new(|| whole_line_set(BOILERPLATE_LINES.iter().map(|(p, _)| *p)));
static END_MARKERS: LazyLock<RegexSet> =
    LazyLock::new(|| whole_line_set(ARTICLE_END_MARKERS.iter().copied()));

fn whole_line_set<'a>(patterns: impl Iterator<Item = &'a str>) -> RegexSet {
    RegexSet::new(patterns.map(|p| format!("^(?:{p})$"))).expect("boilerplate patterns are valid")
}

/// What line cleaning keeps of a raw text.
#[derive(Debug, Default)]
pub struct CleanLines<'t> {
    /// The kept lines, trimmed: one paragraph each.
    pub lines: Vec<&'t str>,
    /// Index into `lines` of the headline, if the text starts with one.
    pub title_line: Option<usize>,
    /// The publication time of a dateline line, if found (the line itself is dropped).
    pub dateline: Option<NaiveDateTime>,
    /// A numeric date line whose day and month can be read either way ("05-02-2015"): the
    /// line is dropped, the date left unknown, and this is said in the document's warnings.
    pub ambiguous_dateline: Option<&'t str>,
}

/// A date line: a bare timestamp ("7 Dec, 2016 19:16"), one after a label ("Date of
/// publication 12 August 2016", `DATE_LABEL`), or a numeric date ("25-02-2015", "2/25/2015").
enum DateLine {
    Date(NaiveDateTime),
    /// Day and month both 12 or less and different: either order reads.
    Ambiguous,
}

/// "Date of publication", "Publication date", "Date published", "Date:" before a date line
/// (plain-text exports of news archives and government sites).
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:date of publication|publication date|date published|published on|date)\s*:?\s+",
    )
    .unwrap()
});
/// Day-month-year or month-day-year in digits, "05-02-2015", "25.02.2015", "2/25/2015".
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4})$").unwrap());

fn date_line(line: &str) -> Option<DateLine> {
    let rest = DATE_LABEL
        .find(line)
        .map_or(line, |m| &line[m.end()..])
        .trim();
    if let Some(ts) = parse_timestamp(rest) {
        return Some(DateLine::Date(ts));
    }
    let c = NUMERIC_DATE.captures(rest)?;
    if c[2] != c[4] {
        return None;
    }
    let (a, b, year): (u32, u32, i32) =
        (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
    let (day, month) = match (a, b) {
        (a, b) if a > 12 => (a, b),
        (a, b) if b > 12 => (b, a),
        (a, b) if a == b => (a, b),
        // The order follows the outlet's locale, which plain text does not say.
        _ => return Some(DateLine::Ambiguous),
    };
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(DateLine::Date(date.and_hms_opt(0, 0, 0)?))
}

/// Splits `text` into trimmed non-empty lines, dropping boilerplate and reading the dateline.
pub fn clean_lines<'t>(text: &'t str, options: &ParseOptions) -> CleanLines<'t> {
    let mut out = CleanLines::default();
    let all: Vec<&str> = text.lines().map(str::trim).collect();
    let end = article_end(&all);
    for line in &all[..end] {
        if line.is_empty() || is_boilerplate(line, options) {
            continue;
        }
        // A dateline is a line that is only a timestamp, near the top ("7 Dec, 2016 19:16"),
        // perhaps after a label ("Date of publication 12 August 2016") or in digits.
        if out.dateline.is_none()
            && out.ambiguous_dateline.is_none()
            && out.lines.len() < 3
            && line.len() < 60
        {
            match date_line(line) {
                Some(DateLine::Date(ts)) => {
                    out.dateline = Some(ts);
                    continue;
                }
                Some(DateLine::Ambiguous) => {
                    out.ambiguous_dateline = Some(line);
                    continue;
                }
                None => {}
            }
        }
        // A paragraph that repeats the one before it (a lede printed twice, a teaser above
        // and in the body: issue 24) is kept once; only long ones, so that a repeated short
        // line of a poem or a chant stays.
        if line.len() >= 40 && out.lines.last() == Some(line) {
            continue;
        }
        out.lines.push(line);
    }
    // A photo caption above the text is not its headline ("Syrian soldiers patrol ... (Photo
    // by AFP)").
    out.title_line = out
        .lines
        .first()
        .filter(|l| looks_like_headline(l) && !super::sentences::is_caption(l))
        .map(|_| 0);
    out
}

fn is_boilerplate(line: &str, options: &ParseOptions) -> bool {
    BOILERPLATE.is_match(line)
        || options
            .extra_boilerplate
            .as_ref()
            .is_some_and(|set| set.is_match(line))
}

/// Index of the first line of the trailing comment section or widget block, when one starts in
/// the last third of the text; `lines.len()` otherwise. Keeps a "Podcasts" heading mid-article.
fn article_end(lines: &[&str]) -> usize {
    let cut_from = lines.len() * 2 / 3;
    lines
        .iter()
        .enumerate()
        .skip(cut_from)
        .find(|(_, l)| END_MARKERS.is_match(l))
        .map_or(lines.len(), |(i, _)| i)
}

/// A headline is short and does not end like a sentence ("Russia: Syrian army controls 93 % of
/// Aleppo"); an opening sentence ends with a period ("Russia says the Syrian army ... Aleppo.").
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    (3..=30).contains(&words)
        && !matches!(last, '.' | ',' | ';' | '”' | '"' | ':')
        && line.len() < 250
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_boilerplate_keeps_body() {
        let text = "Latest developmentsMiddle EastOthersWorld News\n\nSyrian govt. soldiers make gains\n\n78081a38-653c-4259-9606-cb4966f2f071\n\nBody one.\n\nBody two.\n\nRelated Articles\n\nLeave a Reply\n\nBack to top button\n";
        let lines = clean_lines(text, &ParseOptions::default());
        assert_eq!(
            lines.lines,
            ["Syrian govt. soldiers make gains", "Body one.", "Body two."]
        );
        assert_eq!(lines.title_line, Some(0));
    }

    #[test]
    fn news_sentences_that_look_like_boilerplate_stay() {
        // BBC: real sentences starting like a newsletter prompt or a copyright line.
        let text = "Subscribers to Wanadoo's broadband service will be able to make free calls.\nCopyright lawsuits against file-sharers rose.\nYouTube and PlayStation deals\nNewsletterSport\n© 2016 RT. All rights reserved.\nSubscribe to our newsletter\nHomeWorldMiddle EastSyria";
        let lines = clean_lines(text, &ParseOptions::default());
        assert_eq!(
            lines.lines,
            [
                "Subscribers to Wanadoo's broadband service will be able to make free calls.",
                "Copyright lawsuits against file-sharers rose.",
                "YouTube and PlayStation deals",
                "NewsletterSport"
            ]
        );
    }

    #[test]
    fn web_page_widgets_and_stamps_go() {
        let text = "Updated 1:39 am EST, Wednesday, November 20, 2019\nPublished 11:11 PM EST Nov 19, 2019\nPublished 1 day ago\nImage 1 of / 23\nClose\nYou may also like...\nRECENT ARTICLES\nView author archive\nPublished in 2019, the report found many problems.\nCloser to home, NASA expanded the pool of bidders.\nAdvertisers have many online platforms.";
        let lines = clean_lines(text, &ParseOptions::default());
        assert_eq!(
            lines.lines,
            [
                "Published in 2019, the report found many problems.",
                "Closer to home, NASA expanded the pool of bidders.",
                "Advertisers have many online platforms."
            ]
        );
    }

    #[test]
    fn labelled_and_numeric_date_lines_give_published() {
        fn date(text: &str) -> (Option<String>, Option<&str>, Vec<&str>) {
            let c = clean_lines(text, &ParseOptions::default());
            (
                c.dateline.map(|d| d.to_string()),
                c.ambiguous_dateline,
                c.lines,
            )
        }
        let (d, _, lines) = date("Date of publication 12 August 2016\nThe report said so.");
        assert_eq!(d.as_deref(), Some("2016-08-12 00:00:00"));
        assert_eq!(lines, ["The report said so."]);
        assert_eq!(
            date("25-02-2015\nText.").0.as_deref(),
            Some("2015-02-25 00:00:00")
        );
        assert_eq!(
            date("2/25/2015\nText.").0.as_deref(),
            Some("2015-02-25 00:00:00")
        );
        let (d, ambiguous, lines) = date("05-02-2015\nText.");
        assert_eq!(
            (d, ambiguous, lines),
            (None, Some("05-02-2015"), vec!["Text."])
        );
        assert_eq!(date("05-02/2015\nText.").0, None);
    }

    #[test]
    fn a_lede_printed_twice_is_kept_once() {
        let lede =
            "OTTAWA - Ontario will pay for three new cancer drugs, the province said Friday.";
        let text =
            format!("Ontario to fund new cancer drugs\n{lede}\n\n{lede}\nMore text.\nNo!\nNo!");
        let lines = clean_lines(&text, &ParseOptions::default());
        assert_eq!(
            lines.lines,
            [
                "Ontario to fund new cancer drugs",
                lede,
                "More text.",
                "No!",
                "No!"
            ]
        );
    }

    #[test]
    fn a_caption_is_never_the_title() {
        let lines = clean_lines(
            "Syrian government forces patrol in Aleppo (Photo by AFP)\nThe army said it holds the east.",
            &ParseOptions::default(),
        );
        assert_eq!(lines.title_line, None);
    }

    #[test]
    fn opening_sentence_is_not_a_headline() {
        let lines = clean_lines(
            "Russia says the army holds half of the east.\nMore text.",
            &ParseOptions::default(),
        );
        assert_eq!(lines.title_line, None);
    }
}
