//! The rule registry: every named rule that makes a row of `claims` or `quantities`, in the
//! order its stage tries it, with what it reads and the news sentence that motivated it.
//!
//! Owns the names (the `rule` column, `Extractor(disable_rules=...)`, `newsclaims.rules()`) and
//! the set of rules switched off ([`RuleSet`]). It must not hold any rule's logic: the attribution
//! rules live under `attribution/rules/`, the quantity readings in `quantity`. Dispatch is
//! static: each stage calls its rules by name and asks [`RuleSet::is_enabled`] first.

use crate::error::Error;

/// The stage whose rows a rule makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Rows of `claims`.
    Claims,
    /// Rows of `quantities`.
    Quantities,
}

impl Stage {
    /// The table's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Claims => "claims",
            Stage::Quantities => "quantities",
        }
    }
}

/// A named rule. The discriminant is its row in [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Rule {
    // claims, in the order the attribution stage tries them
    Headline,
    TranscriptTurn,
    According,
    Trailing,
    Leading,
    Participle,
    Conjoined,
    ColonQuote,
    AskedQuestion,
    InView,
    Impression,
    // quantities, in the order of the number grammar's alternatives (`quantity::number::CORE`)
    VagueMagnitude,
    FractionWord,
    VulgarFraction,
    SlashFraction,
    NumberWords,
    Digits,
    Range,
    ShareOutOf,
    ImpliedShare,
}

/// What the registry knows of a rule.
#[derive(Debug)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Its name in the `rule` column and in `disable_rules`.
    pub name: &'static str,
    /// The table it adds rows to.
    pub stage: Stage,
    /// What it reads, in a line.
    pub summary: &'static str,
    /// A sentence from the news it was written for.
    pub example: &'static str,
}

macro_rules! registry {
    ($($rule:ident, $name:literal, $stage:ident, $summary:literal, $example:literal;)*) => {
        /// Every rule, in [`Rule`] order.
        pub static RULES: &[RuleInfo] = &[
            $(RuleInfo { rule: Rule::$rule, name: $name, stage: Stage::$stage, summary: $summary, example: $example },)*
        ];
    };
}

