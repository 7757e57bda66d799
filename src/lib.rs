//! newsclaims: who claimed what, through which outlet, when, and with which numbers.
//!
//! The core turns news articles into tables: a clean body with sentences ([`parse`]), attributed
//! claims ([`attribution`]), numeric mentions ([`quantity`]) and resolved dates ([`time`]).
//! [`pipeline`] runs the stages per document in parallel with rayon and gathers the [`table`]s in
//! input order; [`batch`] appends runs of documents and then links them once ([`link`]:
//! repeats, and through [`identity`] one id per source across the batch). The core knows nothing of Python; `python/` (feature `python`) is the only
//! binding.
//!
//! ```
//! use newsclaims::{extract_batch, raw_from_text, Options};
//! let raws = vec![raw_from_text("0".into(), "“Half of the city is free,” he said.".into(), None, None)];
//! let tables = extract_batch(&raws, &Options::default(), None).unwrap();
//! assert_eq!(tables.claims.content.iter().collect::<Vec<_>>(), [Some("Half of the city is free,")]);
//! ```
#![deny(missing_docs)]

pub mod attribution;
pub mod batch;
pub mod chars;
pub mod cluster;
pub mod document;
pub mod error;
pub mod identity;
pub mod io;
pub mod lexicon;
pub mod link;
pub mod options;
pub mod parse;
pub mod pipeline;
pub mod quantity;
pub mod rules;
pub mod table;
pub mod time;
pub mod union_find;

#[cfg(feature = "python")]
mod python;

pub use batch::{extract_batch, extract_files, link_batch, Batch, Sink};
pub use document::{
    Claim, ClaimKind, Document, InputFormat, Qualifier, Quantity, RawDocument, Sentence, Span,
};
pub use error::Error;
pub use io::{raw_from_text, read_file, FileInput};
pub use link::{link_claims, ClaimKeys, Links};
pub use options::Options;
pub use pipeline::{
    extract_document, extract_documents, extract_documents_until, extract_file_documents,
    extract_file_documents_until,
};
pub use table::{StrColumn, Tables};

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn core_types_cross_threads() {
        assert_send_sync::<crate::Options>();
        assert_send_sync::<crate::RawDocument>();
        assert_send_sync::<crate::Tables>();
    }
}
