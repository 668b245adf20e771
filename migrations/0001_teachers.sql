ALTER TABLE `sandboxes` ADD `deleted_reason` text;--> statement-breakpoint
ALTER TABLE `sandboxes` ADD `summary` text;