//! Countries: validated ISO 3166-1 alpha-2 codes.
//!
//! [`Country`] is a two-letter code that is known to be one of the 249 codes officially assigned
//! in ISO 3166-1. It is validated once, when it is made, and is `Copy` (one byte), so it can be
//! passed around and compared freely. The crate keeps one static table of all assigned codes with
//! their alpha-3 code, their ISO English short name and a common English name.
//!
//! ```
//! use sovereign_compute::model::country::Country;
//!
//! let uk: Country = "United Kingdom".parse()?;
//! assert_eq!(uk, Country::GB);
//! assert_eq!(uk.alpha2(), "GB");
//! assert_eq!(uk.alpha3(), "GBR");
//! assert_eq!(uk.name(), "United Kingdom");
//! assert_eq!(uk.iso_name(), "United Kingdom of Great Britain and Northern Ireland");
//! assert_eq!(format!("{uk} / {uk:#}"), "GB / United Kingdom");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Parsing
//!
//! [`Country::parse`] (and [`FromStr`]) accept, in this order:
//!
//! 1. an **alpha-2 code** in any case: `"GB"`, `"gb"`;
//! 2. an **alpha-3 code** in any case: `"GBR"`;
//! 3. the **ISO English short name**, as returned by [`Country::iso_name`]
//!    (`"Korea (Republic of)"`), or the **common name**, as returned by [`Country::name`]
//!    (`"South Korea"`);
//! 4. an entry of the **alias list**, [`Country::aliases`]: the exceptionally reserved codes `"UK"`
//!    (for `GB`) and `"EL"` (for `GR`, used by EU institutions and Eurostat), the ISO full names
//!    (`"French Republic"`, `"Kingdom of the Netherlands"`), the comma forms of older ISO and UN
//!    lists (`"Korea, Republic of"`, `"Tanzania, United Republic of"`), the names the World Bank
//!    uses (`"Korea, Rep."`, `"Egypt, Arab Rep."`, `"Lao PDR"`), former and colloquial names
//!    (`"Turkey"`, `"Czech Republic"`, `"Swaziland"`, `"Ivory Coast"`, `"Holland"`, `"Britain"`,
//!    `"USA"`, `"UAE"`).
//!
//! Names are matched leniently but never fuzzily: case is ignored, and so are surrounding and
//! repeated whitespace, punctuation (`"Korea, Republic of"` = `"Korea (Republic of)"`,
//! `"Guinea Bissau"` = `"Guinea-Bissau"`, `"U.S.A."` = `"USA"`), the word "the" wherever it stands
//! (`"The Netherlands"`, `"Bahamas, The"`), the accents of Latin letters (`"Cote d'Ivoire"`,
//! `"Turkiye"`, `"Curacao"`), and the abbreviation "St." for "Saint" (`"St. Lucia"`); `&` reads as
//! "and". Inputs longer than 200 bytes are rejected without being read.
//!
//! Lenient is not loose: every character is read, none is skipped. White space around the
//! input is trimmed and runs of spaces between words (the ASCII space, the no-break space and
//! the other Unicode space separators) count as one, but anything else outside letters and the
//! punctuation `. , ' - & ( ) [ ]` is an [`Error::UnexpectedCharacter`] naming the character
//! and its position: a NUL, a tab inside the name, a zero-width space, a byte-order mark, a
//! soft hyphen (`"FR\u{200b}"`, `"France\0"`), or `"FR!!!"`. So is punctuation where no name
//! has it: a comma must follow a word and come before a space (`"France,"` is rejected), an
//! apostrophe or hyphen must stand between letters, brackets must pair up around words. A
//! point may follow any letter, as in abbreviations: `"U.S.A."`, `"Rep."`, and so `"FR."`.
//!
//! Deliberately **rejected**, with [`Error::UnknownCountry`]:
//!
//! - the constituent countries of the United Kingdom (`"England"`, `"Scotland"`, `"Wales"`,
//!   `"Northern Ireland"`): they have no ISO 3166-1 code, and quietly turning a row about Scotland
//!   into one about the whole United Kingdom would lose exactly the detail the row was written to
//!   keep; map them to [`Country::GB`] yourself if that is what you mean;
//! - ambiguous names: `"Korea"` (KP or KR?), `"Virgin Islands"` (VG or VI?);
//! - states that no longer exist (`"USSR"`, `"Yugoslavia"`, `"Czechoslovakia"`: ISO 3166-3 codes);
//! - codes that ISO has not assigned, such as `"XK"` or `"Kosovo"` (a user-assigned code).
//!
//! `"Holland"` is accepted for the Netherlands: strictly it names two provinces, but in datasets it
//! means the country and there is no other country it could mean. `"Congo"` is the ISO short name
//! of the Republic of the Congo (CG); the Democratic Republic of the Congo is `"DR Congo"`, `"DRC"`
//! or `"Congo (Democratic Republic of the)"`.
//!
//! # On the wire
//!
//! With the `serde` feature a country is written as its upper-case alpha-2 code (`"GB"`), and
//! reading accepts **only** that canonical form: `"gb"`, `"UK"` or `"United Kingdom"` are errors
//! (whose message suggests the code to write). Data files thus stay uniform and a save-load round
//! trip is exact; parse free text with [`Country::parse`] before it goes into a registry.
//!
//! # Data
//!
//! The table follows ISO 3166-1 as of 2025 (including the 2023 short name
//! "Netherlands (Kingdom of the)", "Türkiye" and "North Macedonia"). ISO's short names are given in
//! a readable form: the article that ISO appends, as in "United States of America (the)", is
//! dropped.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use crate::error::{Error, Result};
use crate::text::{check_text, is_space, unexpected_at};

/// One row of the ISO 3166-1 table.
struct Row {
    alpha2: &'static str,
    alpha3: &'static str,
    iso_name: &'static str,
    name: &'static str,
}

/// Builds the table of countries, a private index enum (so that each associated constant knows
/// its row without a search) and one associated constant per row, all from one list.
macro_rules! countries {
    ($($a2:ident $a3:literal $iso:literal $name:literal;)*) => {
        /// Row numbers of [`ROWS`], in the same order.
        #[allow(clippy::upper_case_acronyms)]
        #[repr(u8)]
        enum Code {
            $($a2,)*
        }

        /// All officially assigned ISO 3166-1 codes, sorted by alpha-2 code.
        const ROWS: &[Row] = &[
            $(Row { alpha2: stringify!($a2), alpha3: $a3, iso_name: $iso, name: $name },)*
        ];

        /// One constant per officially assigned code, named after the alpha-2 code.
        impl Country {
            $(
                #[doc = concat!($name, " (`", stringify!($a2), "`, `", $a3, "`).")]
                pub const $a2: Country = Country(Code::$a2 as u8);
            )*
        }
    };
}

