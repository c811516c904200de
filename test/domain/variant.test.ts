/**
 * Variant keys (src/domain/variant.ts): transliteration variants of one name share a key;
 * clearly different names do not.
 */
import { describe, expect, it } from 'vitest';
import { variantKey } from '../../src/domain/variant.ts';

/** Groups of spellings of one name: each group shares one key. */
const SAME: string[][] = [
  ['Mohammad Bagheri', 'Muhammad Baqeri', 'Mohammed Bagheri', 'Muhammed Baqeri', 'Mohamed Bagheri', 'Mohamad Baqeri'],
  ['Hossein Salami', 'Hussein Salami', 'Husayn Salami', 'Hosein Salami', 'Husain Salami', 'Hussain Salami'],
  ['Abbas Araghchi', 'Abbas Araqchi'],
  ['Hassan Rouhani', 'Hassan Rohani', 'Hasan Rouhany', 'Hassan Ruhani'],
  ['Mohammad Javad Zarif', 'Muhammad Javad Zareef'],
  ['Ali Larijani', 'Aly Larijani', 'ALI LARÍJANI'],
  ['Abdel Fattah el-Sisi', 'Abdul Fattah al-Sisi', 'Abdelfattah Al Sisi', 'Abd al-Fattah as-Sisi'],
  ['Mohammed Shia al-Sudani', 'Muhammad Shia Al Sudani', 'Mohammed Shia Sudani'],
  ['Tamim bin Hamad Al Thani', 'Tamim ibn Hamad Al-Thani'],
  ['Bashar al-Assad', 'Bashar Assad', 'Bashar el-Asad'],
  ['Ali Khamenei', "Ali Khamene'i", 'Ali Khameneï'],
  ['Abdullah Abdullah', 'Abdallah Abdallah', 'Abdollah Abdollah'],
  ['Nguyễn Phú Trọng', 'Nguyen Phu Trong'],
  ['Łódź', 'Lodz'],
  ['Mashhad', 'Mashad'],
  ['Qom', 'Ghom'],
  ['Al-Shabaab', 'al-Shabab'],
];

/** Pairs of different names that must keep different keys. */
const APART: [string, string][] = [
  ['Ali Larijani', 'Sadegh Larijani'],
  ['Imran Khan', 'Sadiq Khan'],
  ['Ali Khan', 'Ali Kahn'],
  ['Hassan Rouhani', 'Hossein Rouhani'],
  ['Hassan Nasrallah', 'Hossein Nasrallah'],
  ['Ellen Johnson', 'Allan Johnson'],
  ['Marie Dupont', 'Maria Dupont'],
  ['Jan Kowalski', 'Jen Kowalski'],
  ['Jon Park', 'Jun Park'],
  ['Jason Lee', 'Jason Li'],
  ['Ali Said', 'Ala Said'],
  ['Omar Khan', 'Amer Khan'],
  ['Al Gore', 'Gore'],
  ['El Salvador', 'Salvador'],
  ['Michael Novak', 'Michal Novak'],
  ['Mohammad Bagheri', 'Mohammad Baghaei'],
  ['Khan', 'Han'],
  ['東京', '京都'],
];

describe('variantKey', () => {
  for (const group of SAME)
    it(`one key: ${group.join(' / ')}`, () => {
      const keys = group.map(variantKey);
      expect(new Set(keys).size, JSON.stringify(keys)).toBe(1);
      expect(keys[0]).not.toBe('');
    });

  for (const [a, b] of APART)
    it(`apart: ${a} / ${b}`, () => {
      expect(variantKey(a)).not.toBe(variantKey(b));
    });

  it('is a function of the folded name: folding variants of one spelling share a key', () => {
    expect(variantKey('MOHAMMAD  bagheri')).toBe(variantKey('Mohammad Bagheri'));
    expect(variantKey('Mohammad Bāqer Qālībāf')).toBe(variantKey('Muhammad Baqer Ghalibaf'));
  });

  it('keeps scripts foldName keeps, and gives "" for nothing word-like', () => {
    expect(variantKey('東京')).toBe('東京');
    expect(variantKey('—')).toBe('');
  });

  it('keys a surname alone as one word (the loader never resolves people on it)', () => {
    expect(variantKey('Larijani').split(' ')).toHaveLength(1);
    expect(variantKey('al-Sudani')).toBe('sudani');
  });
});
