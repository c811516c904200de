/**
 * Currency signs, words and ISO 4217 codes, and the scale words of amounts. General knowledge
 * (ISO 4217 and common newsroom usage): a sign or word shared by several currencies ("Rs",
 * "shillings", "pesos", "dinars") names the currency of the article's country when it is one
 * of them (`byCountry`, ISO 3166-1 alpha-2 → ISO 4217), else the usual one (`code`).
 */
export interface CurrencyWord {
  code: string;
  byCountry?: Record<string, string>;
}

const RUPEE = { code: 'INR', byCountry: { PK: 'PKR', LK: 'LKR', NP: 'NPR', MU: 'MUR', SC: 'SCR', ID: 'IDR' } };
const SHILLING = { code: 'KES', byCountry: { UG: 'UGX', TZ: 'TZS', SO: 'SOS' } };
const DOLLAR = {
  code: 'USD',
  byCountry: { AU: 'AUD', CA: 'CAD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', TW: 'TWD', JM: 'JMD', BB: 'BBD', TT: 'TTD', BS: 'BSD', BZ: 'BZD', GY: 'GYD', NA: 'NAD', LR: 'LRD', FJ: 'FJD', BN: 'BND', ZW: 'USD' },
};
const PESO = { code: 'MXN', byCountry: { PH: 'PHP', AR: 'ARS', CO: 'COP', CL: 'CLP', UY: 'UYU', DO: 'DOP', CU: 'CUP' } };
const DINAR = { code: 'KWD', byCountry: { IQ: 'IQD', JO: 'JOD', BH: 'BHD', DZ: 'DZD', TN: 'TND', LY: 'LYD', RS: 'RSD', MK: 'MKD' } };
const POUND = { code: 'GBP', byCountry: { EG: 'EGP', LB: 'LBP', SY: 'SYP', SD: 'SDG', SS: 'SSP' } };
const FRANC = { code: 'CHF', byCountry: { CM: 'XAF', GA: 'XAF', CG: 'XAF', TD: 'XAF', CF: 'XAF', GQ: 'XAF', SN: 'XOF', CI: 'XOF', ML: 'XOF', BF: 'XOF', NE: 'XOF', BJ: 'XOF', TG: 'XOF', GW: 'XOF', RW: 'RWF', BI: 'BIF', GN: 'GNF', DJ: 'DJF', KM: 'KMF', CD: 'CDF' } };
const RIYAL = { code: 'SAR', byCountry: { QA: 'QAR', OM: 'OMR', YE: 'YER', IR: 'IRR' } };

/** Signs written before the number ("$3 billion", "Sh17.91 billion", "Rs 500 crore"), longest first when matched. */
export const CURRENCY_SIGNS: Record<string, CurrencyWord> = {
  US$: { code: 'USD' }, 'U.S.$': { code: 'USD' }, USD: { code: 'USD' }, $: DOLLAR,
  A$: { code: 'AUD' }, AU$: { code: 'AUD' }, C$: { code: 'CAD' }, CA$: { code: 'CAD' }, NZ$: { code: 'NZD' }, HK$: { code: 'HKD' },
  S$: { code: 'SGD' }, R$: { code: 'BRL' }, NT$: { code: 'TWD' }, Bds$: { code: 'BBD' }, 'EC$': { code: 'XCD' }, J$: { code: 'JMD' }, TT$: { code: 'TTD' },
  '€': { code: 'EUR' }, EUR: { code: 'EUR' }, '£': POUND, GBP: { code: 'GBP' }, '¥': { code: 'JPY', byCountry: { CN: 'CNY' } },
  'CN¥': { code: 'CNY' }, RMB: { code: 'CNY' }, '₹': { code: 'INR' }, Rs: RUPEE, 'Rs.': RUPEE, INR: { code: 'INR' }, PKR: { code: 'PKR' },
  '₦': { code: 'NGN' }, N: { code: 'NGN' }, NGN: { code: 'NGN' }, '₩': { code: 'KRW' }, '₱': { code: 'PHP' }, '₺': { code: 'TRY' },
  '₽': { code: 'RUB' }, '₪': { code: 'ILS' }, '₫': { code: 'VND' }, '฿': { code: 'THB' }, '₴': { code: 'UAH' }, '₸': { code: 'KZT' },
  '৳': { code: 'BDT' }, Tk: { code: 'BDT' }, Sh: SHILLING, 'Sh.': SHILLING, KSh: { code: 'KES' }, Ksh: { code: 'KES' }, 'Ksh.': { code: 'KES' },
  KES: { code: 'KES' }, USh: { code: 'UGX' }, UGX: { code: 'UGX' }, TSh: { code: 'TZS' }, TZS: { code: 'TZS' }, R: { code: 'ZAR' }, ZAR: { code: 'ZAR' },
  RM: { code: 'MYR' }, MYR: { code: 'MYR' }, Rp: { code: 'IDR' }, IDR: { code: 'IDR' }, GH: { code: 'GHS' }, 'GH₵': { code: 'GHS' }, GHS: { code: 'GHS' },
  'E£': { code: 'EGP' }, LE: { code: 'EGP' }, EGP: { code: 'EGP' }, CHF: { code: 'CHF' }, SAR: { code: 'SAR' }, AED: { code: 'AED' }, Dh: { code: 'AED' },
  QAR: { code: 'QAR' }, KWD: { code: 'KWD' }, JPY: { code: 'JPY' }, CNY: { code: 'CNY' }, RUB: { code: 'RUB' }, TRY: { code: 'TRY' }, BRL: { code: 'BRL' },
  MXN: { code: 'MXN' }, CAD: { code: 'CAD' }, AUD: { code: 'AUD' }, NZD: { code: 'NZD' }, ETB: { code: 'ETB' }, Br: { code: 'ETB' },
};

