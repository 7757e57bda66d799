//! The bytes of an input file to text: the one reader behind `extract_files`, `iter_extract`
//! and the command line (all read article files through [`crate::io::read_file`]).
//!
//! What a file holds is read from its bytes, never from its name:
//! 1. compression by its magic bytes: gzip, bzip2, xz and zstd are decompressed (one layer;
//!    a `.tar.gz` then shows as a tar archive in step 2);
//! 2. binary content, by magic bytes (PDF, images, Office files, archives, executables) or,
//!    failing those, by the share of control bytes at the start, is an error ("binary file
//!    (PDF), not text"): the document gets no rows but its `documents` row;
//! 3. the rest is text, decoded by [`decode`](super::decode) (BOM, UTF-8, else charset
//!    detection).
//!
//! The name still says whether text is HTML (`.html`, `.htm`, `.xhtml`, also under a
//! compression suffix: `page.html.gz`).

use std::io::Read;

/// How many decompressed bytes a file may give when the caller sets no limit: a few kilobytes
/// of gzip can expand to gigabytes (a "zip bomb"); no article is near this size.
pub const DECOMPRESSED_LIMIT: usize = 1 << 30;

/// How many leading bytes the control-byte test reads.
const SNIFF_BYTES: usize = 8192;

/// Above this share of control bytes (other than tab, line feed, form feed and carriage
/// return) in the first [`SNIFF_BYTES`], content is binary. Text has none, or a few stray NULs
/// (which the decoder removes with a warning); compressed, image and executable data have about
/// 1 in 8 (the 30 control values of 256).
const CONTROL_SHARE: f64 = 0.05;

/// A compression format, recognised by its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// `1F 8B`
    Gzip,
    /// `BZh`
    Bzip2,
    /// `FD 37 7A 58 5A 00`
    Xz,
    /// `28 B5 2F FD`
    Zstd,
}

impl Compression {
    /// The compression of `bytes`, if they start with a known magic number.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0x1F, 0x8B]) {
            Some(Compression::Gzip)
        } else if bytes.starts_with(b"BZh")
            && bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b))
            // A block or, for an empty stream, the end-of-stream marker: "BZh9 said ..." is text.
            && bytes.get(4..10).is_some_and(|m| {
                m == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] || m == [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]
            })
        {
            Some(Compression::Bzip2)
        } else if bytes.starts_with(&[0xFD, b'7', b'z', b'X', b'Z', 0x00]) {
            Some(Compression::Xz)
        } else if bytes.starts_with(&[0x28, 0xB5, 0x2F, 0xFD]) {
            Some(Compression::Zstd)
        } else {
            None
        }
    }

    /// The format's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Bzip2 => "bzip2",
            Compression::Xz => "xz",
            Compression::Zstd => "zstd",
        }
    }
}

/// File name suffixes of the compressions (what [`is_html_name`] looks through).
pub const COMPRESSED_SUFFIXES: [&str; 5] = ["gz", "bz2", "xz", "zst", "zstd"];

/// Whether a file name says HTML: `.html`, `.htm` or `.xhtml`, also before a compression
/// suffix (`page.html.gz`).
pub fn is_html_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let mut name = lower.as_str();
    if let Some((stem, ext)) = name.rsplit_once('.') {
        if COMPRESSED_SUFFIXES.contains(&ext) {
            name = stem;
        }
    }
    matches!(
        name.rsplit_once('.').map(|(_, ext)| ext),
        Some("html" | "htm" | "xhtml")
    )
}

/// `bytes` decompressed when they are compressed (see the module doc), else as they are.
/// `limit`: the most bytes the result may have (0: [`DECOMPRESSED_LIMIT`]). An error says why
/// the data cannot be read ("corrupt gzip data: ...").
pub fn decompress(bytes: Vec<u8>, limit: usize) -> Result<Vec<u8>, String> {
    let Some(compression) = Compression::of(&bytes) else {
        return Ok(bytes);
    };
    let limit = if limit == 0 {
        DECOMPRESSED_LIMIT
    } else {
        limit
    };
    let data = &bytes[..];
    let reader: Box<dyn Read + '_> = match compression {
        // Multi-member gzip (what `cat a.gz b.gz` and some archivers write) reads whole.
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(data)),
        Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(data)),
        Compression::Zstd => Box::new(
            ruzstd::decoding::StreamingDecoder::new(data)
                .map_err(|e| format!("corrupt zstd data: {e}"))?,
        ),
        Compression::Xz => {
            // lzma-rs writes into a `Write`; a bounded buffer stops a bomb.
            let mut out = Bounded {
                data: Vec::new(),
                limit,
            };
            let mut input = data;
            return match lzma_rs::xz_decompress(&mut input, &mut out) {
                Ok(()) => Ok(out.data),
                Err(_) if out.data.len() >= limit => Err(too_large(compression, limit)),
                Err(e) => Err(format!("corrupt xz data: {e}")),
            };
        }
    };
    let mut out = Vec::new();
    match reader.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(too_large(compression, limit)),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("corrupt {} data: {e}", compression.name())),
    }
}

