//! Reporting verbs and phrases ("said", "told", "pointed out") with their lemma.
//!
//! `CUE_VERBS` rows are `(written form, lemma)`. Multi-word cues are written with single spaces.

/// Reporting verbs in the forms news text uses them.
pub const CUE_VERBS: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("say", "say"),
    ("saying", "say"),
    ("told", "tell"),
    ("tells", "tell"),
    ("added", "add"),
    ("adds", "add"),
    ("stated", "state"),
    ("states", "state"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("noted", "note"),
    ("notes", "note"),
    ("stressed", "stress"),
    ("stresses", "stress"),
    ("warned", "warn"),
    ("warns", "warn"),
    ("insisted", "insist"),
    ("insists", "insist"),
    ("confirmed", "confirm"),
    ("confirms", "confirm"),
    ("claimed", "claim"),
    ("claims", "claim"),
    ("claiming", "claim"),
    ("explained", "explain"),
    ("explains", "explain"),
    ("declared", "declare"),
    ("declares", "declare"),
    ("reported", "report"),
    ("reports", "report"),
    ("wrote", "write"),
    ("writes", "write"),
    ("asked", "ask"),
    ("asks", "ask"),
    ("replied", "reply"),
    ("replies", "reply"),
    ("continued", "continue"),
    ("argued", "argue"),
    ("argues", "argue"),
    ("admitted", "admit"),
    ("admits", "admit"),
    ("acknowledged", "acknowledge"),
    ("emphasized", "emphasize"),
    ("emphasised", "emphasise"),
    ("pointed out", "point out"),
    ("points out", "point out"),
    ("read", "read"),
    ("reads", "read"),
    ("quoted", "quote"),
    ("tweeted", "tweet"),
    ("suggested", "suggest"),
    ("predicted", "predict"),
    ("denied", "deny"),
    ("urged", "urge"),
    ("vowed", "vow"),
    ("promised", "promise"),
    ("alleged", "allege"),
    ("estimated", "estimate"),
    ("believes", "believe"),
    ("believed", "believe"),
    ("thinks", "think"),
    ("thought", "think"),
    ("expressed", "express"),
    ("indicated", "indicate"),
    ("recalled", "recall"),
    ("concluded", "conclude"),
    ("complained", "complain"),
    ("responded", "respond"),
    ("remarked", "remark"),
    ("observed", "observe"),
    ("revealed", "reveal"),
    ("disclosed", "disclose"),
    ("maintained", "maintain"),
    ("assured", "assure"),
    ("agreed", "agree"),
    ("called", "call"),
    ("adding", "add"),
    ("stressing", "stress"),
    ("noting", "note"),
    ("insisting", "insist"),
    ("warning", "warn"),
    ("explaining", "explain"),
    ("arguing", "argue"),
    ("telling", "tell"),
    ("announcing", "announce"),
    ("tell", "tell"),
    ("add", "add"),
    ("contended", "contend"),
    ("contends", "contend"),
    ("conceded", "concede"),
    ("concedes", "concede"),
    ("boasted", "boast"),
    ("charged", "charge"),
    ("countered", "counter"),
    ("cautioned", "caution"),
    ("informed", "inform"),
    ("mentioned", "mention"),
    ("hinted", "hint"),
    ("speculated", "speculate"),
    ("alleges", "allege"),
    ("suggests", "suggest"),
    ("predicts", "predict"),
    ("acknowledges", "acknowledge"),
    ("announce", "announce"),
    ("insist", "insist"),
    ("argue", "argue"),
    ("claim", "claim"),
    ("note", "note"),
    ("warn", "warn"),
];

/// Cues whose source follows them ("according to the Interfax news agency", "as reported by
/// Reuters"): the attribution is the `according_to` kind.
pub const ACCORDING_CUES: &[&str] = &["according to", "as reported by", "as quoted by"];

/// Lemmas of cues that take a listener before the content ("told journalists that ...").
pub const TELL_LEMMAS: &[&str] = &["tell", "inform", "assure", "warn", "remind", "ask"];

/// Words that may stand between a source and its cue ("Lavrov also said", "He further said").
pub const SPEAKER_ADVERBS: &[&str] = &[
    "also", "further", "later", "earlier", "has", "have", "had", "previously", "then", "again",
    "recently", "repeatedly", "once", "separately", "initially", "publicly", "privately", "first",
    "last", "subsequently", "simply", "flatly", "reportedly", "allegedly", "often", "always",
    "frequently", "now", "just", "himself", "herself", "themselves", "itself", "meanwhile",
    "however", "too", "only", "even", "would", "will", "could", "might", "may",
];

/// Words after "called" that make it a request, not a report ("France called for a ...").
pub const NOT_A_CUE_AFTER: &[&str] = &["for", "on", "off", "up", "upon", "in", "out", "back"];

/// Distancing markers around a source or a claim ("the so-called Syrian Observatory").
pub const HEDGES: &[&str] = &[
    "so-called", "reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly",
    "claiming", "claimed",
];

/// Channels a statement is made through ("in a statement", "in an interview with al-Watan
/// newspaper", "broadcast on state television").
pub const CHANNEL_NOUNS: &[&str] = &[
    "statement", "interview", "news conference", "press conference", "briefing", "news briefing",
    "television", "tweet", "post", "op-ed", "letter", "email", "estimate", "report", "speech",
    "radio", "video", "message", "communique", "release", "press release",
];

/// Whether `word` (lower case) is a reporting verb form; returns its lemma.
pub fn cue_lemma(word: &str) -> Option<&'static str> {
    CUE_VERBS
        .iter()
        .find(|(form, _)| *form == word)
        .map(|(_, lemma)| *lemma)
}
