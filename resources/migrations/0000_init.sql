CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_log_entity_ix` ON `change_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `channel_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_types_code_uq` ON `channel_types` (`code`);--> statement-breakpoint
CREATE TABLE `cost_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`requires_preapproval` integer DEFAULT true NOT NULL,
	`receipt_threshold_fen` integer DEFAULT 0 NOT NULL,
	`default_control` text DEFAULT 'warn' NOT NULL,
	`default_tolerance_bp` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "cost_types_threshold_fen_ck" CHECK(typeof("cost_types"."receipt_threshold_fen") = 'integer' and "cost_types"."receipt_threshold_fen" >= 0),
	CONSTRAINT "cost_types_tolerance_ck" CHECK("cost_types"."default_tolerance_bp" between 0 and 10000),
	CONSTRAINT "cost_types_control_ck" CHECK("cost_types"."default_control" in ('block','warn','none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_types_code_uq` ON `cost_types` (`code`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`username` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failure_at` text,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `org_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`manager_user_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`manager_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_uq` ON `org_units` (`code`);--> statement-breakpoint
CREATE INDEX `org_units_path_ix` ON `org_units` (`path`);--> statement-breakpoint
CREATE INDEX `org_units_parent_ix` ON `org_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `partner_handover_items` (
	`handover_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`handover_id`, `partner_id`),
	FOREIGN KEY (`handover_id`) REFERENCES `partner_handovers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `partner_handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`by_user_id` integer NOT NULL,
	`from_user_id` integer NOT NULL,
	`to_user_id` integer NOT NULL,
	`partner_count` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`channel_type_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`owner_user_id` integer,
	`star_rating` integer NOT NULL,
	`contract_start` text,
	`contract_end` text,
	`status` text DEFAULT 'cooperating' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`bank_account` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`channel_type_id`) REFERENCES `channel_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "partners_star_ck" CHECK("partners"."star_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_code_uq` ON `partners` (`code`);--> statement-breakpoint
CREATE INDEX `partners_org_ix` ON `partners` (`org_unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `partners_owner_ix` ON `partners` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `partners_name_ix` ON `partners` (`name`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_ix` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_org_units` (
	`user_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `org_unit_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "users_role_ck" CHECK("users"."role" in ('channel_staff','approver','finance','admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (lower("username"));