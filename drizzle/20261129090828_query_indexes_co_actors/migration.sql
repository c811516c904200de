CREATE TABLE `co_actors` (
	`actor_key` integer NOT NULL,
	`other_key` integer NOT NULL,
	`person_id` integer,
	`organisation_id` integer,
	`other_person_id` integer,
	`other_organisation_id` integer,
	`shared` integer NOT NULL,
	CONSTRAINT `co_actors_pk` PRIMARY KEY(`actor_key`, `other_key`),
	CONSTRAINT `fk_co_actors_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_co_actors_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_co_actors_other_person_id_people_id_fk` FOREIGN KEY (`other_person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_co_actors_other_organisation_id_organisations_id_fk` FOREIGN KEY (`other_organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `search_pending` (
	`key` integer PRIMARY KEY
);
--> statement-breakpoint
DROP INDEX IF EXISTS `engagements_date_idx`;--> statement-breakpoint
CREATE INDEX `articles_published_desc_idx` ON `articles` (coalesce("published_at", ''),`id`);--> statement-breakpoint
CREATE INDEX `articles_published_asc_idx` ON `articles` (coalesce("published_at", '9999'),`id`);--> statement-breakpoint
CREATE INDEX `co_actors_person_idx` ON `co_actors` (`person_id`,`shared`,`other_key`);--> statement-breakpoint
CREATE INDEX `co_actors_organisation_idx` ON `co_actors` (`organisation_id`,`shared`,`other_key`);--> statement-breakpoint
CREATE INDEX `co_actors_other_person_idx` ON `co_actors` (`other_person_id`);--> statement-breakpoint
CREATE INDEX `co_actors_other_organisation_idx` ON `co_actors` (`other_organisation_id`);--> statement-breakpoint
CREATE INDEX `engagements_date_asc_idx` ON `engagements` (coalesce("date_earliest", '9999-99-99'),`id`);--> statement-breakpoint
CREATE INDEX `engagements_date_desc_idx` ON `engagements` (coalesce("date_latest", ''),`id`);--> statement-breakpoint
CREATE INDEX `engagements_date_earliest_idx` ON `engagements` (`date_earliest`);