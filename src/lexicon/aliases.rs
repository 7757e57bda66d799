//! Words about source identity across articles: spelling and transliteration variants, other
//! names of organisations, countries with their adjectives, and the small words acronyms skip.
//!
//! Read by `identity`, which writes every name in lower case before looking it up here, so the
//! tables are written as the names appear in print.

/// British and American spellings of words inside organisation names: the first is written
/// as the second before names are compared ("Russian Defence Ministry" = "Russian Defense
/// Ministry"). Words whose spelling names a different body stay out ("Labour Party" is not the
/// Australian "Labor Party").
pub const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("centre", "center"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("offence", "offense"),
];

/// Transliterations of one first name or surname: each variant is written as the first
/// ("Sergey Lavrov" = "Sergei Lavrov", "Dmitri Peskov" = "Dmitry Peskov"). Regular endings
/// ("-ey"/"-ei", "-off"/"-ov") are rules in `identity`, not rows here.
pub const TRANSLITERATIONS: &[(&str, &[&str])] = &[
    ("dmitry", &["dmitri", "dmitriy", "dimitri", "dimitry"]),
    ("yuri", &["yury", "yuriy", "iouri", "yourii"]),
    (
        "alexei",
        &["aleksei", "alexey", "aleksey", "alexej", "aleksej"],
    ),
    ("alexander", &["aleksandr", "alexandr", "aleksander"]),
    (
        "yevgeny",
        &["evgeny", "yevgeniy", "evgeniy", "evgenii", "yevgeni"],
    ),
    ("nikolai", &["nikolay", "nicolai"]),
    ("mikhail", &["mikhael", "michail"]),
    ("vyacheslav", &["viacheslav"]),
    ("maria", &["mariya"]),
    ("natalia", &["natalya", "nataliya"]),
    ("tatiana", &["tatyana", "tatjana"]),
    (
        "muhammad",
        &["mohammed", "mohammad", "mohamed", "muhammed", "mohamad"],
    ),
    ("gaddafi", &["qaddafi", "kadhafi", "gadhafi", "qadhafi"]),
    ("hezbollah", &["hizbollah", "hizbullah", "hizballah"]),
    ("erdogan", &["erdoğan"]),
    ("cavusoglu", &["çavuşoğlu"]),
    ("zelensky", &["zelenskyy", "zelenskiy", "zelenskii"]),
];

/// Other names of organisations, each written as the first (the canonical name shown in the
/// `sources` table). Spelling variants, "the", "Russia's" for "Russian" and "Ministry of X"
/// for "X Ministry" need no row: `identity` folds them. Acronyms made of the initials of a name
/// seen in the same batch need no row either ("SOHR"); rows here are for names the batch may
/// not spell out.
pub const ORGANISATION_ALIASES: &[(&str, &[&str])] = &[
    (
        "Syrian Observatory for Human Rights",
        &[
            "SOHR",
            "Syrian Observatory",
            "Syrian Human Rights Observatory",
            "Observatory for Human Rights",
        ],
    ),
    (
        // "Russian Defense Ministry's Center for Reconciliation in Syria" (seed 004) and "the
        // Russian Reconciliation Center in Syria" (seed 003) are the Hmeimim centre.
        "Russian Reconciliation Center in Syria",
        &[
            "Russian Defense Ministry's Center for Reconciliation in Syria",
            "Russian Center for Reconciliation in Syria",
            "Russian Reconciliation Center",
            "Center for Reconciliation of Opposing Sides",
            "Russian Center for Reconciliation of Opposing Sides",
        ],
    ),
    ("Foreign Ministry", &["Foreign Affairs Ministry"]),
    (
        "Russian Foreign Ministry",
        &["Russian Foreign Affairs Ministry"],
    ),
    ("United Nations", &["UN", "U.N."]),
    ("European Union", &["EU"]),
    ("Nato", &["NATO", "North Atlantic Treaty Organization"]),
    (
        "Islamic State",
        &[
            "IS",
            "ISIS",
            "ISIL",
            "Daesh",
            "Islamic State of Iraq and the Levant",
        ],
    ),
    ("Associated Press", &["AP"]),
    ("Agence France-Presse", &["AFP", "Agence France Presse"]),
    ("SANA", &["Syrian Arab News Agency"]),
    ("TASS", &["Tass", "ITAR-TASS"]),
    ("RIA Novosti", &["RIA"]),
    ("BBC", &["British Broadcasting Corporation"]),
    (
        "Pentagon",
        &["US Defense Department", "US Department of Defense"],
    ),
    ("US State Department", &["State Department"]),
    ("International Monetary Fund", &["IMF"]),
    ("World Health Organization", &["WHO"]),
];

