//! Currencies: signs and codes before a number (`CURRENCY_PREFIXES`) and what a bare "$"
//! stands for in a document from a dollar country other than the US (hosts, datelines and
//! agencies, read by `quantity::document_dollar`).
//!
//! Owns only these tables; currency names written after a number are units (`units`), and
//! it must not know how `quantity` reads a document's URL or dateline.

/// Where a document comes from, when it is a dollar country other than the US: the code a
/// bare "$" (or "dollars") then stands for. `quantity::document_dollar` reads them in this
/// order: the host of the document's URL (its id or path, when one is a URL) against
/// `DOLLAR_HOSTS`, then a dateline opening the text ("TORONTO —", "OTTAWA (CP) -",
/// "Sydney, Australia —") against `DOLLAR_DATELINES` and `DOLLAR_AGENCIES`. A prefix that
/// names a country ("C$", "US$", `CURRENCY_PREFIXES`) or a unit that does ("Canadian dollars",
/// `UNIT_WORDS`) always wins, and a bare "$" restating such an amount in brackets ("C$6.5
/// billion ($4.8 billion)") is USD, as wire copy writes it.
///
/// Host suffixes and outlets' hosts (a host matches when it is the entry or ends with "." and
/// the entry).
pub const DOLLAR_HOSTS: &[(&str, &str)] = &[
    ("ca", "CAD"),
    ("theglobeandmail.com", "CAD"),
    ("nationalpost.com", "CAD"),
    ("financialpost.com", "CAD"),
    ("thestar.com", "CAD"),
    ("torontosun.com", "CAD"),
    ("au", "AUD"),
    ("nz", "NZD"),
    ("hk", "HKD"),
    ("scmp.com", "HKD"),
    ("sg", "SGD"),
    ("straitstimes.com", "SGD"),
];

/// Dateline places of the dollar countries other than the US, as datelines write them (upper
/// case; a title-case place counts when a country, a province or an agency follows it).
pub const DOLLAR_DATELINES: &[(&str, &str)] = &[
    ("TORONTO", "CAD"),
    ("OTTAWA", "CAD"),
    ("MONTREAL", "CAD"),
    ("VANCOUVER", "CAD"),
    ("CALGARY", "CAD"),
    ("EDMONTON", "CAD"),
    ("WINNIPEG", "CAD"),
    ("HALIFAX", "CAD"),
    ("REGINA", "CAD"),
    ("SASKATOON", "CAD"),
    ("QUEBEC CITY", "CAD"),
    ("QUEBEC", "CAD"),
    ("ST. JOHN'S", "CAD"),
    ("CANADA", "CAD"),
    ("SYDNEY", "AUD"),
    ("MELBOURNE", "AUD"),
    ("BRISBANE", "AUD"),
    ("PERTH", "AUD"),
    ("CANBERRA", "AUD"),
    ("ADELAIDE", "AUD"),
    ("AUSTRALIA", "AUD"),
    ("WELLINGTON", "NZD"),
    ("AUCKLAND", "NZD"),
    ("CHRISTCHURCH", "NZD"),
    ("HONG KONG", "HKD"),
    ("SINGAPORE", "SGD"),
];

/// Agencies and countries after a dateline place that say where it is: "OTTAWA (CP) —",
/// "Sydney, Australia (AP) —".
pub const DOLLAR_AGENCIES: &[(&str, &str)] = &[
    ("(CP)", "CAD"),
    ("The Canadian Press", "CAD"),
    ("Canada", "CAD"),
    ("Ont.", "CAD"),
    ("Ontario", "CAD"),
    ("B.C.", "CAD"),
    ("Alberta", "CAD"),
    ("Que.", "CAD"),
    ("(AAP)", "AUD"),
    ("Australia", "AUD"),
    ("New Zealand", "NZD"),
];

/// Currency signs and codes written before a number: `(sign, ISO code)`, longest first.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("$US", "USD"),
    ("U.S.$", "USD"),
    ("HK$", "HKD"),
    ("HK $", "HKD"),
    ("US $", "USD"),
    ("S $", "SGD"),
    ("A$", "AUD"),
    ("$A", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    // Also with a space, as wire copy writes them ("C $6 (US $4.46)"); not "A $", which is
    // mostly the article ("A $2bn gap").
    ("C $", "CAD"),
    ("CA $", "CAD"),
    ("AU $", "AUD"),
    ("NZ $", "NZD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("Y=", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₪", "ILS"),
    ("₩", "KRW"),
    ("PS", "GBP"),
    ("RM", "MYR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("CHF", "CHF"),
    ("INR", "INR"),
    ("RUB", "RUB"),
    ("SYP", "SYP"),
    ("TRY", "TRY"),
    ("ILS", "ILS"),
    ("NIS", "ILS"),
];
