PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`value` text NOT NULL,
	`currency` text,
	`unit` text,
	`metric` text,
	CONSTRAINT `fk_figures_article_id_articles_id_fk` FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
INSERT INTO `__new_figures`(`id`, `article_id`, `position`, `text`, `value`, `currency`, `unit`, `metric`) SELECT `id`, `article_id`, `position`, `text`,
	-- The stored double as a canonical decimal (src/domain/decimal.ts): integers in full, other
	-- amounts as the 15 significant digits a double keeps (CAST prints '%!.15g': 17.91, 0.3).
	CASE
		WHEN typeof(`value`) = 'integer' THEN CAST(`value` AS TEXT)
		WHEN `value` = CAST(`value` AS INTEGER) THEN CAST(CAST(`value` AS INTEGER) AS TEXT)
		WHEN abs(`value`) >= 0.0001 AND abs(`value`) < 1e15 THEN CAST(`value` AS TEXT)
		ELSE rtrim(rtrim(printf('%.20f', `value`), '0'), '.')
	END,
	`currency`, `unit`, `metric` FROM `figures`;--> statement-breakpoint
DROP TABLE `figures`;--> statement-breakpoint
ALTER TABLE `__new_figures` RENAME TO `figures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `figures_article_position_uq` ON `figures` (`article_id`,`position`);