import { describe, expect, it } from 'vitest';
import { decodeXml, parseSheetHead, resolveShared, sharedStrings } from './sample';

/** The inspect step's own reading of a sheet's first rows (no exceljs pass over the file). */
describe('sheet head', () => {
  const xml = `<worksheet><sheetData>
    <row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>合同&amp;开始</t></is></c><c r="D1" t="s"><v>2</v></c></row>
    <row r="2"/>
    <row r="4"><c r="A4" t="str"><f>B4</f><v>=x</v></c><c r="B4"><v>45352</v></c><c r="C4" t="b"><v>1</v></c><c r="D4"><f>SUM(1)</f></c><c r="E4" t="e"><v>#N/A</v></c></row>
    <row r="5"><c r="A5"><v>1</v>`;
  const sst = `<sst><si><t>编码</t></si><si><t>unused</t></si><si><r><t>名</t></r><r><rPr/><t xml:space="preserve">称 </t></r></si><si><t>x</t></si></sst>`;

  it('reads strings, numbers, booleans, formulas by cached value, and leaves a cut row out', () => {
    const head = parseSheetHead(xml, 10)!;
    expect(head.rows.map((r) => r.row)).toEqual([1, 4]);
    const rows = resolveShared(head, sharedStrings(sst, head.shared.values()))!;
    expect(rows[0]!.cells).toEqual(['编码', null, '合同&开始', '名称 ']);
    expect(rows[1]!.cells).toEqual(['=x', 45352, true, { problem: 'x.formula_no_value' }, { problem: 'x.cell_error' }]);
  });

  it('gives up on what it does not know (prefixed elements, missing shared strings)', () => {
    expect(parseSheetHead('<x:row r="1"><x:c/></x:row>', 5)).toBeNull();
    const head = parseSheetHead('<row r="1"><c r="A1" t="s"><v>7</v></c></row>', 5)!;
    expect(resolveShared(head, sharedStrings(sst, head.shared.values()))).toBeNull();
  });

  it('decodes XML entities', () => {
    expect(decodeXml('a&lt;b&gt;&amp;&quot;&apos;&#20013;&#x6587;')).toBe(`a<b>&"'中文`);
  });
});