fn too_large(compression: Compression, limit: usize) -> String {
    format!(
        "{} data decompresses to more than the limit of {limit} bytes",
        compression.name()
    )
}

/// A `Write` that refuses to grow past `limit` bytes.
struct Bounded {
    data: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.data.len() + buf.len() > self.limit {
            self.data
                .extend_from_slice(&buf[..self.limit - self.data.len()]);
            return Err(std::io::Error::other("limit reached"));
        }
        self.data.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What binary format `bytes` hold, if they are not text: a name for the error message
/// ("PDF", "PNG image", "Word document (.docx)", ...), `"unknown format"` for data that has no
/// known magic number but too many control bytes to be text. `None` for text (UTF-16 with a
/// BOM included).
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    if let Some(name) = magic_format(bytes) {
        return Some(name);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16 text: every other byte of ASCII is a NUL
    }
    // Valid UTF-8 is text, whatever control characters it holds; binary data of any length is
    // almost never valid UTF-8.
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r'))
        .count();
    (!head.is_empty() && control as f64 > CONTROL_SHARE * head.len() as f64)
        .then_some("unknown format")
}

/// The binary formats met among crawled and archived files, by their magic numbers.
fn magic_format(b: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1A\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"BM", "BMP image"),
        (b"\x00\x00\x01\x00", "ICO image"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "Office document (.doc, .xls or .ppt)",
        ),
        (b"{\\rtf", "RTF document"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"\x7FELF", "ELF executable"),
        (b"MZ", "Windows executable"),
        (b"ID3", "MP3 audio"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"\x1A\x45\xDF\xA3", "Matroska/WebM video"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
    ];
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        return Some(zip_format(b));
    }
    if b.len() >= 12 && b.starts_with(b"RIFF") {
        return Some(match &b[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media",
        });
    }
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return Some(match &b[8..12] {
            b"heic" | b"heix" | b"mif1" => "HEIC image",
            b"avif" => "AVIF image",
            _ => "MP4 video",
        });
    }
    if b.len() >= 262 && &b[257..262] == b"ustar" {
        return Some("tar archive");
    }
    // Short signatures of letters only ("BM", "MZ", "ID3", "OggS") are words a text may start
    // with ("BMW said ...", "ID3 tags ..."): these need the binary bytes that follow in real files.
    SIGNATURES
        .iter()
        .find(|(magic, _)| {
            let wordlike = magic.len() < 5 && magic.iter().all(u8::is_ascii_graphic);
            b.starts_with(magic)
                && (!wordlike
                    || b.get(magic.len()..magic.len() + 14)
                        .is_some_and(|r| r.iter().any(|&c| c < 0x09)))
        })
        .map(|(_, name)| *name)
}

/// Which kind of zip file: the Office Open XML and OpenDocument formats name their parts in
/// the first entries.
fn zip_format(b: &[u8]) -> &'static str {
    let head = &b[..b.len().min(SNIFF_BYTES)];
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    if has(b"word/") {
        "Word document (.docx)"
    } else if has(b"xl/") {
        "Excel workbook (.xlsx)"
    } else if has(b"ppt/") {
        "PowerPoint presentation (.pptx)"
    } else if has(b"application/vnd.oasis.opendocument") {
        "OpenDocument file"
    } else if has(b"application/epub+zip") {
        "EPUB book"
    } else {
        "zip archive"
    }
}

