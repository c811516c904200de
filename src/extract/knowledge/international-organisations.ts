/**
 * International and regional organisations, and the major news agencies and broadcasters that
 * wire copy cites: hand-written general world knowledge (no people), looked up through
 * ./gazetteer.ts (`lookupInternationalOrganisation`).
 *
 * Matching rules the lookup applies: `name` and `aliases` are compared folded (case, diacritics,
 * punctuation and spaces ignored: "Nato" = "NATO"); an `acronym`, and any alias written in
 * capitals with or without dots ("U.N."), matches only text written in capitals or exactly as
 * the acronym is written ("dpa"), so "who" and "us" never hit WHO and the US.
 */
import type { OrganisationKind } from '../../db/schema.ts';

/** One organisation. */
export interface IntlOrg {
  /** Full English name as the organisation writes it. */
  name: string;
  /** The acronym it is known by, as written ("NATO", "dpa"). */
  acronym?: string;
  /** Other names and spellings in English use ("Nato", "U.N.", "Associated Press of Pakistan"). */
  aliases: readonly string[];
  kind: Extract<OrganisationKind, 'INTERNATIONAL_ORGANISATION' | 'MEDIA'>;
  /** ISO 3166-1 alpha-2 of the home country of a national news agency or broadcaster. */
  country?: string;
  /** `name` of the organisation it belongs to (UN bodies and agencies → "United Nations"). */
  parent?: string;
}

const IO = 'INTERNATIONAL_ORGANISATION' as const;
const MEDIA = 'MEDIA' as const;
const UN = 'United Nations';
const EU = 'European Union';

