//! Hints in HTML class names, ids and roles that tell article text from page furniture, as
//! used by main-content selection (`parse::html`). Values are Mozilla readability's
//! (readability.js, as ported by dom_smoothie 0.19, whose output quality we matched on the
//! 181 pages of the article-extraction benchmark); matched as lower-case substrings of
//! `class` + `id` unless a table says otherwise.

/// Blocks whose class or id contains one of these are dropped before scoring (the strict
/// pass), unless they also contain one of [`MAYBE_CANDIDATES`] or sit inside a table.
pub const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Words that keep an "unlikely" block ("article-header", "main-content-footer-wrap").
pub const MAYBE_CANDIDATES: &[&str] = &[
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

/// `role` values of page furniture, dropped before scoring.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Class/id substrings that cost a block 25 points.
pub const CLASSES_NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Whole class words (not substrings) that cost a block 25 points: "hid" is a hiding class.
pub const CLASSES_NEGATIVE_WORDS: &[&str] = &["hid"];

/// Class/id substrings that give a block 25 points.
pub const CLASSES_POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Class/id substrings of a byline ("By Jane Doe"), dropped from the body when short.
pub const BYLINE_HINTS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Class/id words (split at spaces and `_`) of share-button blocks, dropped when short.
pub const SHARE_WORDS: &[&str] = &["share", "sharedaddy"];

/// The whole text of an advertisement placeholder block, lower-cased.
pub const AD_WORDS: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
];

/// The whole text of a "loading" placeholder block, lower-cased, without trailing dots.
pub const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Hosts of embedded videos, whose `<iframe>`/`<embed>` blocks are kept.
pub const VIDEO_HOSTS: &[&str] = &[
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
    "bilibili.com",
    "live.bilibili.com",
];
