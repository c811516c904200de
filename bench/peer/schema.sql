-- Run by bench/peer.ts after the copy of the corpus (bench/peer/postgres.ts `corpusSql`, which
-- adds the tables' keys and SQLite's plain-column indexes). What PostgreSQL needs on top to serve
-- the catalogue through PostGraphile as Newsgraph serves it: indexes in the catalogue's orderings
-- (PostGraphile's orderBy with pgOrderByNullsLast writes `desc nulls last`, which a plain b-tree
-- read backwards does not give), and, for what the Amber preset cannot say with `condition` and
-- `orderBy`, PostGraphile's documented ways: SQL functions (custom queries, computed columns).

-- Link tables walked from the article, most relevant first (unjudged last), then entity id.
create index article_people_article_relevance_idx on article_people (article_id, relevance desc nulls last, person_id);
create index article_people_article_rel_idx on article_people (article_id, rel, relevance desc nulls last, person_id);
create index article_organisations_article_relevance_idx on article_organisations (article_id, relevance desc nulls last, organisation_id);
create index article_places_article_relevance_idx on article_places (article_id, relevance desc nulls last, place_id);

-- An entity's articles latest first (the link rows carry the article's sort key, as in SQLite).
create index article_people_person_latest_idx on article_people (person_id, published_desc_key desc nulls last, article_id desc nulls last);
create index article_organisations_organisation_latest_idx on article_organisations (organisation_id, published_desc_key desc nulls last, article_id desc nulls last);
create index engagement_articles_latest_idx on engagement_articles (engagement_id, published_desc_key desc nulls last, article_id desc nulls last);

-- An actor's engagements latest first (engagement_actors carries the engagement's sort key).
create index engagement_actors_person_latest_idx on engagement_actors (person_id, date_desc_key desc nulls last, engagement_id desc nulls last);
create index engagement_actors_organisation_latest_idx on engagement_actors (organisation_id, date_desc_key desc nulls last, engagement_id desc nulls last);

-- Lists in id order under their parent.
create index roles_person_id_idx on roles (person_id, id);
create index aliases_person_id_idx on aliases (person_id, id);
create index participants_engagement_id_idx on participants (engagement_id, id);
create index articles_published_desc_key_idx on articles ((coalesce(published_at, '')) desc, id desc);
create index engagements_date_desc_key_idx on engagements ((coalesce(date_latest, '')) desc, id desc);

-- Full text over headline and body ('simple': lower-cased words, no stemming), for search_articles.
create index articles_text_idx on articles using gin (to_tsvector('simple', headline || ' ' || body));

-- An article's engagements latest first: the engagement's DATE_DESC key on its link row, as a
-- computed column PostGraphile can order by (engagement_articles carries only the article's keys).
create function engagement_articles_date_desc_key(ea engagement_articles) returns text
  language sql stable parallel safe
  as $$ select coalesce(e.date_latest, '') from engagements e where e.id = ea.engagement_id $$;
comment on function engagement_articles_date_desc_key(engagement_articles) is E'@behavior +orderBy';

-- "Between A and B": engagements both organisations take part in, latest first.
create function engagements_between(a integer, b integer) returns setof engagements
  language sql stable parallel safe
  as $$
    select e.* from engagements e
    where e.id in (select x.engagement_id from engagement_actors x where x.organisation_id = a)
      and e.id in (select y.engagement_id from engagement_actors y where y.organisation_id = b)
    order by coalesce(e.date_latest, '') desc, e.id desc
  $$;

-- The filtered article list: an organisation's articles published in [published_from, published_to]
-- (ISO timestamps, compared as text like Newsgraph), latest first.
create function organisation_articles_published(organisation integer, published_from text, published_to text) returns setof articles
  language sql stable parallel safe
  as $$
    select a.* from articles a
    where a.id in (select l.article_id from article_organisations l where l.organisation_id = organisation)
      and a.published_at >= published_from and a.published_at <= published_to
    order by coalesce(a.published_at, '') desc, a.id desc
  $$;

-- Articles whose headline and body hold every word, the last one as a prefix (type-ahead), latest
-- first. PostgreSQL's parser and Newsgraph's FTS5 tokenizer and folding differ: equal answers are
-- likely on plain English words, not guaranteed.
create function search_articles(query text) returns setof articles
  language sql stable parallel safe
  as $$
    select a.* from articles a
    where to_tsvector('simple', a.headline || ' ' || a.body) @@ (
      select to_tsquery('simple', string_agg(quote_literal(w), ' & ') || ':*')
      from regexp_split_to_table(lower(trim(query)), '[^[:alnum:]]+') w where w <> '')
    order by coalesce(a.published_at, '') desc, a.id desc
  $$;
