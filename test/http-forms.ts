import http from 'node:http';

/**
 * Test support for tests that talk to real `prongsai serve` processes (or a proxy in front of
 * them) over HTTP, the way a browser fills the forms: the session cookie and the CSRF token of a
 * page, then a form post. `from` picks the client's own address (127.0.0.2, …: every 127/8
 * address reaches a server listening on 127.0.0.1), so a test can be two clients.
 */

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: () => string;
}

export interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The local address the request leaves from (the client address the server sees). */
  from?: string;
}

/** One HTTP request, redirects not followed; resolves with the whole answer. */
export function send(url: string, sent: Sent = {}): Promise<Answer> {
  const { method = 'GET', headers = {}, body, from } = sent;
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        ...(from ? { localAddress: from } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('error', reject);
        response.on('end', () => {
          const all = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: all,
            text: () => all.toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The cookies an answer sets, as a `cookie` request header. */
export function cookiesOf(answer: Answer): string {
  return (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** Opens a form page: its cookies and its CSRF token. */
export async function formToken(
  url: string,
  from?: string,
  cookie = '',
): Promise<{ cookie: string; token: string }> {
  const page = await send(url, { from, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text())?.[1] ?? '';
  return { cookie: [cookie, cookiesOf(page)].filter(Boolean).join('; '), token };
}

/** Posts a URL-encoded form with the given cookies (and other headers). */
export function postForm(
  url: string,
  cookie: string,
  form: Record<string, string>,
  from?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(url, {
    method: 'POST',
    from,
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Posts a multipart form with one file (field `file`) and the given fields, as a browser encodes it. */
export async function postMultipart(
  url: string,
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer },
): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' }),
    file.name,
  );
  // the platform's own encoder gives the body and its boundary
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return send(url, {
    method: 'POST',
    headers: { cookie, 'content-type': encoded.headers.get('content-type') ?? '' },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
}

/** Signs in through the login form; resolves with the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const login = await formToken(`${base}/login`);
  const answer = await postForm(`${base}/login`, login.cookie, {
    _csrf: login.token,
    email,
    password,
  });
  const session = cookiesOf(answer);
  if (answer.status !== 302 || !session.includes('prongsai_session='))
    throw new Error(`signing in as ${email} at ${base} answered ${answer.status}`);
  return session;
}
