//! Rule `share_out_of` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/share_out_of.toml`. Reads two counts joined by "out of" ("seven out of 10") as one
//! share: unit `fraction`, the value their ratio.
//!
//! Written for BBC News: "The cost of buying a home fell in seven out of 10 regions between the
//! third and fourth quarters of 2004."
//!
//! It is called by `range` on two numbers next to each other; it must not read the numbers
//! themselves, nor what the share counts.

use super::super::*;

/// "One out of three Germans": the share `a` out of `b` when `gap` between them is "out of",
/// spanning both, or `None`.
pub(super) fn share_out_of(gap: &str, a: &Found, b: &Found) -> Option<Found> {
    if gap == "out of" && a.unit == "count" && b.unit == "count" {
        if let (Some(x), Some(y)) = (a.value, b.value) {
            if x <= y && y > 0.0 {
                let mut share = a.clone();
                share.value = Some(x / y);
                share.unit = "fraction";
                share.explicit_unit = true;
                share.end = b.end;
                share.rule = Rule::ShareOutOf;
                return Some(share);
            }
        }
    }
    None
}
