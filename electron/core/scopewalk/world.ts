import { ROLES, type Role } from '../../../shared/api/define';
import { BUILT_IN_KINDS } from '../excel/kinds';
import { csvText, upload } from '../excel/testing';
import { approvedPlan, demoIds, months } from '../budgets/testkit';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * The scope walk's world (see scope.walk.test.ts): the demo company, where Kunming (KM) is the
 * OTHER branch — it holds the data the walkers aim at — and one walker per role assigned only to
 * its sibling Qujing (QJ). Company finance prepares budget documents that lie wholly in KM.
 */
export const WALK_PASSWORD = 'walk-pass-1';

export interface World {
  core: TestCore;
  /** walkers: one user per role, assigned to QJ only */
  as: Record<Role, Caller>;
  /** the other branch: its subtree, its org codes, and the users assigned only inside it */
  other: { units: ReadonlySet<number>; codes: ReadonlySet<string>; users: ReadonlySet<number>; usernames: ReadonlySet<string> };
  ids: ReturnType<typeof demoIds>;
  /** records of the other branch */
  km: {
    partner: { id: number; version: number; code: string };
    user: { id: number; version: number };
    unit: { id: number; version: number };
    lines: [number, number];
    transfers: { draft: { id: number; version: number }; submitted: { id: number; version: number } };
    plan2026: number;
    v2026: [number, number];
    draft: { id: number; version: number; line: number };
    submitted: { id: number; version: number };
    /** a file lina produced and a dry run zhangwei keeps */
    linaFile: string;
    zhangJob: string;
    /** zhangwei's documents: a request waiting for zhouqiang, an approved one, a claim of it (approved, with a proof), and zhouqiang's stand-in */
    docs: {
      waiting: { id: number; version: number };
      approved: { id: number; version: number };
      claim: { id: number; version: number };
      draftClaim: { id: number; version: number };
      attachment: number;
      delegation: number;
      zhouqiang: number;
      /** lina took over staff01's (盘龙区) partners */
      handover: number;
    };
  };
  /** a QJ partner and its owner (a QJ channel manager), a QJ budget line with money in June 2026 */
  qj: { unit: number; partner: { id: number; version: number }; owner: number; line: number };
  /** company finance (wangfang), to prepare documents inside a probe */
  finance: Caller;
  /** a channel manager assigned to both QJ and KM-WH */
  straddler: { id: number; version: number };
}

const one = <T>(core: TestCore, sql: string, ...params: unknown[]) => core.env.db.$client.prepare(sql).get(...params) as T;

export type CsvRow = Partial<Record<string, string | number>>;

/** A CSV of a kind's rows by column key, headers in English as the kind names them. */
export function kindCsv(kind: string, rows: CsvRow[]): string {
  const cols = BUILT_IN_KINDS.find((k) => k.kind === kind)!.columns;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvText([keys.map((k) => cols.find((c) => c.key === k)!.header.en), ...rows.map((r) => keys.map((k) => r[k] ?? null))]);
}

export async function uploadCsv(w: World, as: Caller, kind: string, rows: CsvRow[]): Promise<string> {
  return upload(w.core, as.token, `${kind}.csv`, Buffer.from(kindCsv(kind, rows), 'utf8'));
}

