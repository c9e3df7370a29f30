import type { BackupInfo } from '../../../shared/api/areas/system';
import type { Handlers } from '../context';
import { makeBackup } from './make';
import { restoreInApp } from './restore';
import { backupDir, listBackups, type BackupFile } from './store';

/** The administrators' backup methods (Settings → Backups). */
const info = ({ name, size, createdAt, reason }: BackupFile): BackupInfo => ({ name, size, createdAt, reason });

export const backupHandlers: Handlers<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_i, ctx) => ({ folder: backupDir(ctx.dataDir), backups: listBackups(ctx.dataDir).map(info) }),
  'backups.create': async (_i, ctx) => info(await makeBackup(ctx.db.$client, ctx.dataDir, 'manual', ctx.now())),
  'backups.restore': (i, ctx) => restoreInApp(ctx, i.name),
};
