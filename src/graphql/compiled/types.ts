/**
 * What each GraphQL object type's fields are in SQL, for the compiled read path (./compile.ts):
 * the table a type's rows live in, and per field either a column expression, a to-one relation,
 * a list, an actor (Person or Organisation by two foreign keys) or a connection. The SQL follows
 * the access paths the executor's statements use (src/graphql/types/, src/graphql/connections/):
 * link-table sort keys, `engagement_actors`, counts on link tables. A field not listed here has
 * no SQL form (computed in JavaScript from more than the row: `ninjs`, `jsonLd`, ...): an operation that selects it goes
 * through the executor.
 */
/**
 * A scalar's JSON form: text, integers and enums as stored (`plain`), a REAL float, a decimal TEXT
 * read as a float, or an article body's paragraphs (split by the plugin with the resolver's own function).
 */
export type ScalarForm = 'plain' | 'float' | 'decimalFloat' | 'paragraphs';

/** A field of a row `r` (the row's SQL alias) and its SQL meaning. */
export type FieldSql =
  | { kind: 'scalar'; expr: (r: string) => string; form?: ScalarForm }
  | { kind: 'id'; typename: string }
  /** One row of `type` (null when none): `where` correlates it to the parent row `r` (target alias `t`). */
  | { kind: 'one'; type: string; table: string; where: (t: string, r: string) => string }
  /** A list of `type` rows: `from` is the FROM … WHERE … clause (target alias `t`), `order` its ORDER BY terms. */
  | { kind: 'list'; type: string; from: (t: string, r: string) => string; order: (t: string) => string }
  /** A list of strings: `value` of each row of `from` (alias `a`), in `order` (null: the rows' own order). */
  | { kind: 'strings'; value: string; from: (r: string) => string; order: string | null }
  /** A Person or an Organisation (an Actor) by two foreign keys of the row. */
  | { kind: 'actor'; person: (r: string) => string; organisation: (r: string) => string }
  /** A partial date from the five `<prefix>_*` columns. */
  | { kind: 'partialDate'; prefix: string }
  /** A connection (see `ConnectionSql`). */
  | { kind: 'connection'; connection: ConnectionSql }
  /** `engagedWith`: the actor's rows of `co_actors`, most shared first (ActorCount). */
  | { kind: 'engagedWith'; owner: 'person_id' | 'organisation_id' }
  /**
   * A value JavaScript computes from SQL expressions of the row (`inputs`): the plugin runs the
   * resolver's own function (`COMPUTED[name]`, ./plugin.ts) and writes it as the selection asks.
   */
  | { kind: 'computed'; name: 'extraction'; inputs: (r: string) => string[] };

/** One term of a connection's ordering: its SQL, direction, and how its value is written in a cursor (string, integer, float). */
export interface SortKey {
  expr: string;
  dir: 'asc' | 'desc';
  kind: 'S' | 'N' | 'F';
}

/**
 * A nested connection: its rows as `from` (target alias `t`, link alias `l`, parent `r`), its
 * orderings (by the `orderBy` argument's value, null for the default) as sort keys, which are
 * also the values of its cursors (the executor's keyset cursors hold exactly these), its cursor
 * space (src/graphql/connections/cursors.ts), the edge's link columns, and the count of the list.
 */
export interface ConnectionSql {
  node: string;
  table: string;
  from: (t: string, l: string, r: string) => string;
  keys: (t: string, l: string, orderBy: string | null) => SortKey[];
  space: (orderBy: string | null) => string;
  count: (r: string) => string;
  /** Edge fields read from the link row (`rel`, `relevance`); absent: null on this list. */
  edge?: { rel: (l: string) => string; relevance: (l: string) => string };
  /** Arguments besides the page's that have an SQL form here (orderBy, rel, filter). */
  args?: readonly string[];
}

/** A type's rows: its table and fields. */
export interface TypeSql {
  table: string;
  fields: Record<string, FieldSql>;
}

const col = (name: string, form?: ScalarForm): FieldSql => ({ kind: 'scalar', expr: (r) => `${r}.${name}`, form });
const one = (type: string, table: string, fk: string): FieldSql => ({ kind: 'one', type, table, where: (t, r) => `${t}.id = ${r}.${fk}` });

