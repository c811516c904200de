-- person page (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query PersonPage($slug: String!) { person(slug: $slug) { name aliases sameAs nationality { name } roles { title started { text precision } organisation { name kind } } engagements(first: 10, orderBy: DATE_DESC) { totalCount edges { node { kind summary date { text precision earliest latest } place { name country { name } } participants { role actor { __typename name slug } } } } } articles(first: 5, orderBy: PUBLISHED_DESC) { totalCount edges { node { slug headline publishedAt } } } } }

select
  "d0"."id" as "id",
  "d0"."slug" as "slug",
  "d0"."name" as "name",
  "d0"."name_key" as "nameKey",
  "d0"."variant_key" as "variantKey",
  "d0"."nationality_id" as "nationalityId",
  (
    select
      count(*)
    from "engagements"
    inner join "engagement_actors" on "engagement_actors"."engagement_id" = "engagements"."id"
    where "d0"."id" = "engagement_actors"."person_id"
  ) as "_engagements_count",
  (
    select
      count(*)
    from "articles"
    inner join "article_people" on "article_people"."article_id" = "articles"."id"
    where "d0"."id" = "article_people"."person_id"
  ) as "_articles_count",
  coalesce((
    select
      json_group_array(json_object('name', "name", 'id', "id")) as "r"
    from (
      select
        "d1"."name" as "name",
        "d1"."id" as "id"
      from "aliases" as "d1"
      where "d0"."id" = "d1"."person_id"
      order by "d1"."id" asc
    ) as "t"
  ), jsonb_array()) as "aliases",
  coalesce((
    select
      json_group_array(json_object('uri', "uri")) as "r"
    from (
      select
        "d1"."uri" as "uri"
      from "same_as" as "d1"
      where "d0"."id" = "d1"."person_id"
    ) as "t"
  ), jsonb_array()) as "sameAs",
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
      where "d0"."nationality_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "nationality",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'personId', "personId", 'organisationId', "organisationId", 'title', "title", 'startedText', "startedText", 'startedEdtf', "startedEdtf", 'startedPrecision', "startedPrecision", 'startedEarliest', "startedEarliest", 'startedLatest', "startedLatest", 'endedText', "endedText", 'endedEdtf', "endedEdtf", 'endedPrecision', "endedPrecision", 'endedEarliest', "endedEarliest", 'endedLatest', "endedLatest", 'organisation', jsonb("organisation"))) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."person_id" as "personId",
        "d1"."organisation_id" as "organisationId",
        "d1"."title" as "title",
        "d1"."started_text" as "startedText",
        "d1"."started_edtf" as "startedEdtf",
        "d1"."started_precision" as "startedPrecision",
        "d1"."started_earliest" as "startedEarliest",
        "d1"."started_latest" as "startedLatest",
        "d1"."ended_text" as "endedText",
        "d1"."ended_edtf" as "endedEdtf",
        "d1"."ended_precision" as "endedPrecision",
        "d1"."ended_earliest" as "endedEarliest",
        "d1"."ended_latest" as "endedLatest",
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
      from "roles" as "d1"
      where "d0"."id" = "d1"."person_id"
      order by "d1"."id" asc
    ) as "t"
  ), jsonb_array()) as "roles",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'kind', "kind", 'summary', "summary", 'dateText', "dateText", 'dateEdtf', "dateEdtf", 'datePrecision', "datePrecision", 'dateEarliest', "dateEarliest", 'dateLatest', "dateLatest", 'dateKey', "dateKey", 'place', jsonb("place"), 'participants', jsonb("participants"))) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."kind" as "kind",
        "d1"."summary" as "summary",
        "d1"."date_text" as "dateText",
        "d1"."date_edtf" as "dateEdtf",
        "d1"."date_precision" as "datePrecision",
        "d1"."date_earliest" as "dateEarliest",
        "d1"."date_latest" as "dateLatest",
        ("tr0"."date_desc_key") as "dateKey",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166", 'country', jsonb("country")) as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."kind" as "kind",
              "d2"."country_id" as "countryId",
              "d2"."iso3166" as "iso3166",
              (
                select
                  jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
                from (
                  select
                    "d3"."id" as "id",
                    "d3"."slug" as "slug",
                    "d3"."name" as "name",
                    "d3"."name_key" as "nameKey",
                    "d3"."variant_key" as "variantKey",
                    "d3"."kind" as "kind",
                    "d3"."country_id" as "countryId",
                    "d3"."iso3166" as "iso3166"
                  from "places" as "d3"
                  where "d2"."country_id" = "d3"."id"
                  limit ?
                ) as "t"
              ) as "country"
            from "places" as "d2"
            where "d1"."place_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "place",
        coalesce((
          select
            jsonb_group_array(json_object('role', "role", 'id', "id", 'person', jsonb("person"), 'organisation', jsonb("organisation"))) as "r"
          from (
            select
              "d2"."role" as "role",
              "d2"."id" as "id",
              (
                select
                  jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'nationalityId', "nationalityId") as "r"
                from (
                  select
                    "d3"."id" as "id",
                    "d3"."slug" as "slug",
                    "d3"."name" as "name",
                    "d3"."name_key" as "nameKey",
                    "d3"."variant_key" as "variantKey",
                    "d3"."nationality_id" as "nationalityId"
                  from "people" as "d3"
                  where "d2"."person_id" = "d3"."id"
                  limit ?
                ) as "t"
              ) as "person",
              (
                select
                  jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId") as "r"
                from (
                  select
                    "d3"."id" as "id",
                    "d3"."slug" as "slug",
                    "d3"."name" as "name",
                    "d3"."name_key" as "nameKey",
                    "d3"."variant_key" as "variantKey",
                    "d3"."acronym" as "acronym",
                    "d3"."kind" as "kind",
                    "d3"."country_id" as "countryId",
                    "d3"."parent_id" as "parentId"
                  from "organisations" as "d3"
                  where "d2"."organisation_id" = "d3"."id"
                  limit ?
                ) as "t"
              ) as "organisation"
            from "participants" as "d2"
            where "d1"."id" = "d2"."engagement_id"
            order by "d2"."id" asc
          ) as "t"
        ), jsonb_array()) as "participants"
      from "engagements" as "d1"
      inner join "engagement_actors" as "tr0" on "tr0"."engagement_id" = "d1"."id"
      where "d0"."id" = "tr0"."person_id"
      order by "tr0"."date_desc_key" desc, "d1"."id" desc
      limit ?
    ) as "t"
  ), jsonb_array()) as "engagements",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'slug', "slug", 'headline', "headline", 'publishedAt', "publishedAt", 'publishedKey', "publishedKey")) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."headline" as "headline",
        "d1"."published_at" as "publishedAt",
        ("tr0"."published_desc_key") as "publishedKey"
      from "articles" as "d1"
      inner join "article_people" as "tr0" on "tr0"."article_id" = "d1"."id"
      where "d0"."id" = "tr0"."person_id"
      order by "tr0"."published_desc_key" desc, "d1"."id" desc
      limit ?
    ) as "t"
  ), jsonb_array()) as "articles"
from "people" as "d0"
where "d0"."slug" = ?
limit ?;
