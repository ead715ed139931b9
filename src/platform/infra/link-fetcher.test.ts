import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLinkSnapshot, isPrivateAddress, type FetchLimits } from './link-fetcher.js';

const local: FetchLimits = {
  timeoutMs: 2_000,
  maxBytes: 1_000,
  maxRedirects: 3,
  allowPrivate: true,
};

describe('link fetcher', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/doc') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<h1>แผนปฏิบัติการป้องกันการทุจริต</h1>');
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(Buffer.alloc(5_000, 65));
      } else if (req.url?.startsWith('/hop')) {
        const n = Number(req.url.slice(4));
        res.writeHead(302, { location: n > 0 ? `/hop${n - 1}` : '/doc' });
        res.end();
      } else if (req.url === '/to-private') {
        res.writeHead(302, { location: 'http://10.0.0.1/secret' });
        res.end();
      } else if (req.url === '/slow') {
        // never answers
      } else {
        res.writeHead(404);
        res.end('not here');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('classifies private, loopback, link-local and mapped addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ]) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '203.150.1.1', '2001:4860:4860::8888'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('sees through IPv6 spellings and tunnels of private IPv4 addresses', () => {
    for (const a of [
      '::7f00:1', // IPv4-compatible 127.0.0.1
      '::127.0.0.1',
      '::ffff:7f00:1', // mapped, hex form
      '::ffff:0:7f00:1', // translated
      '::FFFF:A9FE:A9FE', // mapped 169.254.169.254, upper case
      '64:ff9b::7f00:1', // NAT64
      '64:ff9b:1::a00:1', // local-use NAT64
      '2002:7f00:1::1', // 6to4
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      'fec0::1', // site-local
      '::', // unspecified
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ['::ffff:8.8.8.8', '::ffff:808:808', '2606:4700:4700::1111'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('refuses a link that carries a user name or password', async () => {
    const withCredentials = await fetchLinkSnapshot('https://user:secret@example.org/doc');
    expect(withCredentials.error).toMatch(/user name or password/);
    expect(withCredentials.body).toBeNull();
  });

  it('refuses private addresses by default, by number and by name', async () => {
    const byNumber = await fetchLinkSnapshot(`${base}/doc`);
    expect(byNumber.error).toMatch(/refused/);
    expect(byNumber.body).toBeNull();
    const byName = await fetchLinkSnapshot(`${base.replace('127.0.0.1', 'localhost')}/doc`);
    expect(byName.error).toMatch(/refused/);
    const metadata = await fetchLinkSnapshot('http://169.254.169.254/latest/meta-data/');
    expect(metadata.error).toMatch(/refused/);
  });

  it('takes a snapshot: status, type, final URL after redirects, sha256 and body', async () => {
    const snap = await fetchLinkSnapshot(`${base}/hop2`, local);
    expect(snap.error).toBeNull();
    expect(snap.status).toBe(200);
    expect(snap.finalUrl).toBe(`${base}/doc`);
    expect(snap.contentType).toContain('text/html');
    expect(snap.body?.toString('utf8')).toContain('แผนปฏิบัติการ');
    expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops at the redirect limit, the size limit and the time limit', async () => {
    expect((await fetchLinkSnapshot(`${base}/hop5`, local)).error).toMatch(/more than 3 redirects/);
    const big = await fetchLinkSnapshot(`${base}/big`, local);
    expect(big.truncated).toBe(true);
    expect(big.body?.length).toBe(1_000);
    const slow = await fetchLinkSnapshot(`${base}/slow`, { ...local, timeoutMs: 300 });
    expect(slow.error).toMatch(/no answer within 300 ms/);
  });

  it('refuses a redirect into a private network even when the first host was allowed', async () => {
    // the first host is allowed by name; its redirect to 10.0.0.1 is not
    const limits = { ...local, allowPrivate: false, allowHosts: ['127.0.0.1'] };
    expect((await fetchLinkSnapshot(`${base}/doc`, limits)).status).toBe(200);
    const snap = await fetchLinkSnapshot(`${base}/to-private`, limits);
    expect(snap.error).toMatch(/refused: 10\.0\.0\.1/);
  });

  it('reports a broken link and refuses other schemes', async () => {
    expect((await fetchLinkSnapshot(`${base}/missing`, local)).status).toBe(404);
    expect((await fetchLinkSnapshot('file:///etc/passwd', local)).error).toMatch(/http/);
    expect((await fetchLinkSnapshot('not a url', local)).error).toMatch(/valid URL/);
  });
});
