export { DataGrid, type DataGridProps, type ExportHandler, type ShownRows, type ShownGrid } from './DataGrid';
export type { FetchPage, PageRequest } from './infinite';
export { parseTsv, toTsv, type Matrix } from './tsv';
export { Invalid, isInvalid, parseDateText, parseIntText, parseMoneyText, parsePercentToBp, parseText } from './parse';
export * from './columns';
export { resetGridMemory } from './memory';
export type { PasteAnchor, PasteHandler } from './usePaste';
export { layOutPaste, type PastePlan, type PasteCell } from './spreadsheet';
export { emptyUndo, recordUndo, takeRedo, takeUndo, type UndoState } from './undo';
