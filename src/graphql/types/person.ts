/** Person: someone named in articles, with roles, engagements and quotes; `Query.person`, `Query.people`. */
import { runPlanned } from '../statement-cache.ts';
import { builder } from '../builder.ts';
import { Actor, engagedWithField } from './actor.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from './article.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from './engagement.ts';
import { NameOrderEnum } from './filters.ts';
import { countRows, keepTotal, lookupArgs, lookupWhere, nameOrder, nameQueryWhere, rootTotal, withTotal, personCursors } from './shared.ts';

export const Person = builder.drizzleNode('people', {
  name: 'Person',
  interfaces: () => [Actor],
  id: { column: (p) => p.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    aliases: t.stringList({
      description: 'Other forms of the name used in sources (surname alone, transliterations).',
      select: { columns: { name: true }, with: { aliases: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (p) => p.aliases.map((a) => a.name).filter((n) => n !== p.name),
    }),
    roles: t.relation('roles', { query: { orderBy: { id: 'asc' } } }),
    nationality: t.relation('nationality', { nullable: true }),
    sameAs: t.stringList({
      description: 'External identifiers as URIs (e.g. Wikidata).',
      select: { with: { sameAs: { columns: { uri: true } } } },
      resolve: (p) => p.sameAs.map((s) => s.uri),
    }),
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

// Connection fields are added apart from the node so the types' definitions do not form a cycle.
builder.drizzleObjectFields(Person, (t) => ({
  engagedWith: engagedWithField(t as never),
  engagements: t.relatedConnection(
    'engagements',
    { args: engagementConnectionArgs, totalCount: true, query: (args) => engagementConnectionQuery(args, 'person') },
    EngagementConnection,
  ),
  articles: t.relatedConnection(
    'articles',
    { args: articleConnectionArgs, totalCount: true, query: (args) => articleConnectionQuery(args, 'person') },
    ArticleConnection,
  ),
}));

export const PersonConnection = builder.connectionObject(
  {
    type: Person,
    name: 'PersonConnection',
    fields: personCursors.connectionFields,
  },
  { name: 'PersonEdge', fields: personCursors.edgeFields },
);

builder.queryFields((t) => ({
  person: t.drizzleField({
    type: 'people',
    nullable: true,
    args: lookupArgs,
    resolve: (query, _root, args, ctx, info) => {
      const where = lookupWhere('Person', args);
      return where ? runPlanned(ctx, info, ctx.db.query.people.findFirst(query({ where }))) : null;
    },
  }),
  people: t.drizzleConnection(
    {
      type: 'people',
      args: {
        query: t.arg.string({
          required: false,
          description: 'Prefix of a word of the name or of an alias, folded (case, diacritics, transliteration): "qal", "lar".',
        }),
        orderBy: t.arg({ type: NameOrderEnum, required: false }),
      },
      totalCount: (_parent, args, ctx) => {
        personCursors.prepare(args);
        return rootTotal(args, () => countRows(ctx.db.query.people, nameQueryWhere(args.query, 'person_id') ?? {}));
      },
      resolve: (query, _root, args, ctx, info) => {
        personCursors.prepare(args);
        const q = { where: nameQueryWhere(args.query, 'person_id') ?? {}, ...nameOrder(args.orderBy) };
        return keepTotal(args, runPlanned(ctx, info, ctx.db.query.people.findMany(query(withTotal(q, info, 'people')))));
      },
    },
    PersonConnection,
  ),
}));

// ---------------------------------------------------------------------------------------------
// Write path (issue 6): mergePeople. Imports are hoisted.

import { requireScope } from '../../auth/credentials.ts';
import { mergePeople, MergeRefused } from '../../ingest/merge.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';

builder.mutationFields((t) => ({
  mergePeople: t.drizzleField({
    type: 'people',
    description:
      'Merge two records of the same person: `merge` is folded into `keep` (links, engagements, quotes, roles, aliases, sameAs) and deleted. Returns the kept person.',
    args: { keep: t.arg.id({ required: true }), merge: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await requireScope(ctx.auth ?? (async () => ({ kind: 'anonymous' }) as const));
      const keep = decodeId(String(args.keep), ['Person'], 'keep').id;
      const merge = decodeId(String(args.merge), ['Person'], 'merge').id;
      try {
        await mergePeople(ctx.db, keep, merge);
      } catch (err) {
        if (err instanceof MergeRefused) throw codedError(err.code, err.message);
        throw err;
      }
      const person = await ctx.db.query.people.findFirst(query({ where: { id: keep } }));
      if (!person) throw codedError('NOT_FOUND', 'The kept person no longer exists.');
      return person;
    },
  }),
}));
