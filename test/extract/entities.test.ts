/**
 * People, organisations and places (src/extract/stages/entities.ts with people.ts,
 * organisations.ts, places.ts): the hard cases of issue 11 on short texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Doc, EntityDraft } from '../../src/extract/document.ts';
import { entities } from '../../src/extract/stages/entities.ts';
import { names } from '../../src/extract/stages/names.ts';
import { createDoc } from '../../src/extract/stages/segment.ts';

const run = (body: string | string[], headline = 'Officials meet for talks', extra: { published?: string; dateline?: string } = {}): Doc => {
  const doc = createDoc({ headline, body: Array.isArray(body) ? body.join('\n') : body, ...extra });
  names(doc);
  entities(doc);
  return doc;
};
const people = (doc: Doc) => doc.entities.filter((e) => e.type === 'person');
/** The organisations or places of `doc` as [name, kind], in the order of the entity list. */
const kinds = (doc: Doc, type: 'organisation' | 'place') => doc.entities.filter((e) => e.type === type).map((e) => [e.name, e.kind]);
const byName = (doc: Doc, name: string): EntityDraft => {
  const e = doc.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity "${name}" in ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
};
const idOf = (doc: Doc, name: string) => byName(doc, name).id;
const roles = (doc: Doc, name: string) =>
  byName(doc, name).roles.map((r) => ({
    title: r.title,
    ...(r.organisation ? { organisation: doc.entities.find((e) => e.id === r.organisation)!.name } : {}),
    ...(r.country ? { country: doc.entities.find((e) => e.id === r.country)!.name } : {}),
  }));

