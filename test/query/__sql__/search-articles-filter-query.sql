-- search (articles filter.query) (bench/catalogue.ts): the SQL the API sends, parameters as ?.
-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u
-- query Search($q: String!) { articles(first: 10, filter: { query: $q }) { totalCount edges { node { slug headline publishedAt } } } }

select
  "d0"."id" as "id",
  "d0"."slug" as "slug",
  "d0"."headline" as "headline",
  "d0"."published_at" as "publishedAt",
  (coalesce("d0"."published_at", '')) as "publishedKey",
  ((
    select
      count(*)
    from "articles"
    where "articles"."id" in (
      select
        rowid / 8
      from search_fts
      where search_fts match ((
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
      )) and rowid % 8 = 1
    )
  )) as "_total"
from "articles" as "d0"
where "d0"."id" in (
  select
    rowid / 8
  from search_fts
  where search_fts match ((
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
  )) and rowid % 8 = 1
)
order by coalesce("d0"."published_at", '') desc, "d0"."id" desc
limit ?;