countries! {
    AD "AND" "Andorra" "Andorra";
    AE "ARE" "United Arab Emirates" "United Arab Emirates";
    AF "AFG" "Afghanistan" "Afghanistan";
    AG "ATG" "Antigua and Barbuda" "Antigua and Barbuda";
    AI "AIA" "Anguilla" "Anguilla";
    AL "ALB" "Albania" "Albania";
    AM "ARM" "Armenia" "Armenia";
    AO "AGO" "Angola" "Angola";
    AQ "ATA" "Antarctica" "Antarctica";
    AR "ARG" "Argentina" "Argentina";
    AS "ASM" "American Samoa" "American Samoa";
    AT "AUT" "Austria" "Austria";
    AU "AUS" "Australia" "Australia";
    AW "ABW" "Aruba" "Aruba";
    AX "ALA" "Åland Islands" "Åland Islands";
    AZ "AZE" "Azerbaijan" "Azerbaijan";
    BA "BIH" "Bosnia and Herzegovina" "Bosnia and Herzegovina";
    BB "BRB" "Barbados" "Barbados";
    BD "BGD" "Bangladesh" "Bangladesh";
    BE "BEL" "Belgium" "Belgium";
    BF "BFA" "Burkina Faso" "Burkina Faso";
    BG "BGR" "Bulgaria" "Bulgaria";
    BH "BHR" "Bahrain" "Bahrain";
    BI "BDI" "Burundi" "Burundi";
    BJ "BEN" "Benin" "Benin";
    BL "BLM" "Saint Barthélemy" "Saint Barthélemy";
    BM "BMU" "Bermuda" "Bermuda";
    BN "BRN" "Brunei Darussalam" "Brunei";
    BO "BOL" "Bolivia (Plurinational State of)" "Bolivia";
    BQ "BES" "Bonaire, Sint Eustatius and Saba" "Bonaire, Sint Eustatius and Saba";
    BR "BRA" "Brazil" "Brazil";
    BS "BHS" "Bahamas" "Bahamas";
    BT "BTN" "Bhutan" "Bhutan";
    BV "BVT" "Bouvet Island" "Bouvet Island";
    BW "BWA" "Botswana" "Botswana";
    BY "BLR" "Belarus" "Belarus";
    BZ "BLZ" "Belize" "Belize";
    CA "CAN" "Canada" "Canada";
    CC "CCK" "Cocos (Keeling) Islands" "Cocos (Keeling) Islands";
    CD "COD" "Congo (Democratic Republic of the)" "Democratic Republic of the Congo";
    CF "CAF" "Central African Republic" "Central African Republic";
    CG "COG" "Congo" "Republic of the Congo";
    CH "CHE" "Switzerland" "Switzerland";
    CI "CIV" "Côte d'Ivoire" "Côte d'Ivoire";
    CK "COK" "Cook Islands" "Cook Islands";
    CL "CHL" "Chile" "Chile";
    CM "CMR" "Cameroon" "Cameroon";
    CN "CHN" "China" "China";
    CO "COL" "Colombia" "Colombia";
    CR "CRI" "Costa Rica" "Costa Rica";
    CU "CUB" "Cuba" "Cuba";
    CV "CPV" "Cabo Verde" "Cabo Verde";
    CW "CUW" "Curaçao" "Curaçao";
    CX "CXR" "Christmas Island" "Christmas Island";
    CY "CYP" "Cyprus" "Cyprus";
    CZ "CZE" "Czechia" "Czechia";
    DE "DEU" "Germany" "Germany";
    DJ "DJI" "Djibouti" "Djibouti";
    DK "DNK" "Denmark" "Denmark";
    DM "DMA" "Dominica" "Dominica";
    DO "DOM" "Dominican Republic" "Dominican Republic";
    DZ "DZA" "Algeria" "Algeria";
    EC "ECU" "Ecuador" "Ecuador";
    EE "EST" "Estonia" "Estonia";
    EG "EGY" "Egypt" "Egypt";
    EH "ESH" "Western Sahara" "Western Sahara";
    ER "ERI" "Eritrea" "Eritrea";
    ES "ESP" "Spain" "Spain";
    ET "ETH" "Ethiopia" "Ethiopia";
    FI "FIN" "Finland" "Finland";
    FJ "FJI" "Fiji" "Fiji";
    FK "FLK" "Falkland Islands (Malvinas)" "Falkland Islands";
    FM "FSM" "Micronesia (Federated States of)" "Micronesia";
    FO "FRO" "Faroe Islands" "Faroe Islands";
    FR "FRA" "France" "France";
    GA "GAB" "Gabon" "Gabon";
    GB "GBR" "United Kingdom of Great Britain and Northern Ireland" "United Kingdom";
    GD "GRD" "Grenada" "Grenada";
    GE "GEO" "Georgia" "Georgia";
    GF "GUF" "French Guiana" "French Guiana";
    GG "GGY" "Guernsey" "Guernsey";
    GH "GHA" "Ghana" "Ghana";
    GI "GIB" "Gibraltar" "Gibraltar";
    GL "GRL" "Greenland" "Greenland";
    GM "GMB" "Gambia" "Gambia";
    GN "GIN" "Guinea" "Guinea";
    GP "GLP" "Guadeloupe" "Guadeloupe";
    GQ "GNQ" "Equatorial Guinea" "Equatorial Guinea";
    GR "GRC" "Greece" "Greece";
    GS "SGS" "South Georgia and the South Sandwich Islands" "South Georgia and the South Sandwich Islands";
    GT "GTM" "Guatemala" "Guatemala";
    GU "GUM" "Guam" "Guam";
    GW "GNB" "Guinea-Bissau" "Guinea-Bissau";
    GY "GUY" "Guyana" "Guyana";
    HK "HKG" "Hong Kong" "Hong Kong";
    HM "HMD" "Heard Island and McDonald Islands" "Heard Island and McDonald Islands";
    HN "HND" "Honduras" "Honduras";
    HR "HRV" "Croatia" "Croatia";
    HT "HTI" "Haiti" "Haiti";
    HU "HUN" "Hungary" "Hungary";
    ID "IDN" "Indonesia" "Indonesia";
    IE "IRL" "Ireland" "Ireland";
    IL "ISR" "Israel" "Israel";
    IM "IMN" "Isle of Man" "Isle of Man";
    IN "IND" "India" "India";
    IO "IOT" "British Indian Ocean Territory" "British Indian Ocean Territory";
    IQ "IRQ" "Iraq" "Iraq";
    IR "IRN" "Iran (Islamic Republic of)" "Iran";
    IS "ISL" "Iceland" "Iceland";
    IT "ITA" "Italy" "Italy";
    JE "JEY" "Jersey" "Jersey";
    JM "JAM" "Jamaica" "Jamaica";
    JO "JOR" "Jordan" "Jordan";
    JP "JPN" "Japan" "Japan";
    KE "KEN" "Kenya" "Kenya";
    KG "KGZ" "Kyrgyzstan" "Kyrgyzstan";
    KH "KHM" "Cambodia" "Cambodia";
    KI "KIR" "Kiribati" "Kiribati";
    KM "COM" "Comoros" "Comoros";
    KN "KNA" "Saint Kitts and Nevis" "Saint Kitts and Nevis";
    KP "PRK" "Korea (Democratic People's Republic of)" "North Korea";
    KR "KOR" "Korea (Republic of)" "South Korea";
    KW "KWT" "Kuwait" "Kuwait";
    KY "CYM" "Cayman Islands" "Cayman Islands";
    KZ "KAZ" "Kazakhstan" "Kazakhstan";
    LA "LAO" "Lao People's Democratic Republic" "Laos";
    LB "LBN" "Lebanon" "Lebanon";
    LC "LCA" "Saint Lucia" "Saint Lucia";
    LI "LIE" "Liechtenstein" "Liechtenstein";
    LK "LKA" "Sri Lanka" "Sri Lanka";
    LR "LBR" "Liberia" "Liberia";
    LS "LSO" "Lesotho" "Lesotho";
    LT "LTU" "Lithuania" "Lithuania";
    LU "LUX" "Luxembourg" "Luxembourg";
    LV "LVA" "Latvia" "Latvia";
    LY "LBY" "Libya" "Libya";
    MA "MAR" "Morocco" "Morocco";
    MC "MCO" "Monaco" "Monaco";
    MD "MDA" "Moldova (Republic of)" "Moldova";
    ME "MNE" "Montenegro" "Montenegro";
    MF "MAF" "Saint Martin (French part)" "Saint Martin";
    MG "MDG" "Madagascar" "Madagascar";
    MH "MHL" "Marshall Islands" "Marshall Islands";
    MK "MKD" "North Macedonia" "North Macedonia";
    ML "MLI" "Mali" "Mali";
    MM "MMR" "Myanmar" "Myanmar";
    MN "MNG" "Mongolia" "Mongolia";
    MO "MAC" "Macao" "Macao";
    MP "MNP" "Northern Mariana Islands" "Northern Mariana Islands";
    MQ "MTQ" "Martinique" "Martinique";
    MR "MRT" "Mauritania" "Mauritania";
    MS "MSR" "Montserrat" "Montserrat";
    MT "MLT" "Malta" "Malta";
    MU "MUS" "Mauritius" "Mauritius";
    MV "MDV" "Maldives" "Maldives";
    MW "MWI" "Malawi" "Malawi";
    MX "MEX" "Mexico" "Mexico";
    MY "MYS" "Malaysia" "Malaysia";
    MZ "MOZ" "Mozambique" "Mozambique";
    NA "NAM" "Namibia" "Namibia";
    NC "NCL" "New Caledonia" "New Caledonia";
    NE "NER" "Niger" "Niger";
    NF "NFK" "Norfolk Island" "Norfolk Island";
    NG "NGA" "Nigeria" "Nigeria";
    NI "NIC" "Nicaragua" "Nicaragua";
    NL "NLD" "Netherlands (Kingdom of the)" "Netherlands";
    NO "NOR" "Norway" "Norway";
    NP "NPL" "Nepal" "Nepal";
    NR "NRU" "Nauru" "Nauru";
    NU "NIU" "Niue" "Niue";
    NZ "NZL" "New Zealand" "New Zealand";
    OM "OMN" "Oman" "Oman";
    PA "PAN" "Panama" "Panama";
    PE "PER" "Peru" "Peru";
    PF "PYF" "French Polynesia" "French Polynesia";
    PG "PNG" "Papua New Guinea" "Papua New Guinea";
    PH "PHL" "Philippines" "Philippines";
    PK "PAK" "Pakistan" "Pakistan";
    PL "POL" "Poland" "Poland";
    PM "SPM" "Saint Pierre and Miquelon" "Saint Pierre and Miquelon";
    PN "PCN" "Pitcairn" "Pitcairn";
    PR "PRI" "Puerto Rico" "Puerto Rico";
    PS "PSE" "Palestine, State of" "Palestine";
    PT "PRT" "Portugal" "Portugal";
    PW "PLW" "Palau" "Palau";
    PY "PRY" "Paraguay" "Paraguay";
    QA "QAT" "Qatar" "Qatar";
    RE "REU" "Réunion" "Réunion";
    RO "ROU" "Romania" "Romania";
    RS "SRB" "Serbia" "Serbia";
    RU "RUS" "Russian Federation" "Russia";
    RW "RWA" "Rwanda" "Rwanda";
    SA "SAU" "Saudi Arabia" "Saudi Arabia";
    SB "SLB" "Solomon Islands" "Solomon Islands";
    SC "SYC" "Seychelles" "Seychelles";
    SD "SDN" "Sudan" "Sudan";
    SE "SWE" "Sweden" "Sweden";
    SG "SGP" "Singapore" "Singapore";
    SH "SHN" "Saint Helena, Ascension and Tristan da Cunha" "Saint Helena, Ascension and Tristan da Cunha";
    SI "SVN" "Slovenia" "Slovenia";
    SJ "SJM" "Svalbard and Jan Mayen" "Svalbard and Jan Mayen";
    SK "SVK" "Slovakia" "Slovakia";
    SL "SLE" "Sierra Leone" "Sierra Leone";
    SM "SMR" "San Marino" "San Marino";
    SN "SEN" "Senegal" "Senegal";
    SO "SOM" "Somalia" "Somalia";
    SR "SUR" "Suriname" "Suriname";
    SS "SSD" "South Sudan" "South Sudan";
    ST "STP" "Sao Tome and Principe" "Sao Tome and Principe";
    SV "SLV" "El Salvador" "El Salvador";
    SX "SXM" "Sint Maarten (Dutch part)" "Sint Maarten";
    SY "SYR" "Syrian Arab Republic" "Syria";
    SZ "SWZ" "Eswatini" "Eswatini";
    TC "TCA" "Turks and Caicos Islands" "Turks and Caicos Islands";
    TD "TCD" "Chad" "Chad";
    TF "ATF" "French Southern Territories" "French Southern Territories";
    TG "TGO" "Togo" "Togo";
    TH "THA" "Thailand" "Thailand";
    TJ "TJK" "Tajikistan" "Tajikistan";
    TK "TKL" "Tokelau" "Tokelau";
    TL "TLS" "Timor-Leste" "Timor-Leste";
    TM "TKM" "Turkmenistan" "Turkmenistan";
    TN "TUN" "Tunisia" "Tunisia";
    TO "TON" "Tonga" "Tonga";
    TR "TUR" "Türkiye" "Türkiye";
    TT "TTO" "Trinidad and Tobago" "Trinidad and Tobago";
    TV "TUV" "Tuvalu" "Tuvalu";
    TW "TWN" "Taiwan (Province of China)" "Taiwan";
    TZ "TZA" "Tanzania, United Republic of" "Tanzania";
    UA "UKR" "Ukraine" "Ukraine";
    UG "UGA" "Uganda" "Uganda";
    UM "UMI" "United States Minor Outlying Islands" "United States Minor Outlying Islands";
    US "USA" "United States of America" "United States";
    UY "URY" "Uruguay" "Uruguay";
    UZ "UZB" "Uzbekistan" "Uzbekistan";
    VA "VAT" "Holy See" "Vatican City";
    VC "VCT" "Saint Vincent and the Grenadines" "Saint Vincent and the Grenadines";
    VE "VEN" "Venezuela (Bolivarian Republic of)" "Venezuela";
    VG "VGB" "Virgin Islands (British)" "British Virgin Islands";
    VI "VIR" "Virgin Islands (U.S.)" "U.S. Virgin Islands";
    VN "VNM" "Viet Nam" "Vietnam";
    VU "VUT" "Vanuatu" "Vanuatu";
    WF "WLF" "Wallis and Futuna" "Wallis and Futuna";
    WS "WSM" "Samoa" "Samoa";
    YE "YEM" "Yemen" "Yemen";
    YT "MYT" "Mayotte" "Mayotte";
    ZA "ZAF" "South Africa" "South Africa";
    ZM "ZMB" "Zambia" "Zambia";
    ZW "ZWE" "Zimbabwe" "Zimbabwe";
}

