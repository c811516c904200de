CREATE TABLE `aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`person_id` integer,
	`organisation_id` integer,
	`place_id` integer,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	CONSTRAINT `fk_aliases_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_aliases_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_aliases_place_id_places_id_fk` FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON DELETE CASCADE,
	CONSTRAINT "aliases_owner_ck" CHECK(((person_id is not null) + (organisation_id is not null) + (place_id is not null)) = 1)
);
--> statement-breakpoint
CREATE TABLE `article_organisations` (
	`article_id` integer NOT NULL,
	`rel` text NOT NULL,
	`relevance` real,
	`organisation_id` integer NOT NULL,
	CONSTRAINT `article_organisations_pk` PRIMARY KEY(`article_id`, `organisation_id`),
	CONSTRAINT `fk_article_organisations_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_article_organisations_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT "article_organisations_rel_ck" CHECK(rel in ('about', 'mentions'))
);
--> statement-breakpoint
CREATE TABLE `article_people` (
	`article_id` integer NOT NULL,
	`rel` text NOT NULL,
	`relevance` real,
	`person_id` integer NOT NULL,
	CONSTRAINT `article_people_pk` PRIMARY KEY(`article_id`, `person_id`),
	CONSTRAINT `fk_article_people_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_article_people_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT "article_people_rel_ck" CHECK(rel in ('about', 'mentions'))
);
--> statement-breakpoint
CREATE TABLE `article_places` (
	`article_id` integer NOT NULL,
	`rel` text NOT NULL,
	`relevance` real,
	`place_id` integer NOT NULL,
	CONSTRAINT `article_places_pk` PRIMARY KEY(`article_id`, `place_id`),
	CONSTRAINT `fk_article_places_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_article_places_place_id_places_id_fk` FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON DELETE CASCADE,
	CONSTRAINT "article_places_rel_ck" CHECK(rel in ('about', 'mentions'))
);
--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`uri` text NOT NULL,
	`slug` text NOT NULL,
	`headline` text NOT NULL,
	`body` text NOT NULL,
	`language` text NOT NULL,
	`dateline_text` text,
	`dateline_place_id` integer,
	`published_at` text,
	`reference_date` text,
	`byline` text,
	`version` integer DEFAULT 1 NOT NULL,
	`ninjs_extra` text,
	`ingested_at` text NOT NULL,
	CONSTRAINT `fk_articles_dateline_place_id_places_id_fk` FOREIGN KEY (`dateline_place_id`) REFERENCES `places`(`id`) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `cameo_codes` (
	`code` text PRIMARY KEY,
	`name` text NOT NULL,
	`root_code` text NOT NULL,
	`quad_class` integer NOT NULL,
	`goldstein` real NOT NULL,
	CONSTRAINT "cameo_codes_quad_ck" CHECK(quad_class between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE `engagement_articles` (
	`engagement_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	CONSTRAINT `engagement_articles_pk` PRIMARY KEY(`engagement_id`, `article_id`),
	CONSTRAINT `fk_engagement_articles_engagement_id_engagements_id_fk` FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_engagement_articles_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`fingerprint` text NOT NULL,
	`kind` text NOT NULL,
	`cameo_code` text NOT NULL,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`date_text` text,
	`date_edtf` text,
	`date_precision` text,
	`date_earliest` text,
	`date_latest` text,
	`place_id` integer,
	CONSTRAINT `fk_engagements_cameo_code_cameo_codes_code_fk` FOREIGN KEY (`cameo_code`) REFERENCES `cameo_codes`(`code`) ON DELETE RESTRICT,
	CONSTRAINT `fk_engagements_place_id_places_id_fk` FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON DELETE SET NULL,
	CONSTRAINT "engagements_kind_ck" CHECK(kind in ('VISIT', 'MEETING', 'TALKS', 'CALL', 'AGREEMENT', 'STATEMENT', 'DELEGATION', 'CONFERENCE', 'CONFLICT', 'OTHER')),
	CONSTRAINT "engagements_status_ck" CHECK(status in ('PLANNED', 'ONGOING', 'COMPLETED', 'UNKNOWN'))
);
--> statement-breakpoint
CREATE TABLE `figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`value` real NOT NULL,
	`currency` text,
	`unit` text,
	`metric` text,
	CONSTRAINT `fk_figures_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`acronym` text,
	`kind` text NOT NULL,
	`country_id` integer,
	`parent_id` integer,
	CONSTRAINT `fk_organisations_country_id_places_id_fk` FOREIGN KEY (`country_id`) REFERENCES `places`(`id`) ON DELETE SET NULL,
	CONSTRAINT `fk_organisations_parent_id_organisations_id_fk` FOREIGN KEY (`parent_id`) REFERENCES `organisations`(`id`) ON DELETE SET NULL,
	CONSTRAINT "organisations_kind_ck" CHECK(kind in ('STATE', 'GOVERNMENT_BODY', 'MINISTRY', 'LEGISLATURE', 'EMBASSY', 'MILITARY', 'PARTY', 'COMPANY', 'INTERNATIONAL_ORGANISATION', 'MEDIA', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`engagement_id` integer NOT NULL,
	`person_id` integer,
	`organisation_id` integer,
	`role` text NOT NULL,
	CONSTRAINT `fk_participants_engagement_id_engagements_id_fk` FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_participants_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_participants_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT "participants_actor_ck" CHECK(((person_id is not null) + (organisation_id is not null)) = 1),
	CONSTRAINT "participants_role_ck" CHECK(role in ('HOST', 'GUEST', 'PARTICIPANT', 'SPEAKER', 'LEAD', 'TARGET'))
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`nationality_id` integer,
	CONSTRAINT `fk_people_nationality_id_places_id_fk` FOREIGN KEY (`nationality_id`) REFERENCES `places`(`id`) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`kind` text NOT NULL,
	`country_id` integer,
	`iso3166` text,
	CONSTRAINT `fk_places_country_id_places_id_fk` FOREIGN KEY (`country_id`) REFERENCES `places`(`id`) ON DELETE RESTRICT,
	CONSTRAINT "places_kind_ck" CHECK(kind in ('CITY', 'COUNTRY', 'REGION', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`speaker_person_id` integer,
	`speaker_organisation_id` integer,
	`engagement_id` integer,
	CONSTRAINT `fk_quotes_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_quotes_speaker_person_id_people_id_fk` FOREIGN KEY (`speaker_person_id`) REFERENCES `people`(`id`) ON DELETE SET NULL,
	CONSTRAINT `fk_quotes_speaker_organisation_id_organisations_id_fk` FOREIGN KEY (`speaker_organisation_id`) REFERENCES `organisations`(`id`) ON DELETE SET NULL,
	CONSTRAINT `fk_quotes_engagement_id_engagements_id_fk` FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`person_id` integer NOT NULL,
	`organisation_id` integer,
	`title` text NOT NULL,
	`started_text` text,
	`started_edtf` text,
	`started_precision` text,
	`started_earliest` text,
	`started_latest` text,
	`ended_text` text,
	`ended_edtf` text,
	`ended_precision` text,
	`ended_earliest` text,
	`ended_latest` text,
	CONSTRAINT `fk_roles_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_roles_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `same_as` (
	`uri` text PRIMARY KEY,
	`person_id` integer,
	`organisation_id` integer,
	`place_id` integer,
	CONSTRAINT `fk_same_as_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_same_as_organisation_id_organisations_id_fk` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_same_as_place_id_places_id_fk` FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON DELETE CASCADE,
	CONSTRAINT "same_as_owner_ck" CHECK(((person_id is not null) + (organisation_id is not null) + (place_id is not null)) = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aliases_person_uq` ON `aliases` (`person_id`,`name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `aliases_organisation_uq` ON `aliases` (`organisation_id`,`name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `aliases_place_uq` ON `aliases` (`place_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `aliases_name_key_idx` ON `aliases` (`name_key`);--> statement-breakpoint
CREATE INDEX `article_organisations_organisation_idx` ON `article_organisations` (`organisation_id`,`rel`);--> statement-breakpoint
CREATE INDEX `article_people_person_idx` ON `article_people` (`person_id`,`rel`);--> statement-breakpoint
CREATE INDEX `article_places_place_idx` ON `article_places` (`place_id`,`rel`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_uri_uq` ON `articles` (`uri`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_uq` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_headline_idx` ON `articles` (`headline`,`id`);--> statement-breakpoint
CREATE INDEX `articles_dateline_idx` ON `articles` (`dateline_place_id`);--> statement-breakpoint
CREATE INDEX `cameo_codes_root_idx` ON `cameo_codes` (`root_code`);--> statement-breakpoint
CREATE INDEX `cameo_codes_quad_idx` ON `cameo_codes` (`quad_class`);--> statement-breakpoint
CREATE INDEX `engagement_articles_article_idx` ON `engagement_articles` (`article_id`,`engagement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `engagements_fingerprint_uq` ON `engagements` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `engagements_kind_idx` ON `engagements` (`kind`);--> statement-breakpoint
CREATE INDEX `engagements_cameo_idx` ON `engagements` (`cameo_code`);--> statement-breakpoint
CREATE INDEX `engagements_place_idx` ON `engagements` (`place_id`);--> statement-breakpoint
CREATE INDEX `engagements_date_idx` ON `engagements` ("date_earliest" is null,`date_earliest`,`id`);--> statement-breakpoint
CREATE INDEX `engagements_date_latest_idx` ON `engagements` (`date_latest`);--> statement-breakpoint
CREATE UNIQUE INDEX `figures_article_position_uq` ON `figures` (`article_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_uq` ON `organisations` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_key_uq` ON `organisations` (`name_key`);--> statement-breakpoint
CREATE INDEX `organisations_name_idx` ON `organisations` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `organisations_country_idx` ON `organisations` (`country_id`);--> statement-breakpoint
CREATE INDEX `organisations_parent_idx` ON `organisations` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_person_uq` ON `participants` (`engagement_id`,`person_id`,`role`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_organisation_uq` ON `participants` (`engagement_id`,`organisation_id`,`role`);--> statement-breakpoint
CREATE INDEX `participants_person_idx` ON `participants` (`person_id`,`engagement_id`);--> statement-breakpoint
CREATE INDEX `participants_organisation_idx` ON `participants` (`organisation_id`,`engagement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_slug_uq` ON `people` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_name_key_uq` ON `people` (`name_key`);--> statement-breakpoint
CREATE INDEX `people_name_idx` ON `people` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `people_nationality_idx` ON `people` (`nationality_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `places_slug_uq` ON `places` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `places_kind_name_key_uq` ON `places` (`kind`,`name_key`);--> statement-breakpoint
CREATE INDEX `places_name_idx` ON `places` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `places_country_idx` ON `places` (`country_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `places_iso3166_uq` ON `places` (`iso3166`);--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_article_position_uq` ON `quotes` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_person_idx` ON `quotes` (`speaker_person_id`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_organisation_idx` ON `quotes` (`speaker_organisation_id`);--> statement-breakpoint
CREATE INDEX `quotes_engagement_idx` ON `quotes` (`engagement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `roles_person_title_org_uq` ON `roles` (`person_id`,`title`,coalesce("organisation_id", 0));--> statement-breakpoint
CREATE INDEX `roles_organisation_idx` ON `roles` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `same_as_person_idx` ON `same_as` (`person_id`);--> statement-breakpoint
CREATE INDEX `same_as_organisation_idx` ON `same_as` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `same_as_place_idx` ON `same_as` (`place_id`);