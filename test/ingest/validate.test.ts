/**
 * Input forms and rejection: bundles, plain ninjs 3.1 / 2.2 / 1.x items are accepted; an
 * invalid input is rejected whole, every problem listed with its JSON path, nothing written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { normaliseInput } from '../../src/ingest/normalise.ts';
import { BundleRejected, validateBundle } from '../../src/ingest/validate.ts';
import { bundle, hasShared, ninjsValidator, repoRoot, seedBundle, seededDb, snapshot } from './helpers.ts';

let db: Database;
let close: () => void;
beforeAll(async () => ({ db, close } = await seededDb()));
afterAll(() => close());

async function rejection(input: unknown) {
  const err = await loadBundle(db, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BundleRejected);
  return (err as BundleRejected).problems;
}

describe('rejection', () => {
  it('lists every problem with its JSON path, and writes nothing', async () => {
    const before = await snapshot(db);
    const bad = bundle('urn:test:bad', {
      people: [
        { key: 'a', name: 'Anna Bell', rel: 'about', nationality: 'nowhere', roles: [{ title: 'Chair', organisation: 'b' }] },
        { key: 'a', name: '   ' },
      ],
      organisations: [{ key: 'org', name: 'Org', kind: 'NOT_A_KIND' }],
      engagements: [{ key: 'e', kind: 'MEETING', cameo: '999', summary: 'Met', participants: [{ actor: 'ghost', role: 'HOST' }] }],
      quotes: [{ text: 'never printed', speaker: 'a' }],
      figures: [{ text: '$3', value: 'three' }],
    });
    (bad.ninjs as Record<string, unknown>).firstCreated = 'yesterday';
    const problems = await rejection(bad);
    const paths = problems.map((p) => p.path);
    // Shape errors (zod) come first and alone: semantic checks need a parsed bundle.
    expect(paths).toEqual(
      expect.arrayContaining([
        'ninjs.firstCreated',
        'annotations.people.1.name',
        'annotations.organisations.0.kind',
        'annotations.figures.0.value',
      ]),
    );
    for (const p of problems) expect(p.message).toBeTruthy();
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports semantic problems all at once (keys, CAMEO, quotes, literals, headline)', async () => {
    const before = await snapshot(db);
    const bad = bundle('urn:test:bad2', {
      people: [
        { key: 'a', name: 'Anna Bell', rel: 'about', nationality: 'nowhere', roles: [{ title: 'Chair', organisation: 'b' }] },
        { key: 'a', name: 'Anna Two' },
        { key: 'c', name: '!!!' },
      ],
      engagements: [{ key: 'e', kind: 'MEETING', cameo: '999', summary: 'Met', participants: [{ actor: 'ghost', role: 'HOST' }] }],
      quotes: [{ text: 'never printed', speaker: 'a' }],
    });
    bad.ninjs.headlines = [];
    (bad.ninjs as Record<string, unknown>).people = [{ literal: 'e', rel: 'about' }, { name: 'X', rel: 'subject' }];
    const problems = await rejection(bad);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'annotations.people.1.key',
        'annotations.people.2.name',
        'annotations.people.0.nationality',
        'annotations.people.0.roles.0.organisation',
        'annotations.engagements.0.cameo',
        'annotations.engagements.0.participants.0.actor',
        'annotations.quotes.0.text',
        'ninjs.people.0.literal',
        'ninjs.people.1.rel',
        'ninjs.headlines',
      ].sort(),
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses what is not a bundle or an item, and unresolvable dates, with a path', async () => {
    expect((await rejection(42))[0]).toMatchObject({ path: '' });
    expect((await rejection({ headline: 'no uri' }))[0]).toMatchObject({ path: '' });
    const badDate = bundle('urn:test:date', {
      people: [{ key: 'a', name: 'Anna Bell' }],
      engagements: [
        { key: 'e', kind: 'CALL', cameo: '040', summary: 'A call', date: { edtf: 'not-edtf' }, participants: [{ actor: 'a', role: 'PARTICIPANT' }] },
      ],
    });
    expect((await rejection(badDate)).map((p) => p.path)).toEqual(['annotations.engagements.0.date']);
  });

  it('dates are never guessed: unreadable date words are problems listed with every other, unless stated unknown', async () => {
    const before = await snapshot(db);
    const call = (key: string, date: Record<string, unknown>) => ({
      key, kind: 'CALL', cameo: '040', summary: `Call ${key}`, date, participants: [{ actor: 'a', role: 'PARTICIPANT' }],
    });
    const bad = bundle('urn:test:unread-dates', {
      people: [{ key: 'a', name: 'Anna Bell', rel: 'about', roles: [{ title: 'Chair', started: { text: 'in the 12th month' } }] }],
      engagements: [
        call('e0', { text: 'on Monday' }),
        call('e1', { text: 'sometime next yesterday' }),
        call('e2', { text: '2025-02-30' }),
        call('e3', { text: 'in the 12th month' }),
        call('e4', { text: 'at an undisclosed date', precision: 'UNKNOWN' }),
        call('e5', { text: 'in the 12th month', edtf: '2025-12' }),
        { ...call('e6', { text: 'late October' }), cameo: '999' },
      ],
    });
    const problems = await rejection(bad);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'annotations.people.0.roles.0.started.text',
        'annotations.engagements.1.date.text',
        'annotations.engagements.2.date.text',
        'annotations.engagements.3.date.text',
        'annotations.engagements.6.cameo',
      ].sort(),
    );
    expect(problems.find((p) => p.path === 'annotations.engagements.1.date.text')!.message).toMatch(/"next" unread/);
    expect(problems.find((p) => p.path === 'annotations.engagements.3.date.text')!.message).toMatch(/no date could be read.*precision "UNKNOWN"/);
    expect(await snapshot(db)).toEqual(before);

    // Stated unknown on purpose: kept as printed, precision UNKNOWN, no bounds.
    const unknown = bundle('urn:test:unknown-date', {
      people: [{ key: 'a', name: 'Anna Bell', rel: 'about' }],
      engagements: [call('e', { text: 'at an undisclosed date', precision: 'UNKNOWN' })],
    });
    expect(validateBundle(unknown).ok).toBe(true);
  });

  it('refuses NUL characters in any text, listing each with its path', () => {
    const b = bundle('urn:test:nul', { people: [{ key: 'p1', name: 'Nul\u0000Person' }], body: 'A body\u0000 with a NUL.' });
    const v = validateBundle(b);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      const nul = v.problems.filter((p) => p.message.includes('NUL'));
      expect(nul.map((p) => p.path).sort()).toEqual(['annotations.people.0.name', 'ninjs.bodies.0.value']);
    }
  });

  it('paths of a plain ninjs item are relative to the item', () => {
    const v = validateBundle({ uri: 'not a uri', headlines: [{ value: 'H' }], bodies: [{ value: 'B' }], firstcreated: 'x' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.path).sort()).toEqual(['firstCreated', 'uri']);
  });
});

describe('input forms', () => {
  const item31 = {
    uri: 'urn:test:plain31',
    type: 'text',
    versionCreated: '2025-11-24T09:30:00Z',
    language: 'en',
    headlines: [{ role: 'main', value: 'Plain item' }],
    bodies: [{ role: 'main', contentType: 'text/plain', value: 'Body.' }],
    people: [{ name: 'Ali Larijani', rel: 'about' }],
  };

  it('a bundle passes through; a 3.1 item is wrapped', () => {
    const b = seedBundle();
    expect(normaliseInput(b)).toEqual({ bundle: b, form: 'bundle' });
    expect(normaliseInput(item31)).toEqual({ bundle: { ninjs: item31 }, form: 'ninjs-3' });
  });

  it('a ninjs 2.2 item (lower-case names) becomes 3.1, valid against both schemas where it was', () => {
    const item22 = {
      uri: 'urn:test:plain22',
      type: 'text',
      versioncreated: '2025-11-24T09:30:00Z',
      firstcreated: '2025-11-24T08:00:00Z',
      pubstatus: 'usable',
      altids: [{ role: 'internal', value: '42' }],
      copyrightnotice: '(c) Test',
      headlines: [{ role: 'main', value: 'Old item' }],
      bodies: [{ role: 'main', contenttype: 'text/plain', charcount: 5, value: 'Body.' }],
      people: [{ name: 'Ali Larijani', rel: 'about' }],
      places: [{ name: 'Tehran', rel: 'mentions', geojson: { type: 'Point', coordinates: [51.4, 35.7] } }],
    };
    if (hasShared) expect(ninjsValidator('2.2')(item22)).toEqual([]);
    const { bundle: b, form } = normaliseInput(item22);
    expect(form).toBe('ninjs-2');
    const n = (b as { ninjs: Record<string, unknown> }).ninjs;
    expect(n).toMatchObject({
      versionCreated: '2025-11-24T09:30:00Z',
      firstCreated: '2025-11-24T08:00:00Z',
      pubStatus: 'usable',
      altIds: [{ role: 'internal', value: '42' }],
      copyrightNotice: '(c) Test',
      bodies: [{ role: 'main', contentType: 'text/plain', charCount: 5, value: 'Body.' }],
      places: [{ name: 'Tehran', rel: 'mentions', geoJSON: { type: 'Point', coordinates: [51.4, 35.7] } }],
    });
    expect(n).not.toHaveProperty('versioncreated');
    if (hasShared) expect(ninjsValidator('3.1')(n)).toEqual([]);
  });

  it('a ninjs 1.x item (headline, body_text, person) becomes 3.1', () => {
    const { bundle: b, form } = normaliseInput({
      uri: 'urn:test:plain1',
      headline: 'Very old item',
      body_text: 'Plain body.',
      body_html: '<p>Plain body.</p>',
      person: [{ name: 'Someone', rel: 'about' }],
      versioncreated: '2014-01-01T00:00:00Z',
    });
    expect(form).toBe('ninjs-1');
    expect((b as { ninjs: unknown }).ninjs).toEqual({
      uri: 'urn:test:plain1',
      headlines: [{ role: 'main', value: 'Very old item' }],
      bodies: [
        { role: 'main', contentType: 'text/plain', value: 'Plain body.' },
        { role: 'richtext', contentType: 'text/html', value: '<p>Plain body.</p>' },
      ],
      people: [{ name: 'Someone', rel: 'about' }],
      versionCreated: '2014-01-01T00:00:00Z',
    });
  });

  it('a plain item loads: its people, organisations and places become entities and links', async () => {
    const r = await loadBundle(db, { ...item31, organisations: [{ name: 'SNSC', rel: 'mentions' }], places: [{ name: 'Tehran', rel: 'mentions' }] });
    expect(r.created).toBe(true);
    const links = (
      await db.$client.execute({
        sql: `select 'p:' || p.name || ':' || l.rel n from article_people l join people p on p.id = l.person_id where l.article_id = ?
              union all select 'o:' || o.name || ':' || l.rel from article_organisations l join organisations o on o.id = l.organisation_id where l.article_id = ?
              union all select 'l:' || p.name || ':' || p.kind || ':' || l.rel from article_places l join places p on p.id = l.place_id where l.article_id = ?`,
        args: [r.articleId, r.articleId, r.articleId],
      })
    ).rows.map((x) => x.n);
    // Resolved to the seed's entities: the person by name, the council by its acronym, the city by name (kind kept).
    expect(links.sort()).toEqual(['l:Tehran:CITY:mentions', 'o:Supreme National Security Council:mentions', 'p:Ali Larijani:about']);
    const published = await db.$client.execute({ sql: 'select published_at from articles where id = ?', args: [r.articleId] });
    expect(published.rows[0]!.published_at).toBe('2025-11-24T09:30:00Z');
  });

  it('the generated JSON Schema (schema/article-bundle.schema.json) accepts the seed bundle', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/article-bundle.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(seedBundle()) ? [] : validate.errors).toEqual([]);
    expect(validate({ ninjs: { uri: 'urn:x' }, annotations: { people: [{ key: 'BAD KEY', name: 'x' }] } })).toBe(false);
  });
});
