-- Custom SQL (drizzle-kit generate --custom): article_fts, an articles-only FTS5 index whose rowid
-- follows publication order, so `articles(filter: { query })` reads `ORDER BY rowid DESC LIMIT n`
-- and FTS5 stops after the page, and a count reads the index alone (src/search/articles.ts).
--
-- rowid = T * 2^27 + id (ids below 2^27), T the PUBLISHED_DESC key `coalesce(published_at, '')`
-- as a number: 0 for an unknown date, else (seconds since 1900-01-01 UTC) * 2 + 1 for a whole
-- second and * 2 + 0 for one with a fraction ('…:05.250Z' sorts before '…:05Z' as text),
-- clamped to 1 .. 2^36 - 1. Ascending rowid is then (published key, id) ascending: the
-- publication order of the article lists. The same expression is `articleSearchKey` in
-- src/search/articles.ts (test/query/search-pages.test.ts checks they agree).
--
-- Contentless (content='', contentless_delete=1): the text lives in search_fts; a row is
-- deleted by rowid. Triggers keep it in step with articles: a late-ingested older article
-- gets its place by its date, a corrected date moves the row. As-written columns come from the
-- article row; the folded ones are written by the fold pass (src/search/index.ts), which the
-- triggers queue, as search_fts's do.
--
-- article_terms: every term of article_fts (as FTS5's tokenizer cut it). A type-ahead word of 4
-- or more letters is a prefix the index has no prefix entries for; FTS5 would read the whole
-- doclist of every term it starts; src/search/match.ts instead looks its terms up here (one key
-- range) and ORs them, which FTS5 reads lazily. The fold pass adds the terms of each article it
-- writes, tokenized by FTS5 itself in article_terms_scratch (emptied after each pass). Terms of
-- deleted text stay: a stale term only offers an alternative that matches nothing.
CREATE VIRTUAL TABLE `article_fts` USING fts5(title, title_folded, body, body_folded, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
CREATE TABLE `article_terms` (`term` text PRIMARY KEY NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIRTUAL TABLE `article_terms_scratch` USING fts5(title, title_folded, body, body_folded, content = '', detail = 'none', tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `article_terms_scratch_vocab` USING fts5vocab(article_terms_scratch, 'row');
--> statement-breakpoint
CREATE TRIGGER `articles_article_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO article_fts (rowid, title, title_folded, body, body_folded) VALUES (
    (CASE WHEN coalesce(new.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(new.published_at) + 2208988800) * 2 + (instr(new.published_at, '.') = 0), 1))) END) * 134217728 + new.id,
    new.headline, '', new.body, '');
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_article_fts_au` AFTER UPDATE OF headline, body, published_at ON `articles`
WHEN old.headline IS NOT new.headline OR old.body IS NOT new.body OR old.published_at IS NOT new.published_at BEGIN
  DELETE FROM article_fts WHERE rowid =
    (CASE WHEN coalesce(old.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(old.published_at) + 2208988800) * 2 + (instr(old.published_at, '.') = 0), 1))) END) * 134217728 + old.id;
  -- The folded text carries over when only the date changed; else the fold pass rewrites it.
  INSERT INTO article_fts (rowid, title, title_folded, body, body_folded)
    SELECT (CASE WHEN coalesce(new.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(new.published_at) + 2208988800) * 2 + (instr(new.published_at, '.') = 0), 1))) END) * 134217728 + new.id,
      new.headline, CASE WHEN old.headline IS new.headline AND old.body IS new.body THEN coalesce(f.title_folded, '') ELSE '' END,
      new.body, CASE WHEN old.headline IS new.headline AND old.body IS new.body THEN coalesce(f.body_folded, '') ELSE '' END
    FROM (SELECT 1) LEFT JOIN search_fts f ON f.rowid = new.id * 8 + 1;
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_article_fts_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM article_fts WHERE rowid =
    (CASE WHEN coalesce(old.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(old.published_at) + 2208988800) * 2 + (instr(old.published_at, '.') = 0), 1))) END) * 134217728 + old.id;
END;
--> statement-breakpoint
-- Back-fill from search_fts (as written and folded), then merge into one segment.
INSERT INTO article_fts (rowid, title, title_folded, body, body_folded)
  SELECT (CASE WHEN coalesce(a.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(a.published_at) + 2208988800) * 2 + (instr(a.published_at, '.') = 0), 1))) END) * 134217728 + a.id,
    coalesce(f.title, a.headline), coalesce(f.title_folded, ''), coalesce(f.body, a.body), coalesce(f.body_folded, '')
  FROM articles a LEFT JOIN search_fts f ON f.rowid = a.id * 8 + 1;
--> statement-breakpoint
INSERT INTO article_fts (article_fts) VALUES ('optimize');
--> statement-breakpoint
CREATE VIRTUAL TABLE `article_fts_vocab` USING fts5vocab(article_fts, 'row');
--> statement-breakpoint
INSERT OR IGNORE INTO article_terms (term) SELECT term FROM article_fts_vocab;
--> statement-breakpoint
DROP TABLE `article_fts_vocab`;
