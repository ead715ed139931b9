import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache, pageEtag, preparePage } from './page-cache.js';
import { fingerprintName, pickEncoding } from './static-assets.js';

const page = (key: string, html: string) => preparePage(key, html, 'text/html; charset=utf-8');

describe('the cache of published pages', () => {
  it('renders a page once and answers later requests from memory', async () => {
    const cache = new PageCache(1024 * 1024);
    let renders = 0;
    const render = () => {
      renders += 1;
      return page('a', '<p>ผลการประเมิน</p>');
    };
    const first = await cache.get('a', render);
    const second = await cache.get('a', render);
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(cache.stats()).toMatchObject({ entries: 1, renders: 1, hits: 1 });
  });

  it('lets requests that arrive together wait for one rendering', async () => {
    const cache = new PageCache(1024 * 1024);
    let renders = 0;
    let finish: (html: string) => void = () => undefined;
    const html = new Promise<string>((resolve) => (finish = resolve));
    const render = async () => {
      renders += 1;
      return page('a', await html);
    };
    const waiting = Array.from({ length: 5 }, () => cache.get('a', render));
    finish('<p>x</p>');
    const pages = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  it('keeps no failed rendering: the next request tries again', async () => {
    const cache = new PageCache(1024 * 1024);
    await expect(cache.get('a', () => Promise.reject(new Error('not found')))).rejects.toThrow(
      'not found',
    );
    const ok = await cache.get('a', () => page('a', '<p>ok</p>'));
    expect(ok.identity.toString()).toBe('<p>ok</p>');
    expect(cache.stats()).toMatchObject({ entries: 1, renders: 2 });
  });

  it('forgets the least recently used pages beyond its byte bound', async () => {
    const one = await page('one', 'x'.repeat(3000));
    const size = one.identity.length + one.gzip.length + one.br.length + one.etag.length * 2;
    const cache = new PageCache(size * 2 + 10);
    await cache.get('one', async () => one);
    await cache.get('two', () => page('two', 'y'.repeat(3000)));
    await cache.get('one', async () => one); // used again: 'two' is now the oldest
    await cache.get('three', () => page('three', 'z'.repeat(3000)));
    const stats = cache.stats();
    expect(stats.evictions).toBe(1);
    expect(stats.entries).toBe(2);
    expect(stats.bytes).toBeLessThanOrEqual(size * 2 + 10);
    let rendered = false;
    await cache.get('two', async () => {
      rendered = true;
      return page('two', 'y'.repeat(3000));
    });
    expect(rendered).toBe(true);
  });

  it('believes what it read of a snapshot for a while, then reads it again', async () => {
    let clock = 0;
    const cache = new PageCache(1024, 2000, () => clock);
    let lookups = 0;
    let published: string | null = 'r1@t1';
    const lookup = async () => {
      lookups += 1;
      return published;
    };
    const together = await Promise.all([
      cache.snapshotOf('results|D01|2568', lookup),
      cache.snapshotOf('results|D01|2568', lookup),
    ]);
    expect(together).toEqual(['r1@t1', 'r1@t1']);
    expect(lookups).toBe(1);
    published = null; // withdrawn
    clock = 1999;
    expect(await cache.snapshotOf('results|D01|2568', lookup)).toBe('r1@t1');
    clock = 2001;
    expect(await cache.snapshotOf('results|D01|2568', lookup)).toBeNull();
    expect(lookups).toBe(2);
    await expect(
      cache.snapshotOf('results|D02|2568', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    expect(await cache.snapshotOf('results|D02|2568', lookup)).toBeNull();
    published = 'r1@t2'; // published again in this process: forgotten at once
    cache.forgetSnapshots();
    expect(await cache.snapshotOf('results|D01|2568', lookup)).toBe('r1@t2');
  });

  it('keeps the compressed forms, each decompressing to the page', async () => {
    const html = `<!doctype html><p>${'คะแนนรวม '.repeat(200)}</p>`;
    const kept = await page('k', html);
    expect(gunzipSync(kept.gzip).toString()).toBe(html);
    expect(brotliDecompressSync(kept.br).toString()).toBe(html);
    expect(kept.br.length).toBeLessThan(kept.identity.length / 4);
  });

  it('tags a page by its key and its bytes (strong, quoted)', () => {
    const body = Buffer.from('<p>a</p>');
    expect(pageEtag('results|r1@t1|th', body)).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(pageEtag('results|r1@t1|th', body)).toBe(pageEtag('results|r1@t1|th', body));
    expect(pageEtag('results|r1@t2|th', body)).not.toBe(pageEtag('results|r1@t1|th', body));
    expect(pageEtag('results|r1@t1|th', Buffer.from('<p>b</p>'))).not.toBe(
      pageEtag('results|r1@t1|th', body),
    );
  });
});

describe('content negotiation and fingerprints', () => {
  it('picks br, then gzip, else the plain bytes', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('deflate')).toBe('identity');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });

  it('names a file by the hash of its content', () => {
    const name = fingerprintName('styles.css', Buffer.from('body{}'));
    expect(name).toMatch(/^styles\.[0-9a-f]{8}\.css$/);
    expect(fingerprintName('styles.css', Buffer.from('body{}'))).toBe(name);
    expect(fingerprintName('styles.css', Buffer.from('body{color:red}'))).not.toBe(name);
  });
});
