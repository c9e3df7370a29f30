CREATE TABLE `handover_documents` (
	`handover_id` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	PRIMARY KEY(`handover_id`, `doc_type`, `doc_id`),
	FOREIGN KEY (`handover_id`) REFERENCES `partner_handovers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `partner_handovers` ADD `document_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `partner_handovers` ADD `acknowledged_at` text;