/// Other spellings that real datasets use, each mapped to its country.
///
/// Matched after the same normalisation as names (see the module docs), so each entry stands for
/// all its case, accent and punctuation variants.
const ALIASES: &[(&str, Country)] = &[
    // Exceptionally reserved codes.
    ("UK", Country::GB),
    ("EL", Country::GR),
    // Common, colloquial and former names.
    ("Great Britain", Country::GB),
    ("Britain", Country::GB),
    ("Republic of Korea", Country::KR),
    ("Korea, South", Country::KR),
    ("Korea (South)", Country::KR),
    ("Korea, North", Country::KP),
    ("Korea (North)", Country::KP),
    ("DPRK", Country::KP),
    ("UAE", Country::AE),
    ("Turkey", Country::TR),
    ("Holland", Country::NL),
    ("Ivory Coast", Country::CI),
    ("Cape Verde", Country::CV),
    ("Swaziland", Country::SZ),
    ("Macedonia", Country::MK),
    ("The former Yugoslav Republic of Macedonia", Country::MK),
    ("East Timor", Country::TL),
    ("Burma", Country::MM),
    ("Macau", Country::MO),
    ("Macao SAR", Country::MO),
    ("Macau SAR", Country::MO),
    ("Macao, China", Country::MO),
    ("Hong Kong SAR", Country::HK),
    ("Hong Kong, China", Country::HK),
    ("Chinese Taipei", Country::TW),
    ("China, People's Republic of", Country::CN),
    ("DR Congo", Country::CD),
    ("DRC", Country::CD),
    ("Democratic Republic of Congo", Country::CD),
    ("Congo-Kinshasa", Country::CD),
    ("Republic of Congo", Country::CG),
    ("Congo-Brazzaville", Country::CG),
    ("Vatican", Country::VA),
    ("Vatican City State", Country::VA),
    ("Holy See (Vatican City State)", Country::VA),
    ("Palestinian Territories", Country::PS),
    ("West Bank and Gaza", Country::PS),
    ("Republic of Ireland", Country::IE),
    ("Bosnia-Herzegovina", Country::BA),
    ("Saint Helena", Country::SH),
    ("US Virgin Islands", Country::VI),
    // World Bank country names.
    ("Korea, Rep.", Country::KR),
    ("Korea, Dem. People's Rep.", Country::KP),
    ("Iran, Islamic Rep.", Country::IR),
    ("Egypt, Arab Rep.", Country::EG),
    ("Yemen, Rep.", Country::YE),
    ("Venezuela, RB", Country::VE),
    ("Congo, Dem. Rep.", Country::CD),
    ("Congo, Rep.", Country::CG),
    ("Micronesia, Fed. Sts.", Country::FM),
    ("Hong Kong SAR, China", Country::HK),
    ("Macao SAR, China", Country::MO),
    ("Lao PDR", Country::LA),
    // Comma forms of older ISO and UN lists.
    ("Bolivia, Plurinational State of", Country::BO),
    ("Congo, The Democratic Republic of the", Country::CD),
    ("Iran, Islamic Republic of", Country::IR),
    ("Korea, Democratic People's Republic of", Country::KP),
    ("Korea, Republic of", Country::KR),
    ("Micronesia, Federated States of", Country::FM),
    ("Moldova, Republic of", Country::MD),
    ("Taiwan, Province of China", Country::TW),
    ("Venezuela, Bolivarian Republic of", Country::VE),
    ("Virgin Islands, British", Country::VG),
    ("Virgin Islands, U.S.", Country::VI),
    ("Falkland Islands [Malvinas]", Country::FK),
    // ISO 3166-1 full names.
    ("Principality of Andorra", Country::AD),
    ("Islamic Republic of Afghanistan", Country::AF),
    ("Republic of Albania", Country::AL),
    ("Republic of Armenia", Country::AM),
    ("Republic of Angola", Country::AO),
    ("Argentine Republic", Country::AR),
    ("Republic of Austria", Country::AT),
    ("Republic of Azerbaijan", Country::AZ),
    ("Republic of Bosnia and Herzegovina", Country::BA),
    ("People's Republic of Bangladesh", Country::BD),
    ("Kingdom of Belgium", Country::BE),
    ("Republic of Bulgaria", Country::BG),
    ("Kingdom of Bahrain", Country::BH),
    ("Republic of Burundi", Country::BI),
    ("Republic of Benin", Country::BJ),
    ("Plurinational State of Bolivia", Country::BO),
    ("Federative Republic of Brazil", Country::BR),
    ("Commonwealth of the Bahamas", Country::BS),
    ("Kingdom of Bhutan", Country::BT),
    ("Republic of Botswana", Country::BW),
    ("Republic of Belarus", Country::BY),
    ("Swiss Confederation", Country::CH),
    ("Republic of Côte d'Ivoire", Country::CI),
    ("Republic of Chile", Country::CL),
    ("Republic of Cameroon", Country::CM),
    ("People's Republic of China", Country::CN),
    ("Republic of Colombia", Country::CO),
    ("Republic of Costa Rica", Country::CR),
    ("Republic of Cuba", Country::CU),
    ("Republic of Cabo Verde", Country::CV),
    ("Republic of Cyprus", Country::CY),
    ("Czech Republic", Country::CZ),
    ("Federal Republic of Germany", Country::DE),
    ("Republic of Djibouti", Country::DJ),
    ("Kingdom of Denmark", Country::DK),
    ("Commonwealth of Dominica", Country::DM),
    ("People's Democratic Republic of Algeria", Country::DZ),
    ("Republic of Ecuador", Country::EC),
    ("Republic of Estonia", Country::EE),
    ("Arab Republic of Egypt", Country::EG),
    ("State of Eritrea", Country::ER),
    ("Kingdom of Spain", Country::ES),
    ("Federal Democratic Republic of Ethiopia", Country::ET),
    ("Republic of Finland", Country::FI),
    ("Republic of Fiji", Country::FJ),
    ("Federated States of Micronesia", Country::FM),
    ("French Republic", Country::FR),
    ("Gabonese Republic", Country::GA),
    ("Republic of Ghana", Country::GH),
    ("Republic of the Gambia", Country::GM),
    ("Republic of Guinea", Country::GN),
    ("Republic of Equatorial Guinea", Country::GQ),
    ("Hellenic Republic", Country::GR),
    ("Republic of Guatemala", Country::GT),
    ("Republic of Guinea-Bissau", Country::GW),
    ("Republic of Guyana", Country::GY),
    (
        "Hong Kong Special Administrative Region of China",
        Country::HK,
    ),
    ("Republic of Honduras", Country::HN),
    ("Republic of Croatia", Country::HR),
    ("Republic of Haiti", Country::HT),
    ("Republic of Indonesia", Country::ID),
    ("State of Israel", Country::IL),
    ("Republic of India", Country::IN),
    ("Republic of Iraq", Country::IQ),
    ("Islamic Republic of Iran", Country::IR),
    ("Republic of Iceland", Country::IS),
    ("Italian Republic", Country::IT),
    ("Hashemite Kingdom of Jordan", Country::JO),
    ("Republic of Kenya", Country::KE),
    ("Kyrgyz Republic", Country::KG),
    ("Kingdom of Cambodia", Country::KH),
    ("Republic of Kiribati", Country::KI),
    ("Union of the Comoros", Country::KM),
    ("Democratic People's Republic of Korea", Country::KP),
    ("State of Kuwait", Country::KW),
    ("Republic of Kazakhstan", Country::KZ),
    ("Lebanese Republic", Country::LB),
    ("Principality of Liechtenstein", Country::LI),
    ("Democratic Socialist Republic of Sri Lanka", Country::LK),
    ("Republic of Liberia", Country::LR),
    ("Kingdom of Lesotho", Country::LS),
    ("Republic of Lithuania", Country::LT),
    ("Grand Duchy of Luxembourg", Country::LU),
    ("Republic of Latvia", Country::LV),
    ("Kingdom of Morocco", Country::MA),
    ("Principality of Monaco", Country::MC),
    ("Republic of Moldova", Country::MD),
    ("Republic of Madagascar", Country::MG),
    ("Republic of the Marshall Islands", Country::MH),
    ("Republic of North Macedonia", Country::MK),
    ("Republic of Mali", Country::ML),
    ("Republic of Myanmar", Country::MM),
    ("Macao Special Administrative Region of China", Country::MO),
    ("Commonwealth of the Northern Mariana Islands", Country::MP),
    ("Islamic Republic of Mauritania", Country::MR),
    ("Republic of Malta", Country::MT),
    ("Republic of Mauritius", Country::MU),
    ("Republic of Maldives", Country::MV),
    ("Republic of Malawi", Country::MW),
    ("United Mexican States", Country::MX),
    ("Republic of Mozambique", Country::MZ),
    ("Republic of Namibia", Country::NA),
    ("Republic of the Niger", Country::NE),
    ("Federal Republic of Nigeria", Country::NG),
    ("Republic of Nicaragua", Country::NI),
    ("Kingdom of the Netherlands", Country::NL),
    ("Kingdom of Norway", Country::NO),
    ("Federal Democratic Republic of Nepal", Country::NP),
    ("Republic of Nauru", Country::NR),
    ("Sultanate of Oman", Country::OM),
    ("Republic of Panama", Country::PA),
    ("Republic of Peru", Country::PE),
    ("Independent State of Papua New Guinea", Country::PG),
    ("Republic of the Philippines", Country::PH),
    ("Islamic Republic of Pakistan", Country::PK),
    ("Republic of Poland", Country::PL),
    ("State of Palestine", Country::PS),
    ("Portuguese Republic", Country::PT),
    ("Republic of Palau", Country::PW),
    ("Republic of Paraguay", Country::PY),
    ("State of Qatar", Country::QA),
    ("Republic of Serbia", Country::RS),
    ("Rwandese Republic", Country::RW),
    ("Kingdom of Saudi Arabia", Country::SA),
    ("Republic of Seychelles", Country::SC),
    ("Republic of the Sudan", Country::SD),
    ("Kingdom of Sweden", Country::SE),
    ("Republic of Singapore", Country::SG),
    ("Republic of Slovenia", Country::SI),
    ("Slovak Republic", Country::SK),
    ("Republic of Sierra Leone", Country::SL),
    ("Republic of San Marino", Country::SM),
    ("Republic of Senegal", Country::SN),
    ("Federal Republic of Somalia", Country::SO),
    ("Republic of Suriname", Country::SR),
    ("Republic of South Sudan", Country::SS),
    ("Democratic Republic of Sao Tome and Principe", Country::ST),
    ("Republic of El Salvador", Country::SV),
    ("Kingdom of Eswatini", Country::SZ),
    ("Republic of Chad", Country::TD),
    ("Togolese Republic", Country::TG),
    ("Kingdom of Thailand", Country::TH),
    ("Republic of Tajikistan", Country::TJ),
    ("Democratic Republic of Timor-Leste", Country::TL),
    ("Republic of Tunisia", Country::TN),
    ("Kingdom of Tonga", Country::TO),
    ("Republic of Türkiye", Country::TR),
    ("Republic of Trinidad and Tobago", Country::TT),
    ("United Republic of Tanzania", Country::TZ),
    ("Republic of Uganda", Country::UG),
    ("Eastern Republic of Uruguay", Country::UY),
    ("Republic of Uzbekistan", Country::UZ),
    ("Bolivarian Republic of Venezuela", Country::VE),
    ("Virgin Islands of the United States", Country::VI),
    ("Socialist Republic of Viet Nam", Country::VN),
    ("Republic of Vanuatu", Country::VU),
    ("Independent State of Samoa", Country::WS),
    ("Republic of Yemen", Country::YE),
    ("Republic of South Africa", Country::ZA),
    ("Republic of Zambia", Country::ZM),
    ("Republic of Zimbabwe", Country::ZW),
];