/** Currency words written after the number ("five billion euros", "500 crore rupees"), singular and plural. */
export const CURRENCY_WORDS: Record<string, CurrencyWord> = {
  dollar: DOLLAR, 'us dollar': { code: 'USD' }, 'u.s. dollar': { code: 'USD' }, 'american dollar': { code: 'USD' },
  'australian dollar': { code: 'AUD' }, 'canadian dollar': { code: 'CAD' }, 'new zealand dollar': { code: 'NZD' },
  'hong kong dollar': { code: 'HKD' }, 'singapore dollar': { code: 'SGD' }, 'taiwan dollar': { code: 'TWD' },
  euro: { code: 'EUR' }, pound: POUND, 'pound sterling': { code: 'GBP' }, sterling: { code: 'GBP' }, 'egyptian pound': { code: 'EGP' },
  yen: { code: 'JPY' }, yuan: { code: 'CNY' }, renminbi: { code: 'CNY' }, rupee: RUPEE, 'indian rupee': { code: 'INR' },
  'pakistani rupee': { code: 'PKR' }, 'sri lankan rupee': { code: 'LKR' }, 'nepalese rupee': { code: 'NPR' }, rupiah: { code: 'IDR' },
  shilling: SHILLING, 'kenyan shilling': { code: 'KES' }, 'ugandan shilling': { code: 'UGX' }, 'tanzanian shilling': { code: 'TZS' },
  naira: { code: 'NGN' }, cedi: { code: 'GHS' }, rand: { code: 'ZAR' }, birr: { code: 'ETB' }, ringgit: { code: 'MYR' }, baht: { code: 'THB' },
  dong: { code: 'VND' }, peso: PESO, 'mexican peso': { code: 'MXN' }, 'philippine peso': { code: 'PHP' },
  reais: { code: 'BRL' }, rouble: { code: 'RUB' }, ruble: { code: 'RUB' }, lira: { code: 'TRY' }, 'turkish lira': { code: 'TRY' },
  riyal: RIYAL, 'saudi riyal': { code: 'SAR' }, 'qatari riyal': { code: 'QAR' }, rial: { code: 'IRR', byCountry: { OM: 'OMR', YE: 'YER' } },
  dirham: { code: 'AED', byCountry: { MA: 'MAD' } }, dinar: DINAR, 'kuwaiti dinar': { code: 'KWD' }, shekel: { code: 'ILS' },
  taka: { code: 'BDT' }, tenge: { code: 'KZT' }, hryvnia: { code: 'UAH' },
  zloty: { code: 'PLN' }, forint: { code: 'HUF' }, koruna: { code: 'CZK' }, krona: { code: 'SEK' }, krone: { code: 'NOK', byCountry: { DK: 'DKK' } },
  franc: FRANC, 'swiss franc': { code: 'CHF' }, 'cfa franc': { code: 'XOF', byCountry: FRANC.byCountry }, kwacha: { code: 'ZMW', byCountry: { MW: 'MWK' } },
  tugrik: { code: 'MNT' }, togrog: { code: 'MNT' }, kyat: { code: 'MMK' }, afghani: { code: 'AFN' }, manat: { code: 'AZN', byCountry: { TM: 'TMT' } },
  lari: { code: 'GEL' }, dram: { code: 'AMD' }, denar: { code: 'MKD' }, leu: { code: 'RON', byCountry: { MD: 'MDL' } }, lev: { code: 'BGN' },
  'pa\u02bbanga': { code: 'TOP' }, paanga: { code: 'TOP' }, tala: { code: 'WST' }, kina: { code: 'PGK' },
};

/** Plural forms that do not just add "s". */
export const CURRENCY_PLURALS: Record<string, string> = { rupees: 'rupee', reais: 'real', liras: 'lira', lire: 'lira', leva: 'lev', lei: 'leu', kroner: 'krone', kronor: 'krona', korun: 'koruna' };

/** Scale words → power of ten. */
export const SCALES: Record<string, number> = {
  thousand: 3, k: 3, million: 6, m: 6, mn: 6, mln: 6, billion: 9, bn: 9, b: 9, bln: 9, trillion: 12, tn: 12, trn: 12,
  lakh: 5, lakhs: 5, lac: 5, crore: 7, crores: 7, 'lakh crore': 12,
};

/** Number words → value (amounts such as "five billion euros"). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100, a: 1, an: 1, half: 0.5,
};
