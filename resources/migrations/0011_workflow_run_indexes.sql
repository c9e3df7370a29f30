CREATE INDEX `approval_runs_route_ix` ON `approval_runs` (`route_id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_run_ix` ON `approval_tasks` (`run_id`);