/// Longest input [`Country::parse`] reads; the longest name in the table is far shorter.
const MAX_INPUT: usize = 200;

// `Country` holds a row number in a `u8`.
const _: () = assert!(!ROWS.is_empty() && ROWS.len() <= 256);

/// The number of the last row of `ROWS`, which fits a `u8` (checked just above).
#[allow(clippy::cast_possible_truncation)]
const LAST_ROW: u8 = (ROWS.len() - 1) as u8;

/// Every spelling [`Country::parse`] accepts beyond the alpha-2 code, normalised, with its country.
static INDEX: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for country in Country::all() {
        let row = country.row();
        for spelling in [row.alpha2, row.alpha3, row.iso_name, row.name] {
            index.entry(normalize(spelling)).or_insert(country);
        }
    }
    for &(alias, country) in ALIASES {
        index.entry(normalize(alias)).or_insert(country);
    }
    index
});

/// A country or territory with an officially assigned ISO 3166-1 alpha-2 code.
///
/// A `Country` is always one of the 249 assigned codes: every way of making one validates its
/// input, and [`Country::all`] lists them. It is one byte, `Copy`, and ordered by alpha-2 code.
/// There is one associated constant per code, named after it: [`Country::FR`], [`Country::GB`],
/// [`Country::US`], and so on.
///
/// # Formatting
///
/// [`Display`](fmt::Display) writes the alpha-2 code; the alternate form `{:#}` writes the common
/// English name. [`Debug`](fmt::Debug) writes `Country(FR)`. Width and alignment are honoured.
///
/// ```
/// use sovereign_compute::Country;
///
/// assert_eq!(format!("{}", Country::DE), "DE");
/// assert_eq!(format!("{:#}", Country::DE), "Germany");
/// assert_eq!(format!("{:?}", Country::DE), "Country(DE)");
/// assert_eq!(format!("[{:<4}]", Country::DE), "[DE  ]");
/// ```
///
/// # Parsing
///
/// [`Country::parse`] and [`FromStr`] accept codes, names and aliases; [`Country::from_alpha2`]
/// and [`Country::from_alpha3`] accept codes only. See the [module docs](self) for the rules.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(u8);

