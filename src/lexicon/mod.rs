//! Word tables as data: cue verbs, titles, boilerplate patterns, number words, abbreviations,
//! HTML metadata selectors.
//!
//! Each table is a plain `const` slice so that extending newsclaims is adding a row, not a regex.
//! Stages read these tables; the tables know nothing of the stages.

pub mod abbreviations;
pub mod boilerplate;
pub mod cues;
pub mod metadata;
pub mod numbers;
pub mod sources;
