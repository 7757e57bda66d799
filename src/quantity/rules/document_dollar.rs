//! Rule `document_dollar` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/document_dollar.toml`. Which dollar a bare "$" is: USD unless the document says
//! otherwise. A modifier rule: it decides the unit of rows that `digits` (a "$" before the
//! number) and the unit reading ("dollars" after it) make, and never names a row itself;
//! switched off, every bare "$" and "dollars" is USD.
//!
//! Takes the document's id, path and text; gives the ISO 4217 code that a "$" or "dollars"
//! with no country stands for. The rule and its tables are in `lexicon::numbers`
//! (`DOLLAR_HOSTS`, `DOLLAR_DATELINES`, `DOLLAR_AGENCIES`): the host of a URL first, then a
//! dateline opening the text; otherwise USD. Motivating case (issue 26): a Canadian article
//! whose "$6.5 billion" and nine other amounts all came out as USD. It does not guess from
//! what the article is about (a story on Canada from Washington writes US dollars), and it
//! knows no outlet names beyond the hosts in the table: the document model has no outlet. It
//! must not touch a currency that names its country ("C$", "US$", "A$", "Canadian dollars":
//! `CURRENCY_PREFIXES`, `UNIT_WORDS`), nor the bare "$" that restates another dollar in brackets
//! ("C$6.5 billion ($4.8 billion)" is USD: the sentence loop in `quantity` decides that).

use crate::lexicon::numbers::{DOLLAR_AGENCIES, DOLLAR_DATELINES, DOLLAR_HOSTS};

/// The code of a bare "$" in a document with this id, path and text.
pub fn document_dollar(id: &str, path: Option<&str>, text: &str) -> &'static str {
    std::iter::once(id)
        .chain(path)
        .find_map(host_dollar)
        .or_else(|| dateline_dollar(text))
        .unwrap_or("USD")
}

/// The dollar of a URL's host: "https://www.cbc.ca/news/..." -> CAD.
fn host_dollar(url: &str) -> Option<&'static str> {
    let (_, rest) = url.split_once("://")?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    DOLLAR_HOSTS
        .iter()
        .find(|(suffix, _)| {
            host == *suffix || host.strip_suffix(suffix).is_some_and(|h| h.ends_with('.'))
        })
        .map(|(_, code)| *code)
}

/// The dollar of a dateline opening the text: "TORONTO — ...", "OTTAWA (CP) - ...",
/// "KAMLOOPS, B.C. (CP) — ...", "Sydney, Australia (AP) — ...".
fn dateline_dollar(text: &str) -> Option<&'static str> {
    let mut head_end = text.len().min(80);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    let head = head.split('\n').next().unwrap_or(head);
    let dash = [" — ", " – ", " - ", " -- ", "—"]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let line = head[..dash].trim();
    if line.is_empty() || line.len() > 60 || !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    if let Some((_, code)) = DOLLAR_AGENCIES.iter().find(|(a, _)| {
        line.match_indices(a).any(|(i, _)| {
            // Whole words only: "Ont." not inside "Ontario", "Canada" not in "Canadair".
            let before = line[..i].chars().next_back();
            let after = line[i + a.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        }) && i_is_after_place(line, a)
    }) {
        return Some(code);
    }
    let place = line.split([',', '(']).next().unwrap_or("").trim();
    DOLLAR_DATELINES
        .iter()
        .find(|(p, _)| *p == place)
        .map(|(_, code)| *code)
}

/// Whether `agency` sits after the place that opens the dateline line: "OTTAWA (CP)", not the
/// line "Canada" alone (which the place table reads).
fn i_is_after_place(line: &str, agency: &str) -> bool {
    line.find(agency).is_some_and(|i| i > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_datelines_name_the_dollar() {
        assert_eq!(
            document_dollar("https://www.cbc.ca/news/business/budget-1.6", None, ""),
            "CAD"
        );
        assert_eq!(
            document_dollar("x", Some("https://www.smh.com.au/a"), ""),
            "AUD"
        );
        assert_eq!(
            document_dollar("https://www.theglobeandmail.com/business/", None, ""),
            "CAD"
        );
        // "arcade.com" is no ".ca" host.
        assert_eq!(document_dollar("https://arcade.com/a", None, ""), "USD");
        assert_eq!(
            document_dollar(
                "a",
                None,
                "OTTAWA — The federal government will spend $6.5 billion."
            ),
            "CAD"
        );
        assert_eq!(
            document_dollar(
                "a",
                None,
                "KAMLOOPS, B.C. (CP) - A wildfire has grown to 300 hectares."
            ),
            "CAD"
        );
        assert_eq!(
            document_dollar(
                "a",
                None,
                "Sydney, Australia (AP) — The bank raised $2 billion."
            ),
            "AUD"
        );
        // A title-case place alone is no dateline ("Sydney — the name" is rare, "Perth" a town
        // in Scotland too); neither is a story that only mentions Canada.
        assert_eq!(
            document_dollar("a", None, "Perth - a city of 2 million"),
            "USD"
        );
        assert_eq!(
            document_dollar(
                "a",
                None,
                "WASHINGTON — Canada will pay $6 billion, officials said."
            ),
            "USD"
        );
        assert_eq!(
            document_dollar("a", None, "The bank raised $2 billion."),
            "USD"
        );
    }
}