impl Country {
    /// Parses a country from a code, a name or an alias.
    ///
    /// Accepts an alpha-2 or alpha-3 code in any case, the ISO English short name, the common
    /// English name, or an entry of [`Country::aliases`]; names are compared ignoring case,
    /// accents, punctuation, repeated whitespace and the word "the" (the
    /// [module docs](self#parsing) give the exact rules and the deliberate rejections).
    ///
    /// # Errors
    ///
    /// [`Error::UnexpectedCharacter`] for a character no name holds (a control or format
    /// character such as NUL or U+200B, `"!"`, a digit) or punctuation where no name has it
    /// (`"France,"`); [`Error::UnknownCountry`] with the input, unchanged, when it matches no
    /// assigned code, name or alias; among them `"England"`, `"Korea"` and `"Kosovo"`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::parse("gb")?, Country::GB);
    /// assert_eq!(Country::parse("GBR")?, Country::GB);
    /// assert_eq!(Country::parse("UK")?, Country::GB);
    /// assert_eq!(Country::parse("  the Netherlands ")?, Country::NL);
    /// assert_eq!(Country::parse("Korea, Rep.")?, Country::KR);
    /// assert_eq!(Country::parse("Cote d'Ivoire")?, Country::CI);
    /// assert!(Country::parse("England").is_err());
    /// assert!(Country::parse("FR!!!").is_err());
    /// assert!(Country::parse("Fr\0").is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self> {
        if input.len() > MAX_INPUT {
            return Err(unknown(input));
        }
        let trimmed = check_text(input, is_name_char, EXPECTED)?;
        if let Some(byte) = misplaced_punctuation(trimmed) {
            let lead = input.len() - input.trim_start().len();
            return Err(unexpected_at(input, lead + byte, EXPECTED));
        }
        if let Ok(country) = Self::from_alpha2(trimmed) {
            return Ok(country);
        }
        if let Some(&country) = INDEX.get(&normalize(trimmed)) {
            return Ok(country);
        }
        Err(unknown(input))
    }

    /// Makes a country from its ISO 3166-1 alpha-2 code, in upper or lower case.
    ///
    /// Only officially assigned codes are accepted: not the exceptionally reserved `"UK"` or
    /// `"EL"` (which [`Country::parse`] maps to `GB` and `GR`), nor user-assigned codes such as
    /// `"XK"`. Surrounding whitespace is not trimmed.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCountry`] when `code` is not two ASCII letters forming an assigned code.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::from_alpha2("FR")?, Country::FR);
    /// assert_eq!(Country::from_alpha2("fr")?, Country::FR);
    /// assert!(Country::from_alpha2("UK").is_err());
    /// assert!(Country::from_alpha2("FRA").is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_alpha2(code: &str) -> Result<Self> {
        if let [a, b] = *code.as_bytes()
            && a.is_ascii_alphabetic()
            && b.is_ascii_alphabetic()
        {
            let upper = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            if let Ok(i) = ROWS.binary_search_by(|row| row.alpha2.as_bytes().cmp(&upper[..]))
                && let Some(country) = Self::from_row(i)
            {
                return Ok(country);
            }
        }
        Err(unknown(code))
    }

    /// Makes a country from its ISO 3166-1 alpha-3 code, in upper or lower case.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCountry`] when `code` is not an officially assigned alpha-3 code.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::from_alpha3("CHE")?, Country::CH);
    /// assert_eq!(Country::from_alpha3("usa")?, Country::US);
    /// assert!(Country::from_alpha3("UAE").is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_alpha3(code: &str) -> Result<Self> {
        if code.len() == 3
            && let Some(i) = ROWS
                .iter()
                .position(|row| row.alpha3.eq_ignore_ascii_case(code))
            && let Some(country) = Self::from_row(i)
        {
            return Ok(country);
        }
        Err(unknown(code))
    }

    /// The ISO 3166-1 alpha-2 code, in upper case: `"FR"`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::FR.alpha2(), "FR");
    /// ```
    pub fn alpha2(self) -> &'static str {
        self.row().alpha2
    }

    /// The ISO 3166-1 alpha-3 code, in upper case: `"FRA"`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::FR.alpha3(), "FRA");
    /// assert_eq!(Country::GB.alpha3(), "GBR");
    /// ```
    pub fn alpha3(self) -> &'static str {
        self.row().alpha3
    }

    /// The common English name, for display: `"United Kingdom"`, `"South Korea"`, `"Vietnam"`.
    ///
    /// For most countries it is the ISO short name; it differs where that name is a long or
    /// inverted form ("Korea (Republic of)", "Viet Nam").
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::KR.name(), "South Korea");
    /// assert_eq!(Country::FR.name(), "France");
    /// ```
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The ISO 3166-1 English short name, in readable form (without ISO's trailing "(the)").
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::GB.iso_name(), "United Kingdom of Great Britain and Northern Ireland");
    /// assert_eq!(Country::KR.iso_name(), "Korea (Republic of)");
    /// assert_eq!(Country::NL.iso_name(), "Netherlands (Kingdom of the)");
    /// ```
    pub fn iso_name(self) -> &'static str {
        self.row().iso_name
    }

    /// The country's position in [`Country::all`], for tables indexed by country.
    pub(crate) const fn position(self) -> usize {
        self.0 as usize
    }

    /// All 249 officially assigned countries, in alpha-2 order.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert_eq!(Country::all().count(), 249);
    /// assert_eq!(Country::all().next(), Some(Country::AD));
    /// assert!(Country::all().any(|c| c == Country::NO));
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Country> + DoubleEndedIterator + Clone {
        (0..=LAST_ROW).map(Country)
    }

    /// The alias list: the extra spellings [`Country::parse`] accepts, each with its country.
    ///
    /// These come on top of the codes, ISO short names and common names. Each alias stands for
    /// all its variants in case, accents, punctuation and the word "the".
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Country;
    ///
    /// assert!(Country::aliases().any(|(alias, c)| alias == "UK" && c == Country::GB));
    /// for (alias, country) in Country::aliases() {
    ///     assert_eq!(Country::parse(alias)?, country);
    /// }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn aliases() -> impl ExactSizeIterator<Item = (&'static str, Country)> + Clone {
        ALIASES.iter().copied()
    }

    fn from_row(i: usize) -> Option<Self> {
        u8::try_from(i)
            .ok()
            .filter(|&i| usize::from(i) < ROWS.len())
            .map(Country)
    }

    fn row(self) -> &'static Row {
        // Every `Country` holds a valid row number: it is only made from `ROWS` positions.
        &ROWS[usize::from(self.0)]
    }
}