/** Names of the row's aliases other than its name (and acronym), by alias id, as the resolvers filter them. */
const aliasNames = (owner: string, exclude: (r: string) => string): FieldSql => ({
  kind: 'strings',
  value: 'a.name',
  from: (r) => `from aliases a where a.${owner} = ${r}.id and ${exclude(r)}`,
  order: 'a.id',
});
/** sameAs URIs in the order the executor's relational query reads them (no ORDER BY: the owner index). */
const sameAs = (owner: string): FieldSql => ({ kind: 'strings', value: 'a.uri', from: (r) => `from same_as a where a.${owner} = ${r}.id`, order: null });

const key = (expr: string, dir: 'asc' | 'desc', kind: SortKey['kind']): SortKey => ({ expr, dir, kind });

/** Article orderings (src/graphql/connections/orderings.ts `articleOrder`); `l`: a link row carrying the keys. */
export const articleKeys = (t: string, l: string | null, orderBy: string | null): SortKey[] => {
  if (orderBy === 'HEADLINE_ASC') return [key(`${t}.headline`, 'asc', 'S'), key(`${t}.id`, 'asc', 'N')];
  if (orderBy === 'PUBLISHED_ASC')
    return l ? [key(`${l}.published_asc_key`, 'asc', 'S'), key(`${l}.article_id`, 'asc', 'N')] : [key(`coalesce(${t}.published_at, '9999')`, 'asc', 'S'), key(`${t}.id`, 'asc', 'N')];
  return l ? [key(`${l}.published_desc_key`, 'desc', 'S'), key(`${l}.article_id`, 'desc', 'N')] : [key(`coalesce(${t}.published_at, '')`, 'desc', 'S'), key(`${t}.id`, 'desc', 'N')];
};
/** Engagement orderings (`engagementOrder`); `l`: `engagement_actors`, which carries the keys. */
export const engagementKeys = (t: string, l: string | null, orderBy: string | null): SortKey[] => {
  if (orderBy === 'DATE_ASC')
    return l ? [key(`${l}.date_asc_key`, 'asc', 'S'), key(`${l}.engagement_id`, 'asc', 'N')] : [key(`coalesce(${t}.date_earliest, '9999-99-99')`, 'asc', 'S'), key(`${t}.id`, 'asc', 'N')];
  return l ? [key(`${l}.date_desc_key`, 'desc', 'S'), key(`${l}.engagement_id`, 'desc', 'N')] : [key(`coalesce(${t}.date_latest, '')`, 'desc', 'S'), key(`${t}.id`, 'desc', 'N')];
};
/** Cursor spaces of article and engagement lists. */
export const articleSpace = (orderBy: string | null) => `Article:${orderBy ?? 'PUBLISHED_DESC'}`;
/** Cursor space of engagement lists ("Engagement:<EngagementOrder>"). */
export const engagementSpace = (orderBy: string | null) => `Engagement:${orderBy ?? 'DATE_DESC'}`;

/** An entity's articles through its link table (`article_people` …): edges carry rel and relevance. */
const entityArticles = (linkTable: string, owner: string): ConnectionSql => ({
  node: 'Article',
  table: 'articles',
  from: (t, l, r) => `from ${linkTable} ${l} join articles ${t} on ${t}.id = ${l}.article_id where ${l}.${owner} = ${r}.id`,
  keys: (t, l, orderBy) => articleKeys(t, l, orderBy),
  space: articleSpace,
  count: (r) => `(select count(*) from ${linkTable} l where l.${owner} = ${r}.id)`,
  edge: { rel: (l) => `upper(${l}.rel)`, relevance: (l) => `${l}.relevance` },
  args: ['orderBy', 'filter'],
});

/** An actor's engagements through `engagement_actors`, which carries the date keys. */
const actorEngagements = (owner: string): ConnectionSql => ({
  node: 'Engagement',
  table: 'engagements',
  from: (t, l, r) => `from engagement_actors ${l} join engagements ${t} on ${t}.id = ${l}.engagement_id where ${l}.${owner} = ${r}.id`,
  keys: (t, l, orderBy) => engagementKeys(t, l, orderBy),
  space: engagementSpace,
  count: (r) => `(select count(*) from engagement_actors l where l.${owner} = ${r}.id)`,
  args: ['orderBy', 'filter'],
});

