import type yauzl from 'yauzl';
import type { ExcelLimits } from '../config';
import { fileError } from './errors';
import { entryText, type InflateBudget } from './zip';

/**
 * The start tags of some elements of a zip entry, read as the entry inflates: only the matching
 * tags are kept, never the entry itself (a workbook.xml or [Content_Types].xml can be made as large
 * as the uncompressed-size limit allows). A tag cut between two chunks is completed by the next:
 * each chunk is searched up to its last '<' and the rest carried over (in well-formed XML a tag
 * holds no '<', so every tag that starts before the last '<' also ends before it).
 *
 * `element`: a regular expression source for the local name(s), e.g. 'sheet|workbookPr'; an
 * element prefix (x:sheet) is accepted. More than `maxTags` matching tags is not a workbook we read.
 */
const MAX_CARRY = 64 * 1024;

export async function collectTags(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  limits: ExcelLimits,
  budget: InflateBudget,
  element: string,
  maxTags = 100_000,
): Promise<string[]> {
  const tag = new RegExp(`<(?:\\w+:)?(?:${element})\\b[^>]*>`, 'g');
  const out: string[] = [];
  let carry = '';
  const search = (text: string) => {
    for (const m of text.matchAll(tag)) {
      out.push(m[0]);
      if (out.length > maxTags) throw fileError('excel_corrupt');
    }
  };
  for await (const t of entryText(zip, e, limits, budget)) {
    const buf = carry + t;
    const cut = buf.lastIndexOf('<');
    search(cut >= 0 ? buf.slice(0, cut) : buf);
    carry = cut >= 0 && buf.length - cut <= MAX_CARRY ? buf.slice(cut) : '';
  }
  search(carry);
  return out;
}
