/**
 * Stage `figures`: amounts of money and clear counts → `Doc.figures`.
 *
 * Money: a currency sign or code before the number ("$3 billion", "US$1.2 million", "€40m",
 * "Sh17.91 billion", "Rs 500 crore"), or a currency word after it ("five billion euros", "500
 * crore rupees", "3 million USD"); the value is the number times its scale, computed on the
 * digits as printed, an exact decimal string (src/domain/decimal.ts): "Sh17.91 billion" → "17910000000".
 * The currency is ISO 4217 (a sign several currencies share follows the article's countries).
 * Counts: a number of things ("11 agreements", "16 countries"); durations ("12-day", "three
 * days"), years, ordinals and percentages are not figures. The metric is the nearest economic
 * noun before the amount in its sentence ("bilateral trade").
 */
import { canonicalDecimal } from '../../domain/decimal.ts';
import { DocIndex } from '../doc-index.ts';
import type { Doc, FigureDraft } from '../document.ts';
import { CURRENCY_PLURALS, CURRENCY_SIGNS, CURRENCY_WORDS, NUMBER_WORDS, SCALES, type CurrencyWord } from '../knowledge/currencies.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORDNUM = Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).sort(byLength).map(escape).join('|');
const SCALE = Object.keys(SCALES).sort(byLength).map(escape).join('|');
const letterSign = (s: string) => /^[A-Za-z]/.test(s);
const SIGNS_SYMBOL = Object.keys(CURRENCY_SIGNS).filter((s) => !letterSign(s)).sort(byLength).map(escape).join('|');
const SIGNS_LETTER = Object.keys(CURRENCY_SIGNS).filter((s) => letterSign(s) && s.length > 1).sort(byLength).map(escape).join('|');
const wordForms = Object.keys(CURRENCY_WORDS).flatMap((w) => [w, `${w}s`]).concat(Object.keys(CURRENCY_PLURALS));
const CODES = Object.keys(CURRENCY_SIGNS).filter((c) => /^[A-Z]{3}$/.test(c));
const CURRWORD = [...new Set([...wordForms, ...CODES])].sort(byLength).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');

