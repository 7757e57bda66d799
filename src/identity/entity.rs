//! What an identity's mentions show: a person's gender (`Gender`), the type (`Evidence`), the
//! forms of its names, written names and roles counted over batches (`Forms`), and everything
//! its row in the sources table is made of (`Entity`), added to mention by mention.
//!
//! Owns the sources row of one identity; it must not decide which mentions are one identity
//! (`registry`) nor fold names (`names`).

use super::names::{is_pronoun, Folded, Shape, DESCRIPTORS, FEMALE, MALE, PERSON_WORDS};
use super::{Mention, Source, SourceType};

/// What a node's mentions say of a person's gender: "Ms King", "she" -> female; "Mr Blair",
/// "he" -> male. Bare surnames join no one of the other gender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Gender {
    female: bool,
    male: bool,
}

impl Gender {
    pub(super) fn of(m: &Mention) -> Gender {
        let words = m
            .written
            .into_iter()
            .chain(m.role)
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase);
        let mut g = Gender::default();
        for w in words {
            g.female |= FEMALE.contains(&w);
            g.male |= MALE.contains(&w);
        }
        g
    }
    pub(super) fn and(self, other: Gender) -> Gender {
        Gender {
            female: self.female || other.female,
            male: self.male || other.male,
        }
    }
    pub(super) fn conflicts(self, other: Gender) -> bool {
        let both = self.and(other);
        both.female && both.male
    }
}

/// The canonical name of an identity from its names, most frequent first, and the table's
/// name when one of them is listed: the fullest name most claims use ("Syrian Observatory for
/// Human Rights" over "SOHR", "Sergei Lavrov" over "Lavrov").
fn canonical_name(names: &[String], listed: Option<&str>) -> String {
    let most_words = names
        .iter()
        .map(|n| n.split_whitespace().count())
        .max()
        .unwrap_or(0)
        .min(2);
    listed.map(str::to_owned).unwrap_or_else(|| {
        names
            .iter()
            .find(|n| n.split_whitespace().count() >= most_words)
            .cloned()
            .unwrap_or_default()
    })
}

/// What an identity's mentions show of its type: the shapes of their names and what was
/// written and said of them. Mentions' evidence joins with [`Evidence::and`], so an identity's
/// type can be kept up to date batch by batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Evidence {
    /// One bit per [`Shape`] seen.
    shapes: u16,
    /// Written as "it".
    said_it: bool,
    /// Written as "he" or "she".
    said_he_she: bool,
    /// A role word of a person ("minister", "spokesman").
    person_role: bool,
    /// A role of an outlet ("news agency", "industry website Screen Daily").
    outlet_role: bool,
}

impl Evidence {
    fn of(m: &Mention, shape: Shape) -> Evidence {
        let written = m.written.map(str::trim);
        let role = m.role;
        Evidence {
            shapes: 1 << shape as u16,
            said_it: written.is_some_and(|w| w.eq_ignore_ascii_case("it")),
            said_he_she: written
                .is_some_and(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")),
            person_role: role.is_some_and(|r| {
                r.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| PERSON_WORDS.contains(&w.to_lowercase()))
            }),
            outlet_role: role.is_some_and(|r| {
                let r = r.trim().to_lowercase();
                DESCRIPTORS.contains(&r)
                    || r.rsplit(' ')
                        .next()
                        .is_some_and(|w| DESCRIPTORS.contains(w))
            }),
        }
    }

    fn and(self, other: Evidence) -> Evidence {
        Evidence {
            shapes: self.shapes | other.shapes,
            said_it: self.said_it || other.said_it,
            said_he_she: self.said_he_she || other.said_he_she,
            person_role: self.person_role || other.person_role,
            outlet_role: self.outlet_role || other.outlet_role,
        }
    }

    /// The type: a country's name makes a country; only anonymous names an anonymous source;
    /// an organisation's name, "it" or an outlet's role an organisation; a person's name, or a
    /// surname with "he"/"she" or a personal title, a person.
    fn kind(self) -> SourceType {
        let has = |s: Shape| self.shapes & (1 << s as u16) != 0;
        if has(Shape::Country) {
            return SourceType::Country;
        }
        if self.shapes == 1 << Shape::Anonymous as u16 {
            return SourceType::Anonymous;
        }
        if has(Shape::Organisation)
            || has(Shape::Acronym)
            || has(Shape::OrganisationNoun)
            || self.outlet_role
            || self.said_it
        {
            return SourceType::Organisation;
        }
        let personal = self.said_he_she || self.person_role;
        if has(Shape::PersonName) || (has(Shape::Surname) && personal) {
            return SourceType::Person;
        }
        SourceType::Other
    }
}

/// One form of a name, counted over batches: how often it was seen and where first (forms go
/// most frequent first, ties first seen first; forms that differ only in case are one).
#[derive(Debug, Clone)]
struct Form {
    lower: Box<str>,
    form: Box<str>,
    count: u32,
    first: u64,
}

/// The forms of one kind (resolved names, written names, roles) of an identity, counted so
/// that a later batch can add to them.
#[derive(Debug, Clone, Default)]
struct Forms(Vec<Form>);

