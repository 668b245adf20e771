CREATE TABLE `manifests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sandbox_id` text NOT NULL,
	`verb` text NOT NULL,
	`kind` text NOT NULL,
	`namespace` text,
	`name` text NOT NULL,
	`body` text,
	`at` integer NOT NULL,
	`virtual_at` integer,
	`user_agent` text
);
--> statement-breakpoint
CREATE INDEX `manifests_sandbox` ON `manifests` (`sandbox_id`,`id`);--> statement-breakpoint
CREATE TABLE `sandboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`owner` text,
	`class_id` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`quotas` text,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `sandboxes_class` ON `sandboxes` (`class_id`);