/** One pass over the text finds every amount: a sign before the number, or a currency word after it. */
const MONEY = new RegExp(
  String.raw`(?<![\w$€£¥₹])(?:(?<sign>(?:${SIGNS_SYMBOL})|\b(?:${SIGNS_LETTER})\.?|\b[RN](?=\d))\s?)(?<num>${NUM})(?:\s?(?<scale>${SCALE})\b)?(?:\s+(?<after>${CURRWORD})\b)?` +
    String.raw`|(?<![\w.,])(?:(?<num2>${NUM})(?:[\s-](?<scale2>${SCALE}))?|\b(?<numWord>${WORDNUM})[\s-](?<scale3>${SCALE}))\s+(?<word>${CURRWORD})\b`,
  'giu',
);
const COUNT = /(?<![\w.,$€£¥₹-])(\d{1,3}(?:,\d{3})+|\d{1,6})(?![\w,.]*\d)\s+((?:[a-z]+[\s-]){0,2}?)([a-z]+(?:-[a-z]+)*s)\b/g;
const NOT_COUNTED = /^(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries|times|percent|per|cents?|points?|degrees?|kilometres?|kilometers?|miles?|metres?|meters?|tonnes?|tons?|kilograms?|kgs?|litres?|liters?|yards?|feet|inches|acres|hectares|pounds|dollars|euros|rupees|ages?|o'clock|am|pm|others)$/;
const METRIC = /\b((?:(?:bilateral|annual|total|two-way|foreign|direct|military|economic|humanitarian|development|trade|bilateral trade|cross-border)\s+){0,2}(?:trade(?: volume)?|investments?|aid|assistance|loans?|grants?|budget|exports|imports|debt|revenues?|funding|package|deal|contract|turnover|GDP|deficit|surplus|financing|credit line|line of credit|project|spending|sales|value|cost|fund))\b/gi;

/** "17.91" × 10^9 on the digits: "17910000000", no binary rounding; null when not a number. */
const pow10 = (digits: string, exp: number): string | null => canonicalDecimal(`${digits.replace(/,/g, '')}e${exp}`);

export function figures(doc: Doc): void {
  const text = doc.text;
  const idx = new DocIndex(doc);
  const countries = new Set(doc.entities.filter((e) => e.iso3166).map((e) => e.iso3166!));
  const pick = (w: CurrencyWord | undefined) => {
    if (!w) return undefined;
    if (w.byCountry) for (const [cc, code] of Object.entries(w.byCountry)) if (countries.has(cc) && code !== w.code) return code;
    return w.code;
  };
  const word = (s: string | undefined) => {
    if (!s) return undefined;
    if (/^[A-Z]{3}$/.test(s) && CURRENCY_SIGNS[s]) return CURRENCY_SIGNS[s];
    let w = s.toLowerCase().replace(/\s+/g, ' ');
    if (CURRENCY_PLURALS[w]) w = CURRENCY_PLURALS[w]!;
    return CURRENCY_WORDS[w] ?? CURRENCY_WORDS[w.replace(/e?s$/, '')] ?? CURRENCY_WORDS[w.replace(/s$/, '')];
  };
  const taken: Array<[number, number]> = [];
  /** "… in investment" right after the amount, else the nearest economic noun before it in the clause. */
  const metricOf = (start: number, end: number) => {
    const after = /^\s+(?:in|of|for|worth of)\s+/i.exec(text.slice(end, end + 12));
    if (after) {
      METRIC.lastIndex = 0;
      const m = METRIC.exec(text.slice(end + after[0].length, end + after[0].length + 40));
      if (m && m.index === 0) return m[1]!.replace(/\s+/g, ' ').toLowerCase();
    }
    const s = idx.sentence(start);
    const prev = taken.length > 1 ? taken[taken.length - 2]![1] : 0;
    const from = Math.max(s ? s.start : 0, start - 90, prev);
    let best: string | undefined;
    for (const m of text.slice(from, start).matchAll(METRIC)) best = m[1];
    return best?.replace(/\s+/g, ' ').toLowerCase();
  };

  MONEY.lastIndex = 0;
  for (const m of text.matchAll(MONEY)) {
    const all = m[0];
    const { sign, num, scale, after, num2, numWord, word: word2 } = m.groups!;
    const scale2 = m.groups!.scale2 ?? m.groups!.scale3;
    let start = m.index;
    let end = start + all.length;
    let value: string | null;
    let currency: string | undefined;
    let rule: string;
    if (num) {
      const signKey = (sign ?? '').trim().replace(/\.$/, '');
      const w = CURRENCY_SIGNS[signKey] ?? CURRENCY_SIGNS[`${signKey}.`];
      // A trailing word refines the sign ("$5 billion Australian dollars" is rare; "N500 million naira").
      currency = pick(word(after)) ?? pick(w);
      value = pow10(num, scale ? SCALES[scale.toLowerCase()] ?? 0 : 0);
      rule = 'currency-sign';
      if (scale && scale.length === 1 && /^[mbk]$/i.test(scale) && scale !== scale.toLowerCase()) {
        value = pow10(num, 0); // "$5 M..." is not a scale
        end = start + all.indexOf(scale);
      }
    } else {
      const base = num2 ? num2 : String(NUMBER_WORDS[numWord!.toLowerCase()] ?? 0);
      value = pow10(base, scale2 ? SCALES[scale2.toLowerCase()] ?? 0 : 0);
      currency = pick(word(word2));
      rule = 'currency-word';
    }
    while (end > start && /[\s.,]/.test(text[end - 1]!)) end--;
    if (!currency || value == null) continue;
    taken.push([start, end]);
    const f: FigureDraft = { text: text.slice(start, end), value, currency, evidence: { stage: 'figures', rule, spans: [[start, end]] } };
    const metric = metricOf(start, end);
    if (metric) f.metric = metric;
    doc.figures.push(f);
  }

  COUNT.lastIndex = 0;
  for (const m of text.matchAll(COUNT)) {
    const [all, num, mods, noun] = m;
    const start = m.index;
    const end = start + all.length;
    if (taken.some(([a, b]) => a < end && start < b)) continue;
    const n = Number(num!.replace(/,/g, ''));
    const value = canonicalDecimal(num!.replace(/,/g, ''))!;
    const unit = noun!.toLowerCase();
    if (NOT_COUNTED.test(unit) || /\b(?:per|percent|of)\b/.test(mods!) || (n >= 1900 && n <= 2100 && !num!.includes(','))) continue;
    if (/^(?:times|more|less|fewer|others)$/.test(unit)) continue;
    // "5 out of the 6 lines", "page 3 of", dates ("May 5 meetings"): a month name right before is a date.
    const before = text.slice(Math.max(0, start - 12), start);
    if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$/.test(before)) continue;
    doc.figures.push({ text: all!, value, unit: `${mods}${unit}`.trim(), evidence: { stage: 'figures', rule: 'count', spans: [[start, end]] } });
  }
  doc.figures.sort((a, b) => a.evidence.spans[0]![0] - b.evidence.spans[0]![0]);
}
