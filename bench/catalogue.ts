/**
 * The benchmark catalogue: front-end queries, each with the hand-written single SQL statement
 * that produces the same JSON (`{"data": ...}`, json_object / json_group_array), which is the
 * reference ("the physical limit") the GraphQL path is compared with.
 *
 * The reference statements mirror the API's documented orderings (src/graphql/types/*.ts):
 * article links by relevance desc (unjudged last) then entity id; lists by id; engagements
 * (article's, person's, organisation's, root) by date; an engagement's articles latest first (DATE_DESC: coalesce(date_latest, '') desc, id desc); articles PUBLISHED_DESC
 * (coalesce(published_at, '') desc, id desc). `run.ts` checks each reference's JSON equals the
 * API's response and says so in the table.
 */

import type { Client } from '@libsql/client';

export interface Targets {
  articleSlug: string;
  person: { id: string; rowid: number; slug: string; name: string };
  stateA: { id: string; rowid: number; name: string };
  stateB: { id: string; rowid: number; name: string };
  shared: number;
}

export interface CatalogueEntry {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The single reference statement, or null when none is written (the ratio is then n/a). */
  reference: { sql: string; args: (string | number)[] } | null;
}

// ------------------------------------------------------------------------------------------
// SQL fragments

/** A partial date object from the five columns of `prefix` on `alias`, null when it has none. */
const partialDate = (alias: string, prefix: string, fields: string[]) => {
  const col = (f: string) => (f === 'precision' ? `coalesce(${alias}.${prefix}_precision, 'UNKNOWN')` : `${alias}.${prefix}_${f}`);
  return `case when coalesce(${alias}.${prefix}_text, ${alias}.${prefix}_edtf, ${alias}.${prefix}_earliest, ${alias}.${prefix}_latest) is not null
    then json_object(${fields.map((f) => `'${f}', ${col(f)}`).join(', ')}) end`;
};

/** `{__typename, name, slug?}` of a participant / quote speaker row (person OR organisation). */
const actor = (personCol: string, orgCol: string, fields: string[]) => `coalesce(
    (select json_object('__typename', 'Person', ${fields.map((f) => `'${f}', ap.${f}`).join(', ')}) from people ap where ap.id = ${personCol}),
    (select json_object('__typename', 'Organisation', ${fields.map((f) => `'${f}', ao.${f}`).join(', ')}) from organisations ao where ao.id = ${orgCol}))`;

const participants = (engagement: string, fields: string[]) => `(select json_group_array(json(x)) from (
    select json_object('role', pa.role, 'actor', json(${actor('pa.person_id', 'pa.organisation_id', fields)})) x
    from participants pa where pa.engagement_id = ${engagement} order by pa.id))`;

const aliases = (table: 'person' | 'organisation', entity: string) => `(select json_group_array(x.name) from (
    select al.name from aliases al where al.${table}_id = ${entity}.id and al.name <> ${entity}.name order by al.id) x)`;

// ------------------------------------------------------------------------------------------

