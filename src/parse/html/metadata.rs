//! A page's metadata: title, published date and author from `<meta>`, `<time>`, microdata and
//! JSON-LD, read through the small CSS selectors of `lexicon::metadata`. It reads the parsed tree
//! and never the article body, which is `readable.rs`'s.

use super::*;

/// What the page's markup says about the article, read in one walk over the tree.
#[derive(Default)]
pub(super) struct PageMetadata {
    /// The first hit of `TITLE_SELECTORS`.
    pub(super) title: Option<String>,
    /// The first hit of `PUBLISHED_SELECTORS`.
    pub(super) published: Option<String>,
    /// `og:title` or `twitter:title`.
    pub(super) card_title: Option<String>,
    /// `<title>`.
    pub(super) page_title: Option<String>,
    /// `headline` (or `name`) of the page's schema.org article in JSON-LD.
    pub(super) json_ld_title: Option<String>,
    /// `datePublished` of that article (readability reads it before the meta tags).
    pub(super) json_ld_published: Option<String>,
    /// Whether the page names its author in metadata (then a byline in the body is left to
    /// the scoring, as readability does).
    pub(super) has_author: bool,
}

/// The page's metadata (see [`PageMetadata`]).
pub(super) fn page_metadata(tree: &Tree) -> PageMetadata {
    // One walk testing element names, then the selector rows on the few survivors.
    let candidates: Vec<Id> = tree
        .descendants(0)
        .filter(|&n| {
            tree.name(n)
                .is_some_and(|name| METADATA_ELEMENTS.contains(&&**name))
                || tree.attr(n, METADATA_ATTRIBUTE).is_some()
        })
        .collect();
    let mut meta = PageMetadata {
        title: first_value(tree, &candidates, TITLE_SELECTORS, &TITLE_MATCHERS),
        published: first_value(tree, &candidates, PUBLISHED_SELECTORS, &PUBLISHED_MATCHERS),
        card_title: first_value(
            tree,
            &candidates,
            &TITLE_SELECTORS[..2],
            &TITLE_MATCHERS[..2],
        ),
        ..PageMetadata::default()
    };
    let (mut top_article, mut graph_article) = (None, None);
    for d in tree.descendants(0) {
        match tree.name(d).map(|n| &**n) {
            Some("title") if meta.page_title.is_none() => {
                meta.page_title = non_empty(&tree.text(d));
            }
            Some("script") => {
                if let Some(article) = json_ld_article(&tree.text(d)) {
                    meta.has_author |= article.has_author;
                    if article.in_graph {
                        graph_article = graph_article.or(Some(article));
                    } else if top_article.is_none() {
                        top_article = Some(article);
                    }
                }
            }
            Some("meta") => {
                let key = tree
                    .attr(d, "name")
                    .or_else(|| tree.attr(d, "property"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if AUTHOR_META.contains(&key.as_str())
                    && tree
                        .attr(d, "content")
                        .is_some_and(|c| !c.trim().is_empty() && !c.starts_with("http"))
                {
                    meta.has_author = true;
                }
            }
            _ => {}
        }
    }
    if let Some(article) = top_article.or(graph_article) {
        meta.json_ld_title = article.headline;
        meta.json_ld_published = article.published;
    }
    meta
}

/// Meta names that give the author (readability then keeps the byline it would remove).
pub(super) const AUTHOR_META: &[&str] = &[
    "author",
    "dc:creator",
    "dcterms:creator",
    "parsely-author",
    "article:author",
];

/// schema.org types of an article in JSON-LD.
pub(super) const JSON_LD_ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "Report",
    "BlogPosting",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
];

/// What a JSON-LD script says about its schema.org article.
#[derive(Default)]
pub(super) struct JsonLdArticle {
    headline: Option<String>,
    published: Option<String>,
    has_author: bool,
    /// Found inside `@graph` (ranked after an article given at the top level, as readability
    /// reads only those).
    in_graph: bool,
}

/// The schema.org article of a JSON-LD script (top level, in an array or in `@graph`), if it
/// declares one. Invalid JSON (unescaped line breaks in strings, trailing commas: seen on the
/// benchmark pages) is read for its `"datePublished"` and `"headline"` strings alone.
pub(super) fn json_ld_article(script: &str) -> Option<JsonLdArticle> {
    let script = script.trim();
    let script = script
        .strip_prefix("<![CDATA[")
        .map_or(script, |s| s.split("]]>").next().unwrap_or(s));
    let is_article_type = |s: &str| JSON_LD_ARTICLE_TYPES.iter().any(|a| s.contains(a));
    let Ok(value) = serde_json::from_str::<serde_json::Value>(script) else {
        if !is_article_type(script) {
            return None;
        }
        let string_of = |key: &str| -> Option<String> {
            let at = script.find(&format!("\"{key}\""))? + key.len() + 2;
            let rest = script[at..].trim_start().strip_prefix(':')?.trim_start();
            let rest = rest.strip_prefix('"')?;
            non_empty(&rest[..rest.find('"')?])
        };
        return Some(JsonLdArticle {
            headline: string_of("headline"),
            published: string_of("datePublished"),
            has_author: script.contains("\"author\""),
            in_graph: false,
        });
    };
    let is_article = |v: &serde_json::Value| {
        let t = &v["@type"];
        t.as_str().is_some_and(is_article_type)
            || t.as_array()
                .is_some_and(|a| a.iter().filter_map(|x| x.as_str()).any(is_article_type))
    };
    let top: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(items) => items.iter().collect(),
        v => vec![v],
    };
    let graph = top.iter().filter_map(|v| v["@graph"].as_array()).flatten();
    let (article, in_graph) = top
        .iter()
        .copied()
        .find(|v| is_article(v))
        .map(|a| (a, false))
        .or_else(|| graph.into_iter().find(|v| is_article(v)).map(|a| (a, true)))?;
    let text = |key: &str| article.get(key)?.as_str().and_then(non_empty);
    Some(JsonLdArticle {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished"),
        has_author: article.get("author").is_some(),
        in_graph,
    })
}

