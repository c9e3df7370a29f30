/**
 * Calendar dates from spreadsheet cells, as 'YYYY-MM-DD' strings. Nothing here uses the machine's
 * time zone: serial numbers are counted in whole days on the UTC calendar, and Date objects (which
 * exceljs makes from date-formatted cells when asked to) are read by their UTC fields, because
 * spreadsheet dates are stored as UTC midnight.
 */
const DAY_MS = 86_400_000;
/** 1899-12-30: day 0 of the 1900 system for serials ≥ 61 (the system counts a 29 Feb 1900 that never was) */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01: day 0 of the 1904 system (old Mac Excel; workbookPr date1904="1") */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** the last day Excel can show: 9999-12-31 */
const MAX_SERIAL_1900 = 2_958_465;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A serial day number (time of day ignored) → ISO date, or null when it is no date. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial + 1e-9);
  if (date1904) {
    if (day < 0 || day > MAX_SERIAL_1900 - 1462) return null;
    return isoFromUtcMs(EPOCH_1904 + day * DAY_MS);
  }
  if (day < 1 || day > MAX_SERIAL_1900) return null;
  if (day === 60) return null; // 1900-02-29 does not exist
  // serials 1..59 are 1900-01-01..1900-02-28; from 61 on the phantom leap day is skipped
  return isoFromUtcMs(day < 60 ? EPOCH_1900 + (day + 1) * DAY_MS : EPOCH_1900 + day * DAY_MS);
}

/** ISO date → serial in the 1900 system (what exports write). */
export function isoToSerial1900(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = Math.round((Date.UTC(y, m - 1, d) - EPOCH_1900) / DAY_MS);
  return day < 61 ? day - 1 : day;
}

export function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const YMD = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;

/**
 * A date typed as text: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, with an optional
 * time that is ignored, or a serial number stored as text. Text is already half-width.
 */
export function parseDateText(s: string, date1904: boolean): string | null {
  const t = s.trim();
  let m = YMD.exec(t) ?? ZH.exec(t) ?? COMPACT.exec(t);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SERIAL.exec(t);
  if (m) return serialToIso(Number(t), date1904);
  return null;
}
