import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from a zod 4 schema, for the API fuzz (electron/core/fuzz.test.ts).
 *
 * Why our own: the maintained zod → fast-check library (`zod-fast-check` 0.10.1) declares
 * `zod ^3` and `fast-check <4` as peers and reads zod 3's internals; the project is on zod 4 and
 * fast-check 4, and no other npm package maps zod 4 schemas to arbitraries. The contract's
 * schemas use a small set of zod kinds (object, string, number, boolean, enum, literal, null,
 * never, optional, nullable, default, array, record, union), read here through zod 4's public
 * introspection (`schema._zod.def`: `type`, `shape`, `checks` with their `def.check`). An
 * unknown kind throws, so a new kind in the contract is noticed, not silently skipped.
 *
 * Values are biased towards what a world holds (`Pools`: ids, versions, file ids, codes), so
 * generated calls reach the handlers' lookups and rules, not only the validator.
 */
export interface Pools {
  /** integers the world holds: ids and versions of records of both branches */
  ints: readonly number[];
  /** strings the world holds: file ids, job ids, codes, periods, dates */
  strings: readonly string[];
}

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] } & Record<string, unknown>;
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/** true when an object key of this schema may be absent */
function optionalKey(s: z.ZodType): boolean {
  const t = defOf(s).type;
  return t === 'optional' || t === 'default' || t === 'never';
}

function stringArb(d: Def, pools: Pools): fc.Arbitrary<string> {
  let min = 0;
  let max = 60;
  let pattern: RegExp | null = null;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    if (c.check === 'length_equals') min = max = c.length as number;
    // fast-check cannot generate for flags; without them the matches still match (i: fewer cases)
    if (c.check === 'string_format' && c.format === 'regex') pattern = new RegExp((c.pattern as RegExp).source);
  }
  const free = pattern ? fc.stringMatching(pattern).filter((x) => x.length >= min && x.length <= Math.max(max, min)) : fc.string({ minLength: min, maxLength: Math.max(max, min), unit: 'grapheme' });
  const known = pools.strings.filter((x) => x.length >= min && x.length <= max && (!pattern || pattern.test(x)));
  return known.length ? fc.oneof({ arbitrary: free, weight: 2 }, { arbitrary: fc.constantFrom(...known), weight: 1 }) : free;
}

function numberArb(d: Def, pools: Pools): fc.Arbitrary<number> {
  let int = false;
  let min = -1e12;
  let max = 1e12;
  for (const c of checksOf(d)) {
    if (c.check === 'number_format') int = int || ['safeint', 'int32', 'uint32'].includes(c.format as string);
    if (c.check === 'greater_than') min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : int ? 1 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : int ? 1 : 1e-9));
  }
  if (!int) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const known = pools.ints.filter((x) => x >= lo && x <= hi);
  const edges = [lo, hi, 0, 1, 2].filter((x) => x >= lo && x <= hi);
  return fc.oneof(
    { arbitrary: fc.integer({ min: lo, max: hi }), weight: 2 },
    { arbitrary: fc.integer({ min: Math.max(lo, 0), max: Math.max(Math.min(hi, 60), Math.max(lo, 0)) }), weight: 2 },
    { arbitrary: fc.constantFrom(...edges), weight: 1 },
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 3 }] : []),
  );
}

/** An arbitrary of values meant to pass the schema's shape (refinements may still refuse some). */
export function arbitraryOf(schema: z.ZodType, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: unknown) => arbitraryOf(s as z.ZodType, pools, depth + 1);
  switch (d.type) {
    case 'string':
      return stringArb(d, pools);
    case 'number':
      return numberArb(d, pools);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'never':
      return fc.constant(undefined);
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'optional':
    case 'default':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case 'union':
      return fc.oneof(...(d.options as z.ZodType[]).map(inner));
    case 'array': {
      let min = 0;
      let max = depth > 3 ? 2 : 4;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') min = c.minimum as number;
        if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
        if (c.check === 'length_equals') min = max = c.length as number;
      }
      return fc.array(inner(d.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'unknown':
    case 'any':
      // a free value (e.g. analysis.export's `input`, checked against its view's own schema by the handler)
      return fc.jsonValue({ maxDepth: 2 });
    case 'record':
      return fc.dictionary(inner(d.keyType) as fc.Arbitrary<string>, inner(d.valueType), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      return fc
        .record(Object.fromEntries(keys.map((k) => [k, inner(shape[k])])), { requiredKeys: keys.filter((k) => !optionalKey(shape[k]!)) })
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      throw new Error(`arbitraryOf: zod kind "${d.type}" is not mapped (add it to electron/core/fuzz/arbitrary.ts)`);
  }
}

/** Values no schema field expects: wrong types, edges, hostile text. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(null, true, -1, 0, 1e308, -0.5, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x'.repeat(5000), "'; DROP TABLE partners; --", '../../etc/passwd', '%', '2026-13-45', [], {}, [null], { __proto__: null }),
  fc.anything({ maxDepth: 2 }),
);

/** Every path inside a JSON-like value (objects' keys and arrays' indexes), the root as []. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function replaceAt(v: unknown, path: (string | number)[], by: unknown, drop: boolean): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.flatMap((x, i) => (i === head ? (drop && rest.length === 0 ? [] : [replaceAt(x, rest, by, drop)]) : [x]));
  const o = { ...(v as Record<string, unknown>) };
  if (drop && rest.length === 0) delete o[head as string];
  else o[head as string] = replaceAt(o[head as string], rest, by, drop);
  return o;
}

/** Inputs meant to fail: a valid value with one place replaced by junk or removed, an extra key, or junk as a whole. */
export function invalidOf(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  const mutated = arbitraryOf(schema, pools).chain((v) => {
    const ps = paths(v);
    return fc.tuple(fc.constantFrom(...ps), junk, fc.boolean()).map(([p, by, drop]) => replaceAt(v, p, by, drop && p.length > 0));
  });
  const extra = arbitraryOf(schema, pools).chain((v) => junk.map((by) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, ['zz_' + typeof by]: by } : v)));
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: extra, weight: 1 }, { arbitrary: junk, weight: 1 });
}