describe('people', () => {
  it('reads a title before a name, with the country from a possessive, a demonym or "of"', () => {
    const doc = run([
      'Zambia’s Interior Minister Joseph Banda met Namibian Foreign Minister Helena Shikongo in Lusaka.',
      'President of Namibia, Peter Nghidinwa, sent greetings.',
    ]);
    expect(people(doc).map((p) => p.name)).toEqual(['Joseph Banda', 'Helena Shikongo', 'Peter Nghidinwa']);
    expect(roles(doc, 'Joseph Banda')).toEqual([{ title: 'Interior Minister', country: 'Zambia' }]);
    expect(roles(doc, 'Peter Nghidinwa')).toEqual([{ title: 'President', country: 'Namibia' }]);
    // "Namibian" names no place: a demonym alone is the country of a role only when the text names the country
    expect(roles(doc, 'Helena Shikongo')).toEqual([{ title: 'Foreign Minister', country: 'Namibia' }]);
    expect(byName(doc, 'Joseph Banda').mentions[0]).toMatchObject({ text: 'Joseph Banda', rule: 'title-before-name' });
  });

  it('reads an apposition role with its organisation, the organisation’s acronym and country', () => {
    const doc = run([
      'Reza Karimi, Secretary of Iran’s Supreme Defence Council (SDC), arrived in Ankara.',
      'The SDC said the visit would last two days. Karimi later met reporters.',
    ]);
    const council = byName(doc, 'Supreme Defence Council');
    expect(council).toMatchObject({ type: 'organisation', kind: 'GOVERNMENT_BODY', acronym: 'SDC', country: idOf(doc, 'Iran') });
    expect(council.mentions.map((m) => m.text)).toEqual(['Supreme Defence Council', 'SDC', 'SDC']);
    expect(roles(doc, 'Reza Karimi')).toEqual([{ title: 'Secretary', organisation: 'Supreme Defence Council', country: 'Iran' }]);
    expect(byName(doc, 'Reza Karimi').aliases).toEqual(['Karimi']);
  });

  it('attaches a surname-only later mention to the one full-named person', () => {
    const doc = run(['Finance Minister Grace Achieng presented the budget.', 'Achieng said revenue would rise. “We are ready,” Achieng told MPs.']);
    const grace = byName(doc, 'Grace Achieng');
    expect(people(doc)).toHaveLength(1);
    expect(grace.aliases).toEqual(['Achieng']);
    expect(grace.mentions.map((m) => m.text)).toEqual(['Grace Achieng', 'Achieng', 'Achieng']);
  });

  it('keeps two people sharing a surname apart; a surname alone goes to the nearest one mentioned before it', () => {
    const doc = run([
      'Foreign Minister Daniel Mwangi met Trade Minister Ruth Mwangi on Monday.',
      'Later, Energy Secretary Paul Otieno spoke. The ministers then left.',
      'Ruth Mwangi spoke first. Mwangi said exports grew.',
    ]);
    expect(people(doc).map((p) => p.name)).toEqual(['Daniel Mwangi', 'Ruth Mwangi', 'Paul Otieno']);
    const ruth = byName(doc, 'Ruth Mwangi');
    expect(ruth.mentions.map((m) => m.text)).toEqual(['Ruth Mwangi', 'Ruth Mwangi', 'Mwangi']);
    expect(byName(doc, 'Daniel Mwangi').mentions).toHaveLength(1);
  });

  it('reads a title word that is also a surname as a name ("Julie Bishop", "Mr. King")', () => {
    const doc = run(['Former Foreign Minister Julie Bishop met Mr. Andrew King in Perth.', 'Bishop said the talks went well, and King agreed.', 'Bishop Tom Rae blessed the meeting.']);
    expect(people(doc).map((p) => p.name)).toEqual(['Julie Bishop', 'Andrew King', 'Tom Rae']);
    expect(byName(doc, 'Julie Bishop').aliases).toEqual(['Bishop']);
    expect(byName(doc, 'Andrew King').aliases).toEqual(['King']);
    expect(roles(doc, 'Tom Rae')).toEqual([{ title: 'Bishop' }]);
  });

  it('keeps honorifics out of names without cutting real names, and keeps a name style', () => {
    const doc = run([
      'H.E. Dr. Amina Yusuf received Mrs. Clara Obi and Sheikh Hamad bin Jassim al-Thani.',
      'Sheikh Hamad thanked Yusuf. King Abdullah sent a message.',
    ]);
    expect(people(doc).map((p) => p.name)).toEqual(['Amina Yusuf', 'Clara Obi', 'Sheikh Hamad bin Jassim al-Thani', 'King Abdullah']);
    expect(byName(doc, 'Sheikh Hamad bin Jassim al-Thani').aliases).toEqual(['Sheikh Hamad']);
    expect(roles(doc, 'King Abdullah')).toEqual([{ title: 'King' }]);
  });

  it('reads a person from a verb of speech and from a cue word, in both orders', () => {
    const doc = run(['“We will sign,” said Kofi Mensah.', 'Lars Berg told reporters he would meet his counterpart Ana Ruiz.']);
    expect(people(doc).map((p) => [p.name, p.mentions[0]!.rule])).toEqual([
      ['Kofi Mensah', 'speech-verb'],
      ['Lars Berg', 'speech-verb'],
      ['Ana Ruiz', 'cue-before'],
    ]);
  });

  it('reads a plural title before a list of names, pairing demonyms in order', () => {
    const doc = run(['The Chilean and Peruvian presidents Marta Rojas and Luis Huaman met in Lima, Peru, near the border with Chile.']);
    expect(roles(doc, 'Marta Rojas')).toEqual([{ title: 'President', country: 'Chile' }]);
    expect(roles(doc, 'Luis Huaman')).toEqual([{ title: 'President', country: 'Peru' }]);
  });

  it('renames a person to a fuller form found later, and reads a byline, a possessor and a passive subject', () => {
    const doc = run(['By Nadia Farouk', 'President Kamau opened the session.', 'Later, John Kamau left. Ali Hassan was elected speaker. Musa Bello’s spokesman denied it.']);
    expect(people(doc).map((p) => [p.name, p.mentions[0]!.rule])).toEqual([
      ['Nadia Farouk', 'byline'],
      ['John Kamau', 'title-before-name'],
      ['Ali Hassan', 'subject-of-act'],
      ['Musa Bello', 'possessor'],
    ]);
    expect(byName(doc, 'John Kamau').aliases).toEqual(['Kamau']);
  });

  it('makes no person of the rest of a run whose sentence-initial word was dropped, nor of a name after a preposition', () => {
    const doc = run(['Observers said the vote was fair. Analysts at Harlow Brothers said growth would slow.', 'Coastal Fisheries Watch said stocks fell.']);
    expect(people(doc)).toEqual([]);
  });

  it('takes another name given with "known as" or in parentheses as an alias', () => {
    const doc = run(['Crown Prince Khalid bin Nasser, known as KBN, met Senator Ruth Adeyemi (RA).', 'KBN left early.']);
    expect(byName(doc, 'Khalid bin Nasser').aliases).toEqual(['KBN']);
    expect(byName(doc, 'Khalid bin Nasser').mentions).toHaveLength(3);
    expect(byName(doc, 'Ruth Adeyemi').aliases).toEqual(['RA']);
  });

  it('reads a title made of two heads ("General Secretary") and the party before it', () => {
    const doc = run(['He met Labour Party General Secretary Tom Hale.']);
    expect(roles(doc, 'Tom Hale')).toEqual([{ title: 'General Secretary', organisation: 'Labour Party' }]);
  });

  it('gives the same person initials and a fuller spelling as aliases', () => {
    const doc = run(['Ambassador B.K.Dorjsuren arrived. He was greeted by Ambassador Bat Dorjsuren’s staff.', 'Later Minister Tuya Dorjsuren left.']);
    expect(people(doc).map((p) => p.name)).toEqual(['Bat Dorjsuren', 'Tuya Dorjsuren']);
    expect(byName(doc, 'Bat Dorjsuren').aliases).toEqual(['B.K.Dorjsuren']);
  });
});

