import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import { openOitTestContext } from '../services/oit-evidence.test-support.js';
import { createApp } from '../../../app/create-app.js';
import { TestClient } from '../../../app/test-client.js';
import { openFileStore } from '../../../platform/services/file-store.service.js';

/**
 * Test support of the OIT evidence routes: an app with the engine's file store (FILES_DIR in a
 * temp folder on SQLite, the database on PostgreSQL), a local web server.
 */
export interface OitTestApp {
  ctx: ServiceContext;
  app: Awaited<ReturnType<typeof createApp>>;
  client: () => TestClient;
  filesDir: string;
  site: string;
  roundId: string;
  signIn: (email: string) => Promise<TestClient>;
  userId: (email: string) => Promise<string>;
  /** A demo account as the services see it (its grants). */
  actorOf: (email: string) => Promise<Actor>;
  close: () => Promise<void>;
}

/** A local site: /page answers 200, /moved redirects to /page. */
async function startSite(): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((request, response) => {
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/page' }).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<h1>โครงสร้าง</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Builds the app on a seeded demo database, with an agency admin of D02 (other@example.org). */
export async function createOitTestApp(
  dialect: Parameters<typeof openOitTestContext>[0],
): Promise<OitTestApp> {
  const { ctx, roundId, actorOf, dispose } = await openOitTestContext(dialect);
  const filesDir = await mkdtemp(join(tmpdir(), 'prongsai-oit-'));
  ctx.files = openFileStore(ctx.db, { FILES_DIR: filesDir });
  const config = {
    SESSION_TTL_HOURS: 12,
    TRUST_PROXY: false as const,
    SECURE_COOKIES: false,
    LOG_LEVEL: 'silent' as const,
  };
  const app = await createApp({
    ctx,
    config: { ...config, FILES_DIR: filesDir, FETCH_ALLOW_PRIVATE: true },
  });
  const site = await startSite();
  const client = () => new TestClient(app);
  return {
    ctx,
    app,
    client,
    filesDir,
    site: site.url,
    roundId,
    signIn: async (email) => {
      const c = client();
      await c.signIn(email, DEMO_PASSWORD);
      return c;
    },
    userId: async (email) => (await actorOf(email)).user.id,
    actorOf,
    close: async () => {
      site.server.close();
      await app.close();
      await dispose();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** Posts a multipart form with one file, with the client's cookies and CSRF token. */
export async function postUpload(
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer },
) {
  const boundary = `----prongsai${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: client.lastCsrf, ...fields }))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  // the test client keeps its cookies private; this reads them the way its own requests do
  const cookie = (client as unknown as { cookieHeader: () => string }).cookieHeader();
  return client.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