/// The elements the metadata rows select (the last part of every selector names one of them or
/// [`METADATA_ATTRIBUTE`]; a test checks that the tables keep to this).
pub(super) const METADATA_ELEMENTS: &[&str] = &["meta", "time", "h1"];

/// The attribute that makes any element a metadata candidate (`[itemprop="datePublished"]`).
pub(super) const METADATA_ATTRIBUTE: &str = "itemprop";

/// The first non-empty value of the `(selector, attribute)` rows among `nodes` (the candidates
/// of [`page_metadata`]), rows ranked in table order; `matchers` are the rows' selectors, parsed.
pub(super) fn first_value(
    tree: &Tree,
    nodes: &[Id],
    rows: &[(&str, Option<&str>)],
    matchers: &[Selector],
) -> Option<String> {
    rows.iter()
        .zip(matchers)
        .find_map(|((_, attribute), selector)| {
            nodes
                .iter()
                .filter(|&&n| selector.matches(tree, n))
                .find_map(|&n| {
                    let value = match attribute {
                        Some(name) => tree.attr(n, name)?.to_string(),
                        None => tree.text(n),
                    };
                    non_empty(&value)
                })
        })
}

/// The few CSS selector forms the metadata tables use: compounds of an optional element name
/// and attribute tests (`[a]`, `[a="v"]`), joined by descendant combinators (`article h1`).
#[derive(Debug)]
pub(super) struct Selector(Vec<Compound>);

#[derive(Debug)]
pub(super) struct Compound {
    name: Option<String>,
    attributes: Vec<(String, Option<String>)>,
}

impl Selector {
    /// Parses a selector of the supported forms; `None` for anything else.
    pub(super) fn parse(selector: &str) -> Option<Selector> {
        let mut compounds = Vec::new();
        for part in selector.split_whitespace() {
            let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            let mut attributes = Vec::new();
            while let Some(inner) = rest.strip_prefix('[') {
                let end = inner.find(']')?;
                let test = &inner[..end];
                attributes.push(match test.split_once('=') {
                    Some((a, v)) => (a.to_owned(), Some(v.trim_matches('"').to_owned())),
                    None => (test.to_owned(), None),
                });
                rest = &inner[end + 1..];
            }
            if !rest.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            compounds.push(Compound {
                name: (!name.is_empty()).then(|| name.to_owned()),
                attributes,
            });
        }
        (!compounds.is_empty()).then_some(Selector(compounds))
    }

    pub(super) fn matches(&self, tree: &Tree, node: Id) -> bool {
        let Some((last, ancestors)) = self.0.split_last() else {
            return false;
        };
        if !last.matches(tree, node) {
            return false;
        }
        // Each earlier compound must match some ancestor, in order (greedy from the nearest).
        let mut at = tree.node(node).parent;
        for compound in ancestors.iter().rev() {
            while at != NONE && !compound.matches(tree, at) {
                at = tree.node(at).parent;
            }
            if at == NONE {
                return false;
            }
            at = tree.node(at).parent;
        }
        true
    }
}

impl Compound {
    pub(super) fn matches(&self, tree: &Tree, node: Id) -> bool {
        if !matches!(tree.node(node).data, Data::Element { .. }) {
            return false;
        }
        if self.name.as_deref().is_some_and(|n| !tree.is(node, n)) {
            return false;
        }
        self.attributes
            .iter()
            .all(|(a, v)| match (tree.attr(node, a), v) {
                (Some(_), None) => true,
                (Some(value), Some(want)) => value == want,
                (None, _) => false,
            })
    }
}

/// The selectors of a metadata table, parsed once.
pub(super) fn matchers(rows: &[(&str, Option<&str>)]) -> Vec<Selector> {
    rows.iter()
        .map(|(selector, _)| Selector::parse(selector).expect("the metadata selectors parse"))
        .collect()
}

pub(super) static TITLE_MATCHERS: LazyLock<Vec<Selector>> =
    LazyLock::new(|| matchers(TITLE_SELECTORS));
pub(super) static PUBLISHED_MATCHERS: LazyLock<Vec<Selector>> =
    LazyLock::new(|| matchers(PUBLISHED_SELECTORS));

pub(super) fn non_empty(s: &str) -> Option<String> {
    let s = collapse_spaces(s);
    (!s.is_empty()).then_some(s)
}

/// Runs of white space (line breaks included) become one space.
pub(super) fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
