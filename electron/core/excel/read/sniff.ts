import { open } from 'node:fs/promises';
import { OLE_MAGIC } from './cfb';

/** What a file is, by its first bytes (never by its name). */
export type FileFormat = 'zip' | 'ole' | 'text' | 'binary';

const BINARY_MAGIC = [
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from('GIF8'),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from([0x1f, 0x8b]),
  Buffer.from('Rar!'),
  Buffer.from('7z'),
];

export async function sniff(path: string): Promise<{ format: FileFormat; head: Buffer; size: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await fh.read(head, 0, head.length, 0);
    return { format: classify(head), head, size };
  } finally {
    await fh.close();
  }
}

export function classify(head: Buffer): FileFormat {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05 || head[2] === 0x07)) return 'zip';
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC)) return 'ole';
  if (BINARY_MAGIC.some((m) => head.length >= m.length && head.subarray(0, m.length).equals(m))) return 'binary';
  // UTF-16 text has a BOM and NUL bytes; other text has no NUL bytes
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'text';
  if (head.includes(0)) return 'binary';
  // mostly control characters = binary
  let ctrl = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) ctrl++;
  return ctrl > head.length / 100 ? 'binary' : 'text';
}
