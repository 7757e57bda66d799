//! Bytes to text: byte-order marks, UTF-16, invalid UTF-8, NUL bytes and CRLF line ends.
//!
//! Never fails: undecodable bytes become U+FFFD and a warning says so.
//!
//! Text without a BOM that is not valid UTF-8 is decoded in the encoding `chardetng` guesses
//! (Firefox's detector: windows-1252 for Latin-1 and most Western legacy text, also Cyrillic,
//! Greek, Shift_JIS, GBK, EUC-KR, ...), with a warning naming it ("decoded as windows-1252").
//! Text that is UTF-8 but for a few stray bytes (more valid multi-byte characters than invalid
//! sequences: a UTF-8 file with one pasted Latin-1 byte) stays UTF-8, the stray bytes replaced.
//!
//! HTML pages may also name their own charset ([`decode_html_bytes`]): a BOM wins, then bytes
//! that are valid UTF-8 are read as UTF-8 (whatever the page declares: a page labelled
//! `iso-8859-1` that is valid UTF-8 beyond ASCII was saved as UTF-8 and mislabelled), then the
//! `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` in the first
//! [`CHARSET_SCAN_BYTES`] bytes, decoded with `encoding_rs` (WHATWG labels: `latin1` and
//! `iso-8859-1` read as windows-1252, `shift_jis`, `gbk`, `euc-kr`, ...). Pages with invalid
//! UTF-8 and no usable declaration are read as UTF-8 with replacement characters, like text.

/// Decodes raw file bytes into clean text, returning the text and any warnings.
pub fn decode_bytes(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        utf8_lossy(bytes, &mut warnings)
    } else {
        detected(bytes, &mut warnings)
    };
    (normalize_text(text, &mut warnings), warnings)
}

/// Whether `bytes` (not valid UTF-8) hold more valid multi-byte UTF-8 characters than invalid
/// sequences: UTF-8 with stray bytes, not a legacy encoding (whose non-ASCII letters are
/// almost never valid UTF-8 sequences).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multi > invalid
}

/// `bytes` decoded in the encoding `chardetng` guesses for them (see the module doc).
fn detected(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // No top-level domain to go by; UTF-8 is not a candidate (the bytes are not valid UTF-8).
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warning = format!("not valid UTF-8: decoded as {}", encoding.name());
    if had_errors {
        let replaced = text.matches('\u{FFFD}').count();
        warning.push_str(&format!(", {replaced} replacement character(s) inserted"));
    }
    warnings.push(warning);
    text.into_owned()
}

/// How far into a page [`decode_html_bytes`] looks for a charset declaration. Browsers stop at
/// 1,024 bytes; pages with long `<head>`s put the `<meta>` later, and a declaration further in
/// is still the page's own word about its bytes.
pub const CHARSET_SCAN_BYTES: usize = 4096;

/// Decodes the bytes of an HTML page: like [`decode_bytes`], but a page that is not valid UTF-8
/// is decoded with the charset its `<meta>` declares (see the module doc for the order).
pub fn decode_html_bytes(bytes: &[u8]) -> (String, Vec<String>) {
    let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF]);
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return decode_bytes(bytes);
    }
    let Some(encoding) = declared_charset(bytes) else {
        return decode_bytes(bytes);
    };
    // A `<meta>` naming UTF-16 means UTF-8 (the bytes were readable as ASCII to find it).
    let encoding = encoding.output_encoding();
    if encoding == encoding_rs::UTF_8 {
        return decode_bytes(bytes);
    }
    let mut warnings = Vec::new();
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let replaced = text.matches('\u{FFFD}').count();
        warnings.push(format!(
            "invalid {}: {replaced} replacement character(s) inserted",
            encoding.name()
        ));
    }
    (normalize_text(text.into_owned(), &mut warnings), warnings)
}

