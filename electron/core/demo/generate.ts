import { hashPassword } from '../auth/password';
import type { CoreEnv } from '../context';
import { insertPartnersFrom, one, type PartnerValues } from '../master/partnerWrite';
import { seedDemoBudgets } from './budgets';
import { seedDemoResults } from './results';
import {
  BANKS, BRANCHES, CHANNEL_TYPES, COMPANY, COST_TYPES, DEMO_PASSWORD, DEMO_USERS, GIVEN, SHOP_KINDS, SHOP_WORDS,
  SURNAMES, TOWNSHIP_EN, TOWNSHIP_WORDS,
} from './names';

/** Small deterministic PRNG (mulberry32): the same seed gives the same company every time. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}

export const DEMO_CREATED_AT = '2026-01-05T01:00:00.000Z';

export interface DemoOptions {
  partners?: number;
  seed?: number;
  /** pre-computed hash for every demo user (benchmarks skip scrypt); default: hash demo1234 */
  passwordHash?: string;
  /** sales results for 2025-01…2026-11 (demo/results.ts); default: only for a demo of at most 1,000 partners (benchmarks grow it to 100,000) */
  results?: boolean;
  /** run inside the same transaction, before and after the demo rows (checks, flags) */
  beforeWrite?: () => void;
  afterWrite?: () => void;
}

