/**
 * Input normalisation: everything `loadBundle` accepts becomes an article bundle
 * (`{ ninjs, annotations? }`, see ./bundle.ts) before validation.
 *
 * Accepted forms:
 * - an article bundle: passed through unchanged (its `ninjs` part is still normalised, so a
 *   bundle may carry a 2.2 item);
 * - a plain ninjs 3.1 item (camelCase: `versionCreated`, `altIds` ...): wrapped as
 *   `{ ninjs: item }`; its people, organisations and places become entities and links in the
 *   loader (`mergeNinjsEntities`);
 * - a plain ninjs 2.x item (lower-case names: `versioncreated`, `altids`, `contenttype`,
 *   `embargoed` ...): renamed to the 3.1 names, at every depth, then as above;
 * - a ninjs 1.x item (`headline`, `body_text`, `body_html`, singular `person` / `place` ...):
 *   its fields moved to the 2.x/3.1 arrays.
 * An item that has no headline but a `title` (a ninjs event or planning item) gets the title
 * as its headline.
 *
 * Pure: never throws, never mutates its argument; anything it cannot recognise is returned
 * as it is, and validation reports what is wrong with it.
 */

/** ninjs 2.x property names (at any depth) and their ninjs 3.1 spelling. */
const NINJS_2_TO_3: Readonly<Record<string, string>> = {
  altids: 'altIds',
  charcount: 'charCount',
  contactinfo: 'contactInfo',
  contentcreated: 'contentCreated',
  contenttype: 'contentType',
  copyrightholder: 'copyrightHolder',
  copyrightnotice: 'copyrightNotice',
  digitalsourcetype: 'digitalSourceType',
  ednote: 'edNote',
  embargoed: 'embargoedUntil',
  encodedrights: 'encodedRights',
  firstcreated: 'firstCreated',
  geojson: 'geoJSON',
  infosources: 'infoSources',
  langid: 'langId',
  linkedrights: 'linkedRights',
  postalcode: 'postalCode',
  pubstatus: 'pubStatus',
  representationtype: 'representationType',
  rightsinfo: 'rightsInfo',
  sizeinbytes: 'sizeInBytes',
  symboltype: 'symbolType',
  ticker: 'symbol',
  trustindicators: 'trustIndicators',
  usageterms: 'usageTerms',
  versioncreated: 'versionCreated',
  wordcount: 'wordCount',
};

/** ninjs 1.x singular entity lists and their 2.x/3.1 plural names. */
const NINJS_1_LISTS: Readonly<Record<string, string>> = {
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  subject: 'subjects',
  event: 'events',
  object: 'objects',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which form an input has, as `normaliseInput` recognised it. */
export type InputForm = 'bundle' | 'ninjs-3' | 'ninjs-2' | 'ninjs-1' | 'unknown';

/** Rename ninjs 2.x keys to their 3.1 spelling, recursively. */
function renameKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeys);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const name = NINJS_2_TO_3[k] ?? k;
    // A document spelling a field both ways keeps the 3.1 one.
    if (name !== k && name in value) continue;
    out[name] = renameKeys(v);
  }
  return out;
}

/** Does this item use any ninjs 2.x (lower-case) property name, at any depth? */
function hasLowerCaseNames(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasLowerCaseNames);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([k, v]) => k in NINJS_2_TO_3 || hasLowerCaseNames(v));
}

/** Move ninjs 1.x fields (headline, body_text, body_html, person ...) to the 2.x/3.1 arrays. */
function fromNinjs1(item: Json): Json {
  const out: Json = { ...item };
  const take = (key: string) => {
    const v = out[key];
    delete out[key];
    return v;
  };
  const headline = take('headline');
  if (typeof headline === 'string' && out.headlines === undefined) out.headlines = [{ role: 'main', value: headline }];
  const bodies: Json[] = [];
  const text = take('body_text');
  const html = take('body_html');
  const xml = take('body_xml');
  if (typeof text === 'string') bodies.push({ role: 'main', contentType: 'text/plain', value: text });
  if (typeof html === 'string') bodies.push({ role: bodies.length ? 'richtext' : 'main', contentType: 'text/html', value: html });
  if (typeof xml === 'string') bodies.push({ role: bodies.length ? 'richtext' : 'main', contentType: 'application/xhtml+xml', value: xml });
  if (bodies.length && out.bodies === undefined) out.bodies = bodies;
  const descriptions: Json[] = [];
  const dText = take('description_text');
  const dHtml = take('description_html');
  if (typeof dText === 'string') descriptions.push({ contentType: 'text/plain', value: dText });
  if (typeof dHtml === 'string') descriptions.push({ contentType: 'text/html', value: dHtml });
  if (descriptions.length && out.descriptions === undefined) out.descriptions = descriptions;
  for (const [singular, plural] of Object.entries(NINJS_1_LISTS)) {
    const list = take(singular);
    if (Array.isArray(list) && out[plural] === undefined) out[plural] = list;
  }
  return out;
}

const NINJS_1_FIELDS = ['headline', 'body_text', 'body_html', 'body_xml', 'description_text', 'description_html', ...Object.keys(NINJS_1_LISTS)];

/**
 * Turn one ninjs item of any supported version into ninjs 3.1 naming.
 * @returns the converted item and the version it was recognised as
 */
export function normaliseNinjs(item: unknown): { item: unknown; form: Exclude<InputForm, 'bundle'> } {
  if (!isObject(item)) return { item, form: 'unknown' };
  let out: Json = item;
  let form: Exclude<InputForm, 'bundle'> = 'ninjs-3';
  const standardVersion = isObject(item.standard) ? String(item.standard.version ?? '') : '';
  if (NINJS_1_FIELDS.some((k) => k in item) || standardVersion.startsWith('1')) {
    out = fromNinjs1(out);
    form = 'ninjs-1';
  }
  if (form === 'ninjs-1' || hasLowerCaseNames(out) || standardVersion.startsWith('2')) {
    out = renameKeys(out) as Json;
    if (form === 'ninjs-3') form = 'ninjs-2';
  }
  const hasHeadline = Array.isArray(out.headlines) && out.headlines.length > 0;
  if (!hasHeadline && typeof out.title === 'string' && out.title.trim()) {
    out = { ...out, headlines: [{ role: 'main', value: out.title }] };
  }
  return { item: out, form };
}

/**
 * Turn an article bundle or a plain ninjs item (3.1, 2.x or 1.x) into an article bundle.
 * A bundle is recognised by its `ninjs` property, a plain item by its `uri`.
 */
export function normaliseInput(input: unknown): { bundle: unknown; form: InputForm } {
  if (!isObject(input)) return { bundle: input, form: 'unknown' };
  if ('ninjs' in input) {
    const { item } = normaliseNinjs(input.ninjs);
    return { bundle: { ...input, ninjs: item }, form: 'bundle' };
  }
  if ('uri' in input) {
    const { item, form } = normaliseNinjs(input);
    return { bundle: { ninjs: item }, form };
  }
  return { bundle: input, form: 'unknown' };
}
