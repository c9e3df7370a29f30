/**
 * Minimal reader of an OLE compound file's directory (MS-CFB): just the names of its streams.
 * Enough to tell a password-protected xlsx (streams EncryptionInfo / EncryptedPackage) from an
 * old .xls (stream Workbook or Book) and from any other OLE file (.doc …).
 */
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;

export function cfbNames(buf: Buffer): string[] {
  try {
    return walkDirectory(buf);
  } catch {
    return scanNames(buf);
  }
}

function walkDirectory(buf: Buffer): string[] {
  if (buf.length < 512 || !buf.subarray(0, 8).equals(OLE_MAGIC)) throw new Error('not OLE');
  const sectorSize = 1 << buf.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new Error('bad sector size');
  const sector = (n: number) => {
    const off = (n + 1) * sectorSize;
    if (off + sectorSize > buf.length) throw new Error('sector out of range');
    return buf.subarray(off, off + sectorSize);
  };
  const fatSectors: number[] = [];
  const nFat = buf.readUInt32LE(0x2c);
  for (let i = 0; i < Math.min(nFat, 109); i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  const next = (n: number) => {
    const per = sectorSize / 4;
    const fs = fatSectors[Math.floor(n / per)];
    if (fs === undefined) throw new Error('FAT beyond header DIFAT');
    return sector(fs).readUInt32LE((n % per) * 4);
  };
  const names: string[] = [];
  let s = buf.readUInt32LE(0x30);
  for (let guard = 0; s !== END_OF_CHAIN && guard < 10_000; guard++) {
    const sec = sector(s);
    for (let off = 0; off + 128 <= sec.length; off += 128) {
      const len = sec.readUInt16LE(off + 0x40);
      const type = sec[off + 0x42];
      if (type === 0 || len < 2 || len > 64) continue;
      names.push(sec.toString('utf16le', off, off + len - 2));
    }
    s = next(s);
  }
  return names;
}

/** Fallback for files whose directory we cannot walk: look for the names we care about. */
function scanNames(buf: Buffer): string[] {
  return ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book'].filter((n) => buf.includes(Buffer.from(n, 'utf16le')));
}
