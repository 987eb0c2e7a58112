ALTER TABLE `phases` ADD `merge_base` text;
--> statement-breakpoint
ALTER TABLE `tasks` ADD `retry_count` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `agents` ADD `prompt` text;
--> statement-breakpoint
ALTER TABLE `agents` ADD `user_dismissed_at` integer;