/// The encoding named by the first `<meta ... charset=NAME>` (either form) in the first
/// [`CHARSET_SCAN_BYTES`] bytes, if `encoding_rs` knows the label.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_SCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end =
            memchr::memchr(b'>', &lower[tag_start..]).map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = tag[c + b"charset".len()..].trim_ascii_start();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let end = value
                    .iter()
                    .position(|b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(value.len());
                if let Some(encoding) = encoding_rs::Encoding::for_label(&value[..end]) {
                    return Some(encoding);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            warnings.push(format!(
                "invalid UTF-8 at byte {}: {replaced} replacement character(s) inserted",
                e.valid_up_to()
            ));
            text
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    if bytes.len() % 2 == 1 {
        warnings.push("UTF-16 text with an odd number of bytes: last byte dropped".to_owned());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad > 0 {
        warnings.push(format!(
            "invalid UTF-16: {bad} replacement character(s) inserted"
        ));
    }
    text
}

/// Normalises text given as a string: strips a BOM and NUL bytes, turns CRLF and CR into LF.
pub fn normalize_text(text: String, warnings: &mut Vec<String>) -> String {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    // memchr: `contains(['\r', '\0'])` decodes every character, a tenth of the time of
    // reading an HTML page.
    if memchr::memchr2(b'\r', b'\0', text.as_bytes()).is_none() {
        return text;
    }
    // One pass (three `replace` calls copied whole HTML pages written with CRLF three times).
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut nuls) = (0, 0usize);
    for at in memchr::memchr2_iter(b'\r', b'\0', b) {
        out.push_str(&text[copied..at]);
        copied = at + 1;
        if b[at] == b'\0' {
            nuls += 1;
        } else if b.get(at + 1) != Some(&b'\n') {
            out.push('\n'); // a lone CR; a CR of CRLF goes, its LF stays
        }
    }
    out.push_str(&text[copied..]);
    if nuls > 0 {
        warnings.push(format!("{nuls} NUL byte(s) removed"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_crlf_and_nul() {
        let (text, warnings) = decode_bytes(b"\xEF\xBB\xBFSaid \"yes\".\r\nNext\0 line\r");
        assert_eq!(text, "Said \"yes\".\nNext line\n");
        assert_eq!(warnings, vec!["1 NUL byte(s) removed"]);
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Aleppo “93%”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Aleppo “93%”".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_bytes(&le).0, "Aleppo “93%”");
        assert_eq!(decode_bytes(&be).0, "Aleppo “93%”");
    }

    /// A windows-1252 page, as an old CMS writes it: curly quotes and an e-acute are single bytes.
    #[test]
    fn windows_1252_page_with_meta_charset() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"><title>Caf".to_vec();
        page.extend_from_slice(b"\xE9</title></head><body><p>\x93We will not accept any truce,\x94 Shehabi said.</p></body></html>");
        let (text, warnings) = decode_html_bytes(&page);
        assert!(text.contains("<title>Café</title>"), "{text}");
        assert!(
            text.contains("“We will not accept any truce,” Shehabi said."),
            "{text}"
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        // iso-8859-1 is read as windows-1252 (the WHATWG label table), through http-equiv.
        let legacy = [
            &b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"[..],
            b"<p>\x93Yes,\x94 he said.</p>",
        ]
        .concat();
        assert_eq!(decode_html_bytes(&legacy).0, "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>“Yes,” he said.</p>");
    }

    #[test]
    fn shift_jis_page_with_http_equiv() {
        let body = "<p>東京で会見した首相は「増税はしない」と述べた。</p>";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(body);
        let page = [
            &b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\"></head><body>"[..],
            &sjis,
            b"</body></html>",
        ]
        .concat();
        let (text, warnings) = decode_html_bytes(&page);
        assert!(text.contains(body), "{text}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn html_declarations_yield_to_bom_and_valid_utf8() {
        // Valid UTF-8 despite the label: read as UTF-8, not as "cafÃ©".
        let mislabelled = "<meta charset=iso-8859-1><p>café</p>";
        assert_eq!(decode_html_bytes(mislabelled.as_bytes()).0, mislabelled);
        // No declaration and invalid UTF-8: detected and reported, as for text.
        let (text, warnings) = decode_html_bytes(b"<p>caf\xE9</p>");
        assert_eq!(text, "<p>caf\u{e9}</p>");
        assert_eq!(warnings, ["not valid UTF-8: decoded as windows-1252"]);
        // An unknown label is ignored the same way.
        assert_eq!(
            decode_html_bytes(b"<meta charset=klingon><p>\xE9</p>")
                .1
                .len(),
            1
        );
    }

    #[test]
    fn legacy_text_is_detected_and_reported() {
        let (text, warnings) = decode_bytes(b"\x93Caf\xE9 au lait,\x94 said Ren\xE9e \x96 twice.");
        assert_eq!(
            text,
            "\u{201C}Caf\u{e9} au lait,\u{201D} said Ren\u{e9}e \u{2013} twice."
        );
        assert_eq!(warnings, ["not valid UTF-8: decoded as windows-1252"]);
        // Russian in windows-1251 (Firefox's detector knows it from its letter pairs).
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("Министр заявил, что переговоры продолжатся в пятницу.");
        let (text, warnings) = decode_bytes(&cp1251);
        assert_eq!(
            text,
            "Министр заявил, что переговоры продолжатся в пятницу."
        );
        assert_eq!(warnings, ["not valid UTF-8: decoded as windows-1251"]);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let bytes = ["“Caf\u{e9}” said Ren\u{e9}e".as_bytes(), b"\xE9."].concat();
        let (text, warnings) = decode_bytes(&bytes);
        assert_eq!(text, "“Caf\u{e9}” said Ren\u{e9}e\u{FFFD}.");
        assert!(
            warnings[0].starts_with("invalid UTF-8 at byte"),
            "{warnings:?}"
        );
    }
}
