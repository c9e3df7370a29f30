/**
 * `npm run db:generate`: regenerates the migrations from the whole schema (pre-release policy:
 * one init migration, rewritten each time) and then the custom `triggers` migration from
 * ./triggers.sql, which drizzle-kit cannot generate. Never hand-edit resources/migrations.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(root, 'resources', 'migrations');
const kit = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'drizzle-kit.cmd' : 'drizzle-kit');
const run = (...args: string[]) => execFileSync(kit, ['generate', ...args], { cwd: root, stdio: 'inherit' });

rmSync(out, { recursive: true, force: true });
run('--name', 'init');
run('--custom', '--name', 'triggers');
const journal = JSON.parse(readFileSync(join(out, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const tag = journal.entries.at(-1)?.tag;
if (!tag?.endsWith('_triggers')) throw new Error(`expected the triggers migration last, found ${tag}`);
writeFileSync(join(out, `${tag}.sql`), readFileSync(join(here, 'triggers.sql'), 'utf8'));
console.log(`wrote ${tag}.sql from electron/core/db/triggers.sql`);
