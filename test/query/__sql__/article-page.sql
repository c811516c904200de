-- article page (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query ArticlePage($slug: String!) { article(slug: $slug) { headline publishedAt byline datelineText dateline { name country { name } } people(first: 10) { totalCount edges { rel relevance node { slug name aliases nationality { name } roles { title organisation { name acronym } } } } } organisations(first: 10) { totalCount edges { rel node { slug name kind country { name } } } } places(first: 10) { totalCount edges { rel node { slug name kind } } } engagements(first: 10) { totalCount edges { node { kind summary status cameo { code name quadClass } date { text precision earliest latest } place { name } participants { role actor { __typename name slug } } } } } quotes { text speaker { __typename name } } figures { text value currency } } }

select
  "d0"."id" as "id",
  "d0"."headline" as "headline",
  "d0"."published_at" as "publishedAt",
  "d0"."byline" as "byline",
  "d0"."dateline_text" as "datelineText",
  ((
    select
      count(*)
    from "article_people" l
    where l.article_id = "d0"."id"
  )) as "personLinkCount",
  ((
    select
      count(*)
    from "article_organisations" l
    where l.article_id = "d0"."id"
  )) as "organisationLinkCount",
  ((
    select
      count(*)
    from "article_places" l
    where l.article_id = "d0"."id"
  )) as "placeLinkCount",
  (
    select
      count(*)
    from "engagements"
    inner join "engagement_articles" on "engagement_articles"."engagement_id" = "engagements"."id"
    where "d0"."id" = "engagement_articles"."article_id"
  ) as "_engagements_count",
  (
    select
      json_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166", 'country', jsonb("country")) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."name" as "name",
        "d1"."name_key" as "nameKey",
        "d1"."variant_key" as "variantKey",
        "d1"."kind" as "kind",
        "d1"."country_id" as "countryId",
        "d1"."iso3166" as "iso3166",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."kind" as "kind",
              "d2"."country_id" as "countryId",
              "d2"."iso3166" as "iso3166"
            from "places" as "d2"
            where "d1"."country_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "country"
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
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'nationalityId', "nationalityId", 'aliases', jsonb("aliases"), 'nationality', jsonb("nationality"), 'roles', jsonb("roles")) as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."nationality_id" as "nationalityId",
              coalesce((
                select
                  jsonb_group_array(json_object('name', "name", 'id', "id")) as "r"
                from (
                  select
                    "d3"."name" as "name",
                    "d3"."id" as "id"
                  from "aliases" as "d3"
                  where "d2"."id" = "d3"."person_id"
                  order by "d3"."id" asc
                ) as "t"
              ), jsonb_array()) as "aliases",
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
                  where "d2"."nationality_id" = "d3"."id"
                  limit ?
                ) as "t"
              ) as "nationality",
              coalesce((
                select
                  jsonb_group_array(json_object('id', "id", 'personId', "personId", 'organisationId', "organisationId", 'title', "title", 'startedText', "startedText", 'startedEdtf', "startedEdtf", 'startedPrecision', "startedPrecision", 'startedEarliest', "startedEarliest", 'startedLatest', "startedLatest", 'endedText', "endedText", 'endedEdtf', "endedEdtf", 'endedPrecision', "endedPrecision", 'endedEarliest', "endedEarliest", 'endedLatest', "endedLatest", 'organisation', jsonb("organisation"))) as "r"
                from (
                  select
                    "d3"."id" as "id",
                    "d3"."person_id" as "personId",
                    "d3"."organisation_id" as "organisationId",
                    "d3"."title" as "title",
                    "d3"."started_text" as "startedText",
                    "d3"."started_edtf" as "startedEdtf",
                    "d3"."started_precision" as "startedPrecision",
                    "d3"."started_earliest" as "startedEarliest",
                    "d3"."started_latest" as "startedLatest",
                    "d3"."ended_text" as "endedText",
                    "d3"."ended_edtf" as "endedEdtf",
                    "d3"."ended_precision" as "endedPrecision",
                    "d3"."ended_earliest" as "endedEarliest",
                    "d3"."ended_latest" as "endedLatest",
                    (
                      select
                        jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId") as "r"
                      from (
                        select
                          "d4"."id" as "id",
                          "d4"."slug" as "slug",
                          "d4"."name" as "name",
                          "d4"."name_key" as "nameKey",
                          "d4"."variant_key" as "variantKey",
                          "d4"."acronym" as "acronym",
                          "d4"."kind" as "kind",
                          "d4"."country_id" as "countryId",
                          "d4"."parent_id" as "parentId"
                        from "organisations" as "d4"
                        where "d3"."organisation_id" = "d4"."id"
                        limit ?
                      ) as "t"
                    ) as "organisation"
                  from "roles" as "d3"
                  where "d2"."id" = "d3"."person_id"
                  order by "d3"."id" asc
                ) as "t"
              ), jsonb_array()) as "roles"
            from "people" as "d2"
            where "d1"."person_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "person"
      from "article_people" as "d1"
      where "d0"."id" = "d1"."article_id"
      order by coalesce("d1"."relevance", -1) desc, "d1"."person_id" asc, "d1"."article_id" asc
      limit ?
    ) as "t"
  ), jsonb_array()) as "personLinks",
  coalesce((
    select
      json_group_array(json_object('organisationId', "organisationId", 'articleId', "articleId", 'rel', "rel", 'relevance', "relevance", 'rank', "rank", 'organisation', jsonb("organisation"))) as "r"
    from (
      select
        "d1"."organisation_id" as "organisationId",
        "d1"."article_id" as "articleId",
        "d1"."rel" as "rel",
        "d1"."relevance" as "relevance",
        (coalesce("d1"."relevance", -1)) as "rank",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId", 'country', jsonb("country")) as "r"
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
              "d2"."parent_id" as "parentId",
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
            from "organisations" as "d2"
            where "d1"."organisation_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "organisation"
      from "article_organisations" as "d1"
      where "d0"."id" = "d1"."article_id"
      order by coalesce("d1"."relevance", -1) desc, "d1"."organisation_id" asc, "d1"."article_id" asc
      limit ?
    ) as "t"
  ), jsonb_array()) as "organisationLinks",
  coalesce((
    select
      json_group_array(json_object('placeId', "placeId", 'articleId', "articleId", 'rel', "rel", 'relevance', "relevance", 'rank', "rank", 'place', jsonb("place"))) as "r"
    from (
      select
        "d1"."place_id" as "placeId",
        "d1"."article_id" as "articleId",
        "d1"."rel" as "rel",
        "d1"."relevance" as "relevance",
        (coalesce("d1"."relevance", -1)) as "rank",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."kind" as "kind",
              "d2"."country_id" as "countryId",
              "d2"."iso3166" as "iso3166"
            from "places" as "d2"
            where "d1"."place_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "place"
      from "article_places" as "d1"
      where "d0"."id" = "d1"."article_id"
      order by coalesce("d1"."relevance", -1) desc, "d1"."place_id" asc, "d1"."article_id" asc
      limit ?
    ) as "t"
  ), jsonb_array()) as "placeLinks",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'kind', "kind", 'summary', "summary", 'status', "status", 'dateText', "dateText", 'dateEdtf', "dateEdtf", 'datePrecision', "datePrecision", 'dateEarliest', "dateEarliest", 'dateLatest', "dateLatest", 'dateKey', "dateKey", 'cameo', jsonb("cameo"), 'place', jsonb("place"), 'participants', jsonb("participants"))) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."kind" as "kind",
        "d1"."summary" as "summary",
        "d1"."status" as "status",
        "d1"."date_text" as "dateText",
        "d1"."date_edtf" as "dateEdtf",
        "d1"."date_precision" as "datePrecision",
        "d1"."date_earliest" as "dateEarliest",
        "d1"."date_latest" as "dateLatest",
        (coalesce("d1"."date_latest", '')) as "dateKey",
        (
          select
            jsonb_object('code', "code", 'name', "name", 'rootCode', "rootCode", 'quadClass', "quadClass", 'goldstein', "goldstein") as "r"
          from (
            select
              "d2"."code" as "code",
              "d2"."name" as "name",
              "d2"."root_code" as "rootCode",
              "d2"."quad_class" as "quadClass",
              "d2"."goldstein" as "goldstein"
            from "cameo_codes" as "d2"
            where "d1"."cameo_code" = "d2"."code"
            limit ?
          ) as "t"
        ) as "cameo",
        (
          select
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
          from (
            select
              "d2"."id" as "id",
              "d2"."slug" as "slug",
              "d2"."name" as "name",
              "d2"."name_key" as "nameKey",
              "d2"."variant_key" as "variantKey",
              "d2"."kind" as "kind",
              "d2"."country_id" as "countryId",
              "d2"."iso3166" as "iso3166"
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
      inner join "engagement_articles" as "tr0" on "tr0"."engagement_id" = "d1"."id"
      where "d0"."id" = "tr0"."article_id"
      order by coalesce("d1"."date_latest", '') desc, "d1"."id" desc
      limit ?
    ) as "t"
  ), jsonb_array()) as "engagements",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'articleId', "articleId", 'position', "position", 'text', "text", 'speakerPersonId', "speakerPersonId", 'speakerOrganisationId', "speakerOrganisationId", 'engagementId', "engagementId", 'speakerPerson', jsonb("speakerPerson"), 'speakerOrganisation', jsonb("speakerOrganisation"))) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."article_id" as "articleId",
        "d1"."position" as "position",
        "d1"."text" as "text",
        "d1"."speaker_person_id" as "speakerPersonId",
        "d1"."speaker_organisation_id" as "speakerOrganisationId",
        "d1"."engagement_id" as "engagementId",
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
            where "d1"."speaker_person_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "speakerPerson",
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
            where "d1"."speaker_organisation_id" = "d2"."id"
            limit ?
          ) as "t"
        ) as "speakerOrganisation"
      from "quotes" as "d1"
      where "d0"."id" = "d1"."article_id"
      order by "d1"."position" asc
    ) as "t"
  ), jsonb_array()) as "quotes",
  coalesce((
    select
      json_group_array(json_object('id', "id", 'articleId', "articleId", 'position', "position", 'text', "text", 'value', "value", 'currency', "currency", 'unit', "unit", 'metric', "metric")) as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."article_id" as "articleId",
        "d1"."position" as "position",
        "d1"."text" as "text",
        "d1"."value" as "value",
        "d1"."currency" as "currency",
        "d1"."unit" as "unit",
        "d1"."metric" as "metric"
      from "figures" as "d1"
      where "d0"."id" = "d1"."article_id"
      order by "d1"."position" asc
    ) as "t"
  ), jsonb_array()) as "figures"
from "articles" as "d0"
where "d0"."slug" = ?
limit ?;
