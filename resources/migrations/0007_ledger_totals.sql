CREATE TABLE `budget_ledger_totals` (
	`line_id` integer NOT NULL,
	`period` text NOT NULL,
	`allocated` integer DEFAULT 0 NOT NULL,
	`committed` integer DEFAULT 0 NOT NULL,
	`actual` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`line_id`, `period`),
	FOREIGN KEY (`line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action
);
