import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { checkUpload, readWhole, UploadCheck } from './file-store.js';
import { DiskFileStore } from './file-store-disk.js';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('file store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-files-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('accepts allowed types whose content matches the extension', () => {
    expect(checkUpload('รายงาน.PDF', PDF, 1000)).toBe('application/pdf');
    expect(checkUpload('chart.png', PNG, 1000)).toBe('image/png');
    expect(checkUpload('list.csv', Buffer.from('รหัส,ชื่อ\n1,ก\n'), 1000)).toContain('text/csv');
  });

  it('refuses a wrong extension, a disguised file and an empty one, in Thai and English', () => {
    const exe = refusal(() => checkUpload('tool.exe', Buffer.from('MZ\x90\x00'), 1000));
    expect(exe.code).toBe('upload_type_refused');
    expect(exe.messages.th).toContain('รับเฉพาะไฟล์');
    expect(refusal(() => checkUpload('fake.pdf', PNG, 1000)).code).toBe('upload_type_refused');
    expect(refusal(() => checkUpload('page.html', Buffer.from('<html>'), 1000)).code).toBe(
      'upload_type_refused',
    );
    expect(refusal(() => checkUpload('bin.txt', PNG, 1000)).code).toBe('upload_type_refused');
    expect(refusal(() => checkUpload('empty.pdf', Buffer.alloc(0), 1000)).code).toBe(
      'upload_type_refused',
    );
  });

  it('refuses an oversized file', () => {
    const error = refusal(() =>
      checkUpload('big.pdf', Buffer.concat([PDF, Buffer.alloc(2000)]), 1000),
    );
    expect(error.code).toBe('upload_too_large');
    expect(error.messages.th).toContain('ไฟล์ใหญ่เกินไป');
  });

  it('stores under a random name without the user name or extension, and reads it back', async () => {
    const store = new DiskFileStore(dir);
    const stored = await store.save('uploads', PDF);
    expect(stored.storedName).toMatch(/^uploads\/[0-9a-f]{32}$/);
    expect(stored.size).toBe(PDF.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(dir, 'uploads'))).toEqual([stored.storedName.slice(8)]);
    const opened = await store.open(stored.storedName);
    expect(opened?.size).toBe(PDF.length);
    expect(opened && (await readWhole(opened)).equals(PDF)).toBe(true);
    expect(await store.open('uploads/0123456789abcdef0123456789abcdef')).toBeNull();
  });

  it('refuses stored names it did not make (no path traversal)', () => {
    const store = new DiskFileStore(dir);
    expect(() => store.pathOf('../etc/passwd')).toThrow();
    expect(() => store.pathOf('uploads/../../x')).toThrow();
    // the link checker's names from before the store: still readable
    expect(store.pathOf('snapshots/0f8fad5b-d9cb-469f-a165-70867728950e.bin')).toContain(dir);
  });

  /** The check fed the bytes in pieces of `size`: the content type, or the refusal's code. */
  function checkInPieces(fileName: string, bytes: Buffer, size: number): string {
    try {
      const check = new UploadCheck(fileName);
      for (let at = 0; at < bytes.length; at += size) check.push(bytes.subarray(at, at + size));
      return check.finish();
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  }

  it('checks a file fed piece by piece as it checks it whole', () => {
    const thai = Buffer.from('รหัส,ชื่อหน่วยงาน\n1,กรมตัวอย่าง\n'.repeat(50));
    // a Thai character (3 bytes) cut between pieces of 1, 2 and 7 bytes is still text
    for (const size of [1, 2, 7, 4096]) {
      expect(checkInPieces('list.csv', thai, size)).toContain('text/csv');
      expect(checkInPieces('chart.png', PNG, size)).toBe('image/png');
    }
    // the Office folder's name cut between two pieces is still found
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(100),
      Buffer.from('word/document.xml'),
    ]);
    for (const size of [1, 3, 105, 1000])
      expect(checkInPieces('report.docx', docx, size)).toContain('wordprocessingml');
    expect(checkInPieces('report.xlsx', docx, 3)).toBe('upload_type_refused');
    // a text file that ends inside a character, or holds NUL, is refused
    expect(checkInPieces('cut.txt', thai.subarray(0, thai.length - 2), 5)).toBe(
      'upload_type_refused',
    );
    expect(checkInPieces('nul.txt', Buffer.from('ab\0cd'), 2)).toBe('upload_type_refused');
    // a PNG shorter than its signature is not a PNG
    expect(checkInPieces('short.png', PNG.subarray(0, 4), 1)).toBe('upload_type_refused');
  });

  it('refuses wrong magic bytes on the first piece, before reading the rest', () => {
    const check = new UploadCheck('fake.pdf');
    expect(() => check.push(Buffer.from('<htm'))).toThrow(/Only/);
  });
});
