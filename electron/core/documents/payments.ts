import type { Claim, Payment, PaymentMethod } from '../../../shared/api/areas/documentTypes';
import { ApiError } from '../../../shared/api/errors';
import { appendHistory } from '../budgets/history';
import { inTx, stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { exportGrid } from '../excel/export/grid';
import { claimFacts } from './claimRows';
import { claimHolder, getClaim } from './claims';
import { payFromHolder, releaseBeyond } from './effects';
import { requestFacts } from './requestRows';
import { holderOf as requestHolder, stillPayable } from './requests';

/**
 * Payment (结算/付款) of approved claims by finance. The first payment fixes the approved amount
 * (≤ claimed; a reason when lower). Each payment, in one transaction: the payment row, the
 * claim's paid amount and state, the actual on the budget line consuming the commitment (the
 * request's, or a stand-alone claim's own), and — when it completes a claim whose request is
 * closed (or a stand-alone claim) — the release of what the commitment held beyond it.
 */
export interface PayInput {
  claimId: number;
  version: number;
  amount: number;
  approvedAmount?: number;
  approvedReason: string;
  method: PaymentMethod;
  reference: string;
  paidOn: string;
}

export function payClaim(ctx: OrgCtx, i: PayInput): Claim {
  inTx(ctx, () => {
    const db = ctx.db.$client;
    const f = claimFacts(db, i.claimId);
    ctx.scope.require(f.orgUnitId);
    if (f.version !== i.version) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    if (f.state !== 'approved' || f.payState === 'paid') throw new ApiError('invalid_state', 'Only an approved, unpaid claim can be paid', { state: f.payState ?? f.state, action: 'pay' });
    let approved = f.approvedAmount;
    if (approved === null) {
      approved = i.approvedAmount ?? f.amount;
      if (approved > f.amount) throw new ApiError('validation', 'The approved amount cannot exceed the claimed amount', undefined, [{ path: 'approvedAmount', reason: 'v.over_claimed' }]);
      if (approved < f.amount && !i.approvedReason.trim()) {
        throw new ApiError('validation', 'Say why less than claimed is approved', undefined, [{ path: 'approvedReason', reason: 'v.required' }]);
      }
    } else if (i.approvedAmount !== undefined && i.approvedAmount !== approved) {
      throw new ApiError('validation', 'The approved amount was fixed by the first payment', undefined, [{ path: 'approvedAmount', reason: 'v.immutable' }]);
    }
    const left = approved - f.paidAmount;
    if (i.amount > left) throw new ApiError('payment_exceeds', `At most ${left} fen remain to be paid on this claim`, { left, amount: i.amount });
    const now = ctx.now().toISOString();
    const paymentId = Number(
      stmt(db, 'INSERT INTO payments (claim_id, amount, method, reference, paid_on, created_by, created_at) VALUES (?,?,?,?,?,?,?)').run(f.id, i.amount, i.method, i.reference, i.paidOn, ctx.user.id, now).lastInsertRowid,
    );
    const paid = f.paidAmount + i.amount;
    const state = paid === approved ? 'paid' : 'partly_paid';
    stmt(db, `UPDATE claims SET approved_amount = ?, approved_reason = ?, paid_amount = ?, pay_state = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(
      approved, f.approvedAmount === null ? i.approvedReason : stmt(db, 'SELECT approved_reason FROM claims WHERE id = ?', true).get(f.id), paid, state, now, f.id,
    );
    const source = { ...claimHolder(f), ref: `${f.number}` };
    const fallback = { lineId: (stmt(db, 'SELECT line_id FROM claims WHERE id = ?', true).get(f.id) as number), period: f.activityEnd.slice(0, 7) };
    if (f.requestId === null) {
      payFromHolder(ctx, claimHolder(f), source, i.amount, fallback);
      if (state === 'paid') releaseBeyond(ctx, claimHolder(f), 0, source, 'paid below the claim');
    } else {
      const r = requestFacts(db, f.requestId);
      payFromHolder(ctx, requestHolder(r), source, i.amount, fallback);
      if (state === 'paid' && r.settleState !== 'open' && r.settleState !== 'partly_claimed') {
        releaseBeyond(ctx, requestHolder(r), stillPayable(ctx, r.id), source, 'last payment of a closed request');
      }
    }
    appendHistory(ctx, { type: 'claim', id: f.id }, 'pay', 'approved', 'approved', `#${paymentId} ${i.amount} ${i.method} ${i.reference}`.trim());
  });
  return getClaim(ctx, i.claimId);
}

export function listPayments(ctx: OrgCtx, claimId: number): Payment[] {
  return getClaim(ctx, claimId).payments;
}

const LIST_TEXT = {
  title: { 'zh-CN': '付款清单', en: 'Payment list' },
  claim: { 'zh-CN': '核销单号', en: 'Claim' },
  partnerCode: { 'zh-CN': '合作伙伴编码', en: 'Partner code' },
  payee: { 'zh-CN': '收款方', en: 'Payee' },
  bank: { 'zh-CN': '开户行', en: 'Bank' },
  account: { 'zh-CN': '账号', en: 'Account' },
  amount: { 'zh-CN': '付款金额', en: 'Amount' },
  purpose: { 'zh-CN': '用途', en: 'Purpose' },
} as const;

/** The payment list (付款清单) for treasury: payee, bank, account (as text), amount still to pay. */
export async function exportPaymentList(ctx: OrgCtx, claimIds: number[], locale: 'zh-CN' | 'en') {
  const t = (k: keyof typeof LIST_TEXT) => LIST_TEXT[k][locale];
  const rows: (string | number | null)[][] = [];
  for (const id of claimIds) {
    const c = getClaim(ctx, id);
    if (c.approvalState !== 'approved' || c.payState === 'paid') {
      throw new ApiError('invalid_state', `${c.number} is not an approved, unpaid claim`, { state: c.status, action: 'pay' });
    }
    const left = (c.approvedAmount ?? c.amount) - c.paidAmount;
    rows.push([c.number, c.partnerCode, c.payee.name, c.payee.bankName, c.payee.bankAccount, left, c.title]);
  }
  const columns = (['claim', 'partnerCode', 'payee', 'bank', 'account', 'amount', 'purpose'] as const).map((k) => ({ header: t(k), type: k === 'amount' ? ('money' as const) : ('text' as const) }));
  return exportGrid(ctx, { title: t('title'), columns, rows });
}

export { requestFacts };
