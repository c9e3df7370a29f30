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
CREATE UNIQUE INDEX `users_username_uq` ON `users` (lower("username"));--> statement-breakpoint
CREATE TABLE `excel_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`sheet` text,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`mode` text NOT NULL,
	`total_rows` integer NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`rejected` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `excel_imports_kind_ix` ON `excel_imports` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `excel_imports_sha_ix` ON `excel_imports` (`sha256`);--> statement-breakpoint
CREATE INDEX `excel_imports_user_ix` ON `excel_imports` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `excel_mappings` (
	`kind` text NOT NULL,
	`header` text NOT NULL,
	`column_key` text NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `header`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` integer NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	`source_ref` text DEFAULT '' NOT NULL,
	`against_type` text,
	`against_id` integer,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_ledger_kind_ck" CHECK(kind in ('allocation','transfer_out','transfer_in','commitment','release','actual')),
	CONSTRAINT "budget_ledger_amount_ck" CHECK(typeof(amount) = 'integer' and amount <> 0 and (
        (kind in ('transfer_in','commitment') and amount > 0) or (kind in ('transfer_out','release') and amount < 0)
        or kind in ('allocation','actual'))),
	CONSTRAINT "budget_ledger_period_ck" CHECK("budget_ledger"."period" glob '[0-9][0-9][0-9][0-9]-[01][0-9]')
);
--> statement-breakpoint
CREATE INDEX `budget_ledger_cell_ix` ON `budget_ledger` (`line_id`,`period`,`kind`,`amount`);--> statement-breakpoint
CREATE INDEX `budget_ledger_source_ix` ON `budget_ledger` (`source_type`,`source_id`);--> statement-breakpoint
CREATE INDEX `budget_ledger_against_ix` ON `budget_ledger` (`against_type`,`against_id`);--> statement-breakpoint
CREATE TABLE `budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`channel_type_id` integer NOT NULL,
	`cost_type_id` integer NOT NULL,
	`partner_id` integer,
	`partner_key` integer GENERATED ALWAYS AS (coalesce(partner_id, 0)) VIRTUAL,
	`branch_id` integer,
	`county_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_type_id`) REFERENCES `channel_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cost_type_id`) REFERENCES `cost_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_lines_key_uq` ON `budget_lines` (`plan_id`,`org_unit_id`,`channel_type_id`,`cost_type_id`,`partner_key`);--> statement-breakpoint
CREATE INDEX `budget_lines_plan_org_ix` ON `budget_lines` (`plan_id`,`org_unit_id`);--> statement-breakpoint
CREATE TABLE `budget_periods` (
	`period` text PRIMARY KEY NOT NULL,
	`closed` integer NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`reopen_requested_by` integer,
	`reopen_requested_at` text,
	`reopen_note` text,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopen_requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiscal_year` integer NOT NULL,
	`name` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_plans_year_ck" CHECK("budget_plans"."fiscal_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_plans_year_uq` ON `budget_plans` (`fiscal_year`);--> statement-breakpoint
CREATE TABLE `budget_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`from_line_id` integer NOT NULL,
	`from_period` text NOT NULL,
	`to_line_id` integer NOT NULL,
	`to_period` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`approval_state` text DEFAULT 'draft' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`decided_by` integer,
	`decided_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_transfers_amount_ck" CHECK(typeof("budget_transfers"."amount") = 'integer' and "budget_transfers"."amount" > 0),
	CONSTRAINT "budget_transfers_state_ck" CHECK(approval_state in ('draft','submitted','approved','rejected','returned','cancelled'))
);
--> statement-breakpoint
CREATE INDEX `budget_transfers_plan_ix` ON `budget_transfers` (`plan_id`,`id`);--> statement-breakpoint
CREATE TABLE `budget_version_lines` (
	`version_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`m01` integer DEFAULT 0 NOT NULL,
	`m02` integer DEFAULT 0 NOT NULL,
	`m03` integer DEFAULT 0 NOT NULL,
	`m04` integer DEFAULT 0 NOT NULL,
	`m05` integer DEFAULT 0 NOT NULL,
	`m06` integer DEFAULT 0 NOT NULL,
	`m07` integer DEFAULT 0 NOT NULL,
	`m08` integer DEFAULT 0 NOT NULL,
	`m09` integer DEFAULT 0 NOT NULL,
	`m10` integer DEFAULT 0 NOT NULL,
	`m11` integer DEFAULT 0 NOT NULL,
	`m12` integer DEFAULT 0 NOT NULL,
	`control_mode` text,
	`tolerance_bp` integer,
	PRIMARY KEY(`version_id`, `line_id`),
	FOREIGN KEY (`version_id`) REFERENCES `budget_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_version_lines_fen_ck" CHECK(typeof(m01) = 'integer' and m01 >= 0 and typeof(m02) = 'integer' and m02 >= 0 and typeof(m03) = 'integer' and m03 >= 0 and typeof(m04) = 'integer' and m04 >= 0 and typeof(m05) = 'integer' and m05 >= 0 and typeof(m06) = 'integer' and m06 >= 0 and typeof(m07) = 'integer' and m07 >= 0 and typeof(m08) = 'integer' and m08 >= 0 and typeof(m09) = 'integer' and m09 >= 0 and typeof(m10) = 'integer' and m10 >= 0 and typeof(m11) = 'integer' and m11 >= 0 and typeof(m12) = 'integer' and m12 >= 0),
	CONSTRAINT "budget_version_lines_control_ck" CHECK("budget_version_lines"."control_mode" is null or "budget_version_lines"."control_mode" in ('block','warn','none')),
	CONSTRAINT "budget_version_lines_tolerance_ck" CHECK("budget_version_lines"."tolerance_bp" is null or "budget_version_lines"."tolerance_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE INDEX `budget_version_lines_line_ix` ON `budget_version_lines` (`line_id`);--> statement-breakpoint
CREATE TABLE `budget_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`number` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`based_on_version_id` integer,
	`in_force` integer DEFAULT false NOT NULL,
	`approval_state` text DEFAULT 'draft' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`decided_by` integer,
	`decided_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_versions_state_ck" CHECK(approval_state in ('draft','submitted','approved','rejected','returned','cancelled')),
	CONSTRAINT "budget_versions_in_force_ck" CHECK("budget_versions"."in_force" = 0 or "budget_versions"."approval_state" = 'approved')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_versions_number_uq` ON `budget_versions` (`plan_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_versions_in_force_uq` ON `budget_versions` (`plan_id`) WHERE in_force = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `budget_versions_open_uq` ON `budget_versions` (`plan_id`) WHERE approval_state in ('draft','submitted','returned');--> statement-breakpoint
CREATE TABLE `document_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_type` text NOT NULL,
	`document_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_history_doc_ix` ON `document_history` (`document_type`,`document_id`,`id`);