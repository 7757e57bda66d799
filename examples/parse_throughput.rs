//! Parsing throughput on one core: `cargo run --release --example parse_throughput -- DIR`.
//!
//! Reads every `.txt`, `.html` and `.htm` file under DIR into memory (decoded), then times
//! `parse_document` alone (cleaning, HTML main-content selection, headline, dateline,
//! sentences; no claims or quantities) on the current thread, repeating the corpus until at
//! least two seconds have passed. Prints one JSON line per format. `bench/parse_throughput.py`
//! prepares the corpora and runs this.

use std::path::Path;
use std::time::Instant;

use newsclaims::parse::decode::decode_bytes;
use newsclaims::parse::parse_document;
use newsclaims::{InputFormat, Options, RawDocument};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: parse_throughput DIR");
    let mut raws: Vec<RawDocument> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = match ext {
            "txt" => InputFormat::Text,
            "html" | "htm" => InputFormat::Html,
            _ => continue,
        };
        let (text, warnings) = decode_bytes(&std::fs::read(&path).expect("readable file"));
        raws.push(RawDocument {
            id: name(&path),
            text,
            format,
            warnings,
            ..RawDocument::default()
        });
    }
    let options = Options::default();
    for format in [InputFormat::Text, InputFormat::Html] {
        let docs: Vec<&RawDocument> = raws.iter().filter(|r| r.format == format).collect();
        if docs.is_empty() {
            continue;
        }
        let bytes: usize = docs.iter().map(|r| r.text.len()).sum();
        let (mut rounds, mut sentences) = (0usize, 0usize);
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 2.0 {
            for raw in &docs {
                sentences += parse_document(raw, &options).sentences.len();
            }
            rounds += 1;
        }
        let seconds = start.elapsed().as_secs_f64();
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "{{\"format\": \"{}\", \"documents\": {}, \"mb\": {:.2}, \"rounds\": {rounds}, \"sentences_per_round\": {}, \"mb_per_s\": {:.1}}}",
            if format == InputFormat::Text { "text" } else { "html" },
            docs.len(),
            bytes as f64 / 1e6,
            sentences / rounds,
            mb / seconds
        );
    }
}

fn name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