export interface DemoResult {
  orgUnits: number;
  users: number;
  partners: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes the demo company into an empty, migrated database, in one transaction, with prepared
 * statements (bulk inserts through drizzle's multi-row values() are ~10× slower on this stack).
 */
const DEMO_HASH_PARAMS = { N: 1 << 12, r: 8, p: 1, keylen: 64 };

export async function seedDemo(env: CoreEnv, opts: DemoOptions = {}): Promise<DemoResult> {
  const client = env.db.$client;
  const r = rng(opts.seed ?? 20260105);
  const nPartners = opts.partners ?? 300;
  const staffNames = Array.from({ length: 11 }, (_, i) => `${SURNAMES[(i * 7 + 3) % SURNAMES.length]}${GIVEN[(i * 5 + 2) % GIVEN.length]}`);
  // The demo password is published (README), so its hashes protect nothing: they are made at a
  // lower cost (2^12) to keep the first start fast (20 users × 2^17 would take seconds; the dense
  // demo year spends that time instead), each with its own salt, and replaced at the full cost at
  // that user's first sign-in (auth/password.ts needsRehash).
  const hashes = opts.passwordHash
    ? null
    : await Promise.all(Array.from({ length: DEMO_USERS.length + 11 }, () => hashPassword(DEMO_PASSWORD, DEMO_HASH_PARAMS)));
  const hashFor = (i: number) => opts.passwordHash ?? hashes![i]!;
  const at = DEMO_CREATED_AT;

  const tx = client.transaction(() => {
    opts.beforeWrite?.();
    const insOrg = client.prepare(
      'INSERT INTO org_units (code, name_zh, name_en, kind, parent_id, path, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)',
    );
    const setPath = client.prepare('UPDATE org_units SET path = ? WHERE id = ?');
    const addOrg = (code: string, zh: string, en: string, kind: string, parent: { id: number; path: string } | null) => {
      const id = Number(insOrg.run(code, zh, en, kind, parent?.id ?? null, 'pending', at, at).lastInsertRowid);
      const path = `${parent?.path ?? '/'}${id}/`;
      setPath.run(path, id);
      return { id, path, code };
    };
    const company = addOrg(COMPANY.code, COMPANY.zh, COMPANY.en, 'company', null);
    const byCode = new Map<string, { id: number; path: string }>([[COMPANY.code, company]]);
    const counties: { id: number; path: string; code: string; zh: string; leaves: { id: number; zh: string }[] }[] = [];
    let leafCount = 0;
    BRANCHES.forEach((b, bi) => {
      const branch = addOrg(b.code, b.zh, b.en, 'branch', company);
      byCode.set(b.code, branch);
      b.counties.forEach((c, ci) => {
        const county = addOrg(c.code, c.zh, c.en, 'county', branch);
        byCode.set(c.code, county);
        const n = bi === 0 ? 4 : 3; // 16 + 12 + 12 = 40 township offices / grids
        const leaves: { id: number; zh: string }[] = [];
        for (let k = 0; k < n; k++) {
          const w = (ci * 3 + k) % TOWNSHIP_WORDS.length;
          const isGrid = bi === 0; // city districts are organised in grids, the rest in township offices
          const zh = `${c.zh.replace(/[区市县]$/, '')}${TOWNSHIP_WORDS[w]}${isGrid ? '网格' : '营业部'}`;
          const en = `${c.en.split(' ')[0]} ${TOWNSHIP_EN[w]} ${isGrid ? 'Grid' : 'Office'}`;
          leaves.push({ id: addOrg(`${c.code}-${String(k + 1).padStart(2, '0')}`, zh, en, isGrid ? 'grid' : 'township', county).id, zh });
          leafCount++;
        }
        counties.push({ ...county, zh: c.zh, leaves });
      });
    });

    const insCt = client.prepare('INSERT INTO channel_types (code, name_zh, name_en, created_at, updated_at) VALUES (?,?,?,?,?)');
    const channelIds = CHANNEL_TYPES.map((c) => Number(insCt.run(c.code, c.zh, c.en, at, at).lastInsertRowid));
    const insCost = client.prepare(
      'INSERT INTO cost_types (code, name_zh, name_en, requires_preapproval, receipt_threshold_fen, default_control, default_tolerance_bp, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    for (const [code, zh, en, pre, thr, ctl, tol] of COST_TYPES) insCost.run(code, zh, en, pre ? 1 : 0, thr, ctl, tol, at, at);

    const insUser = client.prepare(
      'INSERT INTO users (username, display_name, role, locale, password_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?)',
    );
    const assign = client.prepare('INSERT INTO user_org_units (user_id, org_unit_id) VALUES (?, ?)');
    const setManager = client.prepare('UPDATE org_units SET manager_user_id = ? WHERE id = ?');
    let ui = 0;
    const userIds = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const id = Number(insUser.run(u.username, u.zh, u.role, 'zh-CN', hashFor(ui++), at, at).lastInsertRowid);
      const unit = u.scope === 'company' ? company : byCode.get(u.scope)!;
      assign.run(id, unit.id);
      userIds.set(u.username, id);
    }
    setManager.run(userIds.get('chenjie')!, company.id);
    setManager.run(userIds.get('lina')!, byCode.get('KM')!.id);
    setManager.run(userIds.get('sunli')!, byCode.get('QJ')!.id);
    setManager.run(userIds.get('heyun')!, byCode.get('DL')!.id);
    // one channel manager per county: zhangwei has Wuhua, generated staff the others
    const countyOwner = new Map<number, number>();
    counties.forEach((c, i) => {
      if (c.code === 'KM-WH') {
        countyOwner.set(c.id, userIds.get('zhangwei')!);
      } else {
        const name = staffNames[i - 1] ?? staffNames[i % staffNames.length]!;
        const username = `staff${String(i).padStart(2, '0')}`;
        const id = Number(insUser.run(username, name, 'channel_staff', 'zh-CN', hashFor(ui++), at, at).lastInsertRowid);
        assign.run(id, c.id);
        countyOwner.set(c.id, id);
      }
      // Wuhua has a county manager of its own (zhouqiang); elsewhere the county's channel manager leads it
      setManager.run(c.code === 'KM-WH' ? userIds.get('zhouqiang')! : countyOwner.get(c.id)!, c.id);
    });

    // through the partner write of the API and the import; seed data: no change-log entries
    const insP = (v: PartnerValues) => insertPartnersFrom(client, at, null, one(v));
    const stars = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5];
    const statuses = ['cooperating', 'cooperating', 'cooperating', 'cooperating', 'cooperating', 'cooperating', 'cooperating', 'suspended', 'prospect', 'terminated'];
    for (let i = 1; i <= nPartners; i++) {
      const county = counties[(i - 1) % counties.length]!;
      const atCounty = r.next() < 0.15;
      const leaf = r.pick(county.leaves);
      const place = atCounty ? county.zh : leaf.zh.replace(/(网格|营业部)$/, '');
      const name = `${place}${r.pick(SHOP_WORDS)}${r.pick(SHOP_KINDS)}${i > 300 ? `${i}` : ''}`;
      const start = new Date(Date.UTC(2023, 0, 1) + r.int(0, 1275) * 86_400_000);
      const end = new Date(start.getTime() + (r.int(1, 3) * 365 - 1) * 86_400_000);
      const phone = `1${r.pick(['33', '35', '38', '39', '58', '87', '89'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
      const account = `62${String(r.int(0, 99_999_999)).padStart(8, '0')}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
      insP({
        code: `P${String(i).padStart(6, '0')}`,
        name,
        channelTypeId: channelIds[r.int(0, channelIds.length - 1)]!,
        orgUnitId: atCounty ? county.id : leaf.id,
        ownerUserId: countyOwner.get(county.id)!,
        starRating: r.pick(stars),
        contractStart: isoDay(start),
        contractEnd: isoDay(end),
        status: r.pick(statuses),
        contactName: `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.next() < 0.5 ? r.pick(GIVEN) : ''}`,
        contactPhone: phone,
        bankName: r.pick(BANKS),
        bankAccount: account,
        active: true,
      });
    }
    seedDemoBudgets(env);
    if (opts.results ?? nPartners <= 1000) seedDemoResults(client);
    opts.afterWrite?.();
    return { orgUnits: 1 + BRANCHES.length + counties.length + leafCount, users: ui, partners: nPartners };
  });
  return tx.immediate();
}