export async function buildWorld(): Promise<World> {
  const core = await freshCore({ demo: true });
  const ids = demoIds(core);
  const db = core.env.db.$client;
  const admin = await core.as('admin');
  const kmPath = one<{ path: string }>(core, 'SELECT path FROM org_units WHERE id = ?', ids.org('KM')).path;
  const unitRows = db.prepare("SELECT id, code FROM org_units WHERE path LIKE ? || '%'").all(kmPath) as { id: number; code: string }[];
  const units = new Set(unitRows.map((u) => u.id));
  const userRows = db
    .prepare(
      `SELECT u.id, u.username FROM users u JOIN user_org_units a ON a.user_id = u.id
       GROUP BY u.id HAVING sum(a.org_unit_id IN (SELECT value FROM json_each(?))) = count(*)`,
    )
    .all(JSON.stringify([...units])) as { id: number; username: string }[];
  const qj = ids.org('QJ');
  const as = {} as Record<Role, Caller>;
  for (const role of ROLES) {
    await admin('users.create', { username: `qj_${role}`, displayName: `QJ ${role}`, role, orgUnitIds: [qj], password: WALK_PASSWORD });
    as[role] = await core.as(`qj_${role}`, WALK_PASSWORD);
  }
  const straddler = await admin('users.create', { username: 'straddler', displayName: 'QJ+KM', role: 'channel_staff', orgUnitIds: [qj, ids.org('KM-WH')], password: WALK_PASSWORD });

  // budget documents wholly inside KM, made by company finance
  const inKm = `IN (SELECT value FROM json_each('${JSON.stringify([...units])}'))`;
  const plan2026 = one<{ id: number }>(core, 'SELECT id FROM budget_plans WHERE fiscal_year = 2026').id;
  const v2026 = db.prepare('SELECT id FROM budget_versions WHERE plan_id = ? ORDER BY number').pluck().all(plan2026) as number[];
  /** 2026 lines of a branch with money available in June */
  const junLines = (branch: string) =>
    db
      .prepare(
        `SELECT l.id FROM budget_lines l JOIN budget_ledger e ON e.line_id = l.id
         WHERE l.plan_id = ? AND l.branch_id = ? AND e.period = '2026-06'
         GROUP BY l.id HAVING sum(CASE WHEN e.kind IN ('allocation','transfer_in','transfer_out') THEN e.amount ELSE -e.amount END) > 10000
         ORDER BY l.id LIMIT 2`,
      )
      .pluck()
      .all(plan2026, ids.org(branch)) as number[];
  const lines = junLines('KM');
  const wang = await core.as('wangfang');
  const transfer = () => wang('budgetTransfers.create', { from: { lineId: lines[0]!, period: '2026-06' }, to: { lineId: lines[1]!, period: '2026-06' }, amount: 100, reason: 'walk' });
  const draftT = await transfer();
  const toSubmit = await transfer();
  const submittedT = await wang('budgetTransfers.submit', { id: toSubmit.id, version: toSubmit.version, comment: '' });
  const kmRow = { orgUnitId: ids.org('KM-WH'), channelTypeId: ids.channel('TERMINAL'), costTypeId: ids.cost('PROMO'), partnerId: null, amounts: months(1000) };
  const { planId: plan2027 } = await approvedPlan(core, 2027, [kmRow]);
  const draft = await wang('budgetVersions.revise', { planId: plan2027, note: '' });
  const plan2028 = await wang('budgetPlans.create', { fiscalYear: 2028, name: '2028' });
  const v28 = plan2028.versions[0]!;
  const saved = await wang('budgetVersions.saveLines', { versionId: v28.id, version: v28.version, rows: [kmRow] });
  const submitted = await wang('budgetVersions.submit', { id: v28.id, version: saved.version, comment: '' });

  // KM people's own files and jobs, and an import of theirs in the log
  const lina = await core.as('lina');
  const linaFile = (await lina('excel.export', { kind: 'partners' })).fileId;
  const zhang = await core.as('zhangwei');
  const w = { core } as World;
  const zrow = { code: 'PZW0001', name: 'Zhang import', channelType: 'TERMINAL', orgUnit: 'KM-WH', starRating: 3 };
  const committed = await zhang('excel.dryRun', { jobId: 'zhang-commit-1', fileId: await uploadCsv(w, zhang, 'partners', [zrow]), kind: 'partners' });
  await zhang('excel.commit', { jobId: committed.jobId });
  const kept = await zhang('excel.dryRun', { jobId: 'zhang-kept-01', fileId: await uploadCsv(w, zhang, 'partners', [{ ...zrow, code: 'PZW0002' }]), kind: 'partners' });

  const partner = one<{ id: number; version: number; code: string }>(core, `SELECT id, version, code FROM partners WHERE org_unit_id ${inKm} ORDER BY id LIMIT 1`);
  const docs = await kmDocuments(core, ids);
  const qjPath = one<{ path: string }>(core, 'SELECT path FROM org_units WHERE id = ?', qj).path;
  const qjPartner = one<{ id: number; version: number; owner: number }>(
    core,
    "SELECT p.id, p.version, p.owner_user_id AS owner FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE ? || '%' AND p.owner_user_id IS NOT NULL ORDER BY p.id LIMIT 1",
    qjPath,
  );
  const zw = one<{ id: number; version: number }>(core, "SELECT id, version FROM users WHERE username = 'zhangwei'");
  const wh = one<{ id: number; version: number }>(core, "SELECT id, version FROM org_units WHERE code = 'KM-WH'");
  return Object.assign(w, {
    as,
    ids,
    other: { units, codes: new Set(unitRows.map((u) => u.code)), users: new Set(userRows.map((u) => u.id)), usernames: new Set(userRows.map((u) => u.username)) },
    km: {
      partner,
      user: zw,
      unit: wh,
      lines: [lines[0]!, lines[1]!] as [number, number],
      transfers: { draft: draftT, submitted: submittedT },
      plan2026,
      v2026: [v2026[0]!, v2026[1]!] as [number, number],
      draft: { id: draft.id, version: draft.version, line: db.prepare('SELECT line_id FROM budget_version_lines WHERE version_id = ?').pluck().get(draft.id) as number },
      submitted: { id: submitted.id, version: submitted.version },
      linaFile,
      zhangJob: kept.jobId,
      docs,
    },
    qj: { unit: qj, partner: { id: qjPartner.id, version: qjPartner.version }, owner: qjPartner.owner, line: junLines('QJ')[0]! },
    finance: wang,
    straddler: { id: straddler.id, version: straddler.version },
  });
}