export function catalogue(t: Targets, opts: { searchTerm?: string | null; rootTotalCount?: boolean } = {}): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  // Root connections' totalCount (a front end shows "N results"); run.ts drops it when the API cannot answer it.
  const tc = opts.rootTotalCount !== false;
  const tcField = tc ? 'totalCount ' : '';

  // 1. Article page
  entries.push({
    name: 'article page',
    query: `query ArticlePage($slug: String!) { article(slug: $slug) {
  headline publishedAt byline datelineText dateline { name country { name } }
  people(first: 10) { totalCount edges { rel relevance node { slug name aliases nationality { name } roles { title organisation { name acronym } } } } }
  organisations(first: 10) { totalCount edges { rel node { slug name kind country { name } } } }
  places(first: 10) { totalCount edges { rel node { slug name kind } } }
  engagements(first: 10) { totalCount edges { node { kind summary status cameo { code name quadClass } date { text precision earliest latest } place { name }
    participants { role actor { __typename name slug } } } } }
  quotes { text speaker { __typename name } } figures { text value currency } } }`,
    variables: { slug: t.articleSlug },
    reference: {
      args: [t.articleSlug],
      sql: `select json_object('data', json_object('article', (select json_object(
  'headline', a.headline, 'publishedAt', a.published_at, 'byline', a.byline, 'datelineText', a.dateline_text,
  'dateline', (select json_object('name', d.name, 'country', (select json_object('name', c.name) from places c where c.id = d.country_id)) from places d where d.id = a.dateline_place_id),
  'people', json_object('totalCount', (select count(*) from article_people l where l.article_id = a.id),
    'edges', (select json_group_array(json(x)) from (select json_object('rel', upper(l.rel), 'relevance', l.relevance, 'node', json_object(
        'slug', p.slug, 'name', p.name, 'aliases', json(${aliases('person', 'p')}),
        'nationality', (select json_object('name', n.name) from places n where n.id = p.nationality_id),
        'roles', (select json_group_array(json(y)) from (select json_object('title', r.title,
            'organisation', (select json_object('name', o.name, 'acronym', o.acronym) from organisations o where o.id = r.organisation_id)) y
          from roles r where r.person_id = p.id order by r.id)))) x
      from article_people l join people p on p.id = l.person_id where l.article_id = a.id
      order by coalesce(l.relevance, -1) desc, l.person_id limit 10))),
  'organisations', json_object('totalCount', (select count(*) from article_organisations l where l.article_id = a.id),
    'edges', (select json_group_array(json(x)) from (select json_object('rel', upper(l.rel), 'node', json_object(
        'slug', o.slug, 'name', o.name, 'kind', o.kind, 'country', (select json_object('name', c.name) from places c where c.id = o.country_id))) x
      from article_organisations l join organisations o on o.id = l.organisation_id where l.article_id = a.id
      order by coalesce(l.relevance, -1) desc, l.organisation_id limit 10))),
  'places', json_object('totalCount', (select count(*) from article_places l where l.article_id = a.id),
    'edges', (select json_group_array(json(x)) from (select json_object('rel', upper(l.rel), 'node', json_object('slug', pl.slug, 'name', pl.name, 'kind', pl.kind)) x
      from article_places l join places pl on pl.id = l.place_id where l.article_id = a.id
      order by coalesce(l.relevance, -1) desc, l.place_id limit 10))),
  'engagements', json_object('totalCount', (select count(*) from engagement_articles ea where ea.article_id = a.id),
    'edges', (select json_group_array(json(x)) from (select json_object('node', json_object(
        'kind', e.kind, 'summary', e.summary, 'status', e.status,
        'cameo', (select json_object('code', cc.code, 'name', cc.name, 'quadClass', cc.quad_class) from cameo_codes cc where cc.code = e.cameo_code),
        'date', ${partialDate('e', 'date', ['text', 'precision', 'earliest', 'latest'])},
        'place', (select json_object('name', pl.name) from places pl where pl.id = e.place_id),
        'participants', json(${participants('e.id', ['name', 'slug'])}))) x
      from engagement_articles ea join engagements e on e.id = ea.engagement_id where ea.article_id = a.id
      order by coalesce(e.date_latest, '') desc, e.id desc limit 10))),
  'quotes', (select json_group_array(json(x)) from (select json_object('text', q.text, 'speaker', json(${actor('q.speaker_person_id', 'q.speaker_organisation_id', ['name'])})) x
      from quotes q where q.article_id = a.id order by q.position)),
  'figures', (select json_group_array(json(x)) from (select json_object('text', f.text, 'value', cast(f.value as real), 'currency', f.currency) x
      from figures f where f.article_id = a.id order by f.position))
) from articles a where a.slug = ?))) as json`,
    },
  });

  // 2. Person page with engagements
  entries.push({
    name: 'person page',
    query: `query PersonPage($slug: String!) { person(slug: $slug) {
  name aliases sameAs nationality { name }
  roles { title started { text precision } organisation { name kind } }
  engagements(first: 10, orderBy: DATE_DESC) { totalCount edges { node { kind summary date { text precision earliest latest } place { name country { name } }
    participants { role actor { __typename name slug } } } } }
  articles(first: 5, orderBy: PUBLISHED_DESC) { totalCount edges { node { slug headline publishedAt } } } } }`,
    variables: { slug: t.person.slug },
    reference: {
      args: [t.person.slug],
      sql: `select json_object('data', json_object('person', (select json_object(
  'name', p.name, 'aliases', json(${aliases('person', 'p')}),
  'sameAs', (select json_group_array(s.uri) from same_as s where s.person_id = p.id),
  'nationality', (select json_object('name', n.name) from places n where n.id = p.nationality_id),
  'roles', (select json_group_array(json(y)) from (select json_object('title', r.title, 'started', ${partialDate('r', 'started', ['text', 'precision'])},
      'organisation', (select json_object('name', o.name, 'kind', o.kind) from organisations o where o.id = r.organisation_id)) y
    from roles r where r.person_id = p.id order by r.id)),
  'engagements', json_object('totalCount', (select count(*) from participants pa where pa.person_id = p.id),
    'edges', (select json_group_array(json(x)) from (select json_object('node', json_object('kind', e.kind, 'summary', e.summary,
        'date', ${partialDate('e', 'date', ['text', 'precision', 'earliest', 'latest'])},
        'place', (select json_object('name', pl.name, 'country', (select json_object('name', c.name) from places c where c.id = pl.country_id)) from places pl where pl.id = e.place_id),
        'participants', json(${participants('e.id', ['name', 'slug'])}))) x
      from engagements e where e.id in (select pa.engagement_id from participants pa where pa.person_id = p.id)
      order by coalesce(e.date_latest, '') desc, e.id desc limit 10))),
  'articles', json_object('totalCount', (select count(*) from article_people l where l.person_id = p.id),
    'edges', (select json_group_array(json(x)) from (select json_object('node', json_object('slug', a.slug, 'headline', a.headline, 'publishedAt', a.published_at)) x
      from articles a where a.id in (select l.article_id from article_people l where l.person_id = p.id)
      order by coalesce(a.published_at, '') desc, a.id desc limit 5)))
) from people p where p.slug = ?))) as json`,
    },
  });

  // 3. "Between A and B" timeline
  entries.push({
    name: 'between A and B',
    query: `query Between($a: ID!, $b: ID!) { engagements(first: 20, orderBy: DATE_DESC, filter: { participants: [$a, $b] }) {
  ${tcField}edges { node { kind summary date { text earliest latest } cameo { code quadClass goldstein } place { name }
    participants { role actor { __typename name } }
    articles(first: 3) { totalCount edges { node { slug headline } } } } } } }`,
    variables: { a: t.stateA.id, b: t.stateB.id },
    reference: {
      args: [t.stateA.rowid, t.stateB.rowid],
      sql: `select json_object('data', json_object('engagements', json_object(${tc ? `
  'totalCount', (select count(*) from engagements e
      where exists (select 1 from participants pa where pa.engagement_id = e.id and pa.organisation_id = ?1)
        and exists (select 1 from participants pb where pb.engagement_id = e.id and pb.organisation_id = ?2)),` : ''}
  'edges', (select json_group_array(json(x)) from (select json_object('node', json_object('kind', e.kind, 'summary', e.summary,
      'date', ${partialDate('e', 'date', ['text', 'earliest', 'latest'])},
      'cameo', (select json_object('code', cc.code, 'quadClass', cc.quad_class, 'goldstein', cc.goldstein) from cameo_codes cc where cc.code = e.cameo_code),
      'place', (select json_object('name', pl.name) from places pl where pl.id = e.place_id),
      'participants', json(${participants('e.id', ['name'])}),
      'articles', json_object('totalCount', (select count(*) from engagement_articles ea where ea.engagement_id = e.id),
        'edges', (select json_group_array(json(y)) from (select json_object('node', json_object('slug', a.slug, 'headline', a.headline)) y
          from engagement_articles ea join articles a on a.id = ea.article_id where ea.engagement_id = e.id
          order by coalesce(a.published_at, '') desc, a.id desc limit 3))))) x
    from engagements e
    where exists (select 1 from participants pa where pa.engagement_id = e.id and pa.organisation_id = ?1)
      and exists (select 1 from participants pb where pb.engagement_id = e.id and pb.organisation_id = ?2)
    order by coalesce(e.date_latest, '') desc, e.id desc limit 20))))) as json`,
    },
  });

  // 4. Filtered article list
  const from = '2024-07-01';
  const to = '2025-06-30';
  entries.push({
    name: 'filtered article list',
    query: `query List($org: ID!, $from: String!, $to: String!) { articles(first: 20, orderBy: PUBLISHED_DESC,
    filter: { organisations: [$org], publishedFrom: $from, publishedTo: $to }) {
  ${tcField}edges { node { slug headline publishedAt dateline { name } people(first: 3, rel: ABOUT) { edges { node { name } } } } } } }`,
    variables: { org: t.stateA.id, from, to },
    reference: {
      args: [t.stateA.rowid, `${from}T00:00:00Z`, `${to}T23:59:59.999Z`],
      sql: `select json_object('data', json_object('articles', json_object(${tc ? `
  'totalCount', (select count(*) from articles a where exists (select 1 from article_organisations l where l.article_id = a.id and l.organisation_id = ?1)
      and a.published_at >= ?2 and a.published_at <= ?3),` : ''}
  'edges', (select json_group_array(json(x)) from (select json_object('node', json_object('slug', a.slug, 'headline', a.headline, 'publishedAt', a.published_at,
      'dateline', (select json_object('name', d.name) from places d where d.id = a.dateline_place_id),
      'people', json_object('edges', (select json_group_array(json(y)) from (select json_object('node', json_object('name', p.name)) y
          from article_people l join people p on p.id = l.person_id where l.article_id = a.id and l.rel = 'about'
          order by coalesce(l.relevance, -1) desc, l.person_id limit 3))))) x
    from articles a where exists (select 1 from article_organisations l where l.article_id = a.id and l.organisation_id = ?1)
      and a.published_at >= ?2 and a.published_at <= ?3
    order by coalesce(a.published_at, '') desc, a.id desc limit 20))))) as json`,
    },
  });

  // 5. Search (ArticleFilter.query; Query.search is added by run.ts when the schema has it)
  if (opts.searchTerm) {
    entries.push({
      name: 'search (articles filter.query)',
      query: `query Search($q: String!) { articles(first: 10, filter: { query: $q }) { ${tcField}edges { node { slug headline publishedAt } } } }`,
      variables: { q: opts.searchTerm },
      reference: null,
    });
  }

  // 6. Deep 6-level walk: article → people → roles → organisation → engagements → articles → dateline
  entries.push({
    name: 'deep walk (6 levels)',
    query: `query Deep($slug: String!) { article(slug: $slug) { people(first: 5) { edges { node { name roles { title organisation { name
  engagements(first: 5) { edges { node { summary articles(first: 5) { edges { node { slug dateline { name } } } } } } } } } } } } } }`,
    variables: { slug: t.articleSlug },
    // Bottom-up CTEs with ordered aggregates: nesting six correlated sub-selects overflows SQLite's parser stack.
    reference: {
      args: [t.articleSlug],
      sql: `with
  a as (select id from articles where slug = ?1),
  ppl as (select l.person_id, row_number() over (order by coalesce(l.relevance, -1) desc, l.person_id) rk
    from article_people l where l.article_id = (select id from a) order by rk limit 5),
  rls as (select r.id, r.person_id, r.title, r.organisation_id from roles r where r.person_id in (select person_id from ppl)),
  eng as (select * from (select pa.organisation_id, e.id, e.summary,
      row_number() over (partition by pa.organisation_id order by coalesce(e.date_latest, '') desc, e.id desc) rk
    from participants pa join engagements e on e.id = pa.engagement_id where pa.organisation_id in (select organisation_id from rls)) where rk <= 5),
  arts as (select * from (select ea.engagement_id, a2.id, a2.slug, a2.dateline_place_id, row_number() over (partition by ea.engagement_id order by coalesce(a2.published_at, '') desc, a2.id desc) rk
    from engagement_articles ea join articles a2 on a2.id = ea.article_id where ea.engagement_id in (select id from eng)) where rk <= 5),
  arts_j as (select engagement_id, json_group_array(json_object('node', json_object('slug', slug,
      'dateline', (select json_object('name', d.name) from places d where d.id = arts.dateline_place_id))) order by rk) j
    from arts group by engagement_id),
  eng_j as (select eng.organisation_id, json_group_array(json_object('node', json_object('summary', eng.summary,
      'articles', json_object('edges', json(coalesce(arts_j.j, '[]'))))) order by eng.rk) j
    from eng left join arts_j on arts_j.engagement_id = eng.id group by eng.organisation_id),
  rls_j as (select rls.person_id, json_group_array(json_object('title', rls.title, 'organisation',
      json(case when o.id is not null then json_object('name', o.name, 'engagements', json_object('edges', json(coalesce(eng_j.j, '[]')))) end)) order by rls.id) j
    from rls left join organisations o on o.id = rls.organisation_id left join eng_j on eng_j.organisation_id = rls.organisation_id group by rls.person_id)
select json_object('data', json_object('article', (select json_object('people', json_object('edges',
  (select json_group_array(json_object('node', json_object('name', p.name, 'roles', json(coalesce(rls_j.j, '[]')))) order by ppl.rk)
   from ppl join people p on p.id = ppl.person_id left join rls_j on rls_j.person_id = ppl.person_id))) from a))) as json`,
    },
  });

  return entries;
}

