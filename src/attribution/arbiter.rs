//! The arbiter: which candidate claims of one sentence stand where they meet. The rules of
//! `rules/` propose a claim per cue; the arbiter keeps them, in the order the cues come, by
//! three decisions made here and nowhere else:
//!
//! - **Coordinated clauses end a content.** "He said the army advanced and Lavrov said ...":
//!   a kept claim (not a direct quote) whose content runs into a clause with a source and cue
//!   of its own ends before that clause, which is read as its own claim ([`Arbiter::make_room`]).
//! - **Claims do not nest.** A cue inside a kept claim, its attribution or its content,
//!   proposes nothing ([`Arbiter::takes`]): "Cavusoglu said that Putin had told Erdogan that
//!   ..." is one claim, as PolNeAR annotates.
//! - **A relay is not a claim.** A candidate whose content holds a kept claim ("The militants
//!   said that ..., dpa adds.") or an "according to X" that meets one ("A militant spokesman
//!   said that ..., according to AP") names that claim's relay, read by `via`, and is dropped
//!   ([`Arbiter::admit`]).
//!
//! The sentence-level rules tried after the cues (`colon_quote`, `asked_question`, `in_view`,
//! `impression`) read the kept claims themselves and are kept as they come ([`Arbiter::keep`]).
//! It finds no claim and reads no source.

use super::{coordinated_clause, relative_clause_end, Cue, Found};
use crate::document::ClaimKind;
use crate::lexicon::Lexicon;

/// The claims kept so far in one sentence, in the order they were kept.
#[derive(Default)]
pub(super) struct Arbiter {
    kept: Vec<Found>,
}

impl Arbiter {
    /// The claims kept so far.
    pub(super) fn kept(&self) -> &[Found] {
        &self.kept
    }

    /// Before `cue` is read: ends the last kept claim's content before a coordinated clause
    /// (or a relative clause after "who") that `cue` opens inside it.
    pub(super) fn make_room(&mut self, lx: &Lexicon, text: &str, cue: Cue) {
        let Some(f) = self
            .kept
            .last_mut()
            .filter(|f| f.kind != ClaimKind::Direct && f.content.contains(cue.span))
        else {
            return;
        };
        let relative = f.written.slice(text) == "who";
        if let Some(end) = coordinated_clause(lx, text, f.content, cue).or_else(|| {
            relative
                .then(|| relative_clause_end(text, f.content, cue))
                .flatten()
        }) {
            f.content.byte_end = end;
            let attribution_end = f.cue.map_or(end, |c| c.byte_end).max(f.written.byte_end);
            f.span.byte_end = f.span.byte_end.min(end.max(attribution_end));
        }
    }

    /// Whether `cue` lies in a kept claim, so that it proposes nothing.
    pub(super) fn takes(&self, cue: Cue) -> bool {
        self.kept
            .iter()
            .any(|f| f.span.contains(cue.span) || f.content.overlaps(cue.span))
    }

    /// Keeps `f` unless it is the relay of a kept claim.
    pub(super) fn admit(&mut self, f: Found) {
        let relay = self.kept.iter().any(|o| o.span.overlaps(f.content))
            || f.kind == ClaimKind::AccordingTo
                && self.kept.iter().any(|o| o.span.overlaps(f.span));
        if !relay {
            self.kept.push(f);
        }
    }

    /// Keeps `f` as it is: a sentence-level rule has read the kept claims already.
    pub(super) fn keep(&mut self, f: Found) {
        self.kept.push(f);
    }

    /// The kept claims, in the order they were kept.
    pub(super) fn into_kept(self) -> Vec<Found> {
        self.kept
    }
}
