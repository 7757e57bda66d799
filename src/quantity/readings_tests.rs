//! Readings of issue 26 ("Numbers, second round"), each on a sentence of the kind that went
//! wrong in real articles (FA-KES, the seeds, Canadian and wire copy).

use super::*;
use crate::document::RawDocument;
use crate::options::Options;
use crate::parse::parse_document;

fn doc(id: &str, text: &str) -> Vec<Quantity> {
    doc_with(id, text, RuleSet::default())
}

/// [`doc`] with the rules `rules` leaves on.
fn doc_with(id: &str, text: &str, rules: RuleSet) -> Vec<Quantity> {
    let mut doc = parse_document(
        &RawDocument {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        },
        &Options::default(),
    );
    extract_quantities_with(&mut doc, false, rules);
    doc.quantities
}

/// A row: text, value, low, high, qualifier, unit.
type Row = (
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    String,
    String,
);

fn read(text: &str) -> Vec<Row> {
    doc("a", text)
        .iter()
        .map(|q| {
            (
                q.span.slice(text).to_owned(),
                q.value,
                q.low,
                q.high,
                q.qualifier.as_str().to_owned(),
                q.unit.clone(),
            )
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    read(text).into_iter().map(|r| r.0).collect()
}

#[test]
fn numeric_dates_are_no_counts() {
    // FA-KES 727: "01-08-2016" came out as a range 1 to 8 counting "-2016".
    assert_eq!(
        texts("The ceasefire began on 01-08-2016 and 30 people were killed."),
        ["30"]
    );
    assert_eq!(
        texts("Any time to meet on 5/17/2018?"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("Reported on 17.05.18 by the monitor."),
        Vec::<String>::new()
    );
}

#[test]
fn a_headline_casualty_participle_counts_people() {
    let q = &doc("a", "5 Killed in Syria Air Strikes")[0];
    assert_eq!((q.value, q.counted.as_deref()), (Some(5.0), Some("people")));
}

#[test]
fn scores_is_a_magnitude_only_of_people() {
    let q = &doc(
        "a",
        "Scores of Jabhat Fateh al-Sham terrorists were also killed.",
    )[0];
    assert_eq!(
        (q.low, q.high, q.counted.as_deref()),
        (Some(20.0), Some(200.0), Some("terrorists"))
    );
    assert_eq!(
        texts("Three people were killed and scores were injured on Wednesday.").len(),
        2
    );
    // "39, 42, 60, 44 and 41" are five quantities, and "The scores" none.
    assert_eq!(
        texts("The scores were 39, 42, 60, 44 and 41."),
        ["39", "42", "60", "44", "41"]
    );
}

#[test]
fn numbers_that_pick_out_which_are_quantities_too() {
    // The rule at `read_number`'s number words: one row each.
    let got = doc(
        "a",
        "Terrorists opened fire on the convoy at one of the crossing points.",
    );
    assert_eq!(
        (got[0].value, got[0].counted.as_deref()),
        (Some(1.0), Some("points"))
    );
    let got = doc("a", "The two government-held villages have been besieged.");
    assert_eq!(
        (got[0].value, got[0].counted.as_deref()),
        (Some(2.0), Some("villages"))
    );
}

#[test]
fn a_bare_dollar_is_the_documents_dollar() {
    let unit = |id: &str, text: &str| {
        doc(id, text)
            .iter()
            .map(|q| q.unit.clone())
            .collect::<Vec<_>>()
    };
    // Canadian copy: a dateline, a URL.
    assert_eq!(
        unit(
            "a",
            "OTTAWA — The federal government will spend $6.5 billion on housing."
        ),
        ["CAD"]
    );
    assert_eq!(
        unit(
            "https://www.cbc.ca/news/x",
            "The province will spend $6.5 billion on hospitals and 20 million dollars on roads."
        ),
        ["CAD", "CAD"]
    );
    // A prefix or a unit that names the country wins; a restatement of it in brackets is USD.
    assert_eq!(
        unit(
            "a",
            "OTTAWA (Reuters) - Canada will buy jets for C$6.5 billion ($4.8 billion)."
        ),
        ["CAD", "USD"]
    );
    assert_eq!(
        unit(
            "a",
            "It paid A$20 and NZ$5, or HK$100, S$3 and 7 Canadian dollars."
        ),
        ["AUD", "NZD", "HKD", "SGD", "CAD"]
    );
    // Elsewhere "$" is USD.
    assert_eq!(unit("a", "The bank raised $2 billion."), ["USD"]);
    // Rule `document_dollar` off: every bare "$" is USD, and the row is still `digits`'.
    let off = RuleSet::disabling(&["document_dollar".to_owned()]).unwrap();
    let q = &doc_with(
        "https://www.cbc.ca/news/x",
        "It will spend $6.5 billion.",
        off,
    )[0];
    assert_eq!((q.unit.as_str(), q.rule), ("USD", Rule::Digits));
}

#[test]
fn an_age_is_named_age_and_goes_with_it() {
    let text = "Charlie Bell has died of cancer aged 44.";
    let q = &doc("a", text)[0];
    assert_eq!((q.unit.as_str(), q.rule), ("year of age", Rule::Age));
    let off = RuleSet::disabling(&["age".to_owned()]).unwrap();
    assert!(doc_with("a", text, off).is_empty());
}

#[test]
fn years_and_clock_times_come_back_with_time_or_date_off() {
    let text = "The war flared up in March 2011; the talks are at 1330 GMT.";
    assert!(doc("a", text).is_empty());
    let off = RuleSet::disabling(&["time_or_date".to_owned()]).unwrap();
    let got: Vec<_> = doc_with("a", text, off)
        .iter()
        .map(|q| (q.value, q.rule))
        .collect();
    assert_eq!(
        got,
        [(Some(2011.0), Rule::Digits), (Some(1330.0), Rule::Digits)]
    );
}

#[test]
fn a_hyphenated_scale_word_multiplies() {
    assert_eq!(
        read("The company raised $6-billion in new debt."),
        [(
            "$6-billion".into(),
            Some(6e9),
            None,
            None,
            "exact".into(),
            "USD".into()
        )]
    );
    // Not a hyphenated "m": "the 100-m sprint" is no hundred million.
    assert!(read("He won the 100-m sprint.")
        .iter()
        .all(|r| r.1 != Some(1e8)));
}

#[test]
fn a_range_of_counts_may_end_past_a_thousand() {
    assert_eq!(
        read("Between 500 and 1300 people died in the floods."),
        [(
            "Between 500 and 1300".into(),
            None,
            Some(500.0),
            Some(1300.0),
            "exact".into(),
            "count".into()
        )]
    );
    // Years stay years: "between 1600 and 1900".
    assert!(texts("The town grew between 1600 and 1900.").is_empty());
}

#[test]
fn ages_after_age_are_years_of_age() {
    let q = &doc("a", "He died at age 42 after a long illness.")[0];
    assert_eq!(
        (q.unit.as_str(), q.counted.as_deref()),
        ("year of age", None)
    );
    let q = &doc("a", "The 29-year-old was found guilty and meant to appeal.")[0];
    assert_eq!(
        (q.unit.as_str(), q.counted.as_deref()),
        ("year of age", None)
    );
}

#[test]
fn over_after_a_life_is_because_of_and_an_article_may_follow_about() {
    assert_eq!(read("He lost his life over $7 in a robbery.")[0].4, "exact");
    let q = &doc("a", "Analysts expect about a 40 per cent drop in sales.")[0];
    assert_eq!(
        (q.qualifier.as_str(), q.counted.as_deref()),
        ("approx", Some("drop"))
    );
    // Only approximations take the article: "over a 10-metre wall" is a place.
    assert_eq!(read("He climbed over a 10-metre wall.")[0].4, "exact");
}

#[test]
fn three_numbers_glued_by_hyphens_are_a_record() {
    assert!(texts("The team is now on a 12-18-2 record after the loss.").is_empty());
    assert!(texts("Call 202-628-1234 for tickets.").is_empty());
    // Two still make a range.
    assert_eq!(read("It lasts 5-10 days.")[0].2, Some(5.0));
}

#[test]
fn rates_take_hyphens_and_a_substance() {
    let units = |text: &str| {
        doc("a", text)
            .iter()
            .map(|q| q.unit.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        units("Vancouver hosts just one 52,000 barrel-a-day refinery."),
        ["count", "barrel per day"]
    );
    assert_eq!(units("Fees rose by up to £24 a-year."), ["GBP per year"]);
    assert_eq!(
        units("It leased at a rate of $80 per sq m."),
        ["USD per square metre"]
    );
    assert_eq!(
        units("Output reached 5 barrels of oil per day."),
        ["barrel per day"]
    );
}

#[test]
fn a_couple_of_is_about_two() {
    let q = &doc("a", "A couple of people were hurt in the blast.")[0];
    assert_eq!(
        (q.value, q.qualifier.as_str(), q.counted.as_deref()),
        (Some(2.0), "approx", Some("people"))
    );
    assert!(texts("A couple who married last year paid little.").is_empty());
    assert!(texts("He spent a couple of hundred dollars.").is_empty());
}
