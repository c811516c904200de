/** Exact decimals (src/domain/decimal.ts): canonical strings, and which JSON numbers are exact. */
import { describe, expect, it } from 'vitest';
import { CANONICAL_DECIMAL, canonicalDecimal, decimalFromNumber } from '../../src/domain/decimal.ts';

describe('canonicalDecimal', () => {
  it.each([
    ['17.91', '17.91'], ['017.910', '17.91'], ['+0.30', '0.3'], ['-0.0', '0'], ['3e9', '3000000000'], ['1.5E+3', '1500'],
    ['.5', '0.5'], ['5.', '5'], ['-1e-21', '-0.000000000000000000001'], ['9007199254740993', '9007199254740993'],
    ['123456789012345678901234567890.000000000000001', '123456789012345678901234567890.000000000000001'],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
    expect(canonical).toMatch(CANONICAL_DECIMAL);
  });
  it.each(['', '.', '1,000', 'lots', '1e', '0x10', 'NaN', 'Infinity', '1e5000', '--1'])('refuses %j', (text) => {
    expect(canonicalDecimal(text)).toBeNull();
  });
});

describe('decimalFromNumber', () => {
  it.each([[12, '12'], [4294967297, '4294967297'], [17.91, '17.91'], [0.3, '0.3'], [-12.5, '-12.5'], [1e-7, '0.0000001'], [Number.MAX_SAFE_INTEGER, '9007199254740991']])(
    '%s → %s',
    (n, decimal) => expect(decimalFromNumber(n)).toEqual({ ok: true, decimal }),
  );
  it.each([2 ** 53, 9007199254740993, 1e21, 0.1 + 0.2, 1 / 3])('refuses %s, which may already be rounded', (n) => {
    const r = decimalFromNumber(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/decimal string/);
  });
});
