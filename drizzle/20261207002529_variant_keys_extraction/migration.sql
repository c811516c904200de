ALTER TABLE `articles` ADD `extraction` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `variant_key` text;--> statement-breakpoint
ALTER TABLE `people` ADD `variant_key` text;--> statement-breakpoint
ALTER TABLE `places` ADD `variant_key` text;--> statement-breakpoint
CREATE INDEX `organisations_variant_key_idx` ON `organisations` (`variant_key`);--> statement-breakpoint
CREATE INDEX `people_variant_key_idx` ON `people` (`variant_key`);--> statement-breakpoint
CREATE INDEX `places_variant_key_idx` ON `places` (`variant_key`);