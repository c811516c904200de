/**
 * Organisation: a state acting as an actor (kind STATE, linked to its country place), a
 * government body, ministry, legislature, embassy, party, company ...; `Query.organisation`,
 * `Query.organisations`.
 */
import { ORGANISATION_KINDS } from '../../db/schema.ts';
import { runPlanned } from '../statement-cache.ts';
import { builder } from '../builder.ts';
import { Actor, engagedWithField } from './actor.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from './article.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from './engagement.ts';
import { NameOrderEnum } from './filters.ts';
import { countRows, keepTotal, lookupArgs, lookupWhere, nameOrder, nameQueryWhere, rootTotal, withTotal, organisationCursors } from './shared.ts';

export const OrganisationKindEnum = builder.enumType('OrganisationKind', { values: ORGANISATION_KINDS });

export const Organisation = builder.drizzleNode('organisations', {
  name: 'Organisation',
  interfaces: () => [Actor],
  id: { column: (o) => o.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    acronym: t.exposeString('acronym', { nullable: true }),
    aliases: t.stringList({
      select: { columns: { name: true, acronym: true }, with: { aliases: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (o) => o.aliases.map((a) => a.name).filter((n) => n !== o.name && n !== o.acronym),
    }),
    kind: t.field({ type: OrganisationKindEnum, select: { columns: { kind: true } }, resolve: (o) => o.kind }),
    country: t.relation('country', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
    members: t.relation('members', { description: 'Roles held in this organisation.', query: { orderBy: { id: 'asc' } } }),
    sameAs: t.stringList({
      select: { with: { sameAs: { columns: { uri: true } } } },
      resolve: (o) => o.sameAs.map((s) => s.uri),
    }),
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

// Connection fields are added apart from the node so the types' definitions do not form a cycle.
builder.drizzleObjectFields(Organisation, (t) => ({
  engagedWith: engagedWithField(t as never),
  engagements: t.relatedConnection(
    'engagements',
    { args: engagementConnectionArgs, totalCount: true, query: (args) => engagementConnectionQuery(args, 'organisation') },
    EngagementConnection,
  ),
  articles: t.relatedConnection(
    'articles',
    { args: articleConnectionArgs, totalCount: true, query: (args) => articleConnectionQuery(args, 'organisation') },
    ArticleConnection,
  ),
}));

/** `where` of `Query.organisations`: name query and kinds, AND-ed. */
function organisationsWhere(args: { query?: string | null; kinds?: readonly (typeof ORGANISATION_KINDS)[number][] | null }) {
  const name = nameQueryWhere(args.query, 'organisation_id');
  const kinds = args.kinds?.length ? { kind: { in: [...args.kinds] } } : undefined;
  const and = [name, kinds].filter((w) => w !== undefined);
  return and.length ? { AND: and } : {};
}

export const OrganisationConnection = builder.connectionObject(
  {
    type: Organisation,
    name: 'OrganisationConnection',
    fields: organisationCursors.connectionFields,
  },
  { name: 'OrganisationEdge', fields: organisationCursors.edgeFields },
);

builder.queryFields((t) => ({
  organisation: t.drizzleField({
    type: 'organisations',
    nullable: true,
    args: lookupArgs,
    resolve: (query, _root, args, ctx, info) => {
      const where = lookupWhere('Organisation', args);
      return where ? runPlanned(ctx, info, ctx.db.query.organisations.findFirst(query({ where }))) : null;
    },
  }),
  organisations: t.drizzleConnection(
    {
      type: 'organisations',
      args: {
        query: t.arg.string({
          required: false,
          description: 'Prefix of a word of the name, an alias or the acronym, folded (case, diacritics, transliteration): "snsc", "supreme nat".',
        }),
        kinds: t.arg({ type: [OrganisationKindEnum], required: false }),
        orderBy: t.arg({ type: NameOrderEnum, required: false }),
      },
      totalCount: (_parent, args, ctx) => {
        organisationCursors.prepare(args);
        return rootTotal(args, () => countRows(ctx.db.query.organisations, organisationsWhere(args)));
      },
      resolve: (query, _root, args, ctx, info) => {
        organisationCursors.prepare(args);
        const q = { where: organisationsWhere(args), ...nameOrder(args.orderBy) };
        return keepTotal(args, runPlanned(ctx, info, ctx.db.query.organisations.findMany(query(withTotal(q, info, 'organisations')))));
      },
    },
    OrganisationConnection,
  ),
}));

// ---------------------------------------------------------------------------------------------
// Write path: mergeOrganisations. Imports are hoisted.

import { requireScope } from '../../auth/credentials.ts';
import { mergeOrganisations, MergeRefused } from '../../ingest/merge.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';

builder.mutationFields((t) => ({
  mergeOrganisations: t.drizzleField({
    type: 'organisations',
    description:
      'Merge two records of the same organisation: `merge` is folded into `keep` (links, engagements, quotes, roles, members, aliases, acronym, sameAs) and deleted. Returns the kept organisation.',
    args: { keep: t.arg.id({ required: true }), merge: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await requireScope(ctx.auth ?? (async () => ({ kind: 'anonymous' }) as const));
      const keep = decodeId(String(args.keep), ['Organisation'], 'keep').id;
      const merge = decodeId(String(args.merge), ['Organisation'], 'merge').id;
      try {
        await mergeOrganisations(ctx.db, keep, merge);
      } catch (err) {
        if (err instanceof MergeRefused) throw codedError(err.code, err.message);
        throw err;
      }
      const organisation = await ctx.db.query.organisations.findFirst(query({ where: { id: keep } }));
      if (!organisation) throw codedError('NOT_FOUND', 'The kept organisation no longer exists.');
      return organisation;
    },
  }),
}));
