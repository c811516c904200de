import { isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, KIND_OF_OWNER, NODE_KINDS, type UriKind } from '../../src/domain/vocabulary.ts';
import { entityUri, parseOwnUri } from '../../src/export/uris.ts';
import { schema } from '../../src/graphql/schema.ts';

describe('NODE_KINDS, the one table of node kinds', () => {
  it('names every GraphQL type that implements Node, and only those', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    const implementing = schema.getPossibleTypes(node).map((t) => t.name).sort();
    expect(Object.values(NODE_KINDS).map((k) => k.typename).sort()).toEqual(implementing);
  });

  it('gives each kind with a path URIs that parse back to it, under any of the bases', () => {
    for (const [kind, { path }] of Object.entries(NODE_KINDS)) {
      if (!path) continue;
      const uri = entityUri('https://news.example/', kind as UriKind, 'a b');
      expect(uri).toBe(`https://news.example/${path}/a%20b`);
      expect(parseOwnUri(uri, ['https://other.example', 'https://news.example'])).toEqual({ kind, ref: 'a b' });
    }
    expect(parseOwnUri('https://news.example/quotes/1', ['https://news.example'])).toBeNull();
  });

  it('points each owner field back at its entity kind', () => {
    expect(Object.values(KIND_OF_OWNER).sort()).toEqual([...ENTITY_KINDS].sort());
    for (const kind of ENTITY_KINDS) expect(KIND_OF_OWNER[NODE_KINDS[kind].ownerField]).toBe(kind);
  });
});
