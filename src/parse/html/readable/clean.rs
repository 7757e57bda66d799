//! Readability's cleaning of the chosen block (`_prepArticle`, `_cleanConditionally`): share
//! bars, forms, link-heavy lists and boxes, data tables kept, bylines and `<br>` runs. It edits
//! the tree in place and never chooses the block (`readable.rs`) or scores it (`score.rs`).

use super::*;

/// Readability's `_prepArticle`: cleans the chosen block.
pub(super) fn prepare_article(tree: &mut Tree, article: Id, flags: Flags) {
    // Share bars.
    for node in tree.descendants(article).collect::<Vec<_>>() {
        let share = ["class", "id"].iter().any(|a| {
            tree.attr(node, a).is_some_and(|v| {
                v.split([' ', '_'])
                    .any(|part| SHARE_WORDS.iter().any(|w| part.eq_ignore_ascii_case(w)))
            })
        });
        if share && char_count(tree, node) < CHAR_THRESHOLD {
            tree.detach(node);
        }
    }
    let data_tables = data_tables(tree, article);
    clean_conditionally(tree, article, &["form", "fieldset"], flags, &data_tables);
    for node in find(
        tree,
        article,
        &[
            "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select",
            "button",
        ],
    ) {
        let embed = tree
            .name(node)
            .is_some_and(|n| matches!(&**n, "object" | "embed" | "iframe"));
        if !embed || !any_video_attribute(tree, node) {
            tree.detach(node);
        }
    }
    for node in find(tree, article, &["h1", "h2"]) {
        if class_weight(tree, node, flags) < 0.0 {
            tree.detach(node);
        }
    }
    clean_conditionally(tree, article, &["table", "ul", "div"], flags, &data_tables);
    for p in find(tree, article, &["p"]) {
        let media = tree.descendants(p).any(|d| {
            tree.name(d)
                .is_some_and(|n| matches!(&**n, "img" | "object" | "embed" | "iframe"))
        });
        if !media && char_count(tree, p) == 0 {
            tree.detach(p);
        }
    }
    for br in find(tree, article, &["br"]) {
        if tree
            .next_element_sibling(br)
            .is_some_and(|n| tree.is(n, "p"))
        {
            tree.detach(br);
        }
    }
}

/// Tables that hold data rather than layout (readability's `_markDataTables`).
pub(super) fn data_tables(tree: &Tree, root: Id) -> Vec<Id> {
    let mut out = Vec::new();
    for table in find(tree, root, &["table"]) {
        if tree.attr(table, "role") == Some("presentation")
            || tree.attr(table, "datatable") == Some("0")
        {
            continue;
        }
        if tree.attr(table, "summary").is_some()
            || !find(
                tree,
                table,
                &["caption", "col", "colgroup", "tfoot", "thead", "th"],
            )
            .is_empty()
        {
            out.push(table);
            continue;
        }
        if !find(tree, table, &["table"]).is_empty() {
            continue;
        }
        let (mut rows, mut columns) = (0usize, 0usize);
        for tr in find(tree, table, &["tr"]) {
            rows += 1;
            let mut in_row = 0usize;
            for td in find(tree, tr, &["td"]) {
                let span = tree
                    .attr(td, "colspan")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                in_row = in_row.saturating_add(span);
            }
            columns = columns.max(in_row);
        }
        if rows == 1 || columns == 1 {
            continue;
        }
        if rows >= 10 || columns > 4 || rows * columns > 10 {
            out.push(table);
        }
    }
    out
}

/// Share of `id`'s characters inside descendants named in `names`, compared with `threshold`.
pub(super) fn density_of(tree: &Tree, id: Id, names: &[&str], chars: usize) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    let inner: usize = find(tree, id, names)
        .into_iter()
        .map(|d| char_count(tree, d))
        .sum();
    inner as f32 / chars as f32
}

/// Readability's `_cleanConditionally`: drops link-heavy, image-heavy, form-like and empty
/// blocks among `names` under `root`, innermost first.
pub(super) fn clean_conditionally(
    tree: &mut Tree,
    root: Id,
    names: &[&str],
    flags: Flags,
    data: &[Id],
) {
    if !flags.clean_conditionally {
        return;
    }
    let nodes = find(tree, root, names);
    for &node in nodes.iter().rev() {
        if !is_body_descendant(tree, node, root) {
            continue;
        }
        if should_remove(tree, node, flags, data) {
            tree.detach(node);
        }
    }
}

