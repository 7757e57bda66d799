//! A lean HTML tree for main-content selection, built by html5ever's tree builder through our
//! own `TreeSink`.
//!
//! Takes html5ever's tree-construction calls; gives an arena of nodes (`u32` ids, links to
//! parent, first/last child and siblings) holding only what the selection and the metadata
//! read: element names, a handful of attributes ([`KEPT_ATTRIBUTES`]) and text. Scripts
//! (except JSON-LD), styles, `<noscript>`, SVG, templates, comments and images without a
//! source are never linked into the tree, so nothing downstream has to delete them. It does
//! not score or select anything (see `readable`).

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::interface::ElemName;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, Attribute, LocalName, Namespace, QualName};

/// A node id: an index into [`Tree::nodes`].
pub type Id = u32;

/// No node (the end of a sibling list, the parent of the document).
pub const NONE: Id = u32::MAX;

/// Whether an attribute name (any case) is one of [`KEPT_ATTRIBUTES`]: lower-cased into a
/// small buffer and looked up once (twenty case-insensitive comparisons per attribute showed in
/// the pre-parse scan's profile).
pub(super) fn is_kept_attribute(name: &[u8]) -> bool {
    let mut lower = [0u8; 12];
    if name.len() > lower.len() {
        return false;
    }
    for (l, c) in lower.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    let lower = &lower[..name.len()];
    KEPT_ATTRIBUTES.iter().any(|k| k.as_bytes() == lower)
}

/// Attributes kept on elements; the rest (links' targets, inline handlers, framework state)
/// are dropped as the element is created. Each is read by the selection or the metadata.
pub(super) const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "style",
    "hidden",
    "aria-hidden",
    "aria-modal",
    "href",
    "itemprop",
    "property",
    "name",
    "content",
    "datetime",
    "pubdate",
    "type",
    "rel",
    "colspan",
    "summary",
    "datatable",
    "src",
];

/// What a node is.
#[derive(Debug, Clone)]
pub enum Data {
    /// The root.
    Document,
    /// An HTML element (all others are dropped): its local name and kept attributes.
    Element {
        /// The element's local name.
        name: LocalName,
        /// `(name, value)` of the kept attributes.
        attrs: Vec<(LocalName, StrTendril)>,
    },
    /// A run of text.
    Text(StrTendril),
    /// Created by the parser but never linked into the tree (comments, processing
    /// instructions).
    Dropped,
    /// An element never linked into the tree (scripts, styles, SVG, ...): html5ever still
    /// asks for its name to close it.
    DroppedElement(QualName),
}

/// One node and its links.
#[derive(Debug, Clone)]
pub struct Node {
    /// The parent, or [`NONE`].
    pub parent: Id,
    /// The first child, or [`NONE`].
    pub first_child: Id,
    /// The last child, or [`NONE`].
    pub last_child: Id,
    /// The previous sibling, or [`NONE`].
    pub prev: Id,
    /// The next sibling, or [`NONE`].
    pub next: Id,
    /// What the node is.
    pub data: Data,
}

