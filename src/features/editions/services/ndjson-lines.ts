import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { withoutByteOrderMark } from '../../../core/byte-order-mark.js';

const NEWLINE = 0x0a;

/** A run of lines with a byte outside ASCII is halved until it is at most this long. */
const SMALLEST_HALF = 4096;

/**
 * Calls `onLine` with each line of a UTF-8 stream, without its "\n" (the first line without a
 * byte-order mark), until `onLine` returns false. `onBytes` is told how many bytes each chunk
 * brought.
 *
 * The bytes are cut at newlines before they are decoded: a newline byte is never part of a
 * multi-byte character, so each run of whole lines decodes as it would within the whole stream.
 * A run of pure ASCII (every response line of a scoring bundle: only names are in Thai) is
 * decoded as Latin-1, the same characters one byte each, several times faster than UTF-8
 * decoding (and half the memory); a run with other bytes is halved at a line boundary until the
 * lines with Thai are decoded on their own, as UTF-8.
 */
export async function forEachLine(
  stream: Readable,
  onBytes: (n: number) => void,
  onLine: (text: string) => boolean,
): Promise<void> {
  const reader = new LineDecoder(onLine);
  /** The bytes of a line begun in an earlier chunk. */
  let pending: Buffer[] = [];
  for await (const data of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    onBytes(chunk.length);
    let start = 0;
    if (pending.length > 0) {
      const end = chunk.indexOf(NEWLINE);
      if (end === -1) {
        pending.push(chunk);
        continue;
      }
      pending.push(chunk.subarray(0, end + 1));
      const line = Buffer.concat(pending);
      pending = [];
      if (!reader.lines(line, 0, line.length)) return;
      start = end + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= start) {
      if (!reader.lines(chunk, start, last + 1)) return;
      start = last + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    const line = Buffer.concat(pending);
    reader.lines(line, 0, line.length);
  }
}

/** Decodes runs of whole lines (the last run of a stream may lack its newline) and splits them. */
class LineDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  private first = true;

  constructor(private readonly onLine: (text: string) => boolean) {}

  /** The lines in bytes[from, to); false once onLine has asked to stop. */
  lines(bytes: Buffer, from: number, to: number): boolean {
    const run = bytes.subarray(from, to);
    if (isAscii(run)) return this.split(run.toString('latin1'));
    if (to - from > SMALLEST_HALF) {
      const middle = bytes.indexOf(NEWLINE, from + ((to - from) >> 1));
      if (middle !== -1 && middle + 1 < to) {
        return this.lines(bytes, from, middle + 1) && this.lines(bytes, middle + 1, to);
      }
    }
    return this.split(this.utf8.decode(run));
  }

  private split(decoded: string): boolean {
    const text = this.first ? withoutByteOrderMark(decoded) : decoded;
    this.first = false;
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      if (!this.onLine(text.slice(start, end))) return false;
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    return start < text.length ? this.onLine(text.slice(start)) : true;
  }
}
