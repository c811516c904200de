-- Custom SQL (drizzle-kit generate --custom): an alias spelling finds the articles and
-- engagements of its entity ("Ghalibaf" finds the article about Qalibaf). The fold pass
-- (src/search/index.ts) appends the alias spellings (folded) and acronyms of the entities a
-- document links to (an article's people, organisations and places; an engagement's
-- participants and place) to its body_folded column. These triggers queue a document again when
-- its links or its entities' aliases change; the backfill queues every document with such an
-- alias, which the next load or start-up folds.
CREATE TRIGGER `article_people_search_ai` AFTER INSERT ON `article_people` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.article_id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `article_organisations_search_ai` AFTER INSERT ON `article_organisations` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.article_id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `article_places_search_ai` AFTER INSERT ON `article_places` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.article_id * 8 + 1);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_search_ai` AFTER INSERT ON `participants` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.engagement_id * 8 + 5);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_linked_search_ai` AFTER INSERT ON `aliases` BEGIN
  INSERT OR IGNORE INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_people WHERE person_id = new.person_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = new.organisation_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_places WHERE place_id = new.place_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE person_id = new.person_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = new.organisation_id
    UNION ALL SELECT id * 8 + 5 FROM engagements WHERE place_id = new.place_id;
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_linked_search_ad` AFTER DELETE ON `aliases` BEGIN
  INSERT OR IGNORE INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_people WHERE person_id = old.person_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = old.organisation_id
    UNION ALL SELECT article_id * 8 + 1 FROM article_places WHERE place_id = old.place_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE person_id = old.person_id
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = old.organisation_id
    UNION ALL SELECT id * 8 + 5 FROM engagements WHERE place_id = old.place_id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_pending (key)
  SELECT l.article_id * 8 + 1 FROM article_people l WHERE l.person_id IN (SELECT person_id FROM aliases)
  UNION SELECT l.article_id * 8 + 1 FROM article_organisations l JOIN organisations o ON o.id = l.organisation_id
    WHERE o.acronym IS NOT NULL OR o.id IN (SELECT organisation_id FROM aliases)
  UNION SELECT l.article_id * 8 + 1 FROM article_places l WHERE l.place_id IN (SELECT place_id FROM aliases)
  UNION SELECT p.engagement_id * 8 + 5 FROM participants p JOIN organisations o ON o.id = p.organisation_id
    WHERE o.acronym IS NOT NULL OR o.id IN (SELECT organisation_id FROM aliases)
  UNION SELECT p.engagement_id * 8 + 5 FROM participants p WHERE p.person_id IN (SELECT person_id FROM aliases)
  UNION SELECT e.id * 8 + 5 FROM engagements e WHERE e.place_id IN (SELECT place_id FROM aliases);
--> statement-breakpoint
-- search_terms: the words of entity names, aliases and acronyms (folded), for the spelling-slip
-- fallback of Query.search (src/search/match.ts): a b-tree, so a query reads one key range.
-- The fold pass writes the words of each queued entity document; these triggers queue them.
-- Words of renamed or deleted entities stay: a stale word only offers an alternative that
-- matches nothing.
CREATE TABLE `search_terms` (`term` text PRIMARY KEY NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `people_terms_ai` AFTER INSERT ON `people` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 2);
END;
--> statement-breakpoint
CREATE TRIGGER `people_terms_au` AFTER UPDATE OF name_key ON `people` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 2);
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_terms_ai` AFTER INSERT ON `organisations` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 3);
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_terms_au` AFTER UPDATE OF name_key, acronym ON `organisations` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 3);
  INSERT OR IGNORE INTO search_pending (key)
    SELECT article_id * 8 + 1 FROM article_organisations WHERE organisation_id = new.id AND old.acronym IS NOT new.acronym
    UNION ALL SELECT engagement_id * 8 + 5 FROM participants WHERE organisation_id = new.id AND old.acronym IS NOT new.acronym;
END;
--> statement-breakpoint
CREATE TRIGGER `places_terms_ai` AFTER INSERT ON `places` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 4);
END;
--> statement-breakpoint
CREATE TRIGGER `places_terms_au` AFTER UPDATE OF name_key ON `places` BEGIN
  INSERT OR IGNORE INTO search_pending (key) VALUES (new.id * 8 + 4);
END;
--> statement-breakpoint
CREATE TRIGGER `aliases_terms_ai` AFTER INSERT ON `aliases` BEGIN
  INSERT OR IGNORE INTO search_pending (key)
    SELECT new.person_id * 8 + 2 WHERE new.person_id IS NOT NULL
    UNION ALL SELECT new.organisation_id * 8 + 3 WHERE new.organisation_id IS NOT NULL
    UNION ALL SELECT new.place_id * 8 + 4 WHERE new.place_id IS NOT NULL;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_pending (key)
  SELECT id * 8 + 2 FROM people UNION ALL SELECT id * 8 + 3 FROM organisations UNION ALL SELECT id * 8 + 4 FROM places;
