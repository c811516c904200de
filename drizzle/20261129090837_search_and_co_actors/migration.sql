-- Custom SQL (drizzle-kit generate --custom): what drizzle-kit cannot describe.
--
-- 1. engagement_actors: one row per (engagement, actor), the actor's first participant row.
-- 2. co_actors (table in schema.ts) kept by triggers on participants, and backfilled.
-- 3. search_fts: the FTS5 full-text index over articles (headline, body), people, organisations
--    and places (name, aliases, acronym) and engagements (summary). A document's rowid is
--    id * 8 + kind (1 article, 2 person, 3 organisation, 4 place, 5 engagement), so triggers
--    find it by rowid. Columns: title / body as written (tokenizer unicode61 remove_diacritics 2
--    folds case and decomposable diacritics, and keeps non-Latin scripts searchable as
--    themselves), title_folded / body_folded as `foldName` writes them (transliterated ASCII:
--    ł ø đ ı ß æ, modifier letters). Entities' folded forms are their stored name_key columns;
--    articles' and engagements' are written by src/search/index.ts, which drains search_pending.
CREATE VIEW `engagement_actors` AS
  SELECT p.engagement_id AS engagement_id, p.person_id AS person_id, p.organisation_id AS organisation_id
  FROM participants p
  WHERE p.id = (SELECT min(q.id) FROM participants q
                WHERE q.engagement_id = p.engagement_id AND q.person_id IS p.person_id AND q.organisation_id IS p.organisation_id);
--> statement-breakpoint
CREATE TRIGGER `participants_co_actors_ai` AFTER INSERT ON `participants`
WHEN NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = new.engagement_id AND s.id <> new.id
                 AND s.person_id IS new.person_id AND s.organisation_id IS new.organisation_id)
