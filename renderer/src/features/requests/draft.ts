import type { CostRequest } from '@shared/api/areas/documents';
import type { Input } from '@shared/api/contract';
import { formatFenPlain, MoneyParseError, parseYuanToFen } from '@shared/domain/money';

/**
 * The request form as typed (text in the inputs) and its conversion to the contract's input:
 * money in yuan → integer fen through the shared parser (¥, separators, full-width digits),
 * dates ISO. Problems are returned per field (catalogue keys), nothing is sent while any remains.
 */
export interface RequestDraft {
  partnerId: number | null;
  partnerLabel: string;
  orgUnitId: number | null;
  channelTypeId: number | null;
  costTypeId: number | null;
  title: string;
  description: string;
  activityStart: string;
  activityEnd: string;
  amount: string;
  expectedRevenue: string;
  expectedSubscribers: string;
  promises: { text: string; amount: string }[];
}

export const emptyDraft = (today: string): RequestDraft => ({
  partnerId: null,
  partnerLabel: '',
  orgUnitId: null,
  channelTypeId: null,
  costTypeId: null,
  title: '',
  description: '',
  activityStart: today,
  activityEnd: today,
  amount: '',
  expectedRevenue: '',
  expectedSubscribers: '',
  promises: [],
});

export function draftOf(r: CostRequest): RequestDraft {
  return {
    partnerId: r.partnerId,
    partnerLabel: `${r.partnerCode} ${r.partnerName}`,
    orgUnitId: r.orgUnitId,
    channelTypeId: r.channelTypeId,
    costTypeId: r.costTypeId,
    title: r.title,
    description: r.description,
    activityStart: r.activityStart,
    activityEnd: r.activityEnd,
    amount: formatFenPlain(r.amount),
    expectedRevenue: r.expectedRevenue ? formatFenPlain(r.expectedRevenue) : '',
    expectedSubscribers: r.expectedSubscribers ? String(r.expectedSubscribers) : '',
    promises: r.promises.filter((p) => p.active).map((p) => ({ text: p.text, amount: p.amount ? formatFenPlain(p.amount) : '' })),
  };
}

/** Yuan text → fen; '' → null; a wrong text → the reason key. */
export function fenOf(text: string): number | null | { reason: string } {
  try {
    return parseYuanToFen(text.trim() === '' ? null : text);
  } catch (e) {
    return { reason: e instanceof MoneyParseError && e.reason === 'too_many_decimals' ? 'v.money_decimals' : 'v.amount' };
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export type RequestInput = Input<'costRequests.create'>;

export function inputOf(d: RequestDraft): { input: RequestInput | null; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  if (!d.partnerId) issues.partnerId = 'v.required';
  if (!d.costTypeId) issues.costTypeId = 'v.required';
  if (!d.title.trim()) issues.title = 'v.required';
  if (!ISO.test(d.activityStart)) issues.activityStart = 'v.date';
  if (!ISO.test(d.activityEnd)) issues.activityEnd = 'v.date';
  if (!issues.activityStart && !issues.activityEnd && d.activityEnd < d.activityStart) issues.activityEnd = 'v.range';
  const amount = fenOf(d.amount);
  if (amount === null) issues.amount = 'v.required';
  else if (typeof amount === 'object') issues.amount = amount.reason;
  else if (amount <= 0) issues.amount = 'v.positive';
  const revenue = fenOf(d.expectedRevenue);
  if (revenue !== null && typeof revenue === 'object') issues.expectedRevenue = revenue.reason;
  else if (typeof revenue === 'number' && revenue < 0) issues.expectedRevenue = 'v.non_negative';
  const subsText = d.expectedSubscribers.trim();
  const subs = subsText === '' ? 0 : /^\d+$/.test(subsText) ? Number(subsText) : NaN;
  if (Number.isNaN(subs)) issues.expectedSubscribers = 'v.type';
  const promises = d.promises
    .filter((p) => p.text.trim() || p.amount.trim())
    .map((p, i) => {
      const a = fenOf(p.amount);
      if (!p.text.trim()) issues[`promises.${i}.text`] = 'v.required';
      if (a !== null && typeof a === 'object') issues[`promises.${i}.amount`] = a.reason;
      return { text: p.text.trim(), amount: typeof a === 'number' ? a : 0 };
    });
  if (Object.keys(issues).length > 0) return { input: null, issues };
  return {
    issues,
    input: {
      partnerId: d.partnerId!,
      ...(d.orgUnitId ? { orgUnitId: d.orgUnitId } : {}),
      ...(d.channelTypeId ? { channelTypeId: d.channelTypeId } : {}),
      costTypeId: d.costTypeId!,
      title: d.title.trim(),
      description: d.description.trim(),
      activityStart: d.activityStart,
      activityEnd: d.activityEnd,
      amount: amount as number,
      expectedRevenue: typeof revenue === 'number' ? revenue : 0,
      expectedSubscribers: subs,
      promises,
    },
  };
}

/** The budget preview's input once the fields it needs are valid (the amount may still be empty: 0). */
export function previewInputOf(d: RequestDraft, requestId?: number): Input<'costRequests.budgetPreview'> | null {
  if (!d.partnerId || !d.costTypeId || !ISO.test(d.activityStart) || !ISO.test(d.activityEnd) || d.activityEnd < d.activityStart) return null;
  const a = fenOf(d.amount);
  const amount = typeof a === 'number' && a >= 0 ? a : 0;
  return {
    partnerId: d.partnerId,
    ...(d.orgUnitId ? { orgUnitId: d.orgUnitId } : {}),
    ...(d.channelTypeId ? { channelTypeId: d.channelTypeId } : {}),
    costTypeId: d.costTypeId,
    activityStart: d.activityStart,
    activityEnd: d.activityEnd,
    amount,
    ...(requestId ? { requestId } : {}),
  };
}

export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
