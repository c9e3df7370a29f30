import { describe, expect, it } from 'vitest';
import { headRows } from './sample';
import { decodeEntities, decodeXEscapes } from './markup';

/** The inspect step's reading of a sheet's first rows, with the data path's scanner. */
describe('sheet head', () => {
  const xml = `<worksheet><sheetData>
    <row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>合同&amp;开始</t></is></c><c r="D1" t="s"><v>2</v></c></row>
    <row r="2"/>
    <row r="4"><c r="A4" t="str"><f>B4</f><v>=x</v></c><c r="B4"><v>45352</v></c><c r="C4" t="b"><v>1</v></c><c r="D4"><f>SUM(1)</f></c><c r="E4" t="e"><v>#N/A</v></c></row>
    <row r="5"><c r="A5"><v>1</v>`;
  const sst = `<sst><si><t>编码</t></si><si><t>unused</t></si><si><r><t>名</t></r><r><rPr/><t xml:space="preserve">称 </t></r><rPh sb="0" eb="1"><t>ming</t></rPh></si><si><t>x</t></si></sst>`;

  it('reads strings, numbers, booleans, formulas by cached value, and leaves a cut row out', () => {
    const head = headRows(xml, 10);
    expect(head.maxShared).toBe(2);
    const rows = head.rows(sst);
    expect(rows.map((r) => r.row)).toEqual([1, 4]);
    expect(rows[0]!.cells).toEqual(['编码', null, '合同&开始', '名称 ']);
    expect(rows[1]!.cells).toEqual(['=x', 45352, true, { problem: 'x.formula_no_value' }, { problem: 'x.cell_error' }]);
  });

  it('reads prefixed elements; a shared string beyond the table read so far is unreadable, not empty', () => {
    const rows = headRows('<x:worksheet><x:sheetData><x:row r="1"><x:c r="B1" t="s"><x:v>7</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>', 5).rows(sst);
    expect(rows).toEqual([{ row: 1, cells: [null, { problem: 'x.unreadable' }, '编码'] }]);
  });

  it('decodes XML entities and Excel escapes', () => {
    expect(decodeEntities('a&lt;b&gt;&amp;&quot;&apos;&#20013;&#x6587;')).toBe(`a<b>&"'中文`);
    expect(decodeXEscapes('a_x000D_b_x005F_x0041_')).toBe('a\rb_x0041_');
  });
});
