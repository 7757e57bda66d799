//! The attribution rules: each file holds one pattern of reported speech, the sentence that
//! motivated it; its cases are `tests/rules/<rule>.toml`. `attribution` runs them in the order of [`crate::rules::RULES`];
//! the word tables and the source, content and relay readers they share stay in the parent.

pub(crate) mod according;
pub(crate) mod asked_question;
pub(crate) mod colon_quote;
pub(crate) mod conjoined;
pub(crate) mod continued_quote;
pub(crate) mod headline;
pub(crate) mod impression;
pub(crate) mod in_view;
pub(crate) mod leading;
pub(crate) mod participle;
pub(crate) mod trailing;
pub(crate) mod transcript_turn;