/// Countries as sources ("Russia said"): name, adjective, other names. The adjective turns a
/// possessive into the adjective inside organisation names ("Russia's Defense Ministry" =
/// "Russian Defense Ministry").
pub const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("Russia", "Russian", &["Russian Federation"]),
    ("Syria", "Syrian", &["Syrian Arab Republic"]),
    (
        "United States",
        "American",
        &["US", "U.S.", "USA", "America", "United States of America"],
    ),
    (
        "United Kingdom",
        "British",
        &["UK", "U.K.", "Britain", "Great Britain"],
    ),
    ("France", "French", &[]),
    ("Germany", "German", &[]),
    ("Turkey", "Turkish", &["Türkiye"]),
    ("Iran", "Iranian", &[]),
    ("Iraq", "Iraqi", &[]),
    ("Israel", "Israeli", &[]),
    ("Lebanon", "Lebanese", &[]),
    ("Jordan", "Jordanian", &[]),
    ("Egypt", "Egyptian", &[]),
    ("Saudi Arabia", "Saudi", &[]),
    ("Qatar", "Qatari", &[]),
    ("China", "Chinese", &[]),
    ("Japan", "Japanese", &[]),
    ("India", "Indian", &[]),
    ("Pakistan", "Pakistani", &[]),
    ("Afghanistan", "Afghan", &[]),
    ("Ukraine", "Ukrainian", &[]),
    ("Italy", "Italian", &[]),
    ("Spain", "Spanish", &[]),
    ("Canada", "Canadian", &[]),
    ("Australia", "Australian", &[]),
    ("Ireland", "Irish", &[]),
    ("Poland", "Polish", &[]),
    ("Greece", "Greek", &[]),
    ("North Korea", "North Korean", &["DPRK"]),
    ("South Korea", "South Korean", &[]),
];

/// Capitals that stand for their governments ("Damascus said", "Moscow denied"): typed as
/// countries but kept apart from the country's own name.
pub const CAPITALS: &[&str] = &[
    "Moscow",
    "Damascus",
    "Washington",
    "London",
    "Paris",
    "Berlin",
    "Ankara",
    "Tehran",
    "Beijing",
    "Kiev",
    "Kyiv",
    "Baghdad",
    "Beirut",
    "Riyadh",
    "Tokyo",
    "Brussels",
];

/// Small words that acronyms skip ("Syrian Observatory for Human Rights" -> "SOHR").
pub const ACRONYM_SKIPS: &[&str] = &[
    "for", "of", "the", "and", "in", "on", "to", "de", "du", "des",
];

/// Words between a given name and a surname that are part of the name ("Staffan de Mistura",
/// "Bashar al-Assad" is one token).
pub const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "di", "da", "van", "von", "bin", "ibn", "al", "el", "le", "la",
];

/// Words that make a capitalised name an organisation's, beyond `sources::ORGANISATION_NAME_WORDS`
/// (which attribution also reads): "Human Rights Watch", "Amnesty International", "Downing
/// Street" are no people's names.
pub const MORE_ORGANISATION_WORDS: &[&str] = &[
    "International",
    "Watch",
    "Street",
    "Bank",
    "Fund",
    "Federation",
    "League",
    "Society",
    "Trust",
    "Authority",
    "Alliance",
    "Council",
    "Parliament",
    "Assembly",
    "Congress",
    "Senate",
    "Police",
    "Navy",
    "Ltd",
    "plc",
    "Club",
    "United",
    "Airways",
    "Airlines",
    "Motors",
    "Industry",
    "Industries",
    "Federation",
    "Museum",
    "Hospital",
    "School",
    "College",
    "Board",
    "Commission",
    "Tribunal",
    "Secretariat",
    "Kremlin",
    "Whitehall",
    // Parties by their members' names ("the Tories said", "the Lib Dems said").
    "Tories",
    "Dems",
    "Labour",
    "Conservatives",
];

/// Words that tell a man ("Mr Blair", "he"); `sources::FEMALE_MARKERS` tells a woman. A bare
/// surname ("Ms King") never joins a full name of the other gender.
pub const MALE_MARKERS: &[&str] = &[
    "Mr",
    "Sir",
    "Lord",
    "he",
    "his",
    "him",
    "spokesman",
    "chairman",
];
