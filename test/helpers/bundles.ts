/**
 * Article bundles written for tests, in the ingest format (src/ingest/bundle.ts). Pure data, so
 * the Worker tests (workerd) import it too.
 */

/** The parts of a test article: its ninjs `uri`, one main headline, one plain-text body, and any other ninjs members. */
export interface TextItem extends Record<string, unknown> {
  uri: string;
  headline: string;
  body: string;
}

/**
 * A bundle of one English plain-text ninjs item (IPTC ninjs 3: `headlines` and `bodies` with
 * role "main") and the given annotations.
 */
export function textBundle(item: TextItem, annotations: Record<string, unknown>) {
  const { headline, body, ...ninjs } = item;
  return {
    ninjs: { type: 'text', language: 'en', ...ninjs, headlines: [{ role: 'main', value: headline }], bodies: [{ role: 'main', contentType: 'text/plain', value: body }] },
    annotations,
  };
}