/** An article's people, organisations or places through its link table, most relevant first. */
const articleLinks = (node: string, table: string, linkTable: string, owner: string): ConnectionSql => ({
  node,
  table,
  from: (t, l, r) => `from ${linkTable} ${l} join ${table} ${t} on ${t}.id = ${l}.${owner} where ${l}.article_id = ${r}.id`,
  keys: (t, l) => [key(`coalesce(${l}.relevance, -1)`, 'desc', 'F'), key(`${t}.id`, 'asc', 'N')],
  space: () => `Article${node}:RELEVANCE`,
  count: (r) => `(select count(*) from ${linkTable} l where l.article_id = ${r}.id)`,
  edge: { rel: (l) => `upper(${l}.rel)`, relevance: (l) => `${l}.relevance` },
  args: ['rel'],
});

const quotesOf = (column: string): FieldSql => ({
  kind: 'list',
  type: 'Quote',
  from: (t, r) => `from quotes ${t} where ${t}.${column} = ${r}.id`,
  order: (t) => `${t}.article_id, ${t}.position`,
});

/** The SQL of every object type the compiler covers, by GraphQL type name. */
export const TYPES: Record<string, TypeSql> = {
  Article: {
    table: 'articles',
    fields: {
      id: { kind: 'id', typename: 'Article' },
      uri: col('uri'),
      slug: col('slug'),
      headline: col('headline'),
      body: col('body'),
      paragraphs: col('body', 'paragraphs'),
      datelineText: col('dateline_text'),
      dateline: one('Place', 'places', 'dateline_place_id'),
      publishedAt: col('published_at'),
      byline: col('byline'),
      version: col('version'),
      language: col('language'),
      extraction: { kind: 'computed', name: 'extraction', inputs: (r) => [`${r}.extraction`, `${r}.headline`, `${r}.body`] },
      quotes: { kind: 'list', type: 'Quote', from: (t, r) => `from quotes ${t} where ${t}.article_id = ${r}.id`, order: (t) => `${t}.position` },
      figures: { kind: 'list', type: 'Figure', from: (t, r) => `from figures ${t} where ${t}.article_id = ${r}.id`, order: (t) => `${t}.position` },
      people: { kind: 'connection', connection: articleLinks('Person', 'people', 'article_people', 'person_id') },
      organisations: { kind: 'connection', connection: articleLinks('Organisation', 'organisations', 'article_organisations', 'organisation_id') },
      places: { kind: 'connection', connection: articleLinks('Place', 'places', 'article_places', 'place_id') },
      engagements: {
        kind: 'connection',
        connection: {
          node: 'Engagement',
          table: 'engagements',
          from: (t, l, r) => `from engagement_articles ${l} join engagements ${t} on ${t}.id = ${l}.engagement_id where ${l}.article_id = ${r}.id`,
          keys: (t, _l, orderBy) => engagementKeys(t, null, orderBy),
          space: engagementSpace,
          count: (r) => `(select count(*) from engagement_articles l where l.article_id = ${r}.id)`,
          args: ['orderBy', 'filter'],
        },
      },
    },
  },
  Person: {
    table: 'people',
    fields: {
      id: { kind: 'id', typename: 'Person' },
      name: col('name'),
      slug: col('slug'),
      aliases: aliasNames('person_id', (r) => `a.name <> ${r}.name`),
      roles: { kind: 'list', type: 'Role', from: (t, r) => `from roles ${t} where ${t}.person_id = ${r}.id`, order: (t) => `${t}.id` },
      nationality: one('Place', 'places', 'nationality_id'),
      sameAs: sameAs('person_id'),
      quotes: quotesOf('speaker_person_id'),
      engagedWith: { kind: 'engagedWith', owner: 'person_id' },
      engagements: { kind: 'connection', connection: actorEngagements('person_id') },
      articles: { kind: 'connection', connection: entityArticles('article_people', 'person_id') },
    },
  },
  Organisation: {
    table: 'organisations',
    fields: {
      id: { kind: 'id', typename: 'Organisation' },
      name: col('name'),
      slug: col('slug'),
      acronym: col('acronym'),
      aliases: aliasNames('organisation_id', (r) => `a.name <> ${r}.name and a.name is not ${r}.acronym`),
      kind: col('kind'),
      country: one('Place', 'places', 'country_id'),
      parent: one('Organisation', 'organisations', 'parent_id'),
      members: { kind: 'list', type: 'Role', from: (t, r) => `from roles ${t} where ${t}.organisation_id = ${r}.id`, order: (t) => `${t}.id` },
      sameAs: sameAs('organisation_id'),
      quotes: quotesOf('speaker_organisation_id'),
      engagedWith: { kind: 'engagedWith', owner: 'organisation_id' },
      engagements: { kind: 'connection', connection: actorEngagements('organisation_id') },
      articles: { kind: 'connection', connection: entityArticles('article_organisations', 'organisation_id') },
    },
  },
  Place: {
    table: 'places',
    fields: {
      id: { kind: 'id', typename: 'Place' },
      name: col('name'),
      slug: col('slug'),
      kind: col('kind'),
      country: one('Place', 'places', 'country_id'),
      iso3166: col('iso3166'),
      aliases: aliasNames('place_id', (r) => `a.name <> ${r}.name`),
      sameAs: sameAs('place_id'),
      articles: { kind: 'connection', connection: entityArticles('article_places', 'place_id') },
      // Through the view engagement_places: a country lists the engagements in its cities too.
      engagements: {
        kind: 'connection',
        connection: {
          node: 'Engagement',
          table: 'engagements',
          from: (t, l, r) => `from engagement_places ${l} join engagements ${t} on ${t}.id = ${l}.engagement_id where ${l}.place_id = ${r}.id`,
          keys: (t, _l, orderBy) => engagementKeys(t, null, orderBy),
          space: engagementSpace,
          count: (r) => `(select count(*) from engagement_places l where l.place_id = ${r}.id)`,
          args: ['orderBy', 'filter'],
        },
      },
    },
  },
  Engagement: {
    table: 'engagements',
    fields: {
      id: { kind: 'id', typename: 'Engagement' },
      kind: col('kind'),
      summary: col('summary'),
      status: col('status'),
      cameo: { kind: 'one', type: 'CameoCode', table: 'cameo_codes', where: (t, r) => `${t}.code = ${r}.cameo_code` },
      date: { kind: 'partialDate', prefix: 'date' },
      place: one('Place', 'places', 'place_id'),
      participants: { kind: 'list', type: 'Participant', from: (t, r) => `from participants ${t} where ${t}.engagement_id = ${r}.id`, order: (t) => `${t}.id` },
      quotes: quotesOf('engagement_id'),
      articles: {
        kind: 'connection',
        connection: {
          node: 'Article',
          table: 'articles',
          from: (t, l, r) => `from engagement_articles ${l} join articles ${t} on ${t}.id = ${l}.article_id where ${l}.engagement_id = ${r}.id`,
          keys: (t, l) => articleKeys(t, l, null),
          space: () => articleSpace(null),
          count: (r) => `(select count(*) from engagement_articles l where l.engagement_id = ${r}.id)`,
        },
      },
    },
  },
  Participant: {
    table: 'participants',
    fields: {
      role: col('role'),
      actor: { kind: 'actor', person: (r) => `${r}.person_id`, organisation: (r) => `${r}.organisation_id` },
    },
  },
  Quote: {
    table: 'quotes',
    fields: {
      id: { kind: 'id', typename: 'Quote' },
      text: col('text'),
      speaker: { kind: 'actor', person: (r) => `${r}.speaker_person_id`, organisation: (r) => `${r}.speaker_organisation_id` },
      article: one('Article', 'articles', 'article_id'),
      engagement: one('Engagement', 'engagements', 'engagement_id'),
    },
  },
  Figure: {
    table: 'figures',
    fields: {
      text: col('text'),
      value: col('value', 'decimalFloat'),
      exactValue: col('value'),
      currency: col('currency'),
      unit: col('unit'),
      metric: col('metric'),
    },
  },
  Role: {
    table: 'roles',
    fields: {
      title: col('title'),
      person: one('Person', 'people', 'person_id'),
      organisation: one('Organisation', 'organisations', 'organisation_id'),
      started: { kind: 'partialDate', prefix: 'started' },
      ended: { kind: 'partialDate', prefix: 'ended' },
    },
  },
  CameoCode: {
    table: 'cameo_codes',
    fields: {
      code: col('code'),
      name: col('name'),
      rootCode: col('root_code'),
      quadClass: col('quad_class'),
      goldstein: col('goldstein', 'float'),
    },
  },
};

/** Which tables a row of an Actor lives in, by concrete type. */
export const ACTOR_TYPES = ['Person', 'Organisation'] as const;
