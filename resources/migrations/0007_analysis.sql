CREATE TABLE `score_weights` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_from` text NOT NULL,
	`revenue` integer NOT NULL,
	`cost_ratio` integer NOT NULL,
	`timeliness` integer NOT NULL,
	`flags` integer NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "score_weights_sum_ck" CHECK("score_weights"."revenue" + "score_weights"."cost_ratio" + "score_weights"."timeliness" + "score_weights"."flags" = 100),
	CONSTRAINT "score_weights_min_ck" CHECK("score_weights"."revenue" >= 0 and "score_weights"."cost_ratio" >= 0 and "score_weights"."timeliness" >= 0 and "score_weights"."flags" >= 0)
);
--> statement-breakpoint
CREATE INDEX `score_weights_from_ix` ON `score_weights` (`effective_from`,`id`);--> statement-breakpoint
CREATE INDEX `budget_ledger_analysis_ix` ON `budget_ledger` (`against_type`,`period`,`against_id`,`kind`,`amount`);--> statement-breakpoint
CREATE INDEX `claims_submitted_ix` ON `claims` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `claims_decided_ix` ON `claims` (`decided_at`);--> statement-breakpoint
CREATE INDEX `cost_requests_decided_ix` ON `cost_requests` (`decided_at`);--> statement-breakpoint
CREATE INDEX `sales_results_period_cover_ix` ON `sales_results` (`period`,`partner_id`,`revenue`,`gross_margin`);--> statement-breakpoint
CREATE INDEX `sales_results_partner_cover_ix` ON `sales_results` (`partner_id`,`period`,`revenue`,`gross_margin`);