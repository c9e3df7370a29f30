/**
 * Formula injection (CSV/spreadsheet injection): text that begins with = + - @, a tab or a carriage
 * return may be taken for a formula when a spreadsheet re-parses it (editing the cell, saving as
 * CSV and opening that). Exports prefix such text with an apostrophe ('), which Excel, WPS and
 * LibreOffice all show and keep as a plain character — an invisible mark (zero-width space) would
 * survive as well, but would then hide inside the user's data. Imports remove exactly that
 * prefix again, so an exported value comes back unchanged. Numbers are numeric cells and are never
 * touched. A value that itself begins with an apostrophe followed by one of those characters
 * (rare) would lose the apostrophe on import; that is the documented price.
 */
const DANGEROUS = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
