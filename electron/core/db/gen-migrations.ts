/**
 * `npm run db:generate [-- <name>]`: incremental migrations (users have data since the first
 * release, so migrations are only ever added, never rewritten).
 *
 * 1. drizzle-kit writes a new migration from the difference between the schema and the last
 *    snapshot (nothing when the schema did not change).
 * 2. Triggers, which drizzle-kit cannot express, live in ./triggers.sql as the complete current
 *    set. When that file differs from what the newest `*_triggers` migration installed, a new
 *    custom migration drops every trigger the earlier ones created and installs the file again.
 *
 * Never hand-edit resources/migrations; edit the schema or triggers.sql and run this.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(root, 'resources', 'migrations');
const kit = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'drizzle-kit.cmd' : 'drizzle-kit');
const run = (...args: string[]) => execFileSync(kit, ['generate', ...args], { cwd: root, stdio: 'inherit' });
const MARK = '-- triggers.sql follows';

type Journal = { entries: { tag: string }[] };
const journal = (): Journal => JSON.parse(readFileSync(join(out, 'meta', '_journal.json'), 'utf8')) as Journal;
const triggerNames = (sqlText: string) => [...sqlText.matchAll(/CREATE TRIGGER\s+(?:IF NOT EXISTS\s+)?(\w+)/gi)].map((m) => m[1]!);

const name = process.argv[2] ?? 'schema';
run('--name', name);

const wanted = readFileSync(join(here, 'triggers.sql'), 'utf8');
const triggerTags = journal().entries.map((e) => e.tag).filter((t) => t.endsWith('_triggers'));
const installed = triggerTags.map((t) => readFileSync(join(out, `${t}.sql`), 'utf8'));
const last = installed.at(-1) ?? '';
const lastBody = last.includes(MARK) ? last.slice(last.indexOf(MARK) + MARK.length + 1) : last;
if (lastBody === wanted) {
  console.log('triggers unchanged');
} else {
  run('--custom', '--name', 'triggers');
  const tag = journal().entries.at(-1)?.tag;
  if (!tag?.endsWith('_triggers')) throw new Error(`expected the triggers migration last, found ${tag}`);
  const old = [...new Set(installed.flatMap(triggerNames))];
  const drops = old.map((n) => `DROP TRIGGER IF EXISTS ${n};\n--> statement-breakpoint\n`).join('');
  writeFileSync(join(out, `${tag}.sql`), `${drops}${MARK}\n${wanted}`);
  console.log(`wrote ${tag}.sql: drops ${old.length} trigger(s), installs electron/core/db/triggers.sql`);
}
