-- filtered article list (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query List($org: ID!, $from: String!, $to: String!) { articles(first: 20, orderBy: PUBLISHED_DESC, filter: { organisations: [$org], publishedFrom: $from, publishedTo: $to }) { totalCount edges { node { slug headline publishedAt dateline { name } people(first: 3, rel: ABOUT) { edges { node { name } } } } } } }

select
  "d0"."id" as "id",
  "d0"."slug" as "slug",
  "d0"."headline" as "headline",
  "d0"."published_at" as "publishedAt",
  (coalesce("d0"."published_at", '')) as "publishedKey",
  ((
    select
      count(*)
    from "article_organisations" l
    where l."organisation_id" = ? and l.published_desc_key >= ? and l.published_desc_key < ?
  )) as "_total",
  ((
    select
      count(*)
    from "article_people" l
    where l.article_id = "d0"."id" and l.rel = ?
  )) as "personLinkCount",
  (
    select
      json_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."name" as "name",
        "d1"."name_key" as "nameKey",
        "d1"."variant_key" as "variantKey",
        "d1"."kind" as "kind",
        "d1"."country_id" as "countryId",
        "d1"."iso3166" as "iso3166"
      from "places" as "d1"
      where "d0"."dateline_place_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "dateline",
  coalesce((
    select
      json_group_array(json_object('personId', "personId", 'articleId', "articleId", 'rel', "rel", 'relevance', "relevance", 'rank', "rank", 'person', jsonb("person"))) as "r"
    from (
      select
        "d1"."person_id" as "personId",
        "d1"."article_id" as "articleId",
        "d1"."rel" as "rel",
        "d1"."relevance" as "relevance",
        (coalesce("d1"."relevance", -1)) as "rank",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'nationalityId', "nationalityId") as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."nationality_id" as "nationalityId"
            from "people" as "d2"
            where "d1"."person_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "person"
      from "article_people" as "d1"
      where (("d1"."rel" = ?) and ("d0"."id" = "d1"."article_id"))
      order by coalesce("d1"."relevance", -1) desc, "d1"."person_id" asc, "d1"."article_id" asc
      limit ?
    ) as "t"
  ), jsonb_array()) as "personLinks"
from "articles" as "d0"
where (("d0"."id" in (
  select
    l.article_id
  from "article_organisations" l
  where l."organisation_id" = ? and l.published_desc_key >= ? and l.published_desc_key < ?
  order by l.published_desc_key desc, l.article_id desc
  limit ?
)) and (coalesce("d0"."published_at", '') >= ? and coalesce("d0"."published_at", '') < ?))
order by coalesce("d0"."published_at", '') desc, "d0"."id" desc
limit ?;
