import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DiskFileStore } from '../infra/file-store-disk.js';
import { receiveUpload, type ReceivedUpload, type StoreFolder } from '../infra/file-store.js';
import { filesOf, type ServiceContext } from './context.js';

/** Test support: how many files the context's store holds in a folder, whichever store it is. */
export async function countStored(ctx: ServiceContext, folder: StoreFolder): Promise<number> {
  const store = filesOf(ctx);
  if (store instanceof DiskFileStore)
    return (await readdir(join(store.root, folder)).catch(() => [])).length;
  const row = await ctx.db.kysely
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', 'like', `${folder}/%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Test support: a file as a form brings it, streamed into the context's store (or refused). */
export async function received(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
  maxBytes: number,
): Promise<ReceivedUpload> {
  const upload = await receiveUpload(filesOf(ctx), fileName, bytes, maxBytes);
  if (!upload) throw new Error('an empty file is no upload');
  return upload;
}
