import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler tool on a PDF written to a private temporary folder, then removes it. */
async function withPdfFile<T>(pdf: Buffer, work: (path: string, dir: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), 'prongsai-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    await writeFile(path, pdf);
    return await work(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF in reading order (poppler's pdftotext), for tests and indexing. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], {
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  });
}

/** The fonts a PDF uses and whether each is embedded (poppler's pdffonts). */
export function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const name = line.split(/\s+/)[0] ?? '';
        // columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end
        const cells = line.trim().split(/\s+/);
        return { name, embedded: cells[cells.length - 5] === 'yes' };
      });
  });
}

/** One page of a PDF (1-based) as a PNG at the given resolution (poppler's pdftoppm). */
export function pdfPagePng(pdf: Buffer, page = 1, dpi = 100): Promise<Buffer> {
  return withPdfFile(pdf, async (path, dir) => {
    const out = join(dir, 'page');
    const n = String(page);
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', n, '-l', n, '-singlefile', path, out]);
    return readFile(`${out}.png`);
  });
}

/** One page of a PDF as 8-bit grey pixels (0 black … 255 white), row by row. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page of a PDF (1-based) rasterised in grey (poppler's pdftoppm, PGM read here). */
export function pdfPageGray(pdf: Buffer, page = 1, dpi = 100): Promise<GrayImage> {
  return withPdfFile(pdf, async (path, dir) => {
    const out = join(dir, 'page');
    const n = String(page);
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', n, '-l', n, '-singlefile', path, out]);
    const bytes = await readFile(`${out}.pgm`);
    // binary PGM: "P5" width height maxval, each separated by whitespace, then the pixels
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a PGM image');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const start = header[0].length;
    return { width, height, pixels: new Uint8Array(bytes.subarray(start, start + width * height)) };
  });
}
