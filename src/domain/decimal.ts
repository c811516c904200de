/**
 * Exact decimal amounts (a figure's value), kept as canonical decimal strings: an optional "-",
 * the integer digits without leading zeros ("0" when none), then "." and the fraction digits
 * without trailing zeros when there is a fraction; no exponent, no "+", no "-0".
 * "3000000000", "17.91", "0.3", "-12.5", "9007199254740993". Equal amounts have equal strings,
 * so the text compares, hashes and round-trips exactly (SQLite TEXT, JSON strings, GraphQL
 * `Decimal`); nothing passes through a binary double on the way.
 */

/** A canonical decimal string: what `canonicalDecimal` returns. */
export const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** Decimal digits written out in full or with an exponent: "17.91", "+0.30", "3e9", "1.5E+3", ".5". */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Beyond this exponent a written-out amount is absurd for a news figure (and costly to write out). */
const MAX_EXPONENT = 1000;

/**
 * The canonical form of a decimal written as a string, exactly ("017.910" → "17.91", "3e9" →
 * "3000000000", "-0.0" → "0"), or null when `text` is not a decimal number (or its exponent's
 * magnitude exceeds 1000).
 */
export function canonicalDecimal(text: string): string | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  if (!int && !frac) return null;
  const shift = Number(exp);
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > MAX_EXPONENT) return null;
  // All the digits, and where the point falls among them once the exponent is applied.
  const digits = `${int}${frac}`;
  let point = int.length + shift;
  let padded = digits;
  if (point > padded.length) padded += '0'.repeat(point - padded.length);
  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  const whole = padded.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = padded.slice(point).replace(/0+$/, '');
  const magnitude = fraction ? `${whole}.${fraction}` : whole;
  return sign === '-' && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

/** Significant digits a binary double carries exactly through decimal text and back (DBL_DIG). */
const DOUBLE_DIGITS = 15;

/**
 * A JSON number as an exact decimal, or why it cannot be one. JSON.parse has already turned the
 * sender's digits into a double, so only numbers that double is sure to have kept are taken:
 * integers within ±(2^53 − 1) (`Number.isSafeInteger`) and other numbers whose shortest decimal
 * form has at most 15 significant digits (every such decimal survives the double: 17.91, 0.3).
 * Anything else may already be rounded (9007199254740993 arrives as ...992) and is refused:
 * the sender must give the amount as a decimal string.
 */
export function decimalFromNumber(value: number): { ok: true; decimal: string } | { ok: false; message: string } {
  const refuse = (why: string) => ({
    ok: false as const,
    message: `${why}; give the exact amount as a decimal string, e.g. "9007199254740993" or "17.91"`,
  });
  if (!Number.isFinite(value)) return { ok: false, message: 'expected a finite number or a decimal string' };
  if (Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) return refuse(`${value} is beyond 2^53 as a JSON number, so it may already be rounded`);
    return { ok: true, decimal: String(value) };
  }
  const decimal = canonicalDecimal(String(value))!;
  const significant = decimal.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  if (significant > DOUBLE_DIGITS) return refuse(`${value} has more than ${DOUBLE_DIGITS} significant digits as a JSON number, so it may already be rounded`);
  return { ok: true, decimal };
}
