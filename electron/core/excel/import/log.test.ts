import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, orgCtxOf, type TestCore } from '../../testing';
import { listImports, logImport, previousImports } from './log';

let core: TestCore;
beforeAll(async () => {
  core = await freshCore({ demo: true });
});
afterAll(() => core.dispose());

const counts = { total: 1, create: 1, update: 0, unchanged: 0, rejected: 0 };

describe('the import log', () => {
  it('administrators see the imports of the users they see, others their own', async () => {
    const admin = await core.as('admin');
    const qj = core.env.db.$client.prepare("SELECT id FROM org_units WHERE code = 'QJ'").pluck().get() as number;
    await admin('users.create', { username: 'qjadmin', displayName: 'QJ admin', role: 'admin', orgUnitIds: [qj], password: 'password-qj' });
    const zhang = orgCtxOf(core, await core.as('zhangwei'));
    const id = logImport(zhang, { kind: 'partners', fileName: 'p.csv', sha256: 'abc', sheet: 'csv', mode: 'all_or_nothing', counts });
    const who = async (username: string, password?: string) => orgCtxOf(core, await core.as(username, password));
    const ids = (ctx: ReturnType<typeof orgCtxOf>) => listImports(ctx, undefined, 50).map((e) => e.id);
    expect(ids(await who('admin'))).toEqual([id]);
    expect(ids(zhang)).toEqual([id]);
    // a Qujing administrator does not see a Kunming manager's import, nor does another user
    const qjAdmin = await who('qjadmin', 'password-qj');
    expect(ids(qjAdmin)).toEqual([]);
    expect(previousImports(qjAdmin, 'abc', 'partners')).toEqual([]);
    expect(ids(await who('lina'))).toEqual([]);
    expect(previousImports(await who('admin'), 'abc', 'partners').map((e) => e.id)).toEqual([id]);
  });
});
