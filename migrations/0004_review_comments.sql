CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`phase_id` text NOT NULL,
	`file_path` text NOT NULL,
	`line_number` integer NOT NULL,
	`line_type` text NOT NULL,
	`body` text NOT NULL,
	`author` text DEFAULT 'you' NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`phase_id`) REFERENCES `phases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_comments_phase_id_idx` ON `review_comments` (`phase_id`);