describe('organisations', () => {
  it('reads kinds from head words and a demonym into the name', () => {
    const doc = run([
      'The Kenyan Foreign Ministry, the National Assembly, the Freedom Party and Lakeside Airways commented.',
      'The Central Bank of Kenya and the Rift Valley Army stayed silent.',
    ]);
    expect(Object.fromEntries(kinds(doc, 'organisation'))).toEqual({
      'Kenyan Foreign Ministry': 'MINISTRY',
      'National Assembly': 'LEGISLATURE',
      'Freedom Party': 'PARTY',
      'Lakeside Airways': 'COMPANY',
      'Central Bank of Kenya': 'GOVERNMENT_BODY',
      'Rift Valley Army': 'MILITARY',
    });
    expect(byName(doc, 'Kenyan Foreign Ministry')).toMatchObject({ aliases: ['Foreign Ministry'] });
  });

  it('defines an acronym in parentheses and finds it used alone; an international organisation by acronym', () => {
    const doc = run(['The Coastal Fisheries Authority (CFA) met the African Union (AU).', 'The CFA and the AU agreed. WHO officials attended.']);
    expect(byName(doc, 'Coastal Fisheries Authority')).toMatchObject({ acronym: 'CFA', kind: 'GOVERNMENT_BODY' });
    expect(byName(doc, 'Coastal Fisheries Authority').mentions).toHaveLength(3);
    expect(byName(doc, 'African Union')).toMatchObject({ acronym: 'AU', kind: 'INTERNATIONAL_ORGANISATION' });
    expect(byName(doc, 'African Union').mentions).toHaveLength(3);
    expect(byName(doc, 'World Health Organization').kind).toBe('INTERNATIONAL_ORGANISATION');
  });

  it('reads an acronym spelling a known name’s initials as that organisation', () => {
    const doc = run(['The National Water Board said supply was safe.', 'The NWB will publish data.']);
    expect(byName(doc, 'National Water Board')).toMatchObject({ acronym: 'NWB' });
  });

  it('never makes a social-media platform an organisation', () => {
    const doc = run(['Minister Ada Eze wrote on Facebook and X that Twitter users were wrong.']);
    expect(doc.entities.filter((e) => e.type === 'organisation')).toEqual([]);
  });

  it('makes a state that acts a STATE organisation linked to its country place', () => {
    const doc = run(['Malawi hosted the summit, and Zambia and Angola signed a rail deal.', 'Delegates arrived in Malawi.']);
    const states = doc.entities.filter((e) => e.kind === 'STATE');
    expect(states.map((e) => e.name)).toEqual(['Malawi', 'Zambia', 'Angola']);
    for (const s of states) expect(doc.entities.find((e) => e.id === s.country)).toMatchObject({ type: 'place', kind: 'COUNTRY', name: s.name });
    expect(byName(doc, 'Malawi').type).toBe('place');
  });

  it('reads a one-word institution ("the Kremlin") and a national body named like an international one', () => {
    const doc = run(['Kremlin spokesman Ivan Sorokin denied the report.', 'The Kenya Private Sector Alliance (KEPSA) disagreed.']);
    expect(byName(doc, 'Kremlin').kind).toBe('GOVERNMENT_BODY');
    expect(roles(doc, 'Ivan Sorokin')).toEqual([{ title: 'Spokesman', organisation: 'Kremlin' }]);
    expect(byName(doc, 'Kenya Private Sector Alliance')).toMatchObject({ kind: 'OTHER', acronym: 'KEPSA' });
    expect(run(['The Japan International Cooperation Agency (JICA) lent the money.']).entities.find((e) => e.acronym === 'JICA')?.kind).toBe('GOVERNMENT_BODY');
  });

  it('keeps an unknown abbreviated title out of a name ("CSG Patricia ...")', () => {
    const doc = run(['CSG Amelia Grant noted the progress. Grant said so.']);
    expect(people(doc).map((p) => [p.name, p.aliases])).toEqual([['Amelia Grant', ['Grant']]]);
  });

  it('reads a one-word name that speaks and is nobody’s name as an organisation, and its executives’ employer', () => {
    const doc = run(['PARIS – Velarion said on Monday it would build a plant. Its chief, Velarion Chief Executive Anna Moreau, confirmed it.', 'The budget carrier SkyMoro also ordered jets.']);
    expect(byName(doc, 'Velarion')).toMatchObject({ type: 'organisation', kind: 'OTHER' });
    expect(roles(doc, 'Anna Moreau')).toEqual([{ title: 'Chief Executive', organisation: 'Velarion' }]);
    expect(byName(doc, 'SkyMoro')).toMatchObject({ type: 'organisation', kind: 'COMPANY' });
  });

  it('reads an acronym of a known organisation followed by a head as a body of its own ("AU Commission")', () => {
    const doc = run(['AU Commission Chairperson Amara Diallo opened the session.']);
    expect(roles(doc, 'Amara Diallo')).toEqual([{ title: 'Chairperson', organisation: 'AU Commission' }]);
  });

  it('lists names after a class noun as organisations of that kind', () => {
    const doc = run(['Executives of the mining companies Orvex, Tamlin and Quarrow joined.']);
    expect(kinds(doc, 'organisation')).toEqual([['Orvex', 'COMPANY'], ['Tamlin', 'COMPANY'], ['Quarrow', 'COMPANY']]);
  });

  it('reads the dateline’s agency as a news organisation', () => {
    const doc = run('DODOMA, March 3 (Tanzania Daily Wire) – Officials met.');
    expect(byName(doc, 'Tanzania Daily Wire').kind).toBe('MEDIA');
  });
});