// ------------------------------------------------------------------------------------------
// Targets: entities the catalogue queries are about, chosen from the corpus

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * Choose the entities the catalogue is about, from the corpus: the middle article, the person in
 * most engagements (the busiest person page) and the two states sharing most engagements.
 * @param raw a libSQL client on the corpus
 * @param articles the corpus size (the middle article is `bench-<articles/2>`)
 */
export async function chooseTargets(raw: Client, articles: number): Promise<Targets> {
  const one = async (sql: string, args: (string | number)[] = []) => (await raw.execute({ sql, args })).rows[0] as Record<string, unknown> | undefined;
  const mid = await one('select slug from articles where slug = ?', [`bench-${Math.floor(articles / 2)}`]);
  const articleSlug = String(mid?.slug ?? (await one('select slug from articles order by id limit 1'))!.slug);
  // The person taking part in most engagements (a head of state: the busiest person page).
  const p = (await one(`select p.id, p.slug, p.name from people p join (select person_id, count(*) n from participants where person_id is not null group by person_id order by n desc, person_id limit 1) t on t.person_id = p.id`))!;
  // The two states sharing most engagements (the busiest "between A and B" timeline).
  const s = (await one(`select a.organisation_id x, b.organisation_id y, count(*) n
      from participants a join participants b on b.engagement_id = a.engagement_id and b.organisation_id > a.organisation_id
      join organisations oa on oa.id = a.organisation_id and oa.kind = 'STATE' join organisations ob on ob.id = b.organisation_id and ob.kind = 'STATE'
      group by a.organisation_id, b.organisation_id order by n desc, x, y limit 1`))!;
  const name = async (id: unknown) => String((await one('select name from organisations where id = ?', [Number(id)]))!.name);
  return {
    articleSlug,
    person: { id: gid('Person', Number(p.id)), rowid: Number(p.id), slug: String(p.slug), name: String(p.name) },
    stateA: { id: gid('Organisation', Number(s.x)), rowid: Number(s.x), name: await name(s.x) },
    stateB: { id: gid('Organisation', Number(s.y)), rowid: Number(s.y), name: await name(s.y) },
    shared: Number(s.n),
  };
}
