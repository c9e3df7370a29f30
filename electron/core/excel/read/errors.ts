import { ApiError } from '../../../../shared/api/errors';

/**
 * The file-level refusals, each a stable ApiError code (translated in the UI as errors.<code>).
 * They are thrown in the parsing worker and travel to the caller as plain JSON.
 */
export type FileErrorCode =
  | 'excel_unsupported_type'
  | 'excel_corrupt'
  | 'excel_zip_bomb'
  | 'excel_too_large'
  | 'excel_encrypted'
  | 'excel_xls'
  | 'excel_macro'
  | 'excel_sheet_not_found'
  | 'excel_no_visible_sheet'
  | 'excel_empty_sheet'
  | 'excel_no_header'
  | 'excel_no_data'
  | 'excel_too_many_rows'
  | 'excel_merged_cells'
  | 'excel_duplicate_column'
  | 'excel_encoding';

const MESSAGES: Record<FileErrorCode, string> = {
  excel_unsupported_type: 'This is not an Excel workbook (.xlsx) or a CSV file',
  excel_corrupt: 'The file is damaged or incomplete',
  excel_zip_bomb: 'The file inflates far beyond its size and was refused',
  excel_too_large: 'The file is too large',
  excel_encrypted: 'The workbook is protected with a password; save it without one',
  excel_xls: 'This is an old .xls workbook; save it as .xlsx',
  excel_macro: 'Workbooks with macros are not accepted; save it as .xlsx without macros',
  excel_sheet_not_found: 'The sheet was not found',
  excel_no_visible_sheet: 'The workbook has no visible sheet',
  excel_empty_sheet: 'The sheet is empty',
  excel_no_header: 'No header row was found',
  excel_no_data: 'The sheet has a header row but no data rows',
  excel_too_many_rows: 'The sheet has more rows than allowed',
  excel_merged_cells: 'The data area contains merged cells',
  excel_duplicate_column: 'Two columns of the file map to the same field',
  excel_encoding: 'The text encoding of the CSV file could not be recognised',
};

export function fileError(code: FileErrorCode, params?: Record<string, string | number>, details?: unknown): ApiError {
  return new ApiError(code, MESSAGES[code], params, details);
}
