/**
 * The catalogue's queries (bench/catalogue.ts) as PostGraphile v5 (Amber preset) asks them of the
 * same corpus in PostgreSQL, and how each answer maps onto Newsgraph's shape so the two can be
 * compared value for value.
 *
 * What the mapping does, and only that: PostGraphile's names for the same things (relations are
 * `<target>By<Column>`, lists are `nodes`), link rows unwrapped (`edges.node.personByPersonId` →
 * `edges.node`), the five partial-date columns made into Newsgraph's `date` object (null when it has
 * none of text, EDTF or bounds; precision UNKNOWN when not given), a participant's or speaker's
 * person-or-organisation columns into `actor { __typename ... }`, `rel` in upper case (Newsgraph's
 * enum), a figure's exact decimal text as a number, and a person's aliases without the name itself
 * (Newsgraph's `aliases` lists other names). Orderings are PostGraphile's (`orderBy`, with
 * `pgOrderByNullsLast`), never re-sorted here. Links are walked explicitly: Amber has no
 * many-to-many fields. What `condition` and `orderBy` cannot say is a SQL function in
 * bench/peer/schema.sql (PostGraphile's custom queries and computed columns).
 */
import type { Targets } from '../catalogue.ts';

/** One catalogue query as PostGraphile is asked it. */
export interface PeerEntry {
  /** The catalogue entry's name. */
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** PostGraphile's `data` → Newsgraph's `data` shape. */
  normalise: (data: unknown) => unknown;
  /** Shown next to the answer check: where the two cannot be equivalent by construction. */
  note?: string;
}

// PostGraphile's JSON, read loosely: the query fixes its shape.
type J = any;

const DATE_FIELDS = `Text Edtf Precision Earliest Latest`;
const dateColumns = (prefix: string) => DATE_FIELDS.split(' ').map((f) => `${prefix}${f}`).join(' ');

/** Newsgraph's partial-date object from the five columns `prefix*`, with `fields` of it. */
function partialDate(row: J, prefix: string, fields: string[]) {
  const v = (f: string) => row[`${prefix}${f[0]!.toUpperCase()}${f.slice(1)}`] ?? null;
  if (v('text') == null && v('edtf') == null && v('earliest') == null && v('latest') == null) return null;
  return Object.fromEntries(fields.map((f) => [f, f === 'precision' ? (v(f) ?? 'UNKNOWN') : v(f)]));
}

const pick = (row: J, fields: string[]) => (row == null ? null : Object.fromEntries(fields.map((f) => [f, row[f]])));

/** `actor { __typename <fields> }` from a person-or-organisation pair of relations. */
const actor = (person: J, organisation: J, fields: string[]) =>
  person ? { __typename: 'Person', ...pick(person, fields) } : organisation ? { __typename: 'Organisation', ...pick(organisation, fields) } : null;

const participants = (e: J, fields: string[]) =>
  e.participantsByEngagementId.nodes.map((p: J) => ({ role: p.role, actor: actor(p.personByPersonId, p.organisationByOrganisationId, fields) }));
const PARTICIPANTS = (fields: string) => `participantsByEngagementId(orderBy: ROW_ID_ASC) { nodes { role personByPersonId { ${fields} } organisationByOrganisationId { ${fields} } } }`;

/**
 * The PostGraphile side of each catalogue query, by catalogue name, plus the floor.
 * @param t the catalogue's targets (ids as PostgreSQL row ids: the corpus keeps them)
 * @param searchTerm the words the catalogue's search query looks for
 */
