-- Triggers drizzle-kit cannot express. `npm run db:generate` (electron/core/db/gen-migrations.ts)
-- copies this file into a custom migration after the generated init migration; edit it here.
-- Messages are "<error code>: <English text>"; the core maps the code to an ApiError.
-- Statements are separated by statement breakpoints (the migrator runs one statement at a time).

-- The budget ledger is append-only: corrections are counter-entries.
CREATE TRIGGER budget_ledger_no_update BEFORE UPDATE ON budget_ledger
BEGIN
  SELECT RAISE(ABORT, 'ledger_append_only: budget ledger entries cannot be changed; post a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER budget_ledger_no_delete BEFORE DELETE ON budget_ledger
BEGIN
  SELECT RAISE(ABORT, 'ledger_append_only: budget ledger entries cannot be deleted; post a counter-entry');
END;
--> statement-breakpoint
-- A closed period takes no new entries.
CREATE TRIGGER budget_ledger_closed_period BEFORE INSERT ON budget_ledger
WHEN EXISTS (SELECT 1 FROM budget_periods WHERE period = NEW.period AND closed = 1)
BEGIN
  SELECT RAISE(ABORT, 'period_closed: this budget period is closed');
END;
--> statement-breakpoint
-- The document history is append-only too.
CREATE TRIGGER document_history_no_update BEFORE UPDATE ON document_history
BEGIN
  SELECT RAISE(ABORT, 'history_append_only: document history cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER document_history_no_delete BEFORE DELETE ON document_history
BEGIN
  SELECT RAISE(ABORT, 'history_append_only: document history cannot be deleted');
END;
--> statement-breakpoint
-- A version's amounts change only while the version is a draft (or returned for revision).
CREATE TRIGGER budget_version_lines_locked_ins BEFORE INSERT ON budget_version_lines
WHEN (SELECT approval_state FROM budget_versions WHERE id = NEW.version_id) NOT IN ('draft', 'returned')
BEGIN
  SELECT RAISE(ABORT, 'version_locked: only a draft or returned version can be edited');
END;
--> statement-breakpoint
CREATE TRIGGER budget_version_lines_locked_upd BEFORE UPDATE ON budget_version_lines
WHEN (SELECT approval_state FROM budget_versions WHERE id = OLD.version_id) NOT IN ('draft', 'returned')
BEGIN
  SELECT RAISE(ABORT, 'version_locked: only a draft or returned version can be edited');
END;
--> statement-breakpoint
CREATE TRIGGER budget_version_lines_locked_del BEFORE DELETE ON budget_version_lines
WHEN (SELECT approval_state FROM budget_versions WHERE id = OLD.version_id) NOT IN ('draft', 'returned')
BEGIN
  SELECT RAISE(ABORT, 'version_locked: only a draft or returned version can be edited');
END;