/** The table, one organisation per entry; no two entries share a name, alias or acronym (tested). */
export const INTERNATIONAL_ORGANISATIONS: readonly IntlOrg[] = [
  // United Nations system
  { name: UN, acronym: 'UN', aliases: ['U.N.', 'United Nations Organization'], kind: IO },
  { name: 'United Nations Security Council', acronym: 'UNSC', aliases: ['UN Security Council', 'U.N. Security Council'], kind: IO, parent: UN },
  { name: 'United Nations General Assembly', acronym: 'UNGA', aliases: ['UN General Assembly', 'U.N. General Assembly'], kind: IO, parent: UN },
  { name: 'United Nations Secretariat', aliases: ['UN Secretariat'], kind: IO, parent: UN },
  { name: 'United Nations Human Rights Council', acronym: 'UNHRC', aliases: ['UN Human Rights Council'], kind: IO, parent: UN },
  { name: 'Office of the United Nations High Commissioner for Human Rights', acronym: 'OHCHR', aliases: ['UN Human Rights Office'], kind: IO, parent: UN },
  { name: 'United Nations Economic and Social Council', acronym: 'ECOSOC', aliases: ['UN Economic and Social Council'], kind: IO, parent: UN },
  { name: 'United Nations Educational, Scientific and Cultural Organization', acronym: 'UNESCO', aliases: ['Unesco'], kind: IO, parent: UN },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', aliases: ['Unicef', "UN Children's Fund"], kind: IO, parent: UN },
  { name: 'United Nations High Commissioner for Refugees', acronym: 'UNHCR', aliases: ['UN Refugee Agency'], kind: IO, parent: UN },
  { name: 'United Nations Relief and Works Agency for Palestine Refugees in the Near East', acronym: 'UNRWA', aliases: ['Unrwa'], kind: IO, parent: UN },
  { name: 'United Nations Development Programme', acronym: 'UNDP', aliases: ['UN Development Programme'], kind: IO, parent: UN },
  { name: 'United Nations Environment Programme', acronym: 'UNEP', aliases: ['UN Environment Programme', 'UN Environment'], kind: IO, parent: UN },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', aliases: [], kind: IO, parent: UN },
  { name: 'United Nations Conference on Trade and Development', acronym: 'UNCTAD', aliases: ['Unctad'], kind: IO, parent: UN },
  { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', aliases: [], kind: IO, parent: UN },
  { name: 'United Nations Office for the Coordination of Humanitarian Affairs', acronym: 'OCHA', aliases: ['UN Office for the Coordination of Humanitarian Affairs'], kind: IO, parent: UN },
  { name: 'United Nations Framework Convention on Climate Change', acronym: 'UNFCCC', aliases: [], kind: IO, parent: UN },
  { name: 'World Health Organization', acronym: 'WHO', aliases: ['World Health Organisation'], kind: IO, parent: UN },
  { name: 'World Food Programme', acronym: 'WFP', aliases: ['World Food Program', 'UN World Food Programme'], kind: IO, parent: UN },
  { name: 'Food and Agriculture Organization', acronym: 'FAO', aliases: ['Food and Agriculture Organization of the United Nations', 'Food and Agriculture Organisation'], kind: IO, parent: UN },
  { name: 'International Labour Organization', acronym: 'ILO', aliases: ['International Labour Organisation', 'International Labor Organization'], kind: IO, parent: UN },
  { name: 'International Atomic Energy Agency', acronym: 'IAEA', aliases: ['UN nuclear watchdog'], kind: IO, parent: UN },
  { name: 'International Monetary Fund', acronym: 'IMF', aliases: [], kind: IO, parent: UN },
  { name: 'World Bank', aliases: ['World Bank Group', 'International Bank for Reconstruction and Development', 'IBRD'], kind: IO, parent: UN },
  { name: 'World Trade Organization', acronym: 'WTO', aliases: ['World Trade Organisation'], kind: IO },
  { name: 'International Civil Aviation Organization', acronym: 'ICAO', aliases: [], kind: IO, parent: UN },
  { name: 'International Maritime Organization', acronym: 'IMO', aliases: [], kind: IO, parent: UN },
  { name: 'International Telecommunication Union', acronym: 'ITU', aliases: [], kind: IO, parent: UN },
  { name: 'World Meteorological Organization', acronym: 'WMO', aliases: [], kind: IO, parent: UN },
  { name: 'World Intellectual Property Organization', acronym: 'WIPO', aliases: [], kind: IO, parent: UN },
  { name: 'International Organization for Migration', acronym: 'IOM', aliases: ['UN migration agency'], kind: IO, parent: UN },
  { name: 'International Fund for Agricultural Development', acronym: 'IFAD', aliases: [], kind: IO, parent: UN },
  { name: 'United Nations Industrial Development Organization', acronym: 'UNIDO', aliases: [], kind: IO, parent: UN },
  { name: 'Organisation for the Prohibition of Chemical Weapons', acronym: 'OPCW', aliases: ['Organization for the Prohibition of Chemical Weapons'], kind: IO },
  { name: 'Comprehensive Nuclear-Test-Ban Treaty Organization', acronym: 'CTBTO', aliases: [], kind: IO },
  { name: 'International Court of Justice', acronym: 'ICJ', aliases: ['World Court'], kind: IO, parent: UN },
  { name: 'International Criminal Court', acronym: 'ICC', aliases: [], kind: IO },
  { name: 'Permanent Court of Arbitration', acronym: 'PCA', aliases: [], kind: IO },

  // Europe and the North Atlantic
  { name: 'North Atlantic Treaty Organization', acronym: 'NATO', aliases: ['Nato', 'North Atlantic Treaty Organisation', 'North Atlantic Alliance'], kind: IO },
  { name: EU, acronym: 'EU', aliases: ['E.U.'], kind: IO },
  { name: 'European Commission', acronym: 'EC', aliases: [], kind: IO, parent: EU },
  { name: 'European Council', aliases: [], kind: IO, parent: EU },
  { name: 'Council of the European Union', aliases: ['Council of the EU', 'EU Council'], kind: IO, parent: EU },
  { name: 'European Parliament', acronym: 'EP', aliases: [], kind: IO, parent: EU },
  { name: 'European Central Bank', acronym: 'ECB', aliases: [], kind: IO, parent: EU },
  { name: 'European External Action Service', acronym: 'EEAS', aliases: [], kind: IO, parent: EU },
  { name: 'Court of Justice of the European Union', acronym: 'CJEU', aliases: ['European Court of Justice', 'ECJ'], kind: IO, parent: EU },
  { name: 'European Investment Bank', acronym: 'EIB', aliases: [], kind: IO, parent: EU },
  { name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE', aliases: ['Organisation for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe'], kind: IO },
  { name: 'Council of Europe', acronym: 'CoE', aliases: [], kind: IO },
  { name: 'European Court of Human Rights', acronym: 'ECHR', aliases: ['ECtHR'], kind: IO, parent: 'Council of Europe' },
  { name: 'European Bank for Reconstruction and Development', acronym: 'EBRD', aliases: [], kind: IO },
  { name: 'European Free Trade Association', acronym: 'EFTA', aliases: [], kind: IO },
  { name: 'Organisation for Economic Co-operation and Development', acronym: 'OECD', aliases: ['Organization for Economic Cooperation and Development', 'Organisation for Economic Cooperation and Development'], kind: IO },

  // Africa
  { name: 'African Union', acronym: 'AU', aliases: [], kind: IO },
  { name: 'African Union Commission', acronym: 'AUC', aliases: [], kind: IO, parent: 'African Union' },
  { name: 'Economic Community of West African States', acronym: 'ECOWAS', aliases: ['Ecowas'], kind: IO },
  { name: 'East African Community', acronym: 'EAC', aliases: [], kind: IO },
  { name: 'Southern African Development Community', acronym: 'SADC', aliases: [], kind: IO },
  { name: 'Intergovernmental Authority on Development', acronym: 'IGAD', aliases: ['Igad'], kind: IO },
  { name: 'Common Market for Eastern and Southern Africa', acronym: 'COMESA', aliases: ['Comesa'], kind: IO },
  { name: 'Economic Community of Central African States', acronym: 'ECCAS', aliases: [], kind: IO },
  { name: 'African Development Bank', acronym: 'AfDB', aliases: [], kind: IO },
  { name: 'African Continental Free Trade Area', acronym: 'AfCFTA', aliases: [], kind: IO },

  // Middle East and the Muslim world
  { name: 'Gulf Cooperation Council', acronym: 'GCC', aliases: ['Cooperation Council for the Arab States of the Gulf', 'Gulf Co-operation Council'], kind: IO },
  { name: 'Arab League', aliases: ['League of Arab States'], kind: IO },
  { name: 'Organisation of Islamic Cooperation', acronym: 'OIC', aliases: ['Organization of Islamic Cooperation', 'Organisation of Islamic Conference', 'Organization of the Islamic Conference'], kind: IO },
  { name: 'Organization of the Petroleum Exporting Countries', acronym: 'OPEC', aliases: ['Opec', 'Organisation of the Petroleum Exporting Countries'], kind: IO },
  { name: 'OPEC+', aliases: ['OPEC Plus'], kind: IO },
  { name: 'Economic Cooperation Organization', acronym: 'ECO', aliases: [], kind: IO },
  { name: 'Islamic Development Bank', acronym: 'IsDB', aliases: [], kind: IO },

  // Asia and the Pacific
  { name: 'Association of Southeast Asian Nations', acronym: 'ASEAN', aliases: ['Asean', 'Association of South East Asian Nations'], kind: IO },
  { name: 'Asia-Pacific Economic Cooperation', acronym: 'APEC', aliases: ['Apec', 'Asia Pacific Economic Cooperation'], kind: IO },
  { name: 'Shanghai Cooperation Organisation', acronym: 'SCO', aliases: ['Shanghai Cooperation Organization'], kind: IO },
  { name: 'South Asian Association for Regional Cooperation', acronym: 'SAARC', aliases: ['Saarc'], kind: IO },
  { name: 'Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation', acronym: 'BIMSTEC', aliases: ['Bimstec'], kind: IO },
  { name: 'Pacific Islands Forum', acronym: 'PIF', aliases: [], kind: IO },
  { name: 'Asian Development Bank', acronym: 'ADB', aliases: [], kind: IO },
  { name: 'Asian Infrastructure Investment Bank', acronym: 'AIIB', aliases: [], kind: IO },
  { name: 'Conference on Interaction and Confidence-Building Measures in Asia', acronym: 'CICA', aliases: [], kind: IO },
  { name: 'Quadrilateral Security Dialogue', aliases: [], kind: IO },

  // Former Soviet space
  { name: 'Commonwealth of Independent States', acronym: 'CIS', aliases: [], kind: IO },
  { name: 'Collective Security Treaty Organization', acronym: 'CSTO', aliases: ['Collective Security Treaty Organisation'], kind: IO },
  { name: 'Eurasian Economic Union', acronym: 'EAEU', aliases: ['EEU'], kind: IO },

  // The Americas
  { name: 'Organization of American States', acronym: 'OAS', aliases: [], kind: IO },
  { name: 'Caribbean Community', acronym: 'CARICOM', aliases: ['Caricom'], kind: IO },
  { name: 'Mercosur', aliases: ['Mercosul', 'Southern Common Market'], kind: IO },
  { name: 'Community of Latin American and Caribbean States', acronym: 'CELAC', aliases: ['Celac'], kind: IO },
  { name: 'Inter-American Development Bank', acronym: 'IDB', aliases: ['IADB'], kind: IO },

  // Groupings and worldwide bodies
  { name: 'BRICS', aliases: ['Brics'], kind: IO },
  { name: 'Group of Seven', acronym: 'G7', aliases: ['G-7'], kind: IO },
  { name: 'Group of Twenty', acronym: 'G20', aliases: ['G-20'], kind: IO },
  { name: 'Group of 77', acronym: 'G77', aliases: ['G-77'], kind: IO },
  { name: 'Non-Aligned Movement', acronym: 'NAM', aliases: [], kind: IO },
  { name: 'Commonwealth of Nations', aliases: ['Commonwealth Secretariat', 'Commonwealth'], kind: IO },
  { name: 'International Committee of the Red Cross', acronym: 'ICRC', aliases: ['Red Cross'], kind: IO },
  { name: 'International Federation of Red Cross and Red Crescent Societies', acronym: 'IFRC', aliases: ['Red Crescent', 'Red Cross and Red Crescent'], kind: IO },
  { name: 'International Criminal Police Organization', acronym: 'INTERPOL', aliases: ['Interpol'], kind: IO },
  { name: 'Bank for International Settlements', acronym: 'BIS', aliases: [], kind: IO },
  { name: 'Financial Action Task Force', acronym: 'FATF', aliases: [], kind: IO },
  { name: 'International Energy Agency', acronym: 'IEA', aliases: [], kind: IO },
  { name: 'International Olympic Committee', acronym: 'IOC', aliases: [], kind: IO },
  { name: 'Fédération Internationale de Football Association', acronym: 'FIFA', aliases: ['Fifa'], kind: IO },

  // News agencies
  { name: 'Reuters', aliases: ['Thomson Reuters'], kind: MEDIA, country: 'GB' },
  { name: 'Agence France-Presse', acronym: 'AFP', aliases: ['Agence France Presse'], kind: MEDIA, country: 'FR' },
  { name: 'Associated Press', acronym: 'AP', aliases: ['The Associated Press'], kind: MEDIA, country: 'US' },
  { name: 'Bloomberg News', aliases: [], kind: MEDIA, country: 'US' },
  { name: 'United Press International', acronym: 'UPI', aliases: [], kind: MEDIA, country: 'US' },
  { name: 'Xinhua News Agency', aliases: ['Xinhua'], kind: MEDIA, country: 'CN' },
  { name: 'TASS', aliases: ['Tass', 'ITAR-TASS'], kind: MEDIA, country: 'RU' },
  { name: 'RIA Novosti', acronym: 'RIA', aliases: [], kind: MEDIA, country: 'RU' },
  { name: 'Interfax', aliases: [], kind: MEDIA, country: 'RU' },
  { name: 'Islamic Republic News Agency', acronym: 'IRNA', aliases: ['Irna'], kind: MEDIA, country: 'IR' },
  { name: 'Islamic Republic of Iran Broadcasting', acronym: 'IRIB', aliases: [], kind: MEDIA, country: 'IR' },
  { name: 'Anadolu Agency', acronym: 'AA', aliases: ['Anadolu', 'Anadolu Ajansı'], kind: MEDIA, country: 'TR' },
  { name: 'Bernama', aliases: ['Malaysian National News Agency'], kind: MEDIA, country: 'MY' },
  { name: 'Antara', aliases: ['Antara News Agency'], kind: MEDIA, country: 'ID' },
  { name: 'Kuwait News Agency', acronym: 'KUNA', aliases: [], kind: MEDIA, country: 'KW' },
  { name: 'Saudi Press Agency', acronym: 'SPA', aliases: [], kind: MEDIA, country: 'SA' },
  { name: 'Emirates News Agency', acronym: 'WAM', aliases: [], kind: MEDIA, country: 'AE' },
  { name: 'Qatar News Agency', acronym: 'QNA', aliases: [], kind: MEDIA, country: 'QA' },
  { name: 'Oman News Agency', acronym: 'ONA', aliases: [], kind: MEDIA, country: 'OM' },
  { name: 'Bahrain News Agency', acronym: 'BNA', aliases: [], kind: MEDIA, country: 'BH' },
  { name: 'Middle East News Agency', acronym: 'MENA', aliases: [], kind: MEDIA, country: 'EG' },
  { name: 'Syrian Arab News Agency', acronym: 'SANA', aliases: [], kind: MEDIA, country: 'SY' },
  { name: 'Petra News Agency', aliases: ['Jordan News Agency'], kind: MEDIA, country: 'JO' },
  { name: 'Associated Press of Pakistan', acronym: 'APP', aliases: [], kind: MEDIA, country: 'PK' },
  { name: 'Bangladesh Sangbad Sangstha', acronym: 'BSS', aliases: [], kind: MEDIA, country: 'BD' },
  { name: 'Press Trust of India', acronym: 'PTI', aliases: [], kind: MEDIA, country: 'IN' },
  { name: 'Asian News International', acronym: 'ANI', aliases: [], kind: MEDIA, country: 'IN' },
  { name: 'Kyodo News', aliases: ['Kyodo'], kind: MEDIA, country: 'JP' },
  { name: 'Jiji Press', aliases: ['Jiji'], kind: MEDIA, country: 'JP' },
  { name: 'NHK', aliases: ['Japan Broadcasting Corporation'], kind: MEDIA, country: 'JP' },
  { name: 'Yonhap News Agency', aliases: ['Yonhap'], kind: MEDIA, country: 'KR' },
  { name: 'Korean Central News Agency', acronym: 'KCNA', aliases: [], kind: MEDIA, country: 'KP' },
  { name: 'Vietnam News Agency', acronym: 'VNA', aliases: [], kind: MEDIA, country: 'VN' },
  { name: 'Philippine News Agency', acronym: 'PNA', aliases: [], kind: MEDIA, country: 'PH' },
  { name: 'Deutsche Presse-Agentur', acronym: 'dpa', aliases: [], kind: MEDIA, country: 'DE' },
  { name: 'Agenzia Nazionale Stampa Associata', acronym: 'ANSA', aliases: [], kind: MEDIA, country: 'IT' },
  { name: 'Agencia EFE', acronym: 'EFE', aliases: [], kind: MEDIA, country: 'ES' },
  { name: 'Ukrinform', aliases: [], kind: MEDIA, country: 'UA' },
  { name: 'Kenya News Agency', acronym: 'KNA', aliases: [], kind: MEDIA, country: 'KE' },
  { name: 'News Agency of Nigeria', acronym: 'NAN', aliases: [], kind: MEDIA, country: 'NG' },
  { name: 'Ethiopian News Agency', acronym: 'ENA', aliases: [], kind: MEDIA, country: 'ET' },
  { name: 'Australian Associated Press', acronym: 'AAP', aliases: [], kind: MEDIA, country: 'AU' },
  { name: 'Canadian Press', acronym: 'CP', aliases: ['The Canadian Press'], kind: MEDIA, country: 'CA' },

  // Broadcasters and papers wire copy cites as sources
  { name: 'British Broadcasting Corporation', acronym: 'BBC', aliases: [], kind: MEDIA, country: 'GB' },
  { name: 'Cable News Network', acronym: 'CNN', aliases: [], kind: MEDIA, country: 'US' },
  { name: 'Al Jazeera', aliases: ['Al-Jazeera', 'Al Jazeera English'], kind: MEDIA, country: 'QA' },
  { name: 'Al Arabiya', aliases: ['Al-Arabiya'], kind: MEDIA, country: 'SA' },
  { name: 'Deutsche Welle', acronym: 'DW', aliases: [], kind: MEDIA, country: 'DE' },
  { name: 'France 24', aliases: ['France24'], kind: MEDIA, country: 'FR' },
  { name: 'Radio Free Europe/Radio Liberty', acronym: 'RFE/RL', aliases: ['Radio Free Europe'], kind: MEDIA, country: 'US' },
  { name: 'Voice of America', acronym: 'VOA', aliases: [], kind: MEDIA, country: 'US' },
  { name: 'China Global Television Network', acronym: 'CGTN', aliases: [], kind: MEDIA, country: 'CN' },
  { name: 'China Central Television', acronym: 'CCTV', aliases: [], kind: MEDIA, country: 'CN' },
  { name: 'RT', aliases: ['Russia Today'], kind: MEDIA, country: 'RU' },
  { name: 'Press TV', aliases: ['PressTV'], kind: MEDIA, country: 'IR' },
];
