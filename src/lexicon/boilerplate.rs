//! Lines of web boilerplate that are never article text.
//!
//! Each row is a regular expression matched against one whole, trimmed line (`^...$` is implied)
//! with a note on where it comes from. Users add their own through `parse::ParseOptions::extra_boilerplate` (`Options::with_boilerplate`).

/// `(pattern, why)`: a line matching `pattern` in full is dropped from the clean body.
pub const BOILERPLATE_LINES: &[(&str, &str)] = &[
    // seed 003: a sprite sheet of icon names flattened into one line
    (r"(?:icon[\s\-]?[\w\- ]*){5,}", "icon-name runs"),
    // seed 002: section names glued together by a lost separator ("Latest developmentsMiddle
    // EastOthersWorld News"): a short line of letters only with three or more lower-to-upper
    // joins. Two joins are not enough: "YouTube and PlayStation deals" is a headline.
    (
        r"[\p{L} &]*?(?:\p{Ll}{2}\p{Lu}\p{Ll}[\p{L} &]*?){3,}",
        "glued breadcrumbs",
    ),
    (
        r"(?:Home|News|World|Middle East|Politics)(?:\s*[>»/|›]\s*[\w ]+){1,6}",
        "breadcrumbs with separators",
    ),
    // seed 002: a bare UUID
    (
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        "bare UUID",
    ),
    // comment prompts (seeds 001, 002, 004)
    (r"(?i)post a comment.*", "comment prompt"),
    (r"(?i)write your comment.*", "comment prompt"),
    (r"(?i)be the first to comment.*", "comment prompt"),
    (r"(?i)leave a (?:reply|comment).*", "comment prompt"),
    (
        r"(?i)(?:\d+\s+)?comments?(?:\s*\(\d+\))?",
        "comment counter",
    ),
    (
        r"(?i)your email address will not be published.*",
        "comment form",
    ),
    (
        r"(?i)(?:required fields are marked|save my name, email).*",
        "comment form",
    ),
    (
        r"(?i)this site uses akismet to reduce spam.*",
        "anti-spam notice",
    ),
    (
        r"(?i)learn how your comment data is processed.*",
        "anti-spam notice",
    ),
    (
        r"(?i)related (?:articles|posts|stories|news)",
        "related links header",
    ),
    (
        r"(?i)(?:read|see) (?:more|also)\s*:?",
        "related links header",
    ),
    (r"(?i)back to top(?: button)?", "navigation"),
    (
        r"(?i)(?:share|tweet|email|print)(?:\s*(?:this|on facebook|on twitter|article))?",
        "share buttons",
    ),
    (
        r"(?i)(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|vk)(?:\s+(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|vk))*",
        "share buttons",
    ),
    // Followed by a space or nothing, so that "Subscribers to Wanadoo's broadband service will
    // ..." (BBC) stays. (No "\b": a Unicode word boundary makes the regex crate leave its
    // fast DFA for the PikeVM on every line; that halved text parsing speed.)
    (r"(?i)(?:subscribe|sign up)(?:\s.*)?", "newsletter prompt"),
    (r"(?i)podcasts?", "podcast player"),
    // seed 003: podcast player timers ("0:00", "27:33")
    (r"\d{1,2}:\d{2}(?::\d{2})?", "player timer"),
    (r"(?i)advertisement|sponsored content", "advertising"),
    // Not a bare "Copyright": "Copyright lawsuits against file-sharers rose ..." is news.
    (
        r"(?i)(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).*|.*all rights reserved\.?",
        "copyright line",
    ),
    // Link-list headers, also as web pages write them: "You may also like...", "RECENT
    // ARTICLES", "More Great WIRED Stories", "Tell us what YOU think..." (HTML benchmark pages).
    (
        r"(?i)(?:trending|most read|most popular|you (?:may|might) also like|recommended|recent (?:articles|posts|stories)|popular this week|more great \w+ stories|more from \w+|tell us what you think|breaking news (?:emails|alerts))(?: now)?\s*[:.…!]*",
        "link lists",
    ),
    // Widget and player labels that are never prose: "Close", "Caption", "Advert",
    // "Image 1 of 23", "Image 1 of / 23" (photo galleries on HTML benchmark pages).
    (
        r"(?i)close|caption|advert|skip (?:ad|advert)|(?:image|photo|picture|slide) \d+ of\s*/?\s*\d+",
        "widget labels",
    ),
    (r"(?i)sharing is caring!?", "share buttons"),
    (
        r"(?i)view author archive|e-?mail the author|follow the author|more by this author",
        "author widget",
    ),
    // A line that is only a publication stamp: "Published 11:11 PM EST Nov 19, 2019",
    // "Updated 1:39 am EST, Wednesday, November 20, 2019", "Published 1 day ago". The whole
    // line must be the stamp, so "Published in 2019, the report found ..." stays.
    (
        r"(?i)(?:published|updated|posted|last updated)(?: on| at)?:?\s+(?:\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago|(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?,?\s+)?(?:[a-z]+day,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}\s+[a-z]{3,9},?)\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?)",
        "publication stamp",
    ),
    (r"(?i)(?:tags?|topics?)\s*:.*", "tag lists"),
];

/// Lines that end the article: everything after one of these, when it is in the last third of
/// the text, is comment section or footer.
pub const ARTICLE_END_MARKERS: &[&str] = &[
    r"(?i)post a comment.*",
    r"(?i)leave a (?:reply|comment).*",
    r"(?i)related (?:articles|posts|stories|news)",
    r"(?i)podcasts?",
];

/// `(pattern, why)`: a paragraph matching `pattern` anywhere (case-insensitive; avoid `\b`, see
/// the newsletter row above) is a photo
/// caption or credit. Captions are article text and stay; their sentences get `is_caption`.
pub const CAPTION_PATTERNS: &[(&str, &str)] = &[
    // seed 002: "Syrian government forces patrol ... on December 14, 2016. (Photo by AFP)"
    (
        r"\((?:file |afp |reuters |ap |sana |getty )?(?:photo|photograph|picture|image)s?(?:[^\w)][^)]*)?\)",
        "credit in brackets",
    ),
    // FA-KES: "... August 3 2015(Reuters Photo)", "(AFP Photo)"
    (
        r"\((?:[^()]{0,40}[^\w()])?(?:photo|photograph|picture|image)s?\)",
        "credit in brackets",
    ),
    (
        r"^(?:file )?(?:photo|photograph|picture|image)\s*(?:by|:)",
        "leading credit",
    ),
    // PolNeAR (HuffPost): a lone "Getty." line under a picture
    (
        r"^(?:getty(?: images)?|ap|afp|reuters|epa|ap photo)(?:\s*/\s*[^.]{1,60})?\.?$",
        "bare credit",
    ),
];
