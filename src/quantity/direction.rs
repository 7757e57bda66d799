//! The direction of the change a number takes part in: "rose 0.65 per cent" up, "decreased by
//! one third" down, read from the change verbs before it (`CHANGE_UP`, `CHANGE_DOWN`).
//!
//! It reads the words before the number only; it must not decide what the change measures
//! (`counted`, `subject`) or whether the number is a level rather than a change (`quantity`).

use super::*;

/// "rose 0.65 per cent" up, "decreased by one third" down.
pub(super) fn direction_of(text: &str, floor: usize, f: &Found) -> Option<&'static str> {
    let mut at = f.start;
    // "expected to grow sales by 35 per cent", "raised its forecast by 5%": after "by", the
    // object of the change verb may sit between it and the number (at most three words).
    let mut after_by = false;
    let mut object_words = 0;
    for step in 0..7 {
        if step == 4 && !after_by {
            break;
        }
        let word = prev_word(text, floor, at);
        if word.is_empty() {
            break;
        }
        let lower = word.to_ascii_lowercase();
        // "a defense that gave up 517 rushing yards": "up" of a phrasal verb is no change.
        if matches!(lower.as_str(), "up" | "down") {
            let trimmed = text[floor..at].trim_end();
            let verb = prev_word(text, floor, floor + trimmed.len() - word.len());
            if PHRASAL_PARTICLE_VERBS.contains(&verb.to_ascii_lowercase().as_str()) {
                return None;
            }
        }
        if CHANGE_UP.contains(&lower.as_str()) {
            return Some("up");
        }
        if CHANGE_DOWN.contains(&lower.as_str()) {
            return Some("down");
        }
        if lower == "by" && at == f.start {
            after_by = true;
        } else if !CHANGE_FILLERS.contains(&lower.as_str()) {
            let object = after_by
                && object_words < 3
                && word.starts_with(|c: char| c.is_ascii_lowercase())
                && (!COUNTED_STOP.contains(&lower.as_str())
                    || matches!(lower.as_str(), "the" | "a" | "an"));
            if !object {
                break;
            }
            object_words += 1;
        }
        let trimmed = text[floor..at].trim_end();
        if trimmed.ends_with([',', ';', '.', ':', '(', ')']) {
            break;
        }
        at = floor + trimmed.len() - word.len();
    }
    // "a 4.2 percent drop" names the size of a change but is no change itself: NewsQuant tags
    // it "=", and so do we.
    None
}
