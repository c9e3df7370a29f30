/**
 * A second OS process for the concurrency test: opens the same data folder, signs in, and for
 * every line "docId version" on stdin approves that request at once, answering "ok" or the error
 * code on stdout. Run with `node --import tsx`.
 */
import { createInterface } from 'node:readline';
import { ApiError } from '../../../shared/api/errors';
import { createCore } from '../index';

const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
const core = createCore({ dataDir, log: { info: () => {}, error: () => {} } });
const { token } = await core.call('auth.signIn', { username, password });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const [docId, version] = line.split(' ').map(Number) as [number, number];
  try {
    await core.call('approvals.act', { docType: 'cost_request', docId, version, action: 'approve', confirmWarn: true }, { token });
    process.stdout.write(`${docId} ok\n`);
  } catch (e) {
    process.stdout.write(`${docId} ${e instanceof ApiError ? e.code : 'crash'}\n`);
  }
}
core.close();
