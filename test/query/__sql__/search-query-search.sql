-- search (Query.search) (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query Search($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { __typename ... on Article { slug } ... on Person { name } } } } }

select
  "d0"."key" as "key",
  "d0"."title" as "title",
  "d0"."body" as "body",
  ((case when (
    select
      coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
    from (
      select
        term
      from search_terms
      where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
        select
          1
        from search_terms k
        where k.term = ?
      ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
      order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
      limit ?
    )
  ) = ? and (
    select
      coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
    from (
      select
        term
      from search_terms
      where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
        select
          1
        from search_terms k
        where k.term >= ? and k.term < ?
      ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
      order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
      limit ?
    )
  ) = ? then -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) when "d0"."key" in (
    select
      e.rowid
    from search_fts as e
    where e.search_fts match ?
  ) then 1 + -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) else -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) / (1 + -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0)) end)) as "score",
  ((
    select
      count(*)
    from search_fts as c
    where c.search_fts match ((
      select
        coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
      from (
        select
          term
        from search_terms
        where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
          select
            1
          from search_terms k
          where k.term = ?
        ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
        order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
        limit ?
      )
    ) || ' AND ' || (
      select
        coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
      from (
        select
          term
        from search_terms
        where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
          select
            1
          from search_terms k
          where k.term >= ? and k.term < ?
        ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
        order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
        limit ?
      )
    ))
  )) as "total",
  (((
    select
      coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
    from (
      select
        term
      from search_terms
      where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
        select
          1
        from search_terms k
        where k.term = ?
      ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
      order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
      limit ?
    )
  ) || ' AND ' || (
    select
      coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
    from (
      select
        term
      from search_terms
      where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
        select
          1
        from search_terms k
        where k.term >= ? and k.term < ?
      ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
      order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
      limit ?
    )
  ))) as "matched",
  (
    select
      json_object('id', "id", 'slug', "slug") as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug"
      from "articles" as "d1"
      where "d0"."article_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "article",
  (
    select
      json_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'nationalityId', "nationalityId") as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."name" as "name",
        "d1"."name_key" as "nameKey",
        "d1"."variant_key" as "variantKey",
        "d1"."nationality_id" as "nationalityId"
      from "people" as "d1"
      where "d0"."person_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "person",
  (
    select
      json_object('id', "id", 'slug', "slug", 'name', "name", 'nameKey', "nameKey", 'variantKey', "variantKey", 'acronym', "acronym", 'kind', "kind", 'countryId', "countryId", 'parentId', "parentId") as "r"
    from (
      select
        "d1"."id" as "id",
        "d1"."slug" as "slug",
        "d1"."name" as "name",
        "d1"."name_key" as "nameKey",
        "d1"."variant_key" as "variantKey",
        "d1"."acronym" as "acronym",
        "d1"."kind" as "kind",
        "d1"."country_id" as "countryId",
        "d1"."parent_id" as "parentId"
      from "organisations" as "d1"
      where "d0"."organisation_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "organisation",
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
  (
    select
      json_object('id', "id") as "r"
    from (
      select
        "d1"."id" as "id"
      from "engagements" as "d1"
      where "d0"."engagement_id" = "d1"."id"
      limit ?
    ) as "t"
  ) as "engagement"
from "search_docs" as "d0"
where "d0"."fts" match ((
  select
    coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
  from (
    select
      term
    from search_terms
    where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
      select
        1
      from search_terms k
      where k.term = ?
    ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
    order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
    limit ?
  )
) || ' AND ' || (
  select
    coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
  from (
    select
      term
    from search_terms
    where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
      select
        1
      from search_terms k
      where k.term >= ? and k.term < ?
    ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
    order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
    limit ?
  )
))
order by (case when (
  select
    coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
  from (
    select
      term
    from search_terms
    where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
      select
        1
      from search_terms k
      where k.term = ?
    ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
    order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
    limit ?
  )
) = ? and (
  select
    coalesce('(' || ? || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ?)
  from (
    select
      term
    from search_terms
    where term >= ? and term < ? and term <> ? and length(term) between ? and ? and not exists (
      select
        1
      from search_terms k
      where k.term >= ? and k.term < ?
    ) and (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) >= max(length(term), ?) - 1
    order by (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) + (instr('#' || term || '#', ?) > 0) desc, term
    limit ?
  )
) = ? then -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) when "d0"."key" in (
  select
    e.rowid
  from search_fts as e
  where e.search_fts match ?
) then 1 + -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) else -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0) / (1 + -bm25("d0"."fts", 4.0, 4.0, 1.0, 1.0)) end) desc, "d0"."key" asc
limit ?;