/** Cost requests and a claim of zhangwei's in Wuhua (KM), decided by its county manager zhouqiang. */
async function kmDocuments(core: TestCore, ids: ReturnType<typeof demoIds>): Promise<World['km']['docs']> {
  const [zhang, zhou] = [await core.as('zhangwei'), await core.as('zhouqiang')];
  const partner = core.env.db.$client
    .prepare(
      `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%'
       AND p.status = 'cooperating' AND p.active = 1 ORDER BY p.id LIMIT 1`,
    )
    .pluck()
    .get() as number;
  const request = async (title: string) => {
    const d = await zhang('costRequests.create', { partnerId: partner, costTypeId: ids.cost('PROMO'), title, activityStart: '2026-06-20', activityEnd: '2026-06-22', amount: 20_000 });
    return zhang('costRequests.submit', { id: d.id, version: d.version });
  };
  const waiting = await request('walk waiting');
  const toApprove = await request('walk approved');
  await zhou('approvals.act', { docType: 'cost_request', docId: toApprove.id, version: toApprove.version, action: 'approve', confirmWarn: true });
  const approved = await zhang('costRequests.get', { id: toApprove.id });
  const claim = await zhang('claims.create', { requestId: approved.id, title: 'walk claim', lines: [{ invoiceType: 'receipt', amount: 10_000, tax: 0 }] });
  const file = await zhang('files.put', { name: 'proof.pdf', dataBase64: Buffer.from('%PDF-1.4\n% walk\n').toString('base64') });
  const att = await zhang('attachments.add', { docType: 'claim', docId: claim.id, fileId: file.fileId });
  const sub = await zhang('claims.submit', { id: claim.id, version: (await zhang('claims.get', { id: claim.id })).version });
  await zhou('approvals.act', { docType: 'claim', docId: sub.id, version: sub.version, action: 'approve', confirmWarn: true });
  const c = await zhang('claims.get', { id: claim.id });
  const draftClaim = await zhang('claims.create', { requestId: approved.id, title: 'walk draft claim', lines: [{ invoiceType: 'receipt', amount: 1_000, tax: 0 }] });
  const zhouId = core.env.db.$client.prepare("SELECT id FROM users WHERE username = 'zhouqiang'").pluck().get() as number;
  const linaId = core.env.db.$client.prepare("SELECT id FROM users WHERE username = 'lina'").pluck().get() as number;
  const del = await zhou('delegations.create', { toUserId: linaId, startDate: '2026-01-01', endDate: '2026-12-31' });
  const staff01 = core.env.db.$client.prepare("SELECT id FROM users WHERE username = 'staff01'").pluck().get() as number;
  const handover = await (await core.as('lina'))('partners.handover', { fromUserId: staff01, toUserId: linaId, note: 'walk' });
  return {
    waiting: { id: waiting.id, version: waiting.version },
    approved: { id: approved.id, version: (await zhang('costRequests.get', { id: approved.id })).version },
    claim: { id: c.id, version: c.version },
    draftClaim: { id: draftClaim.id, version: draftClaim.version },
    attachment: att.id,
    delegation: del.id,
    zhouqiang: zhouId,
    handover: handover.id,
  };
}
