DROP TRIGGER IF EXISTS budget_ledger_no_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_ledger_no_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_ledger_closed_period;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_history_no_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_history_no_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_version_lines_locked_ins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_version_lines_locked_upd;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_version_lines_locked_del;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_ledger_no_replace;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_history_no_replace;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_versions_born_draft;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_versions_transitions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS budget_periods_reopen_second;
--> statement-breakpoint
-- triggers.sql follows
-- Triggers drizzle-kit cannot express (and the rebuild of the ledger totals they keep). `npm run db:generate` (electron/core/db/gen-migrations.ts)
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
--> statement-breakpoint
-- INSERT OR REPLACE over an existing ledger or history row would delete it and insert another
-- (the DELETE trigger does not fire: REPLACE deletes without triggers unless recursive_triggers
-- is on). BEFORE INSERT runs before the conflict is resolved, so an insert naming an existing id
-- is refused here, whatever its conflict clause.
CREATE TRIGGER budget_ledger_no_replace BEFORE INSERT ON budget_ledger
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM budget_ledger WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'ledger_append_only: budget ledger entries cannot be replaced; post a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER document_history_no_replace BEFORE INSERT ON document_history
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM document_history WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'history_append_only: document history cannot be replaced');
END;
--> statement-breakpoint
-- A budget version is born a draft and moves only along the allowed transitions
-- (shared/domain/approval.ts TRANSITIONS; db/triggers.test.ts checks the two agree).
CREATE TRIGGER budget_versions_born_draft BEFORE INSERT ON budget_versions
WHEN NEW.approval_state <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'invalid_state: a budget version starts as a draft');
END;
--> statement-breakpoint
CREATE TRIGGER budget_versions_transitions BEFORE UPDATE OF approval_state ON budget_versions
WHEN NEW.approval_state <> OLD.approval_state AND (OLD.approval_state || '>' || NEW.approval_state) NOT IN (
  'draft>submitted', 'returned>submitted', 'submitted>approved', 'submitted>rejected', 'submitted>returned', 'draft>cancelled', 'returned>cancelled'
)
BEGIN
  SELECT RAISE(ABORT, 'invalid_state: this change of a budget version''s state skips the allowed transitions');
END;
--> statement-breakpoint
-- A closed period is reopened only by a finance user other than the one who asked for it
-- (budgets/periods.ts: one asks, another confirms).
CREATE TRIGGER budget_periods_reopen_second BEFORE UPDATE OF closed ON budget_periods
WHEN OLD.closed = 1 AND NEW.closed = 0 AND (OLD.reopen_requested_by IS NULL OR NEW.changed_by = OLD.reopen_requested_by)
BEGIN
  SELECT RAISE(ABORT, 'reopen_second_user: a closed period is reopened on the request of one finance user, confirmed by another');
END;
--> statement-breakpoint
-- Backfill: whenever this file is installed (a migration), the totals are rebuilt from the ledger
-- in the same migration, so a database with a ledger from before the totals starts consistent.
DELETE FROM budget_ledger_totals;
--> statement-breakpoint
INSERT INTO budget_ledger_totals (line_id, period, allocated, committed, actual)
SELECT line_id, period,
       SUM(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount ELSE 0 END),
       SUM(CASE WHEN kind IN ('commitment','release') THEN amount ELSE 0 END),
       SUM(CASE WHEN kind = 'actual' THEN amount ELSE 0 END)
FROM budget_ledger GROUP BY line_id, period;
--> statement-breakpoint
-- Per line × month totals (budget_ledger_totals), kept in the transaction of every ledger entry.
-- AFTER INSERT: a refused entry (BEFORE triggers, CHECKs) never reaches the totals.
CREATE TRIGGER budget_ledger_totals_add AFTER INSERT ON budget_ledger
BEGIN
  INSERT INTO budget_ledger_totals (line_id, period, allocated, committed, actual)
  VALUES (
    NEW.line_id, NEW.period,
    CASE WHEN NEW.kind IN ('allocation','transfer_in','transfer_out') THEN NEW.amount ELSE 0 END,
    CASE WHEN NEW.kind IN ('commitment','release') THEN NEW.amount ELSE 0 END,
    CASE WHEN NEW.kind = 'actual' THEN NEW.amount ELSE 0 END)
  ON CONFLICT (line_id, period) DO UPDATE SET
    allocated = allocated + excluded.allocated, committed = committed + excluded.committed, actual = actual + excluded.actual;
END;
--> statement-breakpoint
-- Totals are written by the trigger above only.
CREATE TRIGGER budget_ledger_totals_no_delete BEFORE DELETE ON budget_ledger_totals
BEGIN
  SELECT RAISE(ABORT, 'ledger_append_only: ledger totals follow the ledger and cannot be deleted');
END;