describe('places', () => {
  it('reads countries with ISO codes, cities with their named country, regions; demonyms add no place', () => {
    const doc = run(['Ugandan officials met in Kampala, Uganda, to discuss East Africa and the Horn of Africa.', 'Burundian envoys also came.']);
    expect(kinds(doc, 'place')).toEqual([['Uganda', 'COUNTRY'], ['East Africa', 'REGION'], ['Horn of Africa', 'REGION'], ['Kampala', 'CITY']]);
    expect(byName(doc, 'Uganda').iso3166).toBe('UG');
    expect(byName(doc, 'Kampala').country).toBe(idOf(doc, 'Uganda'));
    expect(doc.entities.some((e) => e.name === 'Burundi')).toBe(false);
  });

  it('reads buildings and sites as OTHER places', () => {
    const doc = run(['The president received her at Kilima House before a dinner at the Jade Palace near the Amani airport.']);
    expect(kinds(doc, 'place')).toEqual([['Kilima House', 'OTHER'], ['Jade Palace', 'OTHER'], ['Amani airport', 'OTHER']]);
  });

  it('reads the dateline’s place as a city and links it', () => {
    const doc = run('LUSAKA – Officials met in Lusaka on Monday.');
    const lusaka = byName(doc, 'Lusaka');
    expect(lusaka.kind).toBe('CITY');
    expect(doc.dateline!.place).toBe(lusaka.id);
    expect(lusaka.mentions.map((m) => m.rule)).toEqual(['dateline', 'gazetteer-city']);
  });

  it('reads a name after "in", and both ends of "from X to Y", as places even when the gazetteer lacks them', () => {
    const doc = run(['The delegation stopped in Kilwa Masoko before going home.', 'The line will run from Bagamoyo to Msata.']);
    expect(byName(doc, 'Kilwa Masoko')).toMatchObject({ type: 'place', kind: 'OTHER' });
    expect(byName(doc, 'Bagamoyo')).toMatchObject({ type: 'place', kind: 'OTHER' });
    expect(byName(doc, 'Msata')).toMatchObject({ type: 'place', kind: 'OTHER' });
  });

  it('reads an unknown town followed by its country as a city of that country', () => {
    const doc = run(['The talks were held in Kibaha, Tanzania, on Friday.']);
    expect(byName(doc, 'Kibaha')).toMatchObject({ kind: 'CITY', country: idOf(doc, 'Tanzania') });
  });

  it('reads "Republic of X" and "X Province" as regions', () => {
    const doc = run(['The governor of Helmand Province met the Head of the Republic of Tuva, Sholban Kara-ool.']);
    expect(byName(doc, 'Helmand Province').kind).toBe('REGION');
    expect(byName(doc, 'Republic of Tuva').kind).toBe('REGION');
  });
});

