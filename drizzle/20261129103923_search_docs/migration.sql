-- Custom SQL (drizzle-kit generate --custom): the search_docs view (src/db/schema.ts).
-- The FTS5 index as relational queries read it: the document key (rowid = id * 8 + kind, see
-- src/search/index.ts), its kind, its text, the FTS5 hidden column (for MATCH and bm25), and
-- one id column per document kind, set only for the document's own kind, which Query.search
-- joins its result types on. One table, no aggregate: SQLite flattens it into the query, so
-- MATCH on `fts` uses the FTS5 index and bm25(fts) ranks as on the table itself.
CREATE VIEW `search_docs` AS
  SELECT rowid AS key, rowid % 8 AS kind, title, body, search_fts AS fts,
    CASE WHEN rowid % 8 = 1 THEN rowid / 8 END AS article_id,
    CASE WHEN rowid % 8 = 2 THEN rowid / 8 END AS person_id,
    CASE WHEN rowid % 8 = 3 THEN rowid / 8 END AS organisation_id,
    CASE WHEN rowid % 8 = 4 THEN rowid / 8 END AS place_id,
    CASE WHEN rowid % 8 = 5 THEN rowid / 8 END AS engagement_id
  FROM search_fts;
