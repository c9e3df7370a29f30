import type { GridApi } from 'ag-grid-community';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { BudgetVersion } from '@shared/api/areas/budgets';
import { useLeaveGuard } from '../../../app/leaveGuard';
import { DataGrid, type ExportHandler } from '../../../grid';
import { useTranslation } from '../../../i18n';
import { Banner, type Message } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useExcelKinds } from '../../excel/kinds';
import { useExcelExport } from '../../excel/useExcelExport';
import type { BudgetLookups } from '../lookups';
import { budgetErrorText, budgetIssueText } from '../text';
import { AddLineDialog } from './AddLineDialog';
import { columnName, planColumns } from './columns';
import { FillDialog } from './FillDialog';
import { useControlLookup, usePartnerLookup } from './partners';
import { EntryActions } from './EntryActions';
import { FLOOR_ROW_HEIGHT } from './FloorCell';
import { listIssues } from './issues';
import { issueLine, IssuePanel } from './IssuePanel';
import { columnTotals, monthChanges, newRow, pendingCount, TOTALS_ROW_ID, type EditCol, type PlanRow } from './sheet';
import { useEditing } from './useEditing';
import { useIssueNav } from './useIssueNav';
import { useSaveLines } from './useSaveLines';
import { withPartnerColumn } from './layout';
import { usePlanLayout } from './usePlanLayout';
import { useSheet } from './useSheet';

