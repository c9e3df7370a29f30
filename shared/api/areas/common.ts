import { z } from 'zod';

export const id = z.number().int().positive();
/**
 * A real calendar date 'YYYY-MM-DD' (year 0001–9999, month 1–12, the month's days incl. 29 Feb in
 * leap years). Plain arithmetic, no Date objects: this runs for every date cell of an import.
 */
export function isRealIsoDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
  .refine(isRealIsoDate, 'v.date');
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.period');
export const code = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(32, 'v.too_long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'v.code');
export const name = z.string().trim().min(1, 'v.required').max(100, 'v.too_long');
export const fen = z.number().int('v.integer_fen').min(0, 'v.non_negative').max(Number.MAX_SAFE_INTEGER);
export const locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof locale>;

export const sortModel = z
  .array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) }))
  .max(5)
  .default([]);

/** AG Grid-like filter model, restricted to what the server supports. */
export const filterModel = z
  .record(
    z.string().max(64),
    z.union([
      z.object({ filterType: z.literal('text'), type: z.enum(['contains', 'equals', 'startsWith']).default('contains'), filter: z.string().max(200) }),
      z.object({ filterType: z.literal('number'), type: z.enum(['equals', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual']), filter: z.number() }),
      z.object({ filterType: z.literal('set'), values: z.array(z.union([z.string(), z.number(), z.null()])).max(1000) }),
    ]),
  )
  .default({});

export const pageQuery = z.object({
  quick: z.string().max(200).default(''),
  filter: filterModel,
  sort: sortModel,
  limit: z.number().int().min(1).max(5000).default(100),
  offset: z.number().int().min(0).default(0),
  /** keyset cursor from the previous page's `nextCursor`; when given, `offset` is ignored */
  cursor: z.string().max(2000).optional(),
  includeInactive: z.boolean().default(false),
});
export type PageQuery = z.input<typeof pageQuery>;

export interface Page<T> {
  rows: T[];
  total: number;
  nextCursor: string | null;
}

/**
 * The schema of a patch: every field optional and WITHOUT its default (zod's .partial() keeps
 * defaults, which would silently reset fields the editor did not touch).
 */
export function patchOf<T extends z.ZodRawShape>(obj: z.ZodObject<T>): z.ZodType<Partial<z.output<z.ZodObject<T>>>, Partial<z.input<z.ZodObject<T>>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(obj.shape)) {
    shape[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional();
  }
  return z.object(shape).strict() as never;
}