export function peerQueries(t: Targets, searchTerm: string): PeerEntry[] {
  const entries: PeerEntry[] = [];

  entries.push({
    name: 'article page',
    query: `query ArticlePage($slug: String!) { articleBySlug(slug: $slug) {
  headline publishedAt byline datelineText placeByDatelinePlaceId { name placeByCountryId { name } }
  articlePeopleByArticleId(first: 10, orderBy: [RELEVANCE_DESC, PERSON_ID_ASC]) { totalCount edges { node { rel relevance personByPersonId {
    slug name aliasesByPersonId(orderBy: ROW_ID_ASC) { nodes { name } } placeByNationalityId { name }
    rolesByPersonId(orderBy: ROW_ID_ASC) { nodes { title organisationByOrganisationId { name acronym } } } } } } }
  articleOrganisationsByArticleId(first: 10, orderBy: [RELEVANCE_DESC, ORGANISATION_ID_ASC]) { totalCount edges { node { rel organisationByOrganisationId { slug name kind placeByCountryId { name } } } } }
  articlePlacesByArticleId(first: 10, orderBy: [RELEVANCE_DESC, PLACE_ID_ASC]) { totalCount edges { node { rel placeByPlaceId { slug name kind } } } }
  engagementArticlesByArticleId(first: 10, orderBy: [DATE_DESC_KEY_DESC, ENGAGEMENT_ID_DESC]) { totalCount edges { node { engagementByEngagementId {
    kind summary status cameoCodeByCameoCode { code name quadClass } ${dateColumns('date')} placeByPlaceId { name }
    ${PARTICIPANTS('name slug')} } } } }
  quotesByArticleId(orderBy: POSITION_ASC) { nodes { text personBySpeakerPersonId { name } organisationBySpeakerOrganisationId { name } } }
  figuresByArticleId(orderBy: POSITION_ASC) { nodes { text value currency } } } }`,
    variables: { slug: t.articleSlug },
    normalise: (d: J) => {
      const a = d.articleBySlug;
      if (!a) return { article: null };
      const place = (p: J) => (p ? { name: p.name, country: p.placeByCountryId ? { name: p.placeByCountryId.name } : null } : null);
      return {
        article: {
          headline: a.headline,
          publishedAt: a.publishedAt,
          byline: a.byline,
          datelineText: a.datelineText,
          dateline: place(a.placeByDatelinePlaceId),
          people: {
            totalCount: a.articlePeopleByArticleId.totalCount,
            edges: a.articlePeopleByArticleId.edges.map(({ node: l }: J) => {
              const p = l.personByPersonId;
              return {
                rel: l.rel.toUpperCase(),
                relevance: l.relevance,
                node: {
                  slug: p.slug,
                  name: p.name,
                  aliases: p.aliasesByPersonId.nodes.map((x: J) => x.name).filter((n: string) => n !== p.name),
                  nationality: pick(p.placeByNationalityId, ['name']),
                  roles: p.rolesByPersonId.nodes.map((r: J) => ({ title: r.title, organisation: pick(r.organisationByOrganisationId, ['name', 'acronym']) })),
                },
              };
            }),
          },
          organisations: {
            totalCount: a.articleOrganisationsByArticleId.totalCount,
            edges: a.articleOrganisationsByArticleId.edges.map(({ node: l }: J) => {
              const o = l.organisationByOrganisationId;
              return { rel: l.rel.toUpperCase(), node: { slug: o.slug, name: o.name, kind: o.kind, country: pick(o.placeByCountryId, ['name']) } };
            }),
          },
          places: {
            totalCount: a.articlePlacesByArticleId.totalCount,
            edges: a.articlePlacesByArticleId.edges.map(({ node: l }: J) => ({ rel: l.rel.toUpperCase(), node: pick(l.placeByPlaceId, ['slug', 'name', 'kind']) })),
          },
          engagements: {
            totalCount: a.engagementArticlesByArticleId.totalCount,
            edges: a.engagementArticlesByArticleId.edges.map(({ node: l }: J) => {
              const e = l.engagementByEngagementId;
              return {
                node: {
                  kind: e.kind,
                  summary: e.summary,
                  status: e.status,
                  cameo: pick(e.cameoCodeByCameoCode, ['code', 'name', 'quadClass']),
                  date: partialDate(e, 'date', ['text', 'precision', 'earliest', 'latest']),
                  place: pick(e.placeByPlaceId, ['name']),
                  participants: participants(e, ['name', 'slug']),
                },
              };
            }),
          },
          quotes: a.quotesByArticleId.nodes.map((q: J) => ({ text: q.text, speaker: actor(q.personBySpeakerPersonId, q.organisationBySpeakerOrganisationId, ['name']) })),
          figures: a.figuresByArticleId.nodes.map((f: J) => ({ text: f.text, value: Number(f.value), currency: f.currency })),
        },
      };
    },
  });

  entries.push({
    name: 'person page',
    query: `query PersonPage($slug: String!) { personBySlug(slug: $slug) {
  name aliasesByPersonId(orderBy: ROW_ID_ASC) { nodes { name } } sameAsByPersonId { nodes { uri } } placeByNationalityId { name }
  rolesByPersonId(orderBy: ROW_ID_ASC) { nodes { title ${dateColumns('started')} organisationByOrganisationId { name kind } } }
  engagementActorsByPersonId(first: 10, orderBy: [DATE_DESC_KEY_DESC, ENGAGEMENT_ID_DESC]) { totalCount edges { node { engagementByEngagementId {
    kind summary ${dateColumns('date')} placeByPlaceId { name placeByCountryId { name } } ${PARTICIPANTS('name slug')} } } } }
  articlePeopleByPersonId(first: 5, orderBy: [PUBLISHED_DESC_KEY_DESC, ARTICLE_ID_DESC]) { totalCount edges { node { articleByArticleId { slug headline publishedAt } } } } } }`,
    variables: { slug: t.person.slug },
    normalise: (d: J) => {
      const p = d.personBySlug;
      if (!p) return { person: null };
      return {
        person: {
          name: p.name,
          aliases: p.aliasesByPersonId.nodes.map((x: J) => x.name).filter((n: string) => n !== p.name),
          sameAs: p.sameAsByPersonId.nodes.map((s: J) => s.uri),
          nationality: pick(p.placeByNationalityId, ['name']),
          roles: p.rolesByPersonId.nodes.map((r: J) => ({ title: r.title, started: partialDate(r, 'started', ['text', 'precision']), organisation: pick(r.organisationByOrganisationId, ['name', 'kind']) })),
          engagements: {
            totalCount: p.engagementActorsByPersonId.totalCount,
            edges: p.engagementActorsByPersonId.edges.map(({ node: l }: J) => {
              const e = l.engagementByEngagementId;
              const place = e.placeByPlaceId;
              return {
                node: {
                  kind: e.kind,
                  summary: e.summary,
                  date: partialDate(e, 'date', ['text', 'precision', 'earliest', 'latest']),
                  place: place ? { name: place.name, country: pick(place.placeByCountryId, ['name']) } : null,
                  participants: participants(e, ['name', 'slug']),
                },
              };
            }),
          },
          articles: {
            totalCount: p.articlePeopleByPersonId.totalCount,
            edges: p.articlePeopleByPersonId.edges.map(({ node: l }: J) => ({ node: pick(l.articleByArticleId, ['slug', 'headline', 'publishedAt']) })),
          },
        },
      };
    },
  });

  entries.push({
    name: 'between A and B',
    query: `query Between($a: Int!, $b: Int!) { engagementsBetween(a: $a, b: $b, first: 20) {
  totalCount edges { node { kind summary ${dateColumns('date')} cameoCodeByCameoCode { code quadClass goldstein } placeByPlaceId { name }
    ${PARTICIPANTS('name')}
    engagementArticlesByEngagementId(first: 3, orderBy: [PUBLISHED_DESC_KEY_DESC, ARTICLE_ID_DESC]) { totalCount edges { node { articleByArticleId { slug headline } } } } } } } }`,
    variables: { a: t.stateA.rowid, b: t.stateB.rowid },
    normalise: (d: J) => ({
      engagements: {
        totalCount: d.engagementsBetween.totalCount,
        edges: d.engagementsBetween.edges.map(({ node: e }: J) => ({
          node: {
            kind: e.kind,
            summary: e.summary,
            date: partialDate(e, 'date', ['text', 'earliest', 'latest']),
            cameo: pick(e.cameoCodeByCameoCode, ['code', 'quadClass', 'goldstein']),
            place: pick(e.placeByPlaceId, ['name']),
            participants: participants(e, ['name']),
            articles: {
              totalCount: e.engagementArticlesByEngagementId.totalCount,
              edges: e.engagementArticlesByEngagementId.edges.map(({ node: l }: J) => ({ node: pick(l.articleByArticleId, ['slug', 'headline']) })),
            },
          },
        })),
      },
    }),
  });

  // Newsgraph takes calendar days and bounds them itself; the function takes the bounds.
  entries.push({
    name: 'filtered article list',
    query: `query List($org: Int!, $from: String!, $to: String!) { organisationArticlesPublished(organisation: $org, publishedFrom: $from, publishedTo: $to, first: 20) {
  totalCount edges { node { slug headline publishedAt placeByDatelinePlaceId { name }
    articlePeopleByArticleId(first: 3, condition: { rel: "about" }, orderBy: [RELEVANCE_DESC, PERSON_ID_ASC]) { edges { node { personByPersonId { name } } } } } } } }`,
    variables: { org: t.stateA.rowid, from: '2024-07-01T00:00:00Z', to: '2025-06-30T23:59:59.999Z' },
    normalise: (d: J) => ({
      articles: {
        totalCount: d.organisationArticlesPublished.totalCount,
        edges: d.organisationArticlesPublished.edges.map(({ node: a }: J) => ({
          node: {
            slug: a.slug,
            headline: a.headline,
            publishedAt: a.publishedAt,
            dateline: pick(a.placeByDatelinePlaceId, ['name']),
            people: { edges: a.articlePeopleByArticleId.edges.map(({ node: l }: J) => ({ node: pick(l.personByPersonId, ['name']) })) },
          },
        })),
      },
    }),
  });

  entries.push({
    name: 'search (articles filter.query)',
    query: `query Search($q: String!) { searchArticles(query: $q, first: 10) { totalCount edges { node { slug headline publishedAt } } } }`,
    variables: { q: searchTerm },
    normalise: (d: J) => ({ articles: { totalCount: d.searchArticles.totalCount, edges: d.searchArticles.edges.map(({ node }: J) => ({ node })) } }),
    note: 'full text: PostgreSQL tsvector (simple) against FTS5, same rules (every word, last one a prefix) but not the same tokenizer',
  });

  entries.push({
    name: 'deep walk (6 levels)',
    query: `query Deep($slug: String!) { articleBySlug(slug: $slug) { articlePeopleByArticleId(first: 5, orderBy: [RELEVANCE_DESC, PERSON_ID_ASC]) { edges { node { personByPersonId {
  name rolesByPersonId(orderBy: ROW_ID_ASC) { nodes { title organisationByOrganisationId { name
    engagementActorsByOrganisationId(first: 5, orderBy: [DATE_DESC_KEY_DESC, ENGAGEMENT_ID_DESC]) { edges { node { engagementByEngagementId { summary
      engagementArticlesByEngagementId(first: 5, orderBy: [PUBLISHED_DESC_KEY_DESC, ARTICLE_ID_DESC]) { edges { node { articleByArticleId { slug placeByDatelinePlaceId { name } } } } } } } } } } } } } } } } } }`,
    variables: { slug: t.articleSlug },
    normalise: (d: J) => {
      const a = d.articleBySlug;
      if (!a) return { article: null };
      const organisation = (o: J) =>
        o && {
          name: o.name,
          engagements: {
            edges: o.engagementActorsByOrganisationId.edges.map(({ node: l }: J) => {
              const e = l.engagementByEngagementId;
              return {
                node: {
                  summary: e.summary,
                  articles: {
                    edges: e.engagementArticlesByEngagementId.edges.map(({ node: x }: J) => ({ node: { slug: x.articleByArticleId.slug, dateline: pick(x.articleByArticleId.placeByDatelinePlaceId, ['name']) } })),
                  },
                },
              };
            }),
          },
        };
      return {
        article: {
          people: {
            edges: a.articlePeopleByArticleId.edges.map(({ node: l }: J) => ({
              node: { name: l.personByPersonId.name, roles: l.personByPersonId.rolesByPersonId.nodes.map((r: J) => ({ title: r.title, organisation: organisation(r.organisationByOrganisationId) })) },
            })),
          },
        },
      };
    },
  });

  entries.push({ name: 'floor ({ __typename })', query: '{ __typename }', variables: {}, normalise: (d) => d });
  return entries;
}
