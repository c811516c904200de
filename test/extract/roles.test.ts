/**
 * Offices read from counterparts (src/extract/stages/roles.ts `counterpartRoles`), on texts
 * written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/extract/document.ts';
import { entities } from '../../src/extract/stages/entities.ts';
import { names } from '../../src/extract/stages/names.ts';
import { createDoc } from '../../src/extract/stages/segment.ts';

const run = (body: string[]): Doc => {
  const doc = createDoc({ headline: 'Ministers meet on trade', body: body.join('\n') });
  names(doc);
  entities(doc);
  return doc;
};
const rolesOf = (doc: Doc, name: string) =>
  doc.entities
    .find((e) => e.name === name)!
    .roles.map((r) => ({ title: r.title, country: doc.entities.find((e) => e.id === r.country)?.name, rule: r.evidence.rule }));

describe('counterparts', () => {
  it('a counterpart holds the same office, in the country of the demonym the text names', () => {
    const doc = run(['Peruvian Trade Minister Rosa Quispe met her Bolivian counterpart, Mateo Flores, in Lima on Friday.', 'Bolivia wants a new port deal.']);
    expect(rolesOf(doc, 'Mateo Flores')).toEqual([{ title: 'Trade Minister', country: 'Bolivia', rule: 'counterpart' }]);
    expect(doc.entities.find((e) => e.name === 'Mateo Flores')!.nationality).toBe(doc.entities.find((e) => e.name === 'Bolivia')!.id);
  });

  it('without a demonym the office alone; a person with an office of their own keeps it', () => {
    const doc = run(['Prime Minister Ana Duarte received her counterpart Lars Holm.', 'Deputy Mayor Ines Costa greeted his counterpart, Mayor Pavel Novak.']);
    expect(rolesOf(doc, 'Lars Holm')).toEqual([{ title: 'Prime Minister', country: undefined, rule: 'counterpart' }]);
    expect(rolesOf(doc, 'Pavel Novak').map((r) => r.title)).toEqual(['Mayor']);
  });

  it('needs the other person before the cue, in the same sentence', () => {
    const doc = run(['Officials said his counterpart, Omar Said, would arrive later.']);
    const omar = doc.entities.find((e) => e.name === 'Omar Said');
    expect(omar).toBeDefined();
    expect(omar!.roles).toEqual([]);
  });
});