impl FromStr for Country {
    type Err = Error;

    /// Same as [`Country::parse`].
    fn from_str(input: &str) -> Result<Self> {
        Self::parse(input)
    }
}

impl fmt::Display for Country {
    /// Writes the alpha-2 code, or with `{:#}` the common English name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.pad(self.name())
        } else {
            f.pad(self.alpha2())
        }
    }
}

impl fmt::Debug for Country {
    /// Writes `Country(FR)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.alpha2())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Country {
    /// Writes the upper-case alpha-2 code.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha2())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Country {
    /// Reads an upper-case alpha-2 code, and nothing else (see the [module docs](self#on-the-wire)).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = Country;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 3166-1 alpha-2 country code in upper case, such as \"FR\"")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Country, E> {
                Country::from_wire(value).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CodeVisitor)
    }
}

#[cfg(feature = "serde")]
impl Country {
    /// The strict reading used on the wire: an upper-case, officially assigned alpha-2 code.
    pub(crate) fn from_wire(value: &str) -> std::result::Result<Self, String> {
        let canonical = value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase());
        match Self::from_alpha2(value) {
            Ok(country) if canonical => Ok(country),
            _ => Err(match Self::parse(value) {
                Ok(country) => format!(
                    "country {value:?} must be written as its ISO 3166-1 alpha-2 code in upper case: {:?} ({})",
                    country.alpha2(),
                    country.name()
                ),
                Err(_) => format!(
                    "unknown country code {value:?}: expected an ISO 3166-1 alpha-2 code in upper case, such as \"FR\""
                ),
            }),
        }
    }
}

/// What [`Country::parse`] reads, for [`Error::UnexpectedCharacter`].
const EXPECTED: &str = "an ISO 3166-1 code or an English country name: letters, spaces, and \
     . , ' - & ( ) [ ] where names have them";

/// The characters a code or name may hold: letters (with their accents, precomposed or
/// combining), spaces, and the punctuation of the names in the table and the alias list.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic()
        || is_space(c)
        || is_accent(c)
        || is_apostrophe(c)
        || matches!(c, '.' | ',' | '-' | '&' | '(' | ')' | '[' | ']')
}

/// A combining accent (U+0300 to U+036F), as in a decomposed "Co\u{302}te".
fn is_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The apostrophes of "Côte d'Ivoire" and "People's", straight or typographic.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{2bc}' | '`' | '\u{b4}'
    )
}

/// The byte offset of the first punctuation mark standing where no name has one, if any.
///
/// Names are matched ignoring punctuation, so without this "France," or "FR--" would match
/// too. Each mark must stand where the names of the table use it: a point after a letter
/// ("U.S.A.", "Rep."); a comma after a word and before a space ("Korea, Rep."); an apostrophe
/// or a hyphen between two letters ("d'Ivoire", "Guinea-Bissau"); `&` between words; an accent
/// after a letter; brackets around words, opened after a space, closed after a letter or
/// point, not nested, and closed by the end ("Korea (Republic of)").
fn misplaced_punctuation(name: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut open: Option<(usize, char)> = None;
    for (i, &(byte, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).map(|&(_, p)| p);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
        let space = |x: Option<char>| x.is_some_and(is_space);
        let fits = match c {
            '.' => letter(prev),
            ',' => {
                prev.is_some_and(|p| p.is_alphabetic() || matches!(p, '.' | ')' | ']'))
                    && space(next)
            }
            '-' => letter(prev) && letter(next),
            c if is_apostrophe(c) => letter(prev) && letter(next),
            '&' => (letter(prev) || space(prev)) && (letter(next) || space(next)),
            c if is_accent(c) => prev.is_some_and(|p| p.is_alphabetic() || is_accent(p)),
            '(' | '[' => {
                let fits = open.is_none() && space(prev) && letter(next);
                open = Some((byte, c));
                fits
            }
            ')' | ']' => {
                let pair = if c == ')' { '(' } else { '[' };
                let fits = open.is_some_and(|(_, o)| o == pair)
                    && (letter(prev) || prev == Some('.'))
                    && (next.is_none() || space(next) || next == Some(','));
                open = None;
                fits
            }
            _ => true,
        };
        if !fits {
            return Some(byte);
        }
    }
    open.map(|(byte, _)| byte)
}

fn unknown(input: &str) -> Error {
    Error::UnknownCountry {
        input: input.to_owned(),
    }
}

/// The form in which names are compared: lower case, Latin accents removed, "." and apostrophes
/// dropped, other punctuation and whitespace as single spaces, the word "the" removed, "st" read
/// as "saint" and "&" as "and".
fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut word = String::new();
    for c in input.chars().flat_map(char::to_lowercase) {
        match c {
            // Dropped inside words: "U.S.A.", "Côte d'Ivoire", combining accents.
            '.'
            | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{02bc}'
            | '`'
            | '\u{b4}'
            | '\u{300}'..='\u{36f}' => {}
            '&' => {
                end_word(&mut out, &mut word);
                push_word(&mut out, "and");
            }
            c if c.is_alphanumeric() => word.push(fold_accent(c)),
            _ => end_word(&mut out, &mut word),
        }
    }
    end_word(&mut out, &mut word);
    out
}

