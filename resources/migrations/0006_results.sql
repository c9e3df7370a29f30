CREATE TABLE `sales_results` (
	`partner_id` integer NOT NULL,
	`period` text NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`gross_margin` integer,
	`new_subscribers` integer DEFAULT 0 NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`partner_id`, `period`),
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_results_period_ck" CHECK("sales_results"."period" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
	CONSTRAINT "sales_results_revenue_ck" CHECK(typeof("sales_results"."revenue") = 'integer'),
	CONSTRAINT "sales_results_margin_ck" CHECK("sales_results"."gross_margin" is null or typeof("sales_results"."gross_margin") = 'integer'),
	CONSTRAINT "sales_results_subs_ck" CHECK(typeof("sales_results"."new_subscribers") = 'integer' and "sales_results"."new_subscribers" >= 0)
);
--> statement-breakpoint
CREATE INDEX `sales_results_period_ix` ON `sales_results` (`period`,`partner_id`);