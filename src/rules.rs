//! The rule registry: every named rule that makes a row of `claims` or `quantities`, in the
//! order its stage tries it, with what it reads and a news sentence it reads (the first positive
//! case of its `tests/rules/<rule>.toml`, which a test keeps equal).
//!
//! A few rules are modifiers ([`Rule::is_modifier`]): they change or drop rows that other rules
//! make (the dollar a bare "$" stands for, the years and clock times dropped) and never name a row, so their names are not in the
//! `rule` column's vocabulary. They are listed with their stage all the same, so that
//! `disable_rules` and the ablation can switch them off.
//!
//! Owns the names (the `rule` column, `Extractor(disable_rules=...)`, `newsclaims.rules()`) and
//! the set of rules switched off ([`RuleSet`]). It must not hold any rule's logic: the attribution
//! rules live under `attribution/rules/`, the quantity readings under `quantity/rules/`. Dispatch
//! is static: each stage calls its rules by name and asks [`RuleSet::is_enabled`] first.

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
    ContinuedQuote,
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
    Age,
    // quantity modifiers: they name no row (`Rule::is_modifier`)
    DocumentDollar,
    TimeOrDate,
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
        "Syrian Army retakes 70% of E. Aleppo, evacuates over 1,200 civilians – Russian military";
    TranscriptTurn, "transcript_turn", Claims,
        "a paragraph opened by a speaker's label and a colon",
        "BENENSON: Senator Sanders doesn’t get to decide when we debate. He is running a negative campaign.";
    According, "according", Claims,
        "'..., according to X', 'According to X, ...', '..., as reported by X'",
        "The conflict in Syria, which flared up in March 2011, has claimed the lives of more than 400,000 people, according to an estimate by UN special envoy for Syria Staffan de Mistura.";
    Trailing, "trailing", Claims,
        "the attribution after its content: '\u{201c}...,\u{201d} X said', '..., Russia says.'",
        "“Practically, half of the territory occupied by rebels in recent years in the eastern part of Aleppo has been completely liberated,” he said.";
    Leading, "leading", Claims,
        "the attribution before its content: 'X said (that) ...', 'X said: \u{201c}...\u{201d}'",
        "Russia says the Syrian army has recently reestablished control over half of the areas that had been under the control of militants in the east of the city of Aleppo.";
    Participle, "participle", Claims,
        "'..., adding that ...', '..., claiming, \u{201c}...\u{201d}': the source of the claim before, or the subject",
        "French Foreign Minister Jean-Marc Ayrault called for the meeting, claiming, “More than ever before, we need to urgently put in place means to end the hostilities and to allow humanitarian aid to get through unhindered.”";
    Conjoined, "conjoined", Claims,
        "'X said A and said that B': a cue joined by 'and'/'but' shares the source before it",
        "But he told the Times Educational Supplement that truancy was \"very bad\" and said \"firm action\" was needed.";
    ColonQuote, "colon_quote", Claims,
        "a quotation after a colon that ends the sentence is the subject's, without a cue",
        "Osbourne himself was at a loss to explain its popularity: \"I suppose Americans get a kick out of watching a crazy Brit family like us make complete fools of ourselves every week.\"";
    AskedQuestion, "asked_question", Claims,
        "'Asked whether ..., X said': the question put to the subject",
        "Asked whether he had not returned to work immediately because he was under doctors orders to rest, Mr Blair said there was also a story he had been away for plastic surgery.";
    InView, "in_view", Claims,
        "'In X's mind/poll, ...': the view or poll the sentence opens with",
        "In the Countryfile survey, 47% said they supported the legislation, with 26% against.";
    Impression, "impression", Claims,
        "a clause around a verb of impression or expectation, its holder unnamed",
        "While UN war crimes investigators are looking into the alleged chemical weapons attack on the Syrian town in Idlib the Security Council is expected to hold a meeting on Wednesday to discuss the matter.";
    ContinuedQuote, "continued_quote", Claims,
        "a paragraph that is only a quotation goes on with the direct quote or the 'X said:' of the paragraph before",
        "\"Strengthening our identity is one way or reinforcing people's confidence and sense of citizenship and well-being.\"";
    VagueMagnitude, "vague_magnitude", Quantities,
        "'dozens of', 'tens of thousands': no value, the order of magnitude as bounds",
        "The spiraling militancy has so far claimed thousands of lives and displaced millions in Syria.";
    FractionWord, "fraction_word", Quantities,
        "'half', 'a third', 'two-thirds' as a fraction",
        "Over the weakened, the army managed to retake a third of the city’s eastern side, and on Tuesday, the Russian Defense Ministry announced that the Syrian army had extended the gains to half of those areas.";
    VulgarFraction, "vulgar_fraction", Quantities,
        "'\u{bd}', '2\u{bc}' as a number",
        "Tomato Cucumber Salad (½ cup cherry tomatoes, ½ cup cucumber slices, ¼ cup feta, 1 Tbsp olive oil)";
    SlashFraction, "slash_fraction", Quantities,
        "'1/4', '3/8' as a fraction",
        "She was hot favourite to be evicted first, with odds of 1/4 to leave.";
    NumberWords, "number_words", Quantities,
        "numbers written in words: 'seven', 'twenty-one', 'a dozen', 'a million'",
        "Terrorist mortar attacks against various residential neighborhoods in the city also killed seven Syrian civilians and injured 72 others.";
    Digits, "digits", Quantities,
        "numbers in digits with separators, decimals, signs, currencies and multipliers",
        "It further noted that more than 9,500 people, including over 4,500 militants and 337 wounded, have been taken out of eastern Aleppo.";
    Range, "range", Quantities,
        "two numbers joined as a range: 'to', '-', 'between ... and', 'or'",
        "Russian Foreign Minister Sergei Lavrov also said he hoped militants in eastern Aleppo end resistance in the next 2 to 3 days.";
    ShareOutOf, "share_out_of", Quantities,
        "'one out of three' as a fraction",
        "The cost of buying a home fell in seven out of 10 regions between the third and fourth quarters of 2004.";
    ImpliedShare, "implied_share", Quantities,
        "a share stated without a number ('full control of' = 100 percent); only with implied_quantities",
        "The Syrian military has wrested full control of the militant-held eastern Aleppo, scoring a major victory against terrorists in the strategic northwestern city, Russia says.";
    Age, "age", Quantities,
        "a person's age as 'year of age': 'aged 44', 'at age 42', 'the 29-year-old', 'he was 10'",
        "Charlie Bell, the straight-talking former head of fast-food giant McDonald's, has died of cancer aged 44.";
    DocumentDollar, "document_dollar", Quantities,
        "modifier: a bare '$' or 'dollars' is the dollar of the document's URL host or dateline ('OTTAWA —': CAD), else USD",
        "OTTAWA — The federal government will spend $6.5 billion on housing.";
    TimeOrDate, "time_or_date", Quantities,
        "filter: a year, a day of the month, a clock time or a numeric date ('01-08-2016') in digits is no quantity",
        "The conflict in Syria, which flared up in March 2011, has claimed the lives of more than 400,000 people.";
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

    /// Whether the rule only changes or drops rows that other rules make: it never names a row
    /// in the `rule` column (`document_dollar`, `time_or_date`).
    pub fn is_modifier(self) -> bool {
        matches!(self, Rule::DocumentDollar | Rule::TimeOrDate)
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

    /// `Some(rule)` when `rule` runs, `None` when it is switched off: a stage reads a rule's
    /// text only through this (`rules.enabled(Rule::Trailing).and_then(|_| ...)`, or `?`).
    pub fn enabled(self, rule: Rule) -> Option<Rule> {
        self.is_enabled(rule).then_some(rule)
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
