ALTER TABLE `budget_periods` ADD `reopen_requested_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `budget_periods` ADD `reopen_requested_at` text;--> statement-breakpoint
ALTER TABLE `budget_periods` ADD `reopen_note` text;