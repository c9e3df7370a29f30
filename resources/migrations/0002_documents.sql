CREATE TABLE `attachment_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`level` text DEFAULT 'internal' NOT NULL,
	`uploaded_by` integer NOT NULL,
	`uploaded_at` text NOT NULL,
	`removed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `attachment_blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_doc_ix` ON `attachments` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha_ix` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `claim_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`invoice_type` text NOT NULL,
	`invoice_code` text DEFAULT '' NOT NULL,
	`invoice_number` text DEFAULT '' NOT NULL,
	`invoice_date` text,
	`amount` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_lines_amount_ck" CHECK(typeof(amount) = 'integer' and amount >= 1),
	CONSTRAINT "claim_lines_tax_ck" CHECK(typeof(tax) = 'integer' and tax >= 0),
	CONSTRAINT "claim_lines_tax_le_ck" CHECK("claim_lines"."tax" <= "claim_lines"."amount")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_lines_no_uq` ON `claim_lines` (`claim_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `claim_lines_invoice_ix` ON `claim_lines` (`invoice_code`,`invoice_number`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`request_id` integer,
	`partner_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`channel_type_id` integer NOT NULL,
	`cost_type_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`activity_start` text NOT NULL,
	`activity_end` text NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`due` text NOT NULL,
	`line_id` integer,
	`duplicate_reason` text DEFAULT '' NOT NULL,
	`approved_amount` integer,
	`approved_reason` text DEFAULT '' NOT NULL,
	`paid_amount` integer DEFAULT 0 NOT NULL,
	`pay_state` text,
	`approval_state` text DEFAULT 'draft' NOT NULL,
	`created_by` integer NOT NULL,
	`owner_user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`decided_by` integer,
	`decided_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `cost_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_type_id`) REFERENCES `channel_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cost_type_id`) REFERENCES `cost_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_amount_ck" CHECK(typeof(amount) = 'integer' and amount >= 0),
	CONSTRAINT "claims_paid_ck" CHECK(typeof(paid_amount) = 'integer' and paid_amount >= 0),
	CONSTRAINT "claims_approved_ck" CHECK("claims"."approved_amount" is null or (typeof("claims"."approved_amount") = 'integer' and "claims"."approved_amount" between 0 and "claims"."amount")),
	CONSTRAINT "claims_paid_le_ck" CHECK("claims"."paid_amount" <= coalesce("claims"."approved_amount", "claims"."amount")),
	CONSTRAINT "claims_state_ck" CHECK(approval_state in ('draft','submitted','approved','rejected','returned','cancelled')),
	CONSTRAINT "claims_pay_ck" CHECK("claims"."pay_state" is null or "claims"."approval_state" = 'approved')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_number_uq` ON `claims` (`number`);--> statement-breakpoint
CREATE INDEX `claims_org_ix` ON `claims` (`org_unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_owner_ix` ON `claims` (`owner_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_request_ix` ON `claims` (`request_id`);--> statement-breakpoint
CREATE INDEX `claims_partner_ix` ON `claims` (`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_state_ix` ON `claims` (`approval_state`,`pay_state`,`id`);--> statement-breakpoint
CREATE TABLE `cost_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`partner_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`channel_type_id` integer NOT NULL,
	`cost_type_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`activity_start` text NOT NULL,
	`activity_end` text NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`expected_revenue` integer DEFAULT 0 NOT NULL,
	`expected_subscribers` integer DEFAULT 0 NOT NULL,
	`post_hoc` integer DEFAULT false NOT NULL,
	`line_id` integer,
	`settle_state` text,
	`claim_due` text NOT NULL,
	`claimed_amount` integer DEFAULT 0 NOT NULL,
	`approval_state` text DEFAULT 'draft' NOT NULL,
	`created_by` integer NOT NULL,
	`owner_user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`decided_by` integer,
	`decided_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_type_id`) REFERENCES `channel_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cost_type_id`) REFERENCES `cost_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cost_requests_amount_ck" CHECK(typeof(amount) = 'integer' and amount >= 1),
	CONSTRAINT "cost_requests_expected_ck" CHECK(typeof(expected_revenue) = 'integer' and expected_revenue >= 0),
	CONSTRAINT "cost_requests_claimed_ck" CHECK(typeof(claimed_amount) = 'integer' and claimed_amount >= 0),
	CONSTRAINT "cost_requests_dates_ck" CHECK("cost_requests"."activity_start" <= "cost_requests"."activity_end"),
	CONSTRAINT "cost_requests_state_ck" CHECK(approval_state in ('draft','submitted','approved','rejected','returned','cancelled')),
	CONSTRAINT "cost_requests_settle_ck" CHECK("cost_requests"."settle_state" is null or "cost_requests"."approval_state" = 'approved')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_requests_number_uq` ON `cost_requests` (`number`);--> statement-breakpoint
CREATE INDEX `cost_requests_org_ix` ON `cost_requests` (`org_unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `cost_requests_owner_ix` ON `cost_requests` (`owner_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `cost_requests_partner_ix` ON `cost_requests` (`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `cost_requests_due_ix` ON `cost_requests` (`settle_state`,`claim_due`);--> statement-breakpoint
CREATE TABLE `doc_sequences` (
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`prefix`, `year`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`paid_on` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_ck" CHECK(typeof(amount) = 'integer' and amount >= 1)
);
--> statement-breakpoint
CREATE INDEX `payments_claim_ix` ON `payments` (`claim_id`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`request_id` integer,
	`owner_user_id` integer NOT NULL,
	`text` text NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `cost_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promises_amount_ck" CHECK(typeof(amount) = 'integer' and amount >= 0)
);
--> statement-breakpoint
CREATE INDEX `promises_request_ix` ON `promises` (`request_id`);--> statement-breakpoint
CREATE INDEX `promises_owner_ix` ON `promises` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `approval_routes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`route_key` integer NOT NULL,
	`route_version` integer NOT NULL,
	`doc_type` text NOT NULL,
	`name` text NOT NULL,
	`priority` integer NOT NULL,
	`conditions` text NOT NULL,
	`steps` text NOT NULL,
	`current` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_routes_version_uq` ON `approval_routes` (`route_key`,`route_version`);--> statement-breakpoint
CREATE UNIQUE INDEX `approval_routes_current_uq` ON `approval_routes` (`route_key`) WHERE current = 1;--> statement-breakpoint
CREATE INDEX `approval_routes_type_ix` ON `approval_routes` (`doc_type`,`priority`);--> statement-breakpoint
CREATE TABLE `approval_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`route_id` integer NOT NULL,
	`step_index` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`started_by` integer NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`route_id`) REFERENCES `approval_routes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_runs_doc_ix` ON `approval_runs` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `approval_runs_running_uq` ON `approval_runs` (`doc_type`,`doc_id`) WHERE state = 'running';--> statement-breakpoint
CREATE TABLE `approval_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`step_index` integer NOT NULL,
	`step_name` text NOT NULL,
	`mode` text NOT NULL,
	`assignee_id` integer NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`via` text DEFAULT 'route' NOT NULL,
	`decided_by` integer,
	`on_behalf_of` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`due_at` text NOT NULL,
	`doc_number` text NOT NULL,
	`requester_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`partner_id` integer,
	`amount` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `approval_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "approval_tasks_amount_ck" CHECK(typeof("approval_tasks"."amount") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `approval_tasks_queue_ix` ON `approval_tasks` (`assignee_id`,`state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_doc_ix` ON `approval_tasks` (`doc_type`,`doc_id`,`run_id`);--> statement-breakpoint
CREATE TABLE `delegations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_user_id` integer NOT NULL,
	`to_user_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`doc_types` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "delegations_dates_ck" CHECK("delegations"."start_date" <= "delegations"."end_date"),
	CONSTRAINT "delegations_self_ck" CHECK("delegations"."from_user_id" <> "delegations"."to_user_id")
);
--> statement-breakpoint
CREATE INDEX `delegations_to_ix` ON `delegations` (`to_user_id`,`active`);--> statement-breakpoint
ALTER TABLE `cost_types` ADD `claim_due_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_types` ADD `expire_after_days` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_types` ADD `claim_tolerance_bp` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `document_history` ADD `on_behalf_of` integer REFERENCES users(id);