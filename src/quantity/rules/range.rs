//! Rule `range` (see its entry in `crate::rules::RULES`); cases in `tests/rules/range.toml`. Joins
//! two numbers read next to each other into a range ("2 to 3 days", "between 5 and 10", "from 4.8
//! to 4.7 percent", "5-10W", "three or four years"): `low`/`high` and a null value; also drops
//! scores and records glued by hyphens ("2-1", "12-18-2"), and hands "out of" to `share_out_of`.
//!
//! Written for seeds/001: "Russian Foreign Minister Sergei Lavrov also said he hoped militants in
//! eastern Aleppo end resistance in the next 2 to 3 days."
//!
//! It works on the numbers `read_number` found in one sentence; it must not read a number again,
//! nor fill the merged quantity's qualifier, direction or what it counts (it asks `direction_of`
//! only to tell a change and the level it reached from a range).

use super::super::*;
use super::share_out_of::share_out_of;

/// Joins "2 to 3 days", "two to three days", "between 5 and 10", "from 4.8 to 4.7 percent",
/// "5-10W" and "three or four years" into one quantity with `low`/`high` and a null value.
pub(in crate::quantity) fn merge_ranges(
    text: &str,
    s: Span,
    found: &mut Vec<Found>,
    rules: RuleSet,
) {
    // Merged-away numbers are marked and dropped at the end: removing each from the Vec at
    // once made a sentence of many ranges quadratic.
    let mut dead = vec![false; found.len()];
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let gap = text[a.end..b.start].trim().to_ascii_lowercase();
        let before = text[near(text, s, a.start).byte_start..a.start]
            .trim_end()
            .to_ascii_lowercase();
        let between = before.ends_with("between")
            && !before[..before.len() - 7].ends_with(|c: char| c.is_alphanumeric());
        let from = before.ends_with("from")
            && !before[..before.len() - 4].ends_with(|c: char| c.is_alphanumeric());
        let connector = match gap.as_str() {
            "to" | "-" | "–" | "—" | "to-" => true,
            "and" => between,
            "or" => {
                a.value.is_some_and(|v| v.fract() == 0.0)
                    && a.value < b.value
                    && a.qualifier == Qualifier::Exact
            }
            _ => false,
        };
        // "One out of three Germans": a share.
        if rules.is_enabled(Rule::ShareOutOf) {
            if let Some(share) = share_out_of(&gap, a, b) {
                dead[i + 1] = true;
                found[i] = share;
                i += 2;
                continue;
            }
        }
        // "the hockey team's 12-18-2 record", "a 3-1-1 formation": three or more numbers
        // glued by hyphens are a record or a code, no range.
        let glued_to_next = |k: usize| {
            k + 1 < found.len()
                && matches!(&text[found[k].end..found[k + 1].start], "-" | "–")
                && !found[k].explicit_unit
                && !found[k + 1].explicit_unit
        };
        // (The third number may not have been read: "2" after "18-" is glued to a range.)
        let third_follows = |k: usize| {
            let rest = &text[found[k].end..];
            rest.starts_with(['-', '–'])
                && rest[rest.chars().next().map_or(1, char::len_utf8)..]
                    .starts_with(|c: char| c.is_ascii_digit())
        };
        if glued_to_next(i) && (glued_to_next(i + 1) || third_follows(i + 1)) {
            let mut k = i;
            while glued_to_next(k) {
                dead[k] = true;
                k += 1;
            }
            dead[k] = true;
            i = k + 1;
            continue;
        }
        // "tied Game 7 at 89-89", "beat Charlton 2-1": a score, no amount; "the ISO 3888-2
        // test": a code. A glued pair that runs down is no range.
        if matches!(gap.as_str(), "-" | "–")
            && !a.explicit_unit
            && !b.explicit_unit
            && a.value
                .zip(b.value)
                .is_some_and(|(x, y)| x >= y && x.fract() == 0.0)
            && text[a.end..b.start].len() == gap.len()
        {
            dead[i] = true;
            dead[i + 1] = true;
            i += 2;
            continue;
        }
        // "dropping from 208 pounds to 193": the unit written once, with the first number.
        let compatible = a.unit == b.unit
            || (!a.explicit_unit && a.unit == "count")
            || (from && !b.explicit_unit && b.unit == "count" && a.rate.is_none())
            || (a.unit == "year of age" && !b.explicit_unit);
        // "increased by $43.6 billion to $419.2 billion": a change and the level it reached.
        // "dropped by 1 to 1.5 degrees Celsius" is one range: the unit is written once.
        let change_then_level = a.explicit_unit
            && gap != "and"
            && !from
            && !between
            && direction_of(text, s.byte_start, a).is_some();
        let ok = connector
            && rules.is_enabled(Rule::Range)
            && !change_then_level
            && compatible
            && a.value.is_some()
            && b.value.is_some()
            && b.qualifier == Qualifier::Exact
            && b.direction.is_none()
            && a.direction.is_none();
        if !ok {
            i += 1;
            continue;
        }
        let mut low = a.value.unwrap();
        let high = b.value.unwrap();
        if a.multiplier.is_none() {
            if let Some(m) = b.multiplier {
                if low * m <= high {
                    low *= m;
                }
            }
        }
        // "raised 3.5 million to 7 percent of its target": a range runs upwards; only "from
        // 10 to 5" may run down, and not from "3.5 million" to a bare "7".
        if low > high && (!from || a.multiplier.is_some() != b.multiplier.is_some()) {
            i += 1;
            continue;
        }
        dead[i + 1] = true;
        let b = found[i + 1].clone();
        let a = &mut found[i];
        if between || from {
            let word = if between { 7 } else { 4 };
            let trimmed = text[s.byte_start..a.start].trim_end();
            a.start = s.byte_start + trimmed.len() - word;
        }
        a.value = None;
        a.low = Some(low);
        a.high = Some(high);
        a.end = b.end;
        a.rule = Rule::Range;
        // The unit is written after the second number ("2 to 3 days"), or only before the
        // first ("aged 18 to 34").
        if b.explicit_unit || !a.explicit_unit {
            a.unit = b.unit;
            a.explicit_unit = b.explicit_unit;
            a.unit_text = b.unit_text;
            a.rate = b.rate;
            a.hyphenated = b.hyphenated;
        }
        i += 2;
    }
    let mut index = 0;
    found.retain(|_| {
        index += 1;
        !dead[index - 1]
    });
}