registry! {
    Headline, "headline", Claims,
        "the title line 'Source: claim' or 'claim – Source'",
        "Russia: Syrian army controls 93 % of Aleppo";
    TranscriptTurn, "transcript_turn", Claims,
        "a paragraph opened by a speaker's label and a colon",
        "BENENSON: Senator Sanders doesn't get to decide when we debate.";
    According, "according", Claims,
        "'..., according to X', 'According to X, ...', '..., as reported by X'",
        "Government forces now control about 93 percent of eastern Aleppo, according to the Russian military.";
    Trailing, "trailing", Claims,
        "the attribution after its content: '\u{201c}...,\u{201d} X said', '..., Russia says.'",
        "\u{201c}This is a strategic victory,\u{201d} Lavrov said.";
    Leading, "leading", Claims,
        "the attribution before its content: 'X said (that) ...', 'X said: \u{201c}...\u{201d}'",
        "Peskov said that the Kremlin had no information about the talks.";
    Participle, "participle", Claims,
        "'..., adding that ...', '..., claiming, \u{201c}...\u{201d}': the source of the claim before, or the subject",
        "The ministry said the corridors were open, adding that 2,000 civilians had left.";
    Conjoined, "conjoined", Claims,
        "'X said A and said that B': a cue joined by 'and'/'but' shares the source before it",
        "Konashenkov said the army had advanced and said that the militants were retreating.";
    ColonQuote, "colon_quote", Claims,
        "a quotation after a colon that ends the sentence is the subject's, without a cue",
        "She then addressed the supporters again: \u{201c}Here is what I regret.\u{201d}";
    AskedQuestion, "asked_question", Claims,
        "'Asked whether ..., X said': the question put to the subject",
        "Asked whether he would counsel Clinton to ask Sanders to join her ticket, Reid said ...";
    InView, "in_view", Claims,
        "'In X's mind/poll, ...': the view or poll the sentence opens with",
        "In the new Morning Consult poll, 40 percent of likely Democratic voters back Sanders.";
    Impression, "impression", Claims,
        "a clause around a verb of impression or expectation, its holder unnamed",
        "The House is expected to pass a bipartisan bill later this week.";
    VagueMagnitude, "vague_magnitude", Quantities,
        "'dozens of', 'tens of thousands': no value, the order of magnitude as bounds",
        "Tens of thousands of civilians have fled the fighting.";
    FractionWord, "fraction_word", Quantities,
        "'half', 'a third', 'two-thirds' as a fraction",
        "The army controls half of eastern Aleppo.";
    VulgarFraction, "vulgar_fraction", Quantities,
        "'\u{bd}', '2\u{bc}' as a number",
        "The storm left 1\u{bd} inches of rain.";
    SlashFraction, "slash_fraction", Quantities,
        "'1/4', '3/8' as a fraction",
        "Stir in 1/4 cup of sugar.";
    NumberWords, "number_words", Quantities,
        "numbers written in words: 'seven', 'twenty-one', 'a dozen', 'a million'",
        "Seven people were killed in the shelling.";
    Digits, "digits", Quantities,
        "numbers in digits with separators, decimals, signs, currencies and multipliers",
        "More than 9,500 people were evacuated, the ministry said.";
    Range, "range", Quantities,
        "two numbers joined as a range: 'to', '-', 'between ... and', 'or'",
        "Between 5 and 10 buses left the city.";
    ShareOutOf, "share_out_of", Quantities,
        "'one out of three' as a fraction",
        "One out of three Germans supports the plan.";
    ImpliedShare, "implied_share", Quantities,
        "a share stated without a number ('full control of' = 100 percent); only with implied_quantities",
        "The army wrested full control of eastern Aleppo.";
}

impl Rule {
    /// What the registry knows of this rule.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// Its name in the `rule` column.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The rule of that name.
    pub fn named(name: &str) -> Option<Rule> {
        RULES.iter().find(|r| r.name == name).map(|r| r.rule)
    }
}

/// The rules switched off; empty by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleSet {
    disabled: u64,
}

impl RuleSet {
    /// The rules named in `names` switched off; an unknown name is an
    /// [`Error::invalid_option`] that lists the known ones.
    pub fn disabling(names: &[String]) -> Result<Self, Error> {
        let mut set = RuleSet::default();
        for name in names {
            let rule = Rule::named(name).ok_or_else(|| {
                let known: Vec<&str> = RULES.iter().map(|r| r.name).collect();
                Error::invalid_option(
                    "disable_rules",
                    format!("no rule named {name:?}; the rules are {}", known.join(", ")),
                )
            })?;
            set.disabled |= 1 << rule as u64;
        }
        Ok(set)
    }

    /// Whether `rule` runs.
    pub fn is_enabled(self, rule: Rule) -> bool {
        self.disabled & (1 << rule as u64) == 0
    }

    /// Whether every rule runs.
    pub fn all_enabled(self) -> bool {
        self.disabled == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_is_in_rule_order_with_unique_names() {
        for (i, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{}", info.name);
            assert_eq!(Rule::named(info.name), Some(info.rule));
        }
        assert!(RULES.len() <= 64, "RuleSet is one u64");
    }

    #[test]
    fn disabling_names_switches_off_just_those() {
        let set = RuleSet::disabling(&["trailing".to_owned(), "range".to_owned()]).unwrap();
        assert!(!set.is_enabled(Rule::Trailing));
        assert!(!set.is_enabled(Rule::Range));
        assert!(set.is_enabled(Rule::Leading));
        assert!(RuleSet::default().all_enabled());
        let e = RuleSet::disabling(&["trailling".to_owned()]).unwrap_err();
        assert!(e.to_string().contains("no rule named \"trailling\""), "{e}");
        assert!(e.to_string().contains("trailing, leading"), "{e}");
    }
}
