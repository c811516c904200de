-- between A and B (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query Between($a: ID!, $b: ID!) { engagements(first: 20, orderBy: DATE_DESC, filter: { participants: [$a, $b] }) { totalCount edges { node { kind summary date { text earliest latest } cameo { code quadClass goldstein } place { name } participants { role actor { __typename name } } articles(first: 3) { totalCount edges { node { slug headline } } } } } } }

select
  "d0"."id" as "id",
  "d0"."kind" as "kind",
  "d0"."summary" as "summary",
  "d0"."date_text" as "dateText",
  "d0"."date_edtf" as "dateEdtf",
  "d0"."date_precision" as "datePrecision",
  "d0"."date_earliest" as "dateEarliest",
  "d0"."date_latest" as "dateLatest",
  (coalesce("d0"."date_latest", '')) as "dateKey",
  ((
    select
      count(*)
    from engagement_actors a0
    where a0.organisation_id = ? and exists (
      select
        1
      from engagement_actors o
      where o.engagement_id = a0.engagement_id and o.organisation_id = ?
    )
  )) as "_total",
  (
    select
      count(*)
    from "articles"
    inner join "engagement_articles" on "engagement_articles"."article_id" = "articles"."id"
    where "d0"."id" = "engagement_articles"."engagement_id"
  ) as "_articles_count",
  (
    select
      json_object('code', "code", 'name', "name", 'rootCode', "rootCode", 'quadClass', "quadClass", 'goldstein', "goldstein") as "r"
    from (
      select
        "d1"."code" as "code",
        "d1"."name" as "name",
        "d1"."root_code" as "rootCode",
        "d1"."quad_class" as "quadClass",
        "d1"."goldstein" as "goldstein"
      from "cameo_codes" as "d1"
      where "d0"."cameo_code" = "d1"."code"
      limit ?
    ) as "t"
  ) as "cameo",
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
      where "d0"."place_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "place",
  coalesce((
    select
      json_group_array(json_object('role', "role", 'id', "id", 'person', jsonb("person"), 'organisation', jsonb("organisation"))) as "r"
    from (
      select
        "d1"."role" as "role",
        "d1"."id" as "id",
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
        ) as "person",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId") as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."acronym" as "acronym",
              "d2"."kind" as "kind",
              "d2"."country_id" as "countryId",
              "d2"."parent_id" as "parentId"
            from "organisations" as "d2"
            where "d1"."organisation_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "organisation"
      from "participants" as "d1"
      where "d0"."id" = "d1"."engagement_id"
      order by "d1"."id" asc
    ) as "t"
  ), jsonb_array()) as "participants",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'slug', "slug", 'headline', "headline", 'publishedKey', "publishedKey")) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."headline" as "headline",
        ("tr0"."published_desc_key") as "publishedKey"
      from "articles" as "d1"
      inner join "engagement_articles" as "tr0" on "tr0"."article_id" = "d1"."id"
      where "d0"."id" = "tr0"."engagement_id"
      order by "tr0"."published_desc_key" desc, "d1"."id" desc
      limit ?
    ) as "t"
  ), jsonb_array()) as "articles"
from "engagements" as "d0"
where "d0"."id" in (
  select
    a0.engagement_id
  from engagement_actors a0
  where a0.organisation_id = ? and exists (
    select
      1
    from engagement_actors o
    where o.engagement_id = a0.engagement_id and o.organisation_id = ?
  )
  order by a0.date_desc_key desc, a0.engagement_id desc
  limit ?
)
order by coalesce("d0"."date_latest", '') desc, "d0"."id" desc
limit ?;
