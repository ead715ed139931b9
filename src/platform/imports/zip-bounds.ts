import { inflateRawSync } from 'node:zlib';

/**
 * Checks a ZIP archive (an .xlsx or .docx file) before any library inflates it: a few kilobytes
 * can inflate to gigabytes (a "zip bomb"), and a workbook reader holds all of it in memory. Each
 * entry is inflated here with a ceiling on its real output — the sizes the archive declares can
 * lie — so at most `maxUncompressedBytes` are ever produced in all.
 */
export interface ZipBounds {
  maxUncompressedBytes: number;
  maxEntries: number;
}

/** One entry, inflated within the bounds. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Why an archive was refused (a sentence for the person who uploaded it, in the caller's words). */
export type ZipRefusal = 'not_zip' | 'too_large' | 'too_many_entries' | 'unsupported';

export class ZipRefused extends Error {
  constructor(readonly reason: ZipRefusal) {
    super(`zip refused: ${reason}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfCentralDirectory(buffer: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65,535 bytes, at the very end
  const earliest = Math.max(0, buffer.length - 22 - 65_535);
  for (let at = buffer.length - 22; at >= earliest; at -= 1)
    if (buffer.readUInt32LE(at) === EOCD) return at;
  throw new ZipRefused('not_zip');
}

/** Every entry of the archive, inflated, in the order of its central directory. */
export function readZipWithin(buffer: Buffer, bounds: ZipBounds): ZipEntry[] {
  if (buffer.length < 22) throw new ZipRefused('not_zip');
  const eocd = endOfCentralDirectory(buffer);
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipRefused('unsupported'); // ZIP64
  if (count > bounds.maxEntries) throw new ZipRefused('too_many_entries');
  let budget = bounds.maxUncompressedBytes;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL)
      throw new ZipRefused('not_zip');
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL)
      throw new ZipRefused('not_zip');
    const start =
      localOffset +
      30 +
      buffer.readUInt16LE(localOffset + 26) +
      buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    if (raw.length !== compressedSize) throw new ZipRefused('not_zip');
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        // one byte over the budget is enough to know it is too much
        data = inflateRawSync(raw, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ZipRefused('too_large');
        throw new ZipRefused('not_zip');
      }
    } else throw new ZipRefused('unsupported');
    if (data.length > budget) throw new ZipRefused('too_large');
    budget -= data.length;
    entries.push({ name, data });
  }
  return entries;
}
