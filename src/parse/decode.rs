//! Bytes to text: byte-order marks, UTF-16, invalid UTF-8, NUL bytes and CRLF line ends.
//!
//! Never fails: undecodable bytes become U+FFFD and a warning says so.

/// Decodes raw file bytes into clean text, returning the text and any warnings.
pub fn decode_bytes(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        utf8_lossy(bytes, &mut warnings)
    };
    (normalize_text(text, &mut warnings), warnings)
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
    if !text.contains(['\r', '\0']) {
        return text;
    }
    let nuls = text.matches('\0').count();
    if nuls > 0 {
        warnings.push(format!("{nuls} NUL byte(s) removed"));
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
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

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let (text, warnings) = decode_bytes(b"caf\xE9 au lait");
        assert_eq!(text, "caf\u{FFFD} au lait");
        assert!(
            warnings[0].starts_with("invalid UTF-8 at byte 3"),
            "{warnings:?}"
        );
    }
}