BEGIN
  INSERT INTO co_actors (actor_key, other_key, person_id, organisation_id, other_person_id, other_organisation_id, shared)
    SELECT DISTINCT coalesce(new.person_id * 2, new.organisation_id * 2 + 1), coalesce(o.person_id * 2, o.organisation_id * 2 + 1), new.person_id, new.organisation_id, o.person_id, o.organisation_id, 1
    FROM participants o
    WHERE o.engagement_id = new.engagement_id AND NOT (o.person_id IS new.person_id AND o.organisation_id IS new.organisation_id)
  ON CONFLICT (actor_key, other_key) DO UPDATE SET shared = shared + 1;
  INSERT INTO co_actors (actor_key, other_key, person_id, organisation_id, other_person_id, other_organisation_id, shared)
    SELECT DISTINCT coalesce(o.person_id * 2, o.organisation_id * 2 + 1), coalesce(new.person_id * 2, new.organisation_id * 2 + 1), o.person_id, o.organisation_id, new.person_id, new.organisation_id, 1
    FROM participants o
    WHERE o.engagement_id = new.engagement_id AND NOT (o.person_id IS new.person_id AND o.organisation_id IS new.organisation_id)
  ON CONFLICT (actor_key, other_key) DO UPDATE SET shared = shared + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participants_co_actors_ad` AFTER DELETE ON `participants`
WHEN NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id
                 AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id)
BEGIN
  UPDATE co_actors SET shared = shared - 1 WHERE actor_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) AND other_key IN (SELECT coalesce(o.person_id * 2, o.organisation_id * 2 + 1) FROM participants o
      WHERE o.engagement_id = old.engagement_id AND NOT (o.person_id IS old.person_id AND o.organisation_id IS old.organisation_id));
  UPDATE co_actors SET shared = shared - 1 WHERE other_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) AND actor_key IN (SELECT coalesce(o.person_id * 2, o.organisation_id * 2 + 1) FROM participants o
      WHERE o.engagement_id = old.engagement_id AND NOT (o.person_id IS old.person_id AND o.organisation_id IS old.organisation_id));
  DELETE FROM co_actors WHERE shared <= 0 AND actor_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1);
  DELETE FROM co_actors WHERE shared <= 0 AND other_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) AND actor_key IN (SELECT coalesce(o.person_id * 2, o.organisation_id * 2 + 1) FROM participants o
      WHERE o.engagement_id = old.engagement_id AND NOT (o.person_id IS old.person_id AND o.organisation_id IS old.organisation_id));
END;
--> statement-breakpoint
INSERT INTO co_actors (actor_key, other_key, person_id, organisation_id, other_person_id, other_organisation_id, shared)
  SELECT coalesce(a.person_id * 2, a.organisation_id * 2 + 1), coalesce(b.person_id * 2, b.organisation_id * 2 + 1),
         a.person_id, a.organisation_id, b.person_id, b.organisation_id, count(*)
  FROM engagement_actors a JOIN engagement_actors b ON b.engagement_id = a.engagement_id
  WHERE NOT (b.person_id IS a.person_id AND b.organisation_id IS a.organisation_id)
  GROUP BY a.person_id, a.organisation_id, b.person_id, b.organisation_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(title, title_folded, body, body_folded, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
CREATE TRIGGER `people_search_ai` AFTER INSERT ON `people` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_au` AFTER UPDATE OF name, name_key ON `people` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_ad` AFTER DELETE ON `people` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 8 + 2;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_ai` AFTER INSERT ON `organisations` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_au` AFTER UPDATE OF name, name_key, acronym ON `organisations` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_search_ad` AFTER DELETE ON `organisations` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 8 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `places_search_ai` AFTER INSERT ON `places` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `places_search_au` AFTER UPDATE OF name, name_key ON `places` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `places_search_ad` AFTER DELETE ON `places` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 8 + 4;
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_search_ai` AFTER INSERT ON `aliases` BEGIN
  DELETE FROM search_fts WHERE rowid = (new.person_id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (new.person_id);
  DELETE FROM search_fts WHERE rowid = (new.organisation_id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (new.organisation_id);
  DELETE FROM search_fts WHERE rowid = (new.place_id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (new.place_id);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_search_ad` AFTER DELETE ON `aliases` BEGIN
  DELETE FROM search_fts WHERE rowid = (old.person_id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (old.person_id);
  DELETE FROM search_fts WHERE rowid = (old.organisation_id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (old.organisation_id);
  DELETE FROM search_fts WHERE rowid = (old.place_id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (old.place_id);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_search_au` AFTER UPDATE ON `aliases` BEGIN
  DELETE FROM search_fts WHERE rowid = (old.person_id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (old.person_id);
  DELETE FROM search_fts WHERE rowid = (old.organisation_id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (old.organisation_id);
  DELETE FROM search_fts WHERE rowid = (old.place_id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (old.place_id);
  DELETE FROM search_fts WHERE rowid = (new.person_id) * 8 + 2;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 2, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
    FROM people o WHERE o.id = (new.person_id);
  DELETE FROM search_fts WHERE rowid = (new.organisation_id) * 8 + 3;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 3, o.name, o.name_key,
      trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
      trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
    FROM organisations o WHERE o.id = (new.organisation_id);
  DELETE FROM search_fts WHERE rowid = (new.place_id) * 8 + 4;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
    SELECT o.id * 8 + 4, o.name, o.name_key,
      (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
      (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
    FROM places o WHERE o.id = (new.place_id);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ai` AFTER INSERT ON `articles` BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 1;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 1, new.headline, '', new.body, '');
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_au` AFTER UPDATE OF headline, body ON `articles` WHEN old.headline IS NOT new.headline OR old.body IS NOT new.body BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 1;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 1, new.headline, '', new.body, '');
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 8 + 1;
  DELETE FROM search_pending WHERE key = old.id * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `engagements_search_ai` AFTER INSERT ON `engagements` BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 5;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 5, new.summary, '', '', '');
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 5);
END;
--> statement-breakpoint
CREATE TRIGGER `engagements_search_au` AFTER UPDATE OF summary ON `engagements` WHEN old.summary IS NOT new.summary BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 5;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 5, new.summary, '', '', '');
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 5);
END;
--> statement-breakpoint
CREATE TRIGGER `engagements_search_ad` AFTER DELETE ON `engagements` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 8 + 5;
  DELETE FROM search_pending WHERE key = old.id * 8 + 5;
END;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
  SELECT o.id * 8 + 2, o.name, o.name_key,
    (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), '')),
    (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.person_id = o.id AND a.name_key <> o.name_key), ''))
  FROM people o;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
  SELECT o.id * 8 + 3, o.name, o.name_key,
    trim(coalesce(o.acronym, '') || ' ' || coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), '')),
    trim(lower(coalesce(o.acronym, '')) || ' ' || coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.organisation_id = o.id AND a.name_key <> o.name_key), ''))
  FROM organisations o;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, title_folded, body, body_folded)
  SELECT o.id * 8 + 4, o.name, o.name_key,
    (coalesce((SELECT group_concat(a.name, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), '')),
    (coalesce((SELECT group_concat(a.name_key, ' · ') FROM aliases a WHERE a.place_id = o.id AND a.name_key <> o.name_key), ''))
  FROM places o;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) SELECT id * 8 + 1, headline, '', body, '' FROM articles;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) SELECT id * 8 + 5, summary, '', '', '' FROM engagements;
--> statement-breakpoint
INSERT OR IGNORE INTO search_pending (key) SELECT id * 8 + 1 FROM articles UNION ALL SELECT id * 8 + 5 FROM engagements;
