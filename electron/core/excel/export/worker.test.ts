import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgCtx } from '../../context';
import { freshCore, orgCtxOf, type Caller, type TestCore } from '../../testing';
import { producedFiles } from '../testing';
import { getKind, registerKind } from '../kinds';
import type { KindDef } from '../kinds/types';
import { stopWorkers } from '../worker/pool';
import { exportKind } from './exporter';

/**
 * Exports are written by the worker while the core reads and formats the pages: a failure on the
 * core's side stops the worker and leaves no file (and does not hang); the worker is reused for
 * the next export, which is complete and in order.
 */
let core: TestCore;
let admin: Caller;
let ctx: OrgCtx;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  ctx = orgCtxOf(core, admin);
  const partners = getKind(core.env, 'partners');
  // the partners kind whose second page fails, as a database error would
  const failing: KindDef = {
    ...partners,
    kind: 'failing_test_kind',
    async *exportPages(c, req, refs) {
      for await (const page of partners.exportPages(c, req, refs)) {
        yield page.slice(0, 100);
        yield page.slice(100, 200);
        throw new Error('the database went away');
      }
    },
  };
  registerKind(core.env, failing); // on this core only
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const files = () => producedFiles(core.dir);

describe('export through the worker', () => {
  it('stops the worker and removes the file when the core fails mid-export', async () => {
    const before = files();
    await expect(exportKind(ctx, { kind: 'failing_test_kind', includeInactive: false })).rejects.toThrow('the database went away');
    // the stopped worker settles asynchronously; under CI load the removal may trail the rejection
    await expect.poll(files, { timeout: 10_000 }).toEqual(before);
  });

  it('then writes complete exports in the grid order, one after the other on the kept worker', async () => {
    for (let round = 0; round < 2; round++) {
      const ref = await admin('excel.export', { kind: 'partners', locale: 'en', includeInactive: true, query: { sort: [{ colId: 'code', sort: 'desc' }] } });
      const file = core.files.open(admin.token, ref.fileId).path;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const codes: string[] = [];
      ws.eachRow((r, i) => i > 1 && codes.push(String(r.getCell(2).value)));
      expect(codes).toHaveLength(ref.rows);
      expect(codes.length).toBeGreaterThan(250);
      expect(codes).toEqual([...codes].sort().reverse());
      expect(ws.getRow(1).getCell(1).value).toBe('ID');
    }
  });
});
