/**
 * How a column's cells are read. Plain data: it is sent to the parsing worker.
 *   id     record id of an exported sheet (positive integer)
 *   code   a code or username: text; "00123" stays "00123"; full-width folded to half-width
 *   text   free text (names, phone numbers, bank accounts); numbers become their digits
 *   int    whole number (star rating)
 *   date   calendar date 'YYYY-MM-DD' from a serial (1900/1904) or text
 *   money  integer fen from ¥ 1,234.50 / (12.00) / 1234.5 / numbers stored as text
 *   bp     a percentage given as 5 or 5.25 → basis points (500, 525)
 *   bool   是/否, yes/no, true/false, 1/0 …
 *   enum   one of `choices`, by code or by its label in either language
 *   ref    a referenced record's code ("KM-WH" or "KM-WH 五华区"); resolved by the core
 *   refs   several references separated by , ， ; ； 、 or new lines
 */
export type CellType = 'id' | 'code' | 'text' | 'int' | 'date' | 'money' | 'bp' | 'bool' | 'enum' | 'ref' | 'refs';

export interface Choice {
  value: string;
  labels: string[];
}

export interface ColumnSpec {
  key: string;
  type: CellType;
  choices?: Choice[];
}

/** A cell as the readers (xlsx scanner, CSV) hand it over: a spreadsheet's value model reduced to what we accept. */
export type RawCell = string | number | boolean | null | { date: string } | { problem: string };

export type Typed = string | number | boolean | string[] | null;

/** A cell that cannot be read as its column's type (a class, so a check is one instanceof). */
export class CellProblem {
  constructor(
    readonly reason: string,
    readonly params?: Record<string, string | number>,
  ) {}
}