describe('the whole stage', () => {
  it('extracts from an HTML body', () => {
    const doc = run('<p>ACCRA – <b>Prime Minister</b> Kwesi Appiah met Togolese President Faure Lamboni.</p><p>Appiah said trade would grow.</p>', 'Ghana and Togo talk trade');
    expect(people(doc).map((p) => p.name)).toEqual(['Kwesi Appiah', 'Faure Lamboni']);
    expect(byName(doc, 'Accra').kind).toBe('CITY');
  });

  it('sets rel and relevance from the headline, the opening and the number of mentions', () => {
    const doc = run(['Ghana’s President John Amoah met Foreign Minister Efua Asante in Accra.', 'Amoah said the meeting went well. Amoah left.', 'Asante stayed.'], 'Amoah meets Asante');
    expect(byName(doc, 'John Amoah')).toMatchObject({ rel: 'about', relevance: 1 });
    expect(byName(doc, 'Accra')).toMatchObject({ rel: 'mentions', relevance: 0.35 });
  });

  it('gives every entity, mention and role evidence with offsets into Doc.text', () => {
    const doc = run(['Minister of Trade of Peru Rosa Quispe, head of the Andean Trade Council (ATC), met Chile’s Ambassador to Peru Luis Soto.']);
    for (const e of doc.entities) {
      expect(e.evidence.stage).toBe('entities');
      for (const [s, t] of e.evidence.spans) expect(t).toBeGreaterThan(s);
      for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      for (const r of e.roles) expect(r.evidence.spans.length).toBe(1);
    }
    expect(roles(doc, 'Luis Soto')).toEqual([{ title: 'Ambassador to Peru', country: 'Chile' }]);
    expect(roles(doc, 'Rosa Quispe')[0]).toEqual({ title: 'Minister of Trade', country: 'Peru' });
  });
});