fn end_word(out: &mut String, word: &mut String) {
    match word.as_str() {
        "" | "the" => {}
        "st" => push_word(out, "saint"),
        w => push_word(out, w),
    }
    word.clear();
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// The unaccented base letter of a lower-case Latin letter; other characters unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use proptest::prelude::*;

    use super::*;

    fn code(input: &str) -> Result<&'static str> {
        Country::parse(input).map(Country::alpha2)
    }

    #[test]
    fn table_has_249_sorted_unique_codes() {
        assert_eq!(ROWS.len(), 249);
        assert_eq!(Country::all().len(), 249);
        for pair in ROWS.windows(2) {
            assert!(
                pair[0].alpha2 < pair[1].alpha2,
                "{} >= {}",
                pair[0].alpha2,
                pair[1].alpha2
            );
        }
        let alpha2: HashSet<_> = ROWS.iter().map(|r| r.alpha2).collect();
        let alpha3: HashSet<_> = ROWS.iter().map(|r| r.alpha3).collect();
        assert_eq!(alpha2.len(), 249);
        assert_eq!(alpha3.len(), 249);
        for row in ROWS {
            assert!(row.alpha2.len() == 2 && row.alpha2.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(row.alpha3.len() == 3 && row.alpha3.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(!row.name.is_empty() && !row.iso_name.is_empty());
            assert!(!row.iso_name.contains("(the)"), "{}", row.iso_name);
            assert_eq!(row.name.trim(), row.name);
        }
    }

    #[test]
    fn constants_match_their_rows() {
        for (i, country) in Country::all().enumerate() {
            assert_eq!(usize::from(country.0), i);
        }
        let pairs = [
            (Country::AD, "AD"),
            (Country::DE, "DE"),
            (Country::FR, "FR"),
            (Country::GB, "GB"),
            (Country::IS, "IS"),
            (Country::LI, "LI"),
            (Country::NO, "NO"),
            (Country::CH, "CH"),
            (Country::US, "US"),
            (Country::ZW, "ZW"),
        ];
        for (country, code) in pairs {
            assert_eq!(country.alpha2(), code);
        }
        assert_eq!(Country::all().last(), Some(Country::ZW));
    }

    #[test]
    fn order_is_alphabetical_by_code() {
        let sorted: Vec<_> = Country::all().collect();
        let mut by_code = sorted.clone();
        by_code.sort_by_key(|c| c.alpha2());
        assert_eq!(sorted, by_code);
        assert!(Country::AT < Country::BE);
    }

    #[test]
    fn no_spelling_names_two_countries() {
        let mut seen: HashMap<String, BTreeSet<&str>> = HashMap::new();
        for country in Country::all() {
            let row = country.row();
            for spelling in [row.alpha2, row.alpha3, row.iso_name, row.name] {
                seen.entry(normalize(spelling))
                    .or_default()
                    .insert(row.alpha2);
            }
        }
        for &(alias, country) in ALIASES {
            let key = normalize(alias);
            assert!(!key.is_empty(), "alias {alias:?} normalises to nothing");
            seen.entry(key).or_default().insert(country.alpha2());
        }
        let clashes: Vec<_> = seen.iter().filter(|(_, codes)| codes.len() > 1).collect();
        assert!(clashes.is_empty(), "{clashes:?}");
        assert!(!seen.contains_key(""));
    }

    #[test]
    fn every_spelling_in_the_table_round_trips() {
        for country in Country::all() {
            assert_eq!(Country::parse(country.alpha2()), Ok(country));
            assert_eq!(
                Country::parse(&country.alpha2().to_lowercase()),
                Ok(country)
            );
            assert_eq!(Country::from_alpha2(country.alpha2()), Ok(country));
            assert_eq!(Country::parse(country.alpha3()), Ok(country));
            assert_eq!(Country::from_alpha3(country.alpha3()), Ok(country));
            assert_eq!(Country::parse(country.name()), Ok(country));
            assert_eq!(Country::parse(country.iso_name()), Ok(country));
            assert_eq!(Country::parse(&country.name().to_uppercase()), Ok(country));
            assert_eq!(Country::parse(&country.to_string()), Ok(country));
            assert_eq!(Country::parse(&format!("{country:#}")), Ok(country));
        }
        for (alias, country) in Country::aliases() {
            assert_eq!(Country::parse(alias), Ok(country), "{alias}");
        }
    }

    #[test]
    fn aliases_from_real_datasets_resolve() {
        let cases = [
            ("GB", "GB"),
            ("gb", "GB"),
            ("GBR", "GB"),
            ("UK", "GB"),
            ("uk", "GB"),
            ("U.K.", "GB"),
            ("Great Britain", "GB"),
            ("Britain", "GB"),
            ("United Kingdom", "GB"),
            ("United Kingdom of Great Britain and Northern Ireland", "GB"),
            (
                "United Kingdom of Great Britain and Northern Ireland (the)",
                "GB",
            ),
            ("United States", "US"),
            ("USA", "US"),
            ("US", "US"),
            ("U.S.", "US"),
            ("U.S.A.", "US"),
            ("United States of America", "US"),
            ("United States of America (the)", "US"),
            ("Korea (Republic of)", "KR"),
            ("Korea (the Republic of)", "KR"),
            ("Korea, Republic of", "KR"),
            ("South Korea", "KR"),
            ("Republic of Korea", "KR"),
            ("Korea, Rep.", "KR"),
            ("North Korea", "KP"),
            ("Russia", "RU"),
            ("Russian Federation", "RU"),
            ("Russian Federation (the)", "RU"),
            ("Czech Republic", "CZ"),
            ("Czechia", "CZ"),
            ("Turkey", "TR"),
            ("Türkiye", "TR"),
            ("Turkiye", "TR"),
            ("Taiwan", "TW"),
            ("Taiwan, Province of China", "TW"),
            ("Taiwan (Province of China)", "TW"),
            ("Viet Nam", "VN"),
            ("Vietnam", "VN"),
            ("Iran", "IR"),
            ("Iran (Islamic Republic of)", "IR"),
            ("Iran, Islamic Rep.", "IR"),
            ("Netherlands", "NL"),
            ("The Netherlands", "NL"),
            ("the netherlands", "NL"),
            ("Netherlands (Kingdom of the)", "NL"),
            ("Netherlands (the)", "NL"),
            ("Kingdom of the Netherlands", "NL"),
            ("Holland", "NL"),
            ("UAE", "AE"),
            ("United Arab Emirates", "AE"),
            ("Saudi Arabia", "SA"),
            ("Hong Kong", "HK"),
            ("Hong Kong SAR, China", "HK"),
            ("Macao", "MO"),
            ("Macau", "MO"),
            ("Switzerland", "CH"),
            ("Swiss Confederation", "CH"),
            ("Norway", "NO"),
            ("Bolivia (Plurinational State of)", "BO"),
            ("Bolivia", "BO"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Venezuela, RB", "VE"),
            ("Tanzania, United Republic of", "TZ"),
            ("United Republic of Tanzania", "TZ"),
            ("Moldova, Republic of", "MD"),
            ("Republic of Moldova", "MD"),
            ("Lao People's Democratic Republic", "LA"),
            ("Lao People’s Democratic Republic", "LA"),
            ("Laos", "LA"),
            ("Côte d'Ivoire", "CI"),
            ("Côte d’Ivoire", "CI"),
            ("Cote d'Ivoire", "CI"),
            ("Ivory Coast", "CI"),
            ("Germany", "DE"),
            ("Federal Republic of Germany", "DE"),
            ("France", "FR"),
            ("French Republic", "FR"),
            ("Greece", "GR"),
            ("EL", "GR"),
            ("Hellenic Republic", "GR"),
            ("Congo", "CG"),
            ("DR Congo", "CD"),
            ("Congo, Dem. Rep.", "CD"),
            ("Democratic Republic of the Congo", "CD"),
            ("St. Lucia", "LC"),
            ("St Kitts & Nevis", "KN"),
            ("Bahamas, The", "BS"),
            ("Gambia, The", "GM"),
            ("Guinea Bissau", "GW"),
            ("Åland Islands", "AX"),
            ("Aland Islands", "AX"),
            ("Curaçao", "CW"),
            ("Réunion", "RE"),
            ("Saint Barthélemy", "BL"),
            ("North Macedonia", "MK"),
            ("Macedonia", "MK"),
            ("Swaziland", "SZ"),
            ("Chinese Taipei", "TW"),
            ("Slovak Republic", "SK"),
            ("Kyrgyz Republic", "KG"),
            ("Vatican City", "VA"),
            ("Holy See", "VA"),
            ("British Virgin Islands", "VG"),
            ("U.S. Virgin Islands", "VI"),
            ("Virgin Islands (U.S.)", "VI"),
        ];
        for (input, expected) in cases {
            assert_eq!(code(input), Ok(expected), "{input:?}");
        }
    }

    #[test]
    fn case_and_whitespace_are_ignored() {
        assert_eq!(code("  united   KINGDOM \t"), Ok("GB"));
        assert_eq!(code("\nFrance\n"), Ok("FR"));
        assert_eq!(code(" fr "), Ok("FR"));
        assert_eq!(code("THE NETHERLANDS"), Ok("NL"));
        assert_eq!(code("bosnia   and herzegovina"), Ok("BA"));
    }

    #[test]
    fn deliberate_rejections() {
        for input in [
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Korea",
            "Virgin Islands",
            "USSR",
            "Soviet Union",
            "Yugoslavia",
            "Czechoslovakia",
            "XK",
            "Kosovo",
            "ZZ",
            "ZZZ",
            "EU",
            "Europe",
            "",
            "   ",
            "the",
            "Frankreich",
            "Fran ce",
        ] {
            assert_eq!(
                Country::parse(input),
                Err(Error::UnknownCountry {
                    input: input.to_owned()
                }),
                "{input:?}"
            );
        }
        assert!(Country::parse(&"France".repeat(100)).is_err());
        assert!(Country::from_alpha2("UK").is_err());
        assert!(Country::from_alpha2(" FR").is_err());
        assert!(Country::from_alpha2("F").is_err());
        assert!(Country::from_alpha2("Fé").is_err());
        assert!(Country::from_alpha3("FR").is_err());
    }

    fn junk(input: &str) -> (char, usize) {
        match Country::parse(input) {
            Err(Error::UnexpectedCharacter {
                character,
                position,
                input: given,
                ..
            }) if given == input => (character, position),
            other => panic!("{input:?}: {other:?}"),
        }
    }

    #[test]
    fn junk_characters_are_rejected_with_their_position() {
        assert_eq!(junk("Fr\0"), ('\0', 2));
        assert_eq!(junk("\0FR"), ('\0', 0));
        assert_eq!(junk("FR\u{200b}"), ('\u{200b}', 2));
        assert_eq!(junk("France\0\0"), ('\0', 6));
        assert_eq!(junk("FR!!!"), ('!', 2));
        assert_eq!(junk("  F\u{ad}R"), ('\u{ad}', 3));
        assert_eq!(junk("\u{feff}France"), ('\u{feff}', 0));
        assert_eq!(junk("United\u{200d}Kingdom"), ('\u{200d}', 6));
        assert_eq!(junk("United\tKingdom"), ('\t', 6));
        assert_eq!(junk("France\u{2060}"), ('\u{2060}', 6));
        assert_eq!(junk("\u{200e}France"), ('\u{200e}', 0));
        assert_eq!(junk("FR\u{fe0f}"), ('\u{fe0f}', 2));
        assert_eq!(junk("FR1"), ('1', 2));
        assert_eq!(junk("France;"), (';', 6));
        assert_eq!(junk("\"France\""), ('"', 0));
    }

    #[test]
    fn stray_punctuation_is_rejected_with_its_position() {
        assert_eq!(junk("France,"), (',', 6));
        assert_eq!(junk("France,,,"), (',', 6));
        assert_eq!(junk("Korea,Rep."), (',', 5));
        assert_eq!(junk("-France"), ('-', 0));
        assert_eq!(junk("France-"), ('-', 6));
        assert_eq!(junk("Guinea--Bissau"), ('-', 6));
        assert_eq!(junk("Guinea - Bissau"), ('-', 7));
        assert_eq!(junk("'France"), ('\'', 0));
        assert_eq!(junk("France'"), ('\'', 6));
        assert_eq!(junk(".FR"), ('.', 0));
        assert_eq!(junk("U..S."), ('.', 2));
        assert_eq!(junk("(France)"), ('(', 0));
        assert_eq!(junk("Korea (Republic of"), ('(', 6));
        assert_eq!(junk("Korea Republic of)"), (')', 17));
        assert_eq!(junk("Korea (Republic (of))"), ('(', 16));
        assert_eq!(junk("Korea (Republic of]"), (']', 18));
        assert_eq!(junk("Korea ( Republic of)"), ('(', 6));
        assert_eq!(junk("& France"), ('&', 0));
        assert_eq!(junk("\u{301}France"), ('\u{301}', 0));
        // A point after a letter is an abbreviation point, as in "U.S.A." and "Rep.".
        assert_eq!(code("FR."), Ok("FR"));
        assert_eq!(code("Korea (Rep.)"), Ok("KR"));
    }

    #[test]
    fn spaces_between_words_may_be_any_space_separator() {
        assert_eq!(code("United\u{a0}Kingdom"), Ok("GB"));
        assert_eq!(code("United \u{202f} Kingdom"), Ok("GB"));
        assert_eq!(code("\u{3000}France\r\n"), Ok("FR"));
    }

    #[test]
    fn error_message_names_the_input() {
        let err = Country::parse("England").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown country \"England\": give an ISO 3166-1 alpha-2 code (e.g. \"FR\") or an \
             English name (e.g. \"France\", \"United Kingdom\")"
        );
    }

    #[test]
    fn formatting() {
        assert_eq!(Country::GB.to_string(), "GB");
        assert_eq!(format!("{:#}", Country::GB), "United Kingdom");
        assert_eq!(format!("{:?}", Country::GB), "Country(GB)");
        assert_eq!(format!("{:?}", Some(Country::FR)), "Some(Country(FR))");
        assert_eq!(format!("{:>4}|", Country::FR), "  FR|");
        assert_eq!(format!("{:-<#8}|", Country::FR), "France--|");
    }

    #[test]
    fn normalize_rules() {
        assert_eq!(normalize("  The  Côte d’Ivoire, (the) "), "cote divoire");
        assert_eq!(normalize("St. Kitts & Nevis"), "saint kitts and nevis");
        assert_eq!(normalize("Guinea-Bissau"), "guinea bissau");
        assert_eq!(normalize("U.S.A."), "usa");
        assert_eq!(normalize("Co\u{302}te"), "cote");
        assert_eq!(normalize(""), "");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_writes_and_reads_the_upper_case_code_only() {
        assert_eq!(serde_json::to_string(&Country::FR).unwrap(), "\"FR\"");
        assert_eq!(
            serde_json::from_str::<Country>("\"FR\"").unwrap(),
            Country::FR
        );
        for country in Country::all() {
            let json = serde_json::to_string(&country).unwrap();
            assert_eq!(serde_json::from_str::<Country>(&json).unwrap(), country);
        }
        let err = serde_json::from_str::<Country>("\"UK\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"GB\" (United Kingdom)"), "{err}");
        let err = serde_json::from_str::<Country>("\"fr\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"FR\" (France)"), "{err}");
        assert!(serde_json::from_str::<Country>("\"France\"").is_err());
        let err = serde_json::from_str::<Country>("\"XK\"")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("unknown country code \"XK\""), "{err}");
        assert!(serde_json::from_str::<Country>("250").is_err());
        assert!(serde_json::from_str::<Country>("null").is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_works_as_a_map_key() {
        let map: std::collections::BTreeMap<Country, u32> =
            [(Country::FR, 1), (Country::DE, 2)].into_iter().collect();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, r#"{"DE":2,"FR":1}"#);
        let back: std::collections::BTreeMap<Country, u32> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, map);
    }

    proptest! {
        #[test]
        fn parsing_arbitrary_strings_never_panics(input in any::<String>()) {
            let _ = Country::parse(&input);
            let _ = Country::from_alpha2(&input);
            let _ = Country::from_alpha3(&input);
            let _ = input.parse::<Country>();
        }

        #[test]
        fn parsing_short_latin_strings_never_panics(input in "[ a-zA-Z.,'()&éüÅ-]{0,12}") {
            if let Ok(country) = Country::parse(&input) {
                prop_assert_eq!(Country::parse(country.alpha2()), Ok(country));
            }
        }

        #[test]
        fn names_parse_whatever_the_case_and_padding(
            i in 0..249usize,
            upper in any::<bool>(),
            pad in "[ \t]{0,3}",
        ) {
            let country = Country::all().nth(i).unwrap();
            for name in [country.name(), country.iso_name()] {
                let name = if upper { name.to_uppercase() } else { name.to_lowercase() };
                prop_assert_eq!(Country::parse(&format!("{pad}{name}{pad}")), Ok(country));
            }
        }
    }
}