/** the import wizard is loaded when it is opened, not with the grid (the grid's first rows come first) */
const ImportDialog = lazy(() => import('../../excel/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/**
 * The budget entry grid of one version: read-only for an approved or submitted version and for
 * non-finance users; for a draft, a spreadsheet kept in the browser until "Save" (see ./sheet.ts):
 * edit in place, paste blocks from Excel at the focused cell, spread annual amounts, add and
 * remove lines, undo and redo, a pinned totals row. Leaving with unsaved changes asks first.
 *
 * Excel: Export (the toolbar's, as on every grid) writes the version's saved lines in the grid's
 * order and visible columns; Import opens the import wizard for budget lines with this version as
 * target — for finance, enabled while the version is editable and nothing is unsaved (the import
 * writes to the core, then the grid loads again).
 */
export function EntryGrid(p: { version: BudgetVersion; editable: boolean; lk: BudgetLookups; onSaved: () => void; onPending: (n: number) => void }) {
  const { t } = useTranslation();
  const [reloadKey, setReloadKey] = useState(0);
  const { state, dispatch, error } = useSheet(p.version.id, reloadKey);
  const [draftVersion, setDraftVersion] = useState(p.version.version);
  useEffect(() => setDraftVersion(p.version.version), [p.version.id, p.version.version]);
  const [message, setMessage] = useState<Message | null>(null);
  const [dialog, setDialog] = useState<'add' | 'fill' | 'discard' | 'stale' | 'import' | null>(null);
  const [leave, setLeave] = useState<(() => void) | null>(null);
  const [selected, setSelected] = useState<PlanRow | null>(null);
  const api = useRef<GridApi<PlanRow> | null>(null);
  const [apiTick, setApiTick] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);

  const partners = usePartnerLookup(p.editable);
  const controls = useControlLookup();
  const cellLookups = useMemo(
    () => ({ orgUnits: p.lk.scopeUnits, channelTypes: p.lk.channelTypes, costTypes: p.lk.costTypes, partners, controls }),
    [p.lk, partners, controls],
  );
  const rows = state.rows;
  const pending = useMemo(() => pendingCount(rows), [rows]);
  const issues = useMemo(() => listIssues(rows), [rows]);
  const [refusedSave, setRefusedSave] = useState(false);
  const [showFloors, setShowFloors] = useState(false);
  useEffect(() => {
    if (issues.length === 0) setRefusedSave(false);
  }, [issues.length]);
  const live = rows.filter((r) => !r.removed).length;
  const totals = useMemo(() => [{ ...newRow(TOTALS_ROW_ID, {}, t('budgets.grid.totals', { count: live })), amounts: columnTotals(rows) }], [rows, live, t]);
  const { layout, partnerShown, setPartnerShown } = usePlanLayout({ rows, totals: totals[0]!, versionId: p.version.id, lk: p.lk, partners, showFloors, api, apiTick, host });
  const partnerCollapsed = !partnerShown;
  const columns = useMemo(
    () => planColumns({ t, lk: p.lk, partners, controls, showFloors, layout, partnerCollapsed }),
    [t, p.lk, partners, controls, showFloors, layout, partnerCollapsed],
  );
  const current = selected ? (rows.find((r) => r.id === selected.id) ?? null) : null;

  const onPending = useRef(p.onPending);
  onPending.current = p.onPending;
  useEffect(() => onPending.current(pending), [pending]);
  useEffect(() => () => onPending.current(0), []);
  useLeaveGuard(pending > 0, (proceed) => setLeave(() => proceed));

  const { save, busy } = useSaveLines({
    versionId: p.version.id,
    draftVersion,
    state,
    dispatch,
    onMessage: setMessage,
    onSaved: (v) => {
      setDraftVersion(v);
      p.onSaved();
    },
    onStale: () => setDialog('stale'),
    onRefused: () => setRefusedSave(true),
  });
  const nav = useIssueNav(api, issues);
  const edit = useEditing({
    state,
    dispatch,
    lk: cellLookups,
    editable: p.editable,
    partnerCollapsed,
    onPartnerPasted: () => setPartnerShown(true),
    onMessage: setMessage,
    onSave: () => void save(),
  });

  // Excel: the version is the export's and the import's target
  const target = useMemo(() => ({ versionId: p.version.id }), [p.version.id]);
  const exportLines = useExcelExport('budgetLines', target);
  const onExport = useMemo<ExportHandler | undefined>(
    () =>
      exportLines &&
      ((visible, ...rest) => {
        if (pending > 0) setMessage({ kind: 'warn', text: t('budgets.grid.exportUnsaved', { count: pending }) });
        exportLines(withPartnerColumn(visible, partnerCollapsed), ...rest); // a collapsed column is still the file's
      }),
    [exportLines, pending, t, partnerCollapsed],
  );
  const canImport = !!useExcelKinds().data?.find((k) => k.kind === 'budgetLines')?.canImport;
  const openImport = () => (pending > 0 ? setMessage({ kind: 'warn', text: t('budgets.act.saveFirst') }) : setDialog('import'));
  const versionLabel = t('budgets.version.label', { number: p.version.number });

  useEffect(() => {
    const id = focusRow.current;
    const a = api.current;
    if (id === null || !a || a.isDestroyed()) return;
    const node = a.getRowNode(String(id));
    if (node?.rowIndex === null || node?.rowIndex === undefined) return;
    focusRow.current = null;
    a.ensureIndexVisible(node.rowIndex);
    a.setFocusedCell(node.rowIndex, 'm1');
  }, [rows]);

  const lineLabel = (r: PlanRow) =>
    [p.lk.orgUnits.label(r.orgUnitId), p.lk.channelTypes.label(r.channelTypeId), p.lk.costTypes.label(r.costTypeId), r.partnerId === null ? '' : (r.partnerText ?? '')]
      .filter(Boolean)
      .join(' / ') || t('budgets.grid.newRow');
  const lineName = (rowId: number) => {
    const r = rows.find((x) => x.id === rowId);
    return r ? lineLabel(r) : '';
  };
  const colName = (col: EditCol) => columnName(t, col);
  const needRow = (fn: (r: PlanRow) => void) => () => (current && !current.removed ? fn(current) : setMessage({ kind: 'warn', text: t('budgets.grid.selectLine') }));
  const loading = state.total === null && !error;

  const importButton = canImport && (
    <button
      type="button"
      onClick={openImport}
      disabled={!p.editable}
      title={p.editable ? undefined : t('budgets.grid.importLocked')}
      data-testid="import-lines"
    >
      {t('budgets.grid.importExcel')}
    </button>
  );
  const partnerToggle = (
    <button
      type="button"
      aria-pressed={partnerShown}
      className={partnerShown ? 'toggle on' : 'toggle'}
      onClick={() => setPartnerShown(!partnerShown)}
      title={t('budgets.grid.partnerColHint')}
      data-testid="partner-column"
    >
      {t('budgets.grid.partnerCol')}
    </button>
  );
  const actions = (
    <>
      <span className="amount-unit" data-testid="amount-unit">
        {t('budgets.grid.unit')}
      </span>
      {partnerToggle}
      <EntryActions
      editable={p.editable}
      importButton={importButton}
      pending={pending}
      busy={busy}
      canUndo={state.undo.done.length > 0}
      canRedo={state.undo.undone.length > 0}
      removedSelected={!!current?.removed}
      showFloors={showFloors}
      onFill={needRow(() => setDialog('fill'))}
      onRemove={() => (current ? dispatch({ type: 'apply', batch: [{ kind: 'remove', rowId: current.id, removed: !current.removed }] }) : setMessage({ kind: 'warn', text: t('budgets.grid.selectLine') }))}
      onUndo={edit.undo}
      onRedo={edit.redo}
      onDiscard={() => setDialog('discard')}
      onSave={() => void save()}
      onFloors={setShowFloors}
      />
    </>
  );
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'F8' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      nav.step(e.shiftKey ? -1 : 1);
    } else edit.onKeyDown(e);
  };
  const focusedIssue = nav.focused ? issues.find((i) => i.rowId === nav.focused!.rowId && i.col === nav.focused!.col) : undefined;
  // key columns shortened to fit the months (./layout.ts): the focused line's full name, for the keyboard
  const focusedRow = !focusedIssue && nav.focused && Object.keys(layout.clipped).length > 0 ? rows.find((r) => r.id === nav.focused!.rowId) : undefined;

  return (
    <div className="entry-grid" ref={host} onKeyDown={onKeyDown} data-testid="entry-grid" data-pending={pending}>
      <div className="grid-status" data-testid="entry-status">
        <span>{p.editable ? t('budgets.plan.editable') : null}</span>
        {!state.done && state.total !== null && <span>{t('budgets.plan.loadingLines', { loaded: state.loaded, total: state.total })}</span>}
        {pending > 0 && <span className="status submitted" data-testid="pending-count">{t('budgets.grid.pending', { count: pending })}</span>}
        {issues.length > 0 && <span className="status rejected" data-testid="invalid-count">{t('budgets.grid.invalid', { count: issues.length })}</span>}
        {focusedIssue && (
          <span className="focused-issue" role="status" data-testid="focused-issue">
            {issueLine(lineName(focusedIssue.rowId), colName(focusedIssue.col), budgetIssueText(focusedIssue.issue))}
          </span>
        )}
        {focusedRow && (
          <span className="focused-line" data-testid="focused-line">
            {lineLabel(focusedRow)}
          </span>
        )}
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="entry-message" />
      <IssuePanel issues={issues} refusedSave={refusedSave} lineName={lineName} colName={colName} onJump={nav.jump} />
      {error !== null && <Banner message={{ kind: 'error', text: budgetErrorText(error) }} />}
      <DataGrid<PlanRow>
        countNoun="lines"
        gridId="budget-lines"
        columns={columns}
        rows={rows}
        loading={loading}
        readOnly={!p.editable}
        onEdit={p.editable ? edit.onEdit : undefined}
        onPaste={p.editable ? edit.onPaste : undefined}
        pinnedBottomRows={totals}
        enterMovesDown
        fitColumns={false}
        onApi={(a) => {
          api.current = a;
          nav.bind(a);
          setApiTick((n) => n + 1);
        }}
        rowHeight={showFloors ? FLOOR_ROW_HEIGHT : undefined}
        onSelect={setSelected}
        onAdd={p.editable ? () => setDialog('add') : undefined}
        addLabel={t('budgets.grid.addLine')}
        actions={actions}
        onExport={onExport}
      />
      {dialog === 'add' && (
        <AddLineDialog
          lk={p.lk}
          exists={(k) => rows.some((r) => !r.removed && r.orgUnitId === k.orgUnitId && r.channelTypeId === k.channelTypeId && r.costTypeId === k.costTypeId && r.partnerId === k.partnerId)}
          onClose={() => setDialog(null)}
          onAdd={(keys, partnerText) => {
            const row = newRow(state.nextId, keys, partnerText);
            focusRow.current = row.id;
            dispatch({ type: 'apply', batch: [{ kind: 'add', row }], nextId: state.nextId - 1 });
            setDialog(null);
          }}
        />
      )}
      {dialog === 'fill' && current && (
        <FillDialog
          line={lineLabel(current)}
          amounts={current.amounts}
          onClose={() => setDialog(null)}
          onApply={(amounts) => {
            dispatch({ type: 'apply', batch: monthChanges(current, amounts) });
            setDialog(null);
          }}
        />
      )}
      {dialog === 'discard' && (
        <ConfirmDialog
          title={t('budgets.grid.discardTitle')}
          text={t('budgets.grid.discardText', { count: pending })}
          confirmLabel={t('budgets.grid.discard')}
          danger
          onConfirm={async () => {
            dispatch({ type: 'discard' });
            setMessage(null); // the banners of what was discarded go with it
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'import' && (
        <Suspense fallback={null}>
          <ImportDialog
            title={t('budgets.grid.importTitle', { year: p.version.fiscalYear, version: versionLabel })}
            kind="budgetLines"
            target={target}
            note={t('budgets.grid.importNote', { year: p.version.fiscalYear, version: versionLabel, state: t(`budgets.state.${p.version.state}`) })}
            onCommitted={(r) => {
              if (r.counts.create + r.counts.update === 0) return; // nothing written: the grid is as it was
              setMessage({ kind: 'ok', text: t('budgets.grid.imported', { ...r.counts }) });
              setReloadKey((k) => k + 1);
              p.onSaved();
            }}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      {dialog === 'stale' && (
        <ConfirmDialog
          title={t('errors.stale')}
          text={t('budgets.grid.stale')}
          confirmLabel={t('action.reload')}
          danger
          onConfirm={async () => {
            setReloadKey((k) => k + 1);
            p.onSaved();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {leave && (
        <ConfirmDialog
          title={t('budgets.grid.leaveTitle')}
          text={t('budgets.grid.leaveText', { count: pending })}
          confirmLabel={t('budgets.grid.leave')}
          danger
          onConfirm={async () => {
            dispatch({ type: 'discard' });
            leave();
          }}
          onClose={() => setLeave(null)}
        />
      )}
    </div>
  );
}