/// A file's bytes as text: decompressed, refused when binary, decoded (the module doc gives
/// the order). Returns the text and its warnings, or the error its document gets.
pub fn read_bytes(
    bytes: Vec<u8>,
    html: bool,
    limit: usize,
) -> Result<(String, Vec<String>), String> {
    let compression = Compression::of(&bytes);
    let bytes = decompress(bytes, limit)?;
    if let Some(format) = binary_format(&bytes) {
        return Err(match compression {
            Some(c) => format!("binary file ({format}, {}-compressed), not text", c.name()),
            None => format!("binary file ({format}), not text"),
        });
    }
    Ok(if html {
        super::decode::decode_html_bytes(&bytes)
    } else {
        super::decode::decode_bytes(&bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const ARTICLE: &str = "“We will not accept any truce,” Shehabi said on Friday.\n";

    #[test]
    fn every_compression_is_read_by_its_bytes() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(ARTICLE.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
        bz.write_all(ARTICLE.as_bytes()).unwrap();
        let bz = bz.finish().unwrap();
        let mut xz = Vec::new();
        lzma_rs::xz_compress(&mut ARTICLE.as_bytes(), &mut xz).unwrap();
        for (data, compression) in [
            (gz, Compression::Gzip),
            (bz, Compression::Bzip2),
            (xz, Compression::Xz),
        ] {
            assert_eq!(Compression::of(&data), Some(compression));
            let (text, warnings) = read_bytes(data, false, 0).unwrap();
            assert_eq!(text, ARTICLE);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
        // zstd (ruzstd only decodes): `printf ... | zstd -19` of ARTICLE.
        let zst = [
            0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x68, 0xE1, 0x01, 0x00, 0xE2, 0x80, 0x9C, 0x57, 0x65,
            0x20, 0x77, 0x69, 0x6C, 0x6C, 0x20, 0x6E, 0x6F, 0x74, 0x20, 0x61, 0x63, 0x63, 0x65,
            0x70, 0x74, 0x20, 0x61, 0x6E, 0x79, 0x20, 0x74, 0x72, 0x75, 0x63, 0x65, 0x2C, 0xE2,
            0x80, 0x9D, 0x20, 0x53, 0x68, 0x65, 0x68, 0x61, 0x62, 0x69, 0x20, 0x73, 0x61, 0x69,
            0x64, 0x20, 0x6F, 0x6E, 0x20, 0x46, 0x72, 0x69, 0x64, 0x61, 0x79, 0x2E, 0x0A, 0x79,
            0x15, 0x2A, 0x43,
        ];
        assert_eq!(Compression::of(&zst), Some(Compression::Zstd));
        let (text, _) = read_bytes(zst.to_vec(), false, 0).unwrap();
        assert_eq!(text, ARTICLE);
    }

    #[test]
    fn corrupt_and_oversized_compressed_data_are_errors() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = gz.finish().unwrap();
        let error = read_bytes(gz.clone(), false, 1000).unwrap_err();
        assert_eq!(
            error,
            "gzip data decompresses to more than the limit of 1000 bytes"
        );
        let truncated = gz[..gz.len() / 2].to_vec();
        assert!(read_bytes(truncated, false, 0)
            .unwrap_err()
            .starts_with("corrupt gzip data"));
        let mut xz = Vec::new();
        lzma_rs::xz_compress(&mut &vec![b'a'; 10_000][..], &mut xz).unwrap();
        assert_eq!(
            read_bytes(xz, false, 1000).unwrap_err(),
            "xz data decompresses to more than the limit of 1000 bytes"
        );
    }

    #[test]
    fn binary_formats_are_named() {
        assert_eq!(
            read_bytes(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(), false, 0).unwrap_err(),
            "binary file (PDF), not text"
        );
        assert_eq!(
            binary_format(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"),
            Some("PNG image")
        );
        assert_eq!(
            binary_format(b"PK\x03\x04\x14\0\0\0\x08\0word/document.xml"),
            Some("Word document (.docx)")
        );
        let mut tar = vec![0u8; 512];
        tar[..8].copy_from_slice(b"a.txt\0\0\0");
        tar[257..263].copy_from_slice(b"ustar\0");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&tar).unwrap();
        assert_eq!(
            read_bytes(gz.finish().unwrap(), false, 0).unwrap_err(),
            "binary file (tar archive, gzip-compressed), not text"
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(binary_format(&noise), Some("unknown format"));
    }

    #[test]
    fn text_is_not_binary() {
        for text in [
            &b"BMW said on Friday it would cut 6,000 jobs."[..],
            b"MZ Holdings said: \"We will appeal.\"",
            b"BZh9 and ID3 OggS fLaC wOFF are names, he said.",
            b"\x1f",
            b"GIF is a format, he said.\r\n\x0Cpage two\tcolumn",
            "Caf\u{e9} \u{201C}quoted\u{201D}".as_bytes(),
            b"caf\xE9 au lait",
            b"",
            b"A line with one stray NUL\0 in it, as old exports have.",
        ] {
            assert_eq!(
                binary_format(text),
                None,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("He said: “yes”.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(binary_format(&utf16), None);
    }

    #[test]
    fn html_names_look_through_compression_suffixes() {
        assert!(is_html_name("a/b/page.HTML"));
        assert!(is_html_name("page.html.gz"));
        assert!(is_html_name("page.htm.zst"));
        assert!(!is_html_name("page.txt.gz"));
        assert!(!is_html_name("page.gz"));
        assert!(!is_html_name("html"));
    }
}
