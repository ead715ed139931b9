import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine } from './ndjson-lines.js';

/** What the lines must be: the whole input decoded as UTF-8 at once, then split. */
function expected(bytes: Buffer): string[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Feeds the bytes cut into chunks of `size` (the last shorter) and collects the lines. */
async function read(bytes: Buffer, size: number, stopAfter = Infinity) {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const lines: string[] = [];
  let counted = 0;
  await forEachLine(
    Readable.from(chunks),
    (n) => (counted += n),
    (line) => {
      lines.push(line);
      return lines.length < stopAfter;
    },
  );
  return { lines, counted };
}

const ascii = (n: number) => `{"type":"response","agency":"A${n}","answers":{"i1":"${n % 4}"}}`;

describe('forEachLine', () => {
  it('gives the lines of the whole text decoded at once, however the bytes are cut', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 400; i += 1) {
      lines.push(ascii(i));
      if (i % 37 === 0) lines.push(`{"type":"agency","id":"A${i}","name":"กรมทดสอบที่ ${i} 😀"}`);
      if (i % 101 === 0)
        lines.push('', '  \r', '\uFEFF{"inside":"a byte-order mark inside is kept"}');
    }
    const input = Buffer.from('\uFEFF' + lines.join('\r\n') + '\n', 'utf8');
    for (const size of [1, 2, 3, 7, 64, 4095, 5000, 1 << 20]) {
      const { lines: got, counted } = await read(input, size);
      expect(got).toEqual(expected(input));
      expect(counted).toBe(input.length);
    }
    expect((await read(input, 1 << 20)).lines[0]).toBe(ascii(0) + '\r');
  });

  it('decodes invalid UTF-8 and a last line without a newline as a whole-text decode does', async () => {
    const input = Buffer.concat([
      Buffer.from(`${ascii(1)}\n`.repeat(300)),
      Buffer.from([0xe0, 0xb8, 0x0a, 0xff, 0x41, 0xc3, 0x0a]),
      Buffer.from(`${ascii(2)}\nไทย`.repeat(300)),
      Buffer.from([0xe0, 0xb8]),
    ]);
    for (const size of [1, 5, 999, 1 << 20]) {
      expect((await read(input, size)).lines).toEqual(expected(input));
    }
  });

  it('stops reading when told to', async () => {
    const input = Buffer.from(Array.from({ length: 50 }, (_, i) => ascii(i)).join('\n'));
    expect((await read(input, 100, 3)).lines).toEqual([ascii(0), ascii(1), ascii(2)]);
  });

  it('reads a stream of strings too', async () => {
    const lines: string[] = [];
    await forEachLine(
      Readable.from(['\uFEFFa\nหน', 'ึ่ง\n', 'b']),
      () => {},
      (line) => lines.push(line) > 0,
    );
    expect(lines).toEqual(['a', 'หนึ่ง', 'b']);
  });
});
