-- deep walk (6 levels) (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query Deep($slug: String!) { article(slug: $slug) { people(first: 5) { edges { node { name roles { title organisation { name engagements(first: 5) { edges { node { summary articles(first: 5) { edges { node { slug dateline { name } } } } } } } } } } } } } }

select
  "d0"."id" as "id",
  ((
    select
      count(*)
    from "article_people" l
    where l.article_id = "d0"."id"
  )) as "personLinkCount",
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
            jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'nationalityId', "nationalityId", 'roles', jsonb("roles")) as "r"
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
                        jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId", 'engagements', jsonb("engagements")) as "r"
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
                          "d4"."parent_id" as "parentId",
                          coalesce((
                            select
                              jsonb_group_array(json_object('id', "id", 'summary', "summary", 'dateKey', "dateKey", 'articles', jsonb("articles"))) as "r"
                            from (
                              select
                                "d5"."id" as "id",
                                "d5"."summary" as "summary",
                                ("tr4"."date_desc_key") as "dateKey",
                                coalesce((
                                  select
                                    jsonb_group_array(json_object('id', "id", 'slug', "slug", 'publishedKey', "publishedKey", 'dateline', jsonb("dateline"))) as "r"
                                  from (
                                    select
                                      "d6"."id" as "id",
                                      "d6"."slug" as "slug",
                                      ("tr5"."published_desc_key") as "publishedKey",
                                      (
                                        select
                                          jsonb_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'kind', "kind", 'countryId', "countryId", 'iso3166', "iso3166") as "r"
                                        from (
                                          select
                                            "d7"."id" as "id",
                                            "d7"."slug" as "slug",
                                            "d7"."name" as "name",
                                            "d7"."name_key" as "nameKey",
                                            "d7"."variant_key" as "variantKey",
                                            "d7"."kind" as "kind",
                                            "d7"."country_id" as "countryId",
                                            "d7"."iso3166" as "iso3166"
                                          from "places" as "d7"
                                          where "d6"."dateline_place_id" = "d7"."id"
                                          limit ?
                                        ) as "t"
                                      ) as "dateline"
                                    from "articles" as "d6"
                                    inner join "engagement_articles" as "tr5" on "tr5"."article_id" = "d6"."id"
                                    where "d5"."id" = "tr5"."engagement_id"
                                    order by "tr5"."published_desc_key" desc, "d6"."id" desc
                                    limit ?
                                  ) as "t"
                                ), jsonb_array()) as "articles"
                              from "engagements" as "d5"
                              inner join "engagement_actors" as "tr4" on "tr4"."engagement_id" = "d5"."id"
                              where "d4"."id" = "tr4"."organisation_id"
                              order by "tr4"."date_desc_key" desc, "d5"."id" desc
                              limit ?
                            ) as "t"
                          ), jsonb_array()) as "engagements"
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
  ), jsonb_array()) as "personLinks"
from "articles" as "d0"
where "d0"."slug" = ?
limit ?;
