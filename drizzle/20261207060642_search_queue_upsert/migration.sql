-- Custom SQL (drizzle-kit generate --custom): the triggers that queue search documents
-- (search_pending) or keep engagement_actors now write `INSERT ... ON CONFLICT DO NOTHING`
-- instead of `INSERT OR IGNORE`; bodies otherwise unchanged.
--
-- Why: when the statement that fires a trigger has a conflict clause of its own, SQLite runs
-- the trigger's statements under it, overriding their OR clauses
-- (https://sqlite.org/lang_createtrigger.html), and the UPDATE half of an
-- `INSERT ... ON CONFLICT DO UPDATE` counts as `OR ABORT`. So the engagement upsert of a load
-- (src/ingest/engagements.ts) failed with "UNIQUE constraint failed: search_pending.key" when it
-- changed the summary of an engagement already queued in that transaction (a participant's or
-- its place's new alias, or a participant's new acronym, queues it first). An upsert clause in
-- the trigger is kept under any outer clause, and it also absorbs a key the statement's own
-- SELECT yields twice. (test/ingest/search-queue-upsert.test.ts)
DROP TRIGGER IF EXISTS `articles_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `articles_search_ai` AFTER INSERT ON `articles` BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 1;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 1, new.headline, '', new.body, '');
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_search_au`;
--> statement-breakpoint
CREATE TRIGGER `articles_search_au` AFTER UPDATE OF headline, body ON `articles` WHEN old.headline IS NOT new.headline OR old.body IS NOT new.body BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 1;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 1, new.headline, '', new.body, '');
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `engagements_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `engagements_search_ai` AFTER INSERT ON `engagements` BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 5;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 5, new.summary, '', '', '');
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 5) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `engagements_search_au`;
--> statement-breakpoint
CREATE TRIGGER `engagements_search_au` AFTER UPDATE OF summary ON `engagements` WHEN old.summary IS NOT new.summary BEGIN
  DELETE FROM search_fts WHERE rowid = new.id * 8 + 5;
  INSERT INTO search_fts (rowid, title, title_folded, body, body_folded) VALUES (new.id * 8 + 5, new.summary, '', '', '');
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 5) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `participants_engagement_actors_ai`;
--> statement-breakpoint
CREATE TRIGGER `participants_engagement_actors_ai` AFTER INSERT ON `participants` BEGIN
  INSERT INTO `engagement_actors` (`engagement_id`, `person_id`, `organisation_id`)
    VALUES (new.engagement_id, new.person_id, new.organisation_id)
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `participants_engagement_actors_au`;
--> statement-breakpoint
CREATE TRIGGER `participants_engagement_actors_au` AFTER UPDATE OF engagement_id, person_id, organisation_id ON `participants` BEGIN
  DELETE FROM `engagement_actors` WHERE engagement_id = old.engagement_id
    AND person_id IS old.person_id AND organisation_id IS old.organisation_id
    AND NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id
                    AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id);
  INSERT INTO `engagement_actors` (`engagement_id`, `person_id`, `organisation_id`)
    VALUES (new.engagement_id, new.person_id, new.organisation_id)
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `article_people_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `article_people_search_ai` AFTER INSERT ON `article_people` BEGIN
  INSERT INTO search_pending (key) VALUES (new.article_id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `article_organisations_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `article_organisations_search_ai` AFTER INSERT ON `article_organisations` BEGIN
  INSERT INTO search_pending (key) VALUES (new.article_id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `article_places_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `article_places_search_ai` AFTER INSERT ON `article_places` BEGIN
  INSERT INTO search_pending (key) VALUES (new.article_id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `participants_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `participants_search_ai` AFTER INSERT ON `participants` BEGIN
  INSERT INTO search_pending (key) VALUES (new.engagement_id * 8 + 5) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `aliases_linked_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `aliases_linked_search_ai` AFTER INSERT ON `aliases` BEGIN
  INSERT INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_people WHERE person_id = new.person_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = new.organisation_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_places WHERE place_id = new.place_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE person_id = new.person_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = new.organisation_id
    UNION ALL SELECT id * 8 + 5 FROM engagements WHERE place_id = new.place_id
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `aliases_linked_search_ad`;
--> statement-breakpoint
CREATE TRIGGER `aliases_linked_search_ad` AFTER DELETE ON `aliases` BEGIN
  INSERT INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_people WHERE person_id = old.person_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = old.organisation_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_places WHERE place_id = old.place_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE person_id = old.person_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = old.organisation_id
    UNION ALL SELECT id * 8 + 5 FROM engagements WHERE place_id = old.place_id
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `people_terms_ai`;
--> statement-breakpoint
CREATE TRIGGER `people_terms_ai` AFTER INSERT ON `people` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 2) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `people_terms_au`;
--> statement-breakpoint
CREATE TRIGGER `people_terms_au` AFTER UPDATE OF name_key ON `people` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 2) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organisations_terms_ai`;
--> statement-breakpoint
CREATE TRIGGER `organisations_terms_ai` AFTER INSERT ON `organisations` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 3) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organisations_terms_au`;
--> statement-breakpoint
CREATE TRIGGER `organisations_terms_au` AFTER UPDATE OF name_key, acronym ON `organisations` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 3) ON CONFLICT DO NOTHING;
  INSERT INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = new.id AND old.acronym IS NOT new.acronym
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = new.id AND old.acronym IS NOT new.acronym
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `places_terms_ai`;
--> statement-breakpoint
CREATE TRIGGER `places_terms_ai` AFTER INSERT ON `places` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 4) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `places_terms_au`;
--> statement-breakpoint
CREATE TRIGGER `places_terms_au` AFTER UPDATE OF name_key ON `places` BEGIN
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 4) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `aliases_terms_ai`;
--> statement-breakpoint
CREATE TRIGGER `aliases_terms_ai` AFTER INSERT ON `aliases` BEGIN
  INSERT INTO search_pending (key)
    SELECT new.person_id * 8 + 2 WHERE new.person_id IS NOT NULL
    UNION ALL SELECT new.organisation_id * 8 + 3 WHERE new.organisation_id IS NOT NULL
    UNION ALL SELECT new.place_id * 8 + 4 WHERE new.place_id IS NOT NULL
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_article_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `articles_article_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO article_fts (rowid, title, title_folded, body, body_folded) VALUES (
    (CASE WHEN coalesce(new.published_at, '') = '' THEN 0 ELSE max(1, min(68719476735, coalesce((unixepoch(new.published_at) + 2208988800) * 2 + (instr(new.published_at, '.') = 0), 1))) END) * 134217728 + new.id,
    new.headline, '', new.body, '');
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 1) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `articles_article_fts_au`;
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
  INSERT INTO search_pending (key) VALUES (new.id * 8 + 1) ON CONFLICT DO NOTHING;
END;