/// The parsed page: node 0 is the document.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// All nodes ever created, linked or not.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// Parses a page with html5ever's HTML5 tree builder (scripting on, as browsers).
    pub fn parse(html: &str) -> Tree {
        // About one node per 40 bytes of page once code is cut: sized up front, as growing
        // the arena (copying it) showed in profiles.
        let mut nodes = Vec::with_capacity(html.len() / 40 + 16);
        nodes.push(Node::new(Data::Document));
        let sink = Sink(RefCell::new(Tree { nodes }));
        html5ever::parse_document(sink, Default::default()).one(StrTendril::from_slice(html))
    }

    /// Adds an unlinked node.
    pub fn add(&mut self, data: Data) -> Id {
        self.nodes.push(Node::new(data));
        (self.nodes.len() - 1) as Id
    }

    /// A new, unlinked HTML element without attributes.
    pub fn new_element(&mut self, name: &str) -> Id {
        self.add(Data::Element {
            name: LocalName::from(name),
            attrs: Vec::new(),
        })
    }

    /// The node with this id.
    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element's local name, if the node is an element.
    pub fn name(&self, id: Id) -> Option<&LocalName> {
        match &self.nodes[id as usize].data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// Whether the node is an element named `name` (lower case).
    pub fn is(&self, id: Id, name: &str) -> bool {
        self.name(id).is_some_and(|n| &**n == name)
    }

    /// Whether the node is an element.
    pub fn is_element(&self, id: Id) -> bool {
        matches!(self.nodes[id as usize].data, Data::Element { .. })
    }

    /// The value of an attribute of an element.
    pub fn attr(&self, id: Id, attribute: &str) -> Option<&str> {
        match &self.nodes[id as usize].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| &**n == attribute)
                .map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// Renames an element (a `<div>` read as a paragraph becomes a `<p>`).
    pub fn rename(&mut self, id: Id, to: &str) {
        if let Data::Element { name, .. } = &mut self.nodes[id as usize].data {
            *name = LocalName::from(to);
        }
    }

    /// The children of a node, in order.
    pub fn children(&self, id: Id) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The element children of a node, in order.
    pub fn element_children(&self, id: Id) -> Vec<Id> {
        self.children(id).filter(|&c| self.is_element(c)).collect()
    }

    /// The first element child.
    pub fn first_element_child(&self, id: Id) -> Option<Id> {
        self.children(id).find(|&c| self.is_element(c))
    }

    /// The next element sibling.
    pub fn next_element_sibling(&self, id: Id) -> Option<Id> {
        let mut next = self.nodes[id as usize].next;
        while next != NONE {
            if self.is_element(next) {
                return Some(next);
            }
            next = self.nodes[next as usize].next;
        }
        None
    }

    /// The descendants of a node in document order (the node itself not included).
    pub fn descendants(&self, id: Id) -> Descendants<'_> {
        Descendants {
            tree: self,
            root: id,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// All text under a node, as written.
    pub fn text(&self, id: Id) -> String {
        let mut out = String::new();
        if let Data::Text(t) = &self.nodes[id as usize].data {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let Data::Text(t) = &self.nodes[d as usize].data {
                out.push_str(t);
            }
        }
        out
    }

    /// Unlinks a node (with its subtree) from its parent.
    pub fn detach(&mut self, id: Id) {
        let (parent, prev, next) = {
            let n = &self.nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else {
            self.nodes[parent as usize].last_child = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Makes `child` the last child of `parent` (moving it from wherever it was).
    pub fn append(&mut self, parent: Id, child: Id) {
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            self.nodes[last as usize].next = child;
        } else {
            self.nodes[parent as usize].first_child = child;
        }
        self.nodes[parent as usize].last_child = child;
    }

    /// Puts `new` just before `sibling` (moving it from wherever it was).
    pub fn insert_before(&mut self, sibling: Id, new: Id) {
        self.detach(new);
        let (parent, prev) = {
            let s = &self.nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let n = &mut self.nodes[new as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = sibling;
        }
        self.nodes[sibling as usize].prev = new;
        if prev != NONE {
            self.nodes[prev as usize].next = new;
        } else if parent != NONE {
            self.nodes[parent as usize].first_child = new;
        }
    }

    /// Puts `new` where `old` is and unlinks `old`.
    pub fn replace(&mut self, old: Id, new: Id) {
        self.insert_before(old, new);
        self.detach(old);
    }

    fn append_text(&mut self, parent: Id, text: StrTendril) {
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            if let Data::Text(t) = &mut self.nodes[last as usize].data {
                t.push_tendril(&text);
                return;
            }
        }
        let id = self.add(Data::Text(text));
        self.append(parent, id);
    }

    fn insert_text_before(&mut self, sibling: Id, text: StrTendril) {
        let prev = self.nodes[sibling as usize].prev;
        if prev != NONE {
            if let Data::Text(t) = &mut self.nodes[prev as usize].data {
                t.push_tendril(&text);
                return;
            }
        }
        let id = self.add(Data::Text(text));
        self.insert_before(sibling, id);
    }
}

impl Node {
    fn is_dropped(&self) -> bool {
        matches!(self.data, Data::Dropped | Data::DroppedElement(_))
    }

    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    tree: &'a Tree,
    next: Id,
}

impl Iterator for Children<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.tree.nodes[id as usize].next;
        Some(id)
    }
}

/// Iterator over a node's descendants in document order.
pub struct Descendants<'a> {
    tree: &'a Tree,
    root: Id,
    next: Id,
}

impl Descendants<'_> {
    /// Skips the children of the node returned last.
    pub fn skip_children_of(&mut self, id: Id) {
        self.next = self.after(id);
    }

    fn after(&self, mut id: Id) -> Id {
        loop {
            if id == self.root {
                return NONE;
            }
            let n = &self.tree.nodes[id as usize];
            if n.next != NONE {
                return n.next;
            }
            id = n.parent;
            if id == NONE {
                return NONE;
            }
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        let n = &self.tree.nodes[id as usize];
        self.next = if n.first_child != NONE {
            n.first_child
        } else {
            self.after(id)
        };
        Some(id)
    }
}

