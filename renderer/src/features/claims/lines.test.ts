import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../grid/tsv';
import { blankRow, linesInput, LINE_COLUMNS, pasteBlock, setCell } from './lines';

describe('claim invoice lines', () => {
  it('pastes an Excel block at the type column, adding lines and parsing each column', () => {
    let id = 1;
    const text = '数电票\t\t24532000000012345678\t2026/3/5\t¥1,060.00\t60\t物料\r\n增值税专用发票\t3200231130\t01234567\t2026年3月6日\t2,120.5\t120.5\t促销\r\n';
    const { rows, cells } = pasteBlock([blankRow(id)], parseTsv(text), 0, 'invoiceType', LINE_COLUMNS, () => ++id);
    expect(cells).toBe(14);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ invoiceType: 'e_invoice', invoiceNumber: '24532000000012345678', invoiceDate: '2026-03-05', amount: 106000, tax: 6000, description: '物料' });
    expect(rows[1]).toMatchObject({ invoiceType: 'vat_special', invoiceCode: '3200231130', invoiceDate: '2026-03-06', amount: 212050, tax: 12050 });
    expect(linesInput(rows)).toMatchObject({ bad: 0, missing: 0 });
  });

  it('keeps a bad value as typed with its reason, and blocks the lines', () => {
    const row = setCell(setCell(blankRow(1), 'amount', '12.345'), 'invoiceType', '发票?');
    expect(row.bad.amount).toEqual({ text: '12.345', reason: 'v.money_decimals' });
    expect(row.bad.invoiceType?.reason).toBe('v.choice');
    expect(linesInput([row]).bad).toBe(2);
    const fixed = setCell(setCell(row, 'amount', '12.34'), 'invoiceType', 'receipt');
    expect(fixed.bad).toEqual({});
    expect(linesInput([fixed]).lines[0]).toMatchObject({ amount: 1234, invoiceType: 'receipt' });
  });

  it('drops blank rows and counts lines without an amount', () => {
    const rows = [blankRow(1), setCell(blankRow(2), 'description', 'x')];
    expect(linesInput(rows)).toMatchObject({ missing: 1, bad: 0 });
    expect(linesInput(rows).lines).toHaveLength(1);
  });
});
