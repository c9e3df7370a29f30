import { issueTicket } from '../auth/tickets';
import type { KindInfo } from '../../../shared/api/areas/excel';
import type { Handlers } from '../context';
import { fileRef, getFile, putFile } from './files';
import { cancelJob } from './jobs';
import { allKinds } from './kinds';
import { commit } from './import/commit';
import { dryRun, inspect } from './import/engine';
import { listImports } from './import/log';
import { plannedChanges } from './import/preview';
import { allIssues, getDryRun } from './import/store';
import { exportGrid } from './export/grid';
import { exportKind } from './export/exporter';
import { errorReport } from './export/report';
import { buildTemplate } from './export/template';

/**
 * The Excel area's handlers. Permissions: importing (templates, inspect, dry run, commit) needs
 * the role that may write the kind (partners: channel staff or administrators, within their scope;
 * catalogues, org units, users: administrators; budget lines: finance, into a draft or returned
 * version named as the `target`); exporting needs read access and is scoped by the kind's own
 * list. Files belong to their user.
 */
type Methods =
  | 'files.put'
  | 'files.saveAs'
  | 'excel.kinds'
  | 'excel.template'
  | 'excel.inspect'
  | 'excel.dryRun'
  | 'excel.issues'
  | 'excel.changes'
  | 'excel.commit'
  | 'excel.cancel'
  | 'excel.errorReport'
  | 'excel.export'
  | 'excel.exportGrid'
  | 'excel.imports';

export const excelHandlers: Handlers<Methods> = {
  'files.put': async (i, ctx) => fileRef(await putFile(ctx, ctx.user.id, i.name, Buffer.from(i.dataBase64, 'base64'))),
  'files.saveAs': (i, ctx) => {
    getFile(ctx, ctx.user.id, i.fileId);
    const { ticket } = issueTicket(ctx, 'download', i.fileId);
    return { saved: false, downloadUrl: `/api/download/${i.fileId}?ticket=${ticket}` };
  },
  'excel.kinds': (_i, ctx) =>
    allKinds(ctx).map(
      (k): KindInfo => ({
        kind: k.kind,
        label: k.label,
        columns: k.columns.map((c) => ({ key: c.key, header: c.header, type: c.type, required: !!c.required, importable: c.importable !== false })),
        canImport: k.writeRoles.includes(ctx.user.role),
        canExport: !k.readRoles || k.readRoles.includes(ctx.user.role),
        needsTarget: !!k.target,
      }),
    ),
  'excel.template': (i, ctx) => buildTemplate(ctx, i.kind, i.locale, i.target),
  'excel.inspect': (i, ctx) => inspect(ctx, i),
  'excel.dryRun': (i, ctx) => dryRun(ctx, i),
  'excel.issues': (i, ctx) => {
    const all = allIssues(getDryRun(ctx, i.jobId));
    return { rows: all.slice(i.offset, i.offset + i.limit), total: all.length };
  },
  'excel.changes': (i, ctx) => plannedChanges(ctx, getDryRun(ctx, i.jobId), i.op, i.offset, i.limit),
  'excel.commit': (i, ctx) => commit(ctx, i),
  'excel.cancel': (i, ctx) => ({ cancelled: cancelJob(ctx, i.jobId) }),
  'excel.errorReport': (i, ctx) => errorReport(ctx, i.jobId, i.locale),
  'excel.export': (i, ctx) => exportKind(ctx, { ...i, query: i.query as Record<string, unknown> | undefined }),
  'excel.exportGrid': (i, ctx) => exportGrid(ctx, i),
  'excel.imports': (i, ctx) => listImports(ctx, i.kind, i.limit),
};
