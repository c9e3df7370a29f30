import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './master';

/**
 * Excel exchange: the log of committed imports and the header mappings users confirmed.
 * Timestamps are ISO-8601 UTC strings.
 */
export const excelImports = sqliteTable(
  'excel_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the import kind, e.g. 'partners' (the registry in electron/core/excel/kinds) */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the uploaded file, hex */
    sha256: text('sha256').notNull(),
    sheet: text('sheet'),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
    mode: text('mode', { enum: ['all_or_nothing', 'skip_rejected'] }).notNull(),
    totalRows: integer('total_rows').notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    rejected: integer('rejected').notNull(),
  },
  (t) => [index('excel_imports_kind_ix').on(t.kind, t.at), index('excel_imports_sha_ix').on(t.sha256), index('excel_imports_user_ix').on(t.userId, t.at)],
);

/** A confirmed mapping of a (normalised) file header to a column of a kind; '' = ignore the column. */
export const excelMappings = sqliteTable(
  'excel_mappings',
  {
    kind: text('kind').notNull(),
    header: text('header').notNull(),
    columnKey: text('column_key').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.header] })],
);
