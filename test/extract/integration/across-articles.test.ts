/**
 * Two articles, extracted and loaded one after the other: transliteration variants of one name
 * become one person (the second spelling an alias), while two people who share a surname stay
 * two. Texts written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.ts';
import { loadBundle } from '../../../src/ingest/load.ts';
import { tempDb } from '../../ingest/helpers.ts';

const FIRST = {
  headline: 'Iranian foreign minister arrives in Muscat for talks',
  body: [
    "MUSCAT – Iran's Foreign Minister Abbas Araghchi arrived in Muscat on Sunday for talks with Omani Foreign Minister Badr Albusaidi on regional shipping.",
    '“We came to listen and to find common ground,” Araghchi told reporters at the airport.',
    'Former speaker Ali Larijani and his brother Sadegh Larijani were not part of the delegation, officials said.',
  ].join('\n'),
  published: '2025-05-12T08:00:00Z',
  uri: 'urn:newsgraph:test:araghchi-muscat',
};

const SECOND = {
  headline: 'Oman hosts second round of talks with Iranian minister',
  body: [
    'Foreign Minister Abbas Araqchi met Omani officials in Muscat on Saturday for a second round of talks, the Iranian foreign ministry said.',
    '“The talks were useful and frank,” Araqchi said after the meeting.',
  ].join('\n'),
  published: '2025-05-25T08:00:00Z',
  uri: 'urn:newsgraph:test:araqchi-second-round',
};

describe('extraction across two articles', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    t = await tempDb();
    await loadBundle(t.db, extractArticle(FIRST).bundle);
    await loadBundle(t.db, extractArticle(SECOND).bundle);
  });
  afterAll(() => t.close());

  const people = async () =>
    (await t.db.$client.execute(`select p.name, (select group_concat(a.name, '|') from aliases a where a.person_id = p.id) aliases,
      (select count(*) from article_people l where l.person_id = p.id) articles from people p order by p.name`)).rows.map((r) => ({ ...r }));

  it('makes Araghchi and Araqchi one person, linked to both articles, the second spelling an alias', async () => {
    const rows = (await people()).filter((p) => /Abbas/.test(String(p.name)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Abbas Araghchi', articles: 2 });
    expect(String(rows[0]!.aliases).split('|')).toContain('Abbas Araqchi');
  });

  it('keeps two people who share a surname apart', async () => {
    const names = (await people()).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Ali Larijani', 'Sadegh Larijani']));
  });
});
