import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXCEL_LIMITS } from '../config';
import { unzipEntries, workDir, writeTmp, xlsx, zip } from '../testing';
import { collectTags } from './tags';
import { openZip, zipEntries } from './zip';
import { checkXlsx } from './zipcheck';

/**
 * Large entries go through the checks as streams: the parts that describe the workbook
 * ([Content_Types].xml, workbook.xml, its rels) and the sheet are never held whole — only the tags
 * and ranges the checks need are kept.
 */
afterEach(() => vi.restoreAllMocks());

/** ~`mb` MB of text that deflate cannot shrink much (so the ratio check lets it through) */
const padding = (mb: number) => `<!-- ${randomBytes(mb * 786_432).toString('base64')} -->`;

describe('streamed zip checks', () => {
  it('finds every tag of an entry, also those cut between inflated chunks', async () => {
    const tags = Array.from({ length: 40_000 }, (_, i) => `<x:sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`);
    const path = writeTmp(workDir(), 'tags.zip', zip([{ name: 'w.xml', data: Buffer.from(`<x:workbook><x:sheets>${tags.join('\n')}</x:sheets></x:workbook>`) }]));
    const z = await openZip(path);
    try {
      const e = (await zipEntries(z)).get('w.xml')!;
      expect(e.uncompressedSize).toBeGreaterThan(4 * 256 * 1024); // several chunks
      expect(await collectTags(z, e, DEFAULT_EXCEL_LIMITS, { used: 0 }, 'sheet')).toEqual(tags);
    } finally {
      z.close();
    }
  });

  it('reads a workbook whose workbook.xml, content types and sheet are tens of MB without concatenating any of them', async () => {
    const entries = await unzipEntries(await xlsx([{ name: '伙伴', rows: [['编码', '名称'], ['P1', '甲'], ['P2', '乙']] }]));
    const grow = (name: string, at: RegExp, mb: number) => {
      const e = entries.find((x) => x.name === name)!;
      const text = e.data.toString('utf8');
      const i = at.exec(text)!.index;
      e.data = Buffer.from(text.slice(0, i) + padding(mb) + text.slice(i));
      return e.data.length;
    };
    const big = grow('xl/workbook.xml', /<sheets>/, 24) + grow('[Content_Types].xml', /<Default/, 8);
    // and a sheet with more merged ranges than are kept, spread over many chunks
    const sheet = entries.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
    const merges = Array.from({ length: 12_000 }, (_, i) => `<mergeCell ref="C${i + 5}:D${i + 5}"/>`).join('');
    sheet.data = Buffer.from(sheet.data.toString('utf8').replace('</worksheet>', `<mergeCells count="12000">${merges}</mergeCells>${padding(8)}</worksheet>`));
    const path = writeTmp(workDir(), 'big.xlsx', zip(entries));

    const concat = vi.spyOn(Buffer, 'concat');
    const check = await checkXlsx(path, undefined, DEFAULT_EXCEL_LIMITS);
    const largest = Math.max(0, ...concat.mock.results.map((r) => (r.value as Buffer).length));
    expect(big).toBeGreaterThan(30 * 1024 * 1024);
    expect(largest).toBeLessThan(1024 * 1024);
    expect(check.sheets).toEqual([{ name: '伙伴', state: 'visible', path: 'xl/worksheets/sheet1.xml' }]);
    expect(check.rows).toBe(3);
    expect(check.merges).toHaveLength(10_000);
    expect(check.merges[0]).toBe('C5:D5');
    expect(check.sample.map((r) => r.cells)).toEqual([['编码', '名称'], ['P1', '甲'], ['P2', '乙']]);
  });
});
