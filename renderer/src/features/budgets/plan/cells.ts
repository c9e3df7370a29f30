import type { ControlMode } from '@shared/domain/budget';
import type { Lookup } from '../../../grid/columns/lookup';
import { isInvalid, parseMoneyText, parsePercentToBp } from '../../../grid/parse';
import { isKeyCol, monthIndex, type CellState, type EditCol } from './sheet';

/**
 * What typed or pasted text means in each column of the budget entry grid. Money is read by the
 * shared parser into integer fen (¥, thousands separators, full-width digits; at most two
 * decimals); a blank amount means 0 (an empty cell of the copied sheet is no budget). Keys match
 * a label, code or name; a blank control rule or tolerance means the cost type's default.
 * Anything else becomes a marked cell with the reason and the text as typed.
 */
export interface CellLookups {
  orgUnits: Lookup<number>;
  channelTypes: Lookup<number>;
  costTypes: Lookup<number>;
  partners: Lookup<number>;
  /** control rules by label ('禁止超支', 'Block', 'block'); '' stands for the default */
  controls: Lookup<string>;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const bad = (raw: unknown, reason: string, params?: Record<string, string | number>): CellState => ({
  value: null,
  bad: { reason, ...(params ? { params } : {}), raw: raw === null || raw === undefined ? '' : String(raw) },
});
const ok = (value: CellState['value']): CellState => ({ value, bad: null });

export const MAX_TOLERANCE_BP = 10_000;
/** the control rules (as in the contract; kept here so the page does not load the contract's schemas) */
const CONTROL_MODES: readonly ControlMode[] = ['block', 'warn', 'none'];

function amount(raw: unknown): CellState {
  if (blank(raw)) return ok(0);
  const v = parseMoneyText(typeof raw === 'number' ? String(raw) : raw);
  if (isInvalid(v)) return bad(raw, v.reason, v.params);
  if (v === null) return ok(0);
  if (v < 0) return bad(raw, 'v.non_negative');
  return ok(v);
}

function key(raw: unknown, lookup: Lookup<number>, optional: boolean): CellState {
  if (blank(raw)) return optional ? ok(null) : bad(raw, 'v.required');
  if (typeof raw === 'number' && lookup.has(raw)) return ok(raw);
  const found = lookup.find(String(raw));
  if (found !== undefined) return ok(found);
  const options = lookup.choices().slice(0, 6).map((c) => lookup.label(c)).join(' / ');
  return bad(raw, 'v.choice', { options });
}

function control(raw: unknown, controls: Lookup<string>): CellState {
  if (blank(raw)) return ok(null);
  const s = String(raw);
  if ((CONTROL_MODES as readonly string[]).includes(s)) return ok(s);
  const found = controls.find(s);
  if (found !== undefined) return ok(found === '' ? null : found);
  return bad(raw, 'v.choice', { options: controls.options.map((o) => o.label).join(' / ') });
}

function tolerance(raw: unknown): CellState {
  if (blank(raw)) return ok(null);
  const v = parsePercentToBp(typeof raw === 'number' ? String(raw) : raw);
  if (isInvalid(v)) return bad(raw, v.reason);
  if (v === null) return ok(null);
  if (v < 0 || v > MAX_TOLERANCE_BP) return bad(raw, 'v.range');
  return ok(v);
}

export function parseCell(col: EditCol, raw: unknown, lk: CellLookups): CellState {
  if (monthIndex(col) >= 0) return amount(raw);
  if (isKeyCol(col)) {
    const lookup = { orgUnitId: lk.orgUnits, channelTypeId: lk.channelTypes, costTypeId: lk.costTypes, partnerId: lk.partners }[col];
    return key(raw, lookup, col === 'partnerId');
  }
  return col === 'controlMode' ? control(raw, lk.controls) : tolerance(raw);
}
