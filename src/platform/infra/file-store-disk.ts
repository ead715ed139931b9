import { createReadStream } from 'node:fs';
import { mkdir, open, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  assertStoredName,
  CHUNK_BYTES,
  newStoredName,
  pourContent,
  type FileContent,
  type FileStore,
  type OpenedFile,
  type SavedFile,
  type SaveOptions,
  type StoreFolder,
} from './file-store.js';

const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';

/** Files on disk under one folder (FILES_DIR), outside the web root: `uploads/…`, `snapshots/…`. */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk' as const;
  readonly root: string;

  constructor(filesDir: string) {
    this.root = resolve(filesDir);
  }

  /** The absolute path of a stored name; refuses anything that is not a name this store made. */
  pathOf(storedName: string): string {
    assertStoredName(storedName);
    return join(this.root, storedName);
  }

  async save(
    folder: StoreFolder,
    content: FileContent,
    options: SaveOptions = {},
  ): Promise<SavedFile> {
    const storedName = newStoredName(folder);
    const path = this.pathOf(storedName);
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'wx', 0o640);
    let closed = false;
    try {
      const poured = await pourContent(content, options, async (chunk) => {
        let at = 0;
        while (at < chunk.length) at += (await handle.write(chunk, at)).bytesWritten;
      });
      closed = true;
      await handle.close();
      return { storedName, ...poured };
    } catch (error) {
      if (!closed) await handle.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }

  async open(storedName: string): Promise<OpenedFile | null> {
    const path = this.pathOf(storedName);
    try {
      const { size } = await stat(path);
      return { size, stream: createReadStream(path, { highWaterMark: CHUNK_BYTES }) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(storedName: string): Promise<void> {
    await unlink(this.pathOf(storedName)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async exists(storedName: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(storedName))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
