//! Input: a file read and decoded into a [`RawDocument`] (compressed, binary and legacy-encoded
//! files are handled by `parse::input`), or a caller's string normalised into one. Failures are
//! recorded on the document, never returned, so one bad file never loses the others.
//!
//! Runs no stage: the pipeline takes what this gives.

use std::path::Path;

use crate::document::{InputFormat, RawDocument};
use crate::error::Error;
use crate::parse::decode::normalize_text;
use crate::parse::input::{is_html_name, read_bytes};

/// A file to read, with the id its document gets.
#[derive(Debug, Clone)]
pub struct FileInput {
    /// Path to read.
    pub path: String,
    /// The document id (by default the file stem).
    pub id: String,
    /// The publication date given by the caller (metadata), which wins over a dateline.
    pub published: Option<String>,
}

/// Reads and decodes one file into a raw document (see `parse::input`: compressed files are
/// decompressed, binary files are errors, legacy encodings detected); failures are recorded,
/// not returned.
pub fn read_file(file: &FileInput) -> RawDocument {
    read_file_limited(file, 0)
}

/// Like [`read_file`], but a file of more than `max_bytes` bytes (0: no limit) is not read at
/// all: its document gets the same error as an oversized text, and memory stays bounded. Only
/// regular files are read: a named pipe or a device (`/dev/zero`) would block or never end.
pub fn read_file_limited(file: &FileInput, max_bytes: usize) -> RawDocument {
    let mut raw = RawDocument {
        id: file.id.clone(),
        path: Some(file.path.clone()),
        published: file.published.clone(),
        ..RawDocument::default()
    };
    let path = Path::new(&file.path);
    raw.format = if is_html_name(&file.path) {
        InputFormat::Html
    } else {
        InputFormat::Text
    };
    match std::fs::metadata(path) {
        Err(e) => {
            raw.error = Some(Error::io(&file.path, &e).to_string());
            return raw;
        }
        Ok(meta) if !meta.is_file() => {
            raw.error = Some(format!("cannot read {}: not a regular file", file.path));
            return raw;
        }
        Ok(meta) if max_bytes > 0 && meta.len() > max_bytes as u64 => {
            raw.error = Some(format!(
                "document is {} bytes, more than the limit of {max_bytes} bytes",
                meta.len()
            ));
            return raw;
        }
        Ok(_) => {}
    }
    match std::fs::read(path) {
        // Compression, binary content and the encoding from the bytes (`parse::input`).
        Ok(bytes) => match read_bytes(bytes, raw.format == InputFormat::Html, max_bytes) {
            Ok((text, warnings)) => {
                raw.text = text;
                raw.warnings = warnings;
            }
            Err(error) => raw.error = Some(error),
        },
        Err(e) => raw.error = Some(Error::io(&file.path, &e).to_string()),
    }
    raw
}

/// Builds a raw document from a caller's string (BOM, NUL and CRLF normalised).
pub fn raw_from_text(
    id: String,
    text: String,
    published: Option<String>,
    title: Option<String>,
) -> RawDocument {
    let mut warnings = Vec::new();
    let text = normalize_text(text, &mut warnings);
    RawDocument {
        id,
        text,
        published,
        title,
        warnings,
        ..RawDocument::default()
    }
}