impl Forms {
    fn add(&mut self, form: &str, at: u64) {
        // Most forms are ASCII: compared without lower-casing them into a new string.
        let found = if form.is_ascii() {
            self.0
                .iter_mut()
                .find(|f| f.lower.eq_ignore_ascii_case(form))
        } else {
            let lower = form.to_lowercase();
            self.0.iter_mut().find(|f| *f.lower == *lower)
        };
        match found {
            Some(f) => f.count += 1,
            None => self.0.push(Form {
                lower: form.to_lowercase().into(),
                form: form.into(),
                count: 1,
                first: at,
            }),
        }
    }

    fn merge(&mut self, other: Forms) {
        for o in other.0 {
            match self.0.iter_mut().find(|f| f.lower == o.lower) {
                Some(f) => {
                    f.count += o.count;
                    if o.first < f.first {
                        f.first = o.first;
                        f.form = o.form;
                    }
                }
                None => self.0.push(o),
            }
        }
    }

    fn get(&self, lower: &str) -> Option<&Form> {
        self.0.iter().find(|f| &*f.lower == lower)
    }

    /// Most frequent first, ties first seen first.
    fn ordered(&self) -> Vec<String> {
        let mut forms: Vec<&Form> = self.0.iter().collect();
        forms.sort_by_key(|f| (std::cmp::Reverse(f.count), f.first));
        forms.into_iter().map(|f| f.form.to_string()).collect()
    }

    fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<Form>()
            + self
                .0
                .iter()
                .map(|f| f.lower.len() + f.form.len())
                .sum::<usize>()
    }
}

/// What a [`Registry`] keeps of one identity: everything its row in the sources table is made
/// of, added to mention by mention.
///
/// [`Registry`]: super::Registry
#[derive(Debug, Clone, Default)]
pub(super) struct Entity {
    /// The run-wide id (the smallest, when identities with ids were joined later).
    pub(super) id: Option<u32>,
    names: Forms,
    written: Forms,
    roles: Forms,
    /// The run's indices of the documents that name it, sorted.
    docs: Vec<u32>,
    claims: u64,
    /// The listed name of its first mention that has one, and that mention's position.
    listed: Option<(u64, &'static str)>,
    evidence: Evidence,
}

impl Entity {
    pub(super) fn add(&mut self, m: &Mention, folded: &Folded, doc: u32, at: u64) {
        self.names.add(m.source.trim(), at);
        if let Some(w) = m.written.map(str::trim) {
            if !w.is_empty() && !is_pronoun(w) {
                self.written.add(w, at);
            }
        }
        if let Some(r) = m.role.map(str::trim).filter(|r| !r.is_empty()) {
            self.roles.add(r, at);
        }
        if let Err(i) = self.docs.binary_search(&doc) {
            self.docs.insert(i, doc);
        }
        self.claims += 1;
        if self.listed.is_none() {
            self.listed = folded.listed.map(|l| (at, l));
        }
        self.evidence = self.evidence.and(Evidence::of(m, folded.kind));
    }

    pub(super) fn merge(&mut self, other: Entity) {
        self.id = match (self.id, other.id) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.names.merge(other.names);
        self.written.merge(other.written);
        self.roles.merge(other.roles);
        let mut docs = Vec::with_capacity(self.docs.len() + other.docs.len());
        let (mut a, mut b) = (self.docs.iter().peekable(), other.docs.iter().peekable());
        while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
            docs.push(x.min(y));
            if x <= y {
                a.next();
            }
            if y <= x {
                b.next();
            }
        }
        docs.extend(a.chain(b));
        self.docs = docs;
        self.claims += other.claims;
        self.listed = match (self.listed, other.listed) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        self.evidence = self.evidence.and(other.evidence);
    }

    pub(super) fn source(&self) -> Source {
        let names = self.names.ordered();
        // Aliases: the resolved names, then the written ones, counted as one sequence (so a
        // form's first sighting among the resolved names comes first).
        let mut aliases: Vec<(u32, (u8, u64), &str)> = self
            .names
            .0
            .iter()
            .map(|f| {
                let more = self.written.get(&f.lower).map_or(0, |w| w.count);
                (f.count + more, (0, f.first), &*f.form)
            })
            .collect();
        aliases.extend(
            self.written
                .0
                .iter()
                .filter(|w| self.names.get(&w.lower).is_none())
                .map(|w| (w.count, (1, w.first), &*w.form)),
        );
        aliases.sort_by_key(|a| (std::cmp::Reverse(a.0), a.1));
        Source {
            name: canonical_name(&names, self.listed.map(|l| l.1)),
            kind: self.evidence.kind(),
            aliases: aliases.into_iter().map(|a| a.2.to_owned()).collect(),
            roles: self.roles.ordered(),
            documents: self.docs.len(),
            claims: self.claims as usize,
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.names.heap_bytes()
            + self.written.heap_bytes()
            + self.roles.heap_bytes()
            + self.docs.capacity() * 4
    }
}
