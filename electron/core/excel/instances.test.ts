import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';
import { configureExcel } from './config';
import { getKind, registerKind } from './kinds';
import { csvText, upload } from './testing';

/**
 * Issue 11 point 2: the Excel exchange's memory (files, jobs, kept dry runs, kinds) belongs to its
 * core. Two cores in one process, on two SQLite files, with the same user ids and the same job
 * ids, see nothing of each other.
 */
let a: TestCore;
let b: TestCore;
let adminA: Caller;
let adminB: Caller;
beforeAll(async () => {
  [a, b] = await Promise.all([freshCore({ demo: true }), freshCore({ demo: true })]);
  [adminA, adminB] = await Promise.all([a.as('admin'), b.as('admin')]);
  expect(adminA.userId).toBe(adminB.userId); // the same user id on both: only the core tells them apart
});
afterAll(() => {
  a?.dispose();
  b?.dispose();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ApiError ? e.code : String(e)));
const csv = () =>
  Buffer.from(csvText([['Code', 'Name', 'Channel type', 'Org unit', 'Star rating'], ['X000001', 'Instance test shop', 'TERMINAL', 'KM-WH', 3]]), 'utf8');

describe('two cores in one process', () => {
  it("do not see each other's files, dry runs or jobs", async () => {
    const fileA = await upload(a, adminA.token, 'partners.csv', csv());
    // the file is A's: B neither lists it for download nor reads it
    expect(await codeOf(adminB('files.saveAs', { fileId: fileA }))).toBe('file_not_found');
    expect(() => b.files.open(adminB.token, fileA)).toThrow(expect.objectContaining({ code: 'file_not_found' }));
    expect(await codeOf(adminB('excel.dryRun', { jobId: 'instance-job-1', fileId: fileA, kind: 'partners' }))).toBe('file_not_found');

    const dry = await adminA('excel.dryRun', { jobId: 'instance-job-1', fileId: fileA, kind: 'partners' });
    expect(dry.counts).toMatchObject({ create: 1, rejected: 0 });
    // A's dry run under instance-job-1 is not B's
    expect(await codeOf(adminB('excel.changes', { jobId: 'instance-job-1' }))).toBe('excel_job_not_found');
    expect(await codeOf(adminB('excel.commit', { jobId: 'instance-job-1' }))).toBe('excel_job_not_found');

    // a cancel sent to B for instance-job-2 is remembered by B alone: A's instance-job-2 runs, B's is refused
    expect(await adminB('excel.cancel', { jobId: 'instance-job-2' })).toEqual({ cancelled: true });
    const fileB = await upload(b, adminB.token, 'partners.csv', csv());
    expect(await codeOf(adminA('excel.dryRun', { jobId: 'instance-job-2', fileId: fileA, kind: 'partners' }))).toBe('ok');
    expect(await codeOf(adminB('excel.dryRun', { jobId: 'instance-job-2', fileId: fileB, kind: 'partners' }))).toBe('excel_cancelled');

    // A commits its own dry run; B's database stays without the partner
    const done = await adminA('excel.commit', { jobId: 'instance-job-2' });
    expect(done.counts.create).toBe(1);
    const count = (c: TestCore) => c.env.db.$client.prepare("SELECT count(*) FROM partners WHERE code = 'X000001'").pluck().get();
    expect([count(a), count(b)]).toEqual([1, 0]);
  });

  it('each has its own registry of kinds', async () => {
    registerKind(b.env, { ...getKind(b.env, 'channelTypes'), kind: 'only_on_b' });
    expect((await adminB('excel.kinds', {})).map((k) => k.kind)).toContain('only_on_b');
    expect((await adminA('excel.kinds', {})).map((k) => k.kind)).not.toContain('only_on_b');
    expect(() => getKind(a.env, 'only_on_b')).toThrow(expect.objectContaining({ code: 'excel_unknown_kind' }));
  });

  it('each has its own limits', async () => {
    const restore = configureExcel(b.env, { maxFileBytes: 100 });
    try {
      const big = Buffer.alloc(500, 0x41);
      expect(await codeOf(upload(b, adminB.token, 'big.csv', big))).toBe('file_too_large');
      expect(await codeOf(upload(a, adminA.token, 'big.csv', big))).toBe('ok');
    } finally {
      restore();
    }
    expect(b.env.excel.limits).toEqual(a.env.excel.limits);
  });
});