pub(super) fn should_remove(tree: &Tree, node: Id, flags: Flags, data: &[Id]) -> bool {
    if data.contains(&node) || data.iter().any(|&t| is_body_descendant(tree, node, t)) {
        return false;
    }
    if tree.is(node, "table")
        && find(tree, node, &["table"])
            .iter()
            .any(|t| data.contains(t))
    {
        return false;
    }
    let weight = class_weight(tree, node, flags);
    if weight < 0.0 {
        return find(tree, node, &["pre"]).is_empty();
    }
    let text = tree.text(node);
    if text.matches(',').count() >= 10 {
        return false;
    }
    let mut embeds = 0;
    for e in find(tree, node, &["object", "embed", "iframe"]) {
        if any_video_attribute(tree, e) {
            return false;
        }
        embeds += 1;
    }
    let low = text.trim().to_lowercase();
    if AD_WORDS.contains(&low.as_str()) || LOADING_WORDS.contains(&low.trim_end_matches(['…', '.']))
    {
        return true;
    }
    let chars = char_count(tree, node);
    let is_list = tree.is(node, "ul")
        || tree.is(node, "ol")
        || density_of(tree, node, &["ul", "ol"], chars) > 0.9;
    let img = find(tree, node, &["img"]).len();
    let in_figure = ancestor_within(tree, node, usize::MAX, &["figure"]);
    let remove = (|| {
        let p = find(tree, node, &["p"]).len() as f32;
        if !in_figure && img > 1 && p / (img as f32) < 0.5 {
            return true;
        }
        let li = find(tree, node, &["li"]).len() as f32 - 100.0;
        if !is_list && li > p {
            return true;
        }
        let input = find(tree, node, &["input"]).len() as f32;
        if input > (p / 3.0).floor() {
            return true;
        }
        let density = link_density(tree, node, chars);
        if !is_list
            && !in_figure
            && chars < 25
            && (img == 0 || img > 2)
            && density > 0.0
            && density_of(tree, node, &["h1", "h2", "h3", "h4", "h5", "h6"], chars) < 0.9
        {
            return true;
        }
        if !is_list && weight < 25.0 && density > 0.2 {
            return true;
        }
        if weight >= 25.0 && density > 0.5 {
            return true;
        }
        if (embeds == 1 && chars < 75) || embeds > 1 {
            return true;
        }
        if img == 0
            && density_of(
                tree,
                node,
                &[
                    "blockquote",
                    "dl",
                    "div",
                    "img",
                    "ol",
                    "p",
                    "pre",
                    "table",
                    "ul",
                    "span",
                    "li",
                    "td",
                ],
                1,
            ) <= 0.0
        {
            return true;
        }
        false
    })();
    if is_list && remove {
        for c in tree.children(node) {
            if tree.element_children(c).len() > 1 {
                return remove;
            }
        }
        return img != find(tree, node, &["li"]).len();
    }
    remove
}

/// Removes a short byline block ("By Jane Doe", `rel="author"`, `itemprop="author"`): the
/// reference bodies leave the author out. Run once, before the attempts.
pub fn remove_byline(tree: &mut Tree) {
    let Some(body) = tree.descendants(0).find(|&d| tree.is(d, "body")) else {
        return;
    };
    let mut next = next_element(tree, body, false);
    while let Some(node) = next {
        let marked = tree.attr(node, "rel") == Some("author")
            || tree
                .attr(node, "itemprop")
                .is_some_and(|v| v.contains("author"))
            || {
                let hints = hint_string(tree, node);
                BYLINE.is_match(&hints)
            };
        if marked {
            let len = tree.text(node).trim().chars().count();
            if len > 0 && len < 100 {
                tree.detach(node);
                return;
            }
        }
        next = next_element(tree, node, false);
    }
}

/// Readability's `_replaceBrs`: two or more `<br>`s in a row end a paragraph.
pub fn replace_brs(tree: &mut Tree) {
    let brs: Vec<Id> = tree.descendants(0).filter(|&d| tree.is(d, "br")).collect();
    for br in brs {
        if tree.node(br).parent == NONE {
            continue;
        }
        let mut replaced = false;
        let mut next = next_significant(tree, tree.node(br).next);
        while let Some(n) = next {
            if !tree.is(n, "br") {
                break;
            }
            replaced = true;
            let after = tree.node(n).next;
            tree.detach(n);
            next = next_significant(tree, after);
        }
        if !replaced {
            continue;
        }
        let p = tree.new_element("p");
        tree.replace(br, p);
        let mut next = tree.node(p).next;
        while next != NONE {
            if tree.is(next, "br") {
                if let Some(after) = next_significant(tree, tree.node(next).next) {
                    if tree.is(after, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing(tree, next) {
                break;
            }
            let after = tree.node(next).next;
            tree.append(p, next);
            next = after;
        }
        loop {
            let last = tree.node(p).last_child;
            if last != NONE && is_whitespace(tree, last) {
                tree.detach(last);
            } else {
                break;
            }
        }
        let parent = tree.node(p).parent;
        if parent != NONE && tree.is(parent, "p") {
            tree.rename(parent, "div");
        }
    }
}
