import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { INVOICE_TYPES } from '@shared/api/areas/documentTypes';
import { money, date } from '../../format';
import { DataGrid } from '../../grid';
import { rightAligned } from '../../grid/columns/base';
import { issueText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { blankRow, LINE_COLUMNS, linesTotal, pasteBlock, setCell, taxTotal, type LineColumn, type LineRow } from './lines';

/**
 * The invoice lines of a claim in a small spreadsheet: type in place (F2 or just type), or copy
 * a block from Excel and press Ctrl+V on the first cell; a totals row sums amount and tax;
 * duplicate invoices (same code + number on another claim anywhere) are flagged on their line.
 */
export function LinesGrid(p: { rows: LineRow[]; onChange: (rows: LineRow[]) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<LineRow | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const rowsRef = useRef(p.rows);
  rowsRef.current = p.rows;
  const nextId = () => Math.max(0, ...rowsRef.current.map((r) => r.id)) + 1;

  const anyDuplicate = p.rows.some((r) => r.duplicates.length > 0);
  const columns = useMemo((): ColDef<LineRow>[] => {
    const c = (k: string) => t(`docs.claim.${k}`);
    const shown = (col: LineColumn, fmt: (v: unknown) => string) => ({
      valueGetter: (q: { data?: LineRow }) => (q.data ? (q.data.bad[col]?.text ?? q.data[col]) : null),
      valueFormatter: (q: { data?: LineRow; value: unknown }) => (q.data?.bad[col] ? String(q.value) : fmt(q.value)),
      valueParser: (q: { newValue: unknown }) => q.newValue,
      cellClassRules: { 'cell-invalid': (q: { data?: LineRow }) => !!q.data?.bad[col] },
      tooltipValueGetter: (q: { data?: LineRow }) => {
        const b = q.data?.bad[col];
        return b ? issueText({ path: col, reason: b.reason, params: { options: INVOICE_TYPES.map((k) => t(`docs.invoice.${k}`)).join(' / '), max: 2 } }) : undefined;
      },
      sortable: false,
      filter: false,
      editable: (q: { node: { rowPinned?: string | null } }) => !p.readOnly && !q.node.rowPinned,
    });
    const moneyFmt = (v: unknown) => (typeof v === 'number' ? money(v) : '');
    return [
      {
        colId: 'invoiceType',
        headerName: c('invoiceType'),
        width: 112,
        ...shown('invoiceType', (v) => (typeof v === 'string' && v ? t(`docs.invoice.${v}`, { defaultValue: v }) : '')),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...INVOICE_TYPES], formatValue: (v: string) => t(`docs.invoice.${v}`) },
      },
      { colId: 'invoiceCode', headerName: c('invoiceCode'), width: 100, cellClass: 'num', ...shown('invoiceCode', (v) => String(v ?? '')) },
      { colId: 'invoiceNumber', headerName: c('invoiceNumber'), width: 176, cellClass: 'num', ...shown('invoiceNumber', (v) => String(v ?? '')) },
      { colId: 'invoiceDate', headerName: c('invoiceDate'), width: 100, cellClass: 'num', ...shown('invoiceDate', (v) => (typeof v === 'string' ? date(v) : '')) },
      { colId: 'amount', headerName: c('lineAmount'), width: 116, ...rightAligned, ...shown('amount', moneyFmt) },
      { colId: 'tax', headerName: c('tax'), width: 96, ...rightAligned, ...shown('tax', moneyFmt) },
      { colId: 'description', headerName: c('lineDescription'), flex: 1, minWidth: 110, ...shown('description', (v) => String(v ?? '')) },
      {
        colId: 'duplicates',
        headerName: t('docs.flag.duplicateInvoice'),
        width: 170,
        hide: !anyDuplicate,
        editable: false,
        sortable: false,
        filter: false,
        cellRenderer: (q: ICellRendererParams<LineRow>) =>
          q.data && q.data.duplicates.length > 0 ? (
            <span className="flag duplicateInvoice" data-flag="duplicateInvoice">
              {t('docs.claim.duplicateOf', { numbers: q.data.duplicates.map((d) => d.number).join('、') })}
            </span>
          ) : null,
      },
    ];
  }, [t, p.readOnly, anyDuplicate]);

  const totals = [{ ...blankRow(-1), invoiceType: '' as never, invoiceNumber: t('docs.claim.linesTotal', { count: p.rows.length }), amount: linesTotal(p.rows), tax: taxTotal(p.rows) }];

  return (
    <div className="lines-grid" data-testid="claim-lines">
      <Banner message={message} onClose={() => setMessage(null)} testId="lines-message" />
      <DataGrid<LineRow>
        gridId="claim-lines"
        columns={columns}
        rows={p.rows}
        readOnly={p.readOnly}
        fitColumns={false}
        enterMovesDown
        pinnedBottomRows={totals}
        onSelect={setSelected}
        onEdit={(row, colId, value) => p.onChange(p.rows.map((r) => (r.id === row.id ? setCell(r, colId as LineColumn, value) : r)))}
        onPaste={
          p.readOnly
            ? undefined
            : (matrix, at) => {
                if (at.rowPinned) return;
                const order = at.api.getAllDisplayedColumns().map((c) => c.getColId());
                const res = pasteBlock(p.rows, matrix, at.rowIndex, at.colId, order.filter((c) => (LINE_COLUMNS as readonly string[]).includes(c)), nextId);
                p.onChange(res.rows);
                setMessage({ kind: 'ok', text: t('docs.claim.pasted', { count: matrix.length }) });
              }
        }
        onAdd={p.readOnly ? undefined : () => p.onChange([...p.rows, blankRow(nextId())])}
        addLabel={t('docs.claim.addLine')}
        actions={
          !p.readOnly && (
            <button type="button" disabled={!selected || selected.id < 0} onClick={() => selected && p.onChange(p.rows.filter((r) => r.id !== selected.id))} data-testid="remove-line">
              {t('docs.claim.removeLine')}
            </button>
          )
        }
      />
    </div>
  );
}
