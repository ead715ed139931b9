import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { checkUpload, readStoredFile, saveStoredFile, storedPath } from './file-store.js';

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
    const stored = await saveStoredFile(dir, 'uploads', PDF);
    expect(stored.storedName).toMatch(/^uploads\/[0-9a-f]{32}$/);
    expect(stored.size).toBe(PDF.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(dir, 'uploads'))).toEqual([stored.storedName.slice(8)]);
    expect((await readStoredFile(dir, stored.storedName)).equals(PDF)).toBe(true);
  });

  it('refuses stored names it did not make (no path traversal)', () => {
    expect(() => storedPath(dir, '../etc/passwd')).toThrow();
    expect(() => storedPath(dir, 'uploads/../../x')).toThrow();
  });
});
