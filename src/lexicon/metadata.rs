//! Where HTML pages keep their headline and publication time, as CSS selectors and the
//! attribute holding the value (`None`: the element's text). Tried in order; first hit wins.
//!
//! JSON-LD `datePublished`/`headline` are read before these rows (`parse::html`).

/// `(selector, attribute)` rows for the publication time.
pub const PUBLISHED_SELECTORS: &[(&str, Option<&str>)] = &[
    (
        r#"meta[property="article:published_time"]"#,
        Some("content"),
    ),
    // Dublin Core and Parse.ly names, in readability's order.
    (r#"meta[name="dcterms.available"]"#, Some("content")),
    (r#"meta[name="dcterms.created"]"#, Some("content")),
    (r#"meta[name="dcterms.issued"]"#, Some("content")),
    (r#"meta[name="parsely-pub-date"]"#, Some("content")),
    (r#"meta[itemprop="datePublished"]"#, Some("content")),
    (r#"meta[name="pubdate"]"#, Some("content")),
    (r#"meta[name="publishdate"]"#, Some("content")),
    (r#"meta[name="date"]"#, Some("content")),
    (r#"meta[name="DC.date.issued"]"#, Some("content")),
    (r#"meta[name="sailthru.date"]"#, Some("content")),
    (r#"[itemprop="datePublished"][datetime]"#, Some("datetime")),
    (r#"time[pubdate][datetime]"#, Some("datetime")),
    ("article time[datetime]", Some("datetime")),
    ("time[datetime]", Some("datetime")),
];

/// `(selector, attribute)` rows for the headline, before readability's own guess from
/// `<title>` (which often carries the site name: "Headline | Outlet").
pub const TITLE_SELECTORS: &[(&str, Option<&str>)] = &[
    (r#"meta[property="og:title"]"#, Some("content")),
    (r#"meta[name="twitter:title"]"#, Some("content")),
    ("article h1", None),
    ("h1", None),
];
