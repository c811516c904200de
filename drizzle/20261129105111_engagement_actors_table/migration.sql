-- engagement_actors becomes a table kept by triggers (it was a view that de-duplicated
-- participants per row, about 20 µs a row on a hub entity's page). Hand-written parts: the DROP
-- VIEW, the back-fill and the triggers; drizzle-kit cannot describe either.
DROP VIEW IF EXISTS `engagement_actors`;
--> statement-breakpoint
CREATE TABLE `engagement_actors` (
	`engagement_id` integer NOT NULL,
	`person_id` integer,
	`organisation_id` integer,
	CONSTRAINT `fk_engagement_actors_engagement_id_engagements_id_fk` FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_engagement_actors_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_engagement_actors_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT "engagement_actors_actor_ck" CHECK(((person_id is not null) + (organisation_id is not null)) = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagement_actors_person_uq` ON `engagement_actors` (`person_id`,`engagement_id`) WHERE person_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `engagement_actors_organisation_uq` ON `engagement_actors` (`organisation_id`,`engagement_id`) WHERE organisation_id is not null;--> statement-breakpoint
CREATE INDEX `engagement_actors_engagement_idx` ON `engagement_actors` (`engagement_id`);
--> statement-breakpoint
INSERT INTO `engagement_actors` (`engagement_id`, `person_id`, `organisation_id`)
  SELECT DISTINCT `engagement_id`, `person_id`, `organisation_id` FROM `participants`;
--> statement-breakpoint
CREATE TRIGGER `participants_engagement_actors_ai` AFTER INSERT ON `participants` BEGIN
  INSERT OR IGNORE INTO `engagement_actors` (`engagement_id`, `person_id`, `organisation_id`)
    VALUES (new.engagement_id, new.person_id, new.organisation_id);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_engagement_actors_ad` AFTER DELETE ON `participants`
WHEN NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id
                 AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id)
BEGIN
  DELETE FROM `engagement_actors` WHERE engagement_id = old.engagement_id
    AND person_id IS old.person_id AND organisation_id IS old.organisation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `participants_engagement_actors_au` AFTER UPDATE OF engagement_id, person_id, organisation_id ON `participants` BEGIN
  DELETE FROM `engagement_actors` WHERE engagement_id = old.engagement_id
    AND person_id IS old.person_id AND organisation_id IS old.organisation_id
    AND NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id
                    AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id);
  INSERT OR IGNORE INTO `engagement_actors` (`engagement_id`, `person_id`, `organisation_id`)
    VALUES (new.engagement_id, new.person_id, new.organisation_id);
END;