/// An element's name handed to html5ever (owned: atoms clone cheaply, and the tree behind the
/// `RefCell` is not borrowed while the tree builder holds it).
#[derive(Debug)]
pub struct Name {
    ns: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

/// The `TreeSink`: html5ever calls it with `&self`, hence the `RefCell`.
struct Sink(RefCell<Tree>);

/// Whether an element is left out of the tree: code, styles, `<noscript>` fallbacks (parsed as
/// raw text with scripting on), SVG drawings, templates, images without any source (readability
/// drops those too) and all other foreign (MathML) content.
fn dropped(name: &QualName, attrs: &[Attribute]) -> bool {
    if name.ns != html5ever::ns!(html) {
        return true;
    }
    match name.local {
        local_name!("script") => !attrs
            .iter()
            .any(|a| &*a.name.local == "type" && a.value.to_ascii_lowercase().contains("ld+json")),
        local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("link") => true,
        local_name!("img") => !attrs.iter().any(|a| {
            matches!(
                &*a.name.local,
                "src" | "srcset" | "data-src" | "data-srcset"
            ) || [".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"]
                .iter()
                .any(|ext| a.value.contains(ext))
        }),
        _ => false,
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a>
        = Name
    where
        Self: 'a;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        match &self.0.borrow().nodes[*target as usize].data {
            Data::Element { name, .. } => Name {
                ns: html5ever::ns!(html),
                local: name.clone(),
            },
            Data::DroppedElement(name) => Name {
                ns: name.ns.clone(),
                local: name.local.clone(),
            },
            _ => panic!("html5ever asked for the name of a node that is not an element"),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Id {
        let mut tree = self.0.borrow_mut();
        if dropped(&name, &attrs) {
            return tree.add(Data::DroppedElement(name));
        }
        let name = match name.local {
            local_name!("font") => local_name!("span"),
            local => local,
        };
        let attrs = attrs
            .into_iter()
            .filter(|a| KEPT_ATTRIBUTES.contains(&&*a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        tree.add(Data::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.0.borrow_mut().add(Data::Dropped)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.0.borrow_mut().add(Data::Dropped)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut tree = self.0.borrow_mut();
        if tree.nodes[*parent as usize].is_dropped() {
            return;
        }
        match child {
            NodeOrText::AppendNode(id) => {
                if !tree.nodes[id as usize].is_dropped() {
                    tree.append(*parent, id);
                }
            }
            NodeOrText::AppendText(text) => tree.append_text(*parent, text),
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self.0.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        // Templates are dropped, so their contents go to a node that is never linked.
        *target
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let mut tree = self.0.borrow_mut();
        if tree.nodes[*sibling as usize].parent == NONE {
            return;
        }
        match child {
            NodeOrText::AppendNode(id) => {
                if !tree.nodes[id as usize].is_dropped() {
                    tree.insert_before(*sibling, id);
                }
            }
            NodeOrText::AppendText(text) => tree.insert_text_before(*sibling, text),
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, add: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        if let Data::Element { attrs, .. } = &mut tree.nodes[*target as usize].data {
            for a in add {
                if KEPT_ATTRIBUTES.contains(&&*a.name.local)
                    && !attrs.iter().any(|(n, _)| *n == a.name.local)
                {
                    attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut tree = self.0.borrow_mut();
        let mut child = tree.nodes[*node as usize].first_child;
        while child != NONE {
            let next = tree.nodes[child as usize].next;
            tree.append(*new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tree: &Tree, id: Id) -> Vec<String> {
        tree.descendants(id)
            .filter_map(|d| tree.name(d).map(|n| n.to_string()))
            .collect()
    }

    #[test]
    fn code_comments_and_drawings_never_enter_the_tree() {
        let tree = Tree::parse(
            "<html><head><style>p{}</style><script>var a = '<p>x</p>';</script>\
             <script type='application/ld+json'>{\"datePublished\": \"2016-12-07\"}</script></head>\
             <body><!-- note --><p class=lead data-x=1 onclick=go()>Aleppo <font>fell</font>.</p>\
             <svg><text>chart</text></svg><noscript><p>enable JS</p></noscript><img alt=x></body></html>",
        );
        assert_eq!(
            names(&tree, 0),
            ["html", "head", "script", "body", "p", "span"]
        );
        let body_text = tree.text(0);
        assert_eq!(body_text, "{\"datePublished\": \"2016-12-07\"}Aleppo fell.");
        let p = tree.descendants(0).find(|&d| tree.is(d, "p")).unwrap();
        assert_eq!(tree.attr(p, "class"), Some("lead"));
        assert_eq!(tree.attr(p, "onclick"), None);
    }

    #[test]
    fn misnested_formatting_is_repaired_as_browsers_do() {
        // The adoption agency moves nodes between parents: the sink's links must follow.
        let tree = Tree::parse(
            "<p>Talks <b>went <i>on</b> in</i> Geneva.</p><table>x<tr><td>y</td></tr></table>",
        );
        assert_eq!(tree.text(0), "Talks went on in Geneva.xy");
        let body = tree.descendants(0).find(|&d| tree.is(d, "body")).unwrap();
        assert_eq!(
            names(&tree, body),
            ["p", "b", "i", "i", "table", "tbody", "tr", "td"]
        );
    }
}
