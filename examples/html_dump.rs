//! Every HTML page of a folder through `parse_document`, one JSON line per page on stdout:
//! `{"id", "text", "title", "published"}`. A development aid for main-content selection:
//! `cargo run --release --example html_dump -- DIR > out.jsonl`, then score or diff the lines
//! (the HTML scorer of the shared eval reads the same `text`).

use newsclaims::parse::decode::decode_bytes;
use newsclaims::parse::parse_document;
use newsclaims::{InputFormat, Options, RawDocument};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: html_dump DIR");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    paths.sort();
    let options = Options::default();
    for path in paths {
        let (text, warnings) = decode_bytes(&std::fs::read(&path).expect("readable file"));
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let raw = RawDocument {
            id: id.clone(),
            text,
            format: InputFormat::Html,
            warnings,
            ..RawDocument::default()
        };
        let doc = parse_document(&raw, &options);
        let line = serde_json::json!({
            "id": id,
            "text": doc.text,
            "title": doc.title,
            "published": doc.published.map(|t| t.to_string()),
        });
        println!("{line}");
    }
}
