import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Fetches an evidence link the way an assessor would see it, bounded in time, size and
 * redirects, and refusing private, loopback and link-local addresses unless configured (SSRF).
 * The address is checked at connection time, so a name that resolves differently later
 * (DNS rebinding) cannot slip through.
 */

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Let fetches reach private and loopback addresses (tests, intranet-only deployments). */
  allowPrivate: boolean;
  /** Host names allowed even when they are private (e.g. a configured intranet server). */
  allowHosts?: readonly string[];
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
};

export interface LinkSnapshot {
  url: string;
  finalUrl: string;
  status: number | null;
  contentType: string | null;
  sha256: string | null;
  /** The body, up to maxBytes. */
  body: Buffer | null;
  truncated: boolean;
  /** Why nothing usable came back (refused address, timeout, DNS failure, too many redirects). */
  error: string | null;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address (any spelling: `::`, a dotted IPv4 tail, upper case). */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return groups.flatMap((g) => {
    const n = parseInt(g || '0', 16);
    return [n >> 8, n & 0xff];
  });
}

/**
 * The IPv4 address an IPv6 address carries in its last 32 bits when it is only a spelling of
 * an IPv4 one: compatible (::a.b.c.d), mapped (::ffff:a.b.c.d) or translated (::ffff:0:a.b.c.d).
 */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const v4 = bytes.slice(12).join('.');
  if (zeros(0, 12)) return v4;
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4;
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return v4;
  return null;
}

/**
 * Whether an address is private, loopback, link-local, site-local, reserved or multicast, also
 * when an IPv6 address spells an IPv4 one or tunnels to it (NAT64, 6to4, Teredo).
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4 !== null) return v4 === '0.0.0.0' || v4 === '0.0.0.1' || blocked.check(v4, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

class RefusedAddress extends Error {}

/** A DNS lookup that refuses private addresses: used by the socket itself. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const usable = list.filter((a) => allowPrivate || !isPrivateAddress(a.address));
      if (usable.length === 0) {
        return callback(
          new RefusedAddress(`${hostname} resolves to a private or reserved address`),
          '',
          0,
        );
      }
      if ((options as { all?: boolean }).all) return callback(null, usable as never);
      const first = usable[0] as { address: string; family: number };
      return callback(null, first.address, first.family);
    });
  };
}

function emptySnapshot(url: string, error: string): LinkSnapshot {
  return {
    url,
    finalUrl: url,
    status: null,
    contentType: null,
    sha256: null,
    body: null,
    truncated: false,
    error,
  };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  body: Buffer;
  truncated: boolean;
}

function requestOnce(target: URL, limits: FetchLimits, signal: AbortSignal): Promise<Hop> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const allowPrivate = limits.allowPrivate || (limits.allowHosts ?? []).includes(host);
  return new Promise((resolve, reject) => {
    if (isIP(host) && !allowPrivate && isPrivateAddress(host)) {
      reject(new RefusedAddress(`${target.hostname} is a private or reserved address`));
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'GET',
      signal,
      lookup: guardedLookup(allowPrivate),
      headers: { 'user-agent': 'Prongsai-evidence-check/1 (+ITA)', accept: '*/*' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location ?? null,
          contentType: response.headers['content-type'] ?? null,
          body: Buffer.concat(chunks),
          truncated,
        });
      response.on('data', (chunk: Buffer) => {
        if (size + chunk.length > limits.maxBytes) {
          chunks.push(chunk.subarray(0, limits.maxBytes - size));
          size = limits.maxBytes;
          truncated = true;
          response.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', finish);
      response.on('error', reject);
    });
    request.end();
  });
}

/** Fetches a URL within the limits and returns what was seen (never throws for network trouble). */
export async function fetchLinkSnapshot(
  url: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<LinkSnapshot> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return emptySnapshot(url, 'not a valid URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return emptySnapshot(url, 'only http and https links can be checked');
  if (target.username || target.password)
    return emptySnapshot(url, 'refused: a link with a user name or password is not fetched');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hops = 0; ; hops += 1) {
      const hop = await requestOnce(target, limits, signal);
      if (hop.status >= 300 && hop.status < 400 && hop.location) {
        if (hops >= limits.maxRedirects)
          return {
            ...emptySnapshot(url, `more than ${limits.maxRedirects} redirects`),
            finalUrl: target.toString(),
            status: hop.status,
          };
        target = new URL(hop.location, target);
        if (target.protocol !== 'http:' && target.protocol !== 'https:')
          return emptySnapshot(url, 'redirected to a link that is not http or https');
        if (target.username || target.password)
          return emptySnapshot(url, 'refused: redirected to a link with a user name or password');
        continue;
      }
      return {
        url,
        finalUrl: target.toString(),
        status: hop.status,
        contentType: hop.contentType,
        sha256: createHash('sha256').update(hop.body).digest('hex'),
        body: hop.body,
        truncated: hop.truncated,
        error: null,
      };
    }
  } catch (error) {
    if (error instanceof RefusedAddress) return emptySnapshot(url, `refused: ${error.message}`);
    if (signal.aborted) return emptySnapshot(url, `no answer within ${limits.timeoutMs} ms`);
    return emptySnapshot(url, error instanceof Error ? error.message : String(error));
  }
}
