//! Rule `headline` (see its entry in `crate::rules::RULES`); cases in `tests/rules/headline.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// The title line: `Russia: Syrian army controls 93 % of Aleppo` or `Syrian Army retakes 70% of
/// E. Aleppo – Russian military`. The source is short and capitalised.
pub(crate) fn headline(
    lx: &Lexicon,
    text: &str,
    para: Span,
    sentence: usize,
    is_title: bool,
) -> Option<Found> {
    let t = para.slice(text);
    let short_source = |s: &str| {
        let n = s.split_whitespace().count();
        (1..=4).contains(&n) && s.chars().next().is_some_and(char::is_uppercase)
    };
    let (src, content) = if let Some((src, rest)) = t.split_once(": ").filter(|(src, rest)| {
        !lx.cues().is_match(src)
            && !rest.starts_with(['“', '"'])
            && src.split_whitespace().count() <= 3
    }) {
        let src_span = Span::new(para.byte_start, para.byte_start + src.len());
        (
            src_span,
            Span::new(para.byte_end - rest.len(), para.byte_end),
        )
            .into_option(short_source(src))?
    } else if is_title {
        let (i, dash) = [" – ", " — ", " - "]
            .iter()
            .find_map(|d| t.rfind(d).map(|i| (i, *d)))?;
        let src = &t[i + dash.len()..];
        (
            Span::new(para.byte_start + i + dash.len(), para.byte_end),
            Span::new(para.byte_start, para.byte_start + i),
        )
            .into_option(short_source(src))?
    } else {
        return None;
    };
    let chunk = chunk_source(lx, src.byte_start, src.slice(text), false)?;
    Some(Found {
        rule: Rule::Headline,
        kind: ClaimKind::Headline,
        written: src,
        chunk,
        cue: None,
        content: trim_region(text, content),
        span: para,
        hedge: None,
        sentence,
    })
}
