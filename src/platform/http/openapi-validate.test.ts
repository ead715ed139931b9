import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, type ApiRoute } from './openapi.js';
import {
  ApiAnswerChecker,
  checkApiAnswers,
  type ApiAnswer,
} from './openapi-validate.test-support.js';
import { ProblemSchema } from './typed-routes.js';

const Thing = z.object({ id: z.string(), count: z.number().int() });

const ROUTES: ApiRoute[] = [
  {
    method: 'GET',
    url: '/api/v1/things',
    signedIn: true,
    csrf: false,
    schema: {
      operationId: 'listThings',
      response: { 200: z.object({ things: z.array(Thing) }) },
    },
  },
  {
    method: 'POST',
    url: '/api/v1/things/:id/open',
    signedIn: true,
    csrf: true,
    schema: {
      operationId: 'openThing',
      params: z.object({ id: z.string() }),
      response: { 201: Thing, 409: ProblemSchema },
    },
  },
  {
    method: 'POST',
    url: '/api/v1/things/new',
    signedIn: true,
    csrf: true,
    schema: { operationId: 'newThing', response: { 201: Thing } },
  },
];

const checker = new ApiAnswerChecker(buildOpenApiDocument(ROUTES));

const answer = (over: Partial<ApiAnswer> & { json?: unknown }): ApiAnswer => ({
  method: 'GET',
  url: '/api/v1/things',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(over.json ?? { things: [{ id: 'a', count: 1 }] }),
  ...over,
});

const problem = { type: 'about:blank', status: 409, title: 'Conflict', title_th: 'ขัดแย้ง' };

describe('ApiAnswerChecker', () => {
  it('accepts an answer the document describes', () => {
    expect(checker.problems(answer({}))).toEqual([]);
    expect(checker.problems(answer({ url: '/api/v1/things?state=open' }))).toEqual([]);
  });

  it('refuses a field the schema does not list, naming it', () => {
    const extra = answer({ json: { things: [{ id: 'a', count: 1, secret: 'x' }] } });
    expect(checker.problems(extra)).toEqual([
      '/things/0 must NOT have additional properties (secret)',
    ]);
  });

  it('refuses a wrong type and a missing field, every one of them', () => {
    const wrong = answer({ json: { things: [{ id: 'a', count: 1.5 }, { count: 2 }] } });
    expect(checker.problems(wrong)).toEqual([
      '/things/0/count must be integer',
      "/things/1 must have required property 'id'",
    ]);
  });

  it('refuses a status or a content type the operation does not document', () => {
    expect(checker.problems(answer({ status: 201 }))[0]).toMatch(
      /^status 201 is not documented \(documented: 200, 401, 429, 500\)$/,
    );
    expect(checker.problems(answer({ contentType: 'text/html' }))[0]).toMatch(
      /^content type text\/html is not documented for status 200/,
    );
  });

  it('reads a problem through its $ref to the Problem component', () => {
    const open = { method: 'POST', url: '/api/v1/things/t1/open', status: 409 };
    const type = 'application/problem+json; charset=utf-8';
    expect(checker.problems(answer({ ...open, contentType: type, json: problem }))).toEqual([]);
    const { title_th: _missing, ...partial } = problem;
    expect(checker.problems(answer({ ...open, contentType: type, json: partial }))).toEqual([
      "the body must have required property 'title_th'",
    ]);
  });

  it('finds a fixed path before a parameter, as the router does', () => {
    expect(checker.operation('POST', '/api/v1/things/new')?.operationId).toBe('newThing');
    expect(checker.operation('POST', '/api/v1/things/x/open')?.operationId).toBe('openThing');
    expect(checker.operation('DELETE', '/api/v1/things')).toBeUndefined();
  });

  it('throws naming the operation, the status and what is wrong', () => {
    const extra = answer({ json: { things: [], total: 0 } });
    expect(() => checker.check(extra)).toThrow(
      /GET \/api\/v1\/things \(listThings\) answered 200 .*does not allow:\n- the body must NOT have additional properties \(total\)/,
    );
    expect(() => checker.check(answer({}))).not.toThrow();
  });
});

describe('checkApiAnswers', () => {
  it("makes an app's inject reject an /api/ answer its document does not allow", async () => {
    const app = Fastify();
    app.decorate('routeTable', ROUTES);
    // a plain route, not serialised through its schema: it can send what it likes
    let things: unknown[] = [{ id: 'a', count: 1 }];
    app.get('/api/v1/things', async () => ({ things }));
    app.get('/other', async () => ({ anything: true }));
    checkApiAnswers(app);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/things' })).statusCode).toBe(200);
      things = [{ id: 'a', count: 1, passwordHash: 'x' }];
      await expect(app.inject({ method: 'GET', url: '/api/v1/things' })).rejects.toThrow(
        /\(listThings\) answered 200.*\n- \/things\/0 must NOT have additional properties \(passwordHash\)/,
      );
      await expect(app.inject('/api/v1/things')).rejects.toThrow(/passwordHash/);
      // only the JSON API is checked
      expect((await app.inject({ method: 'GET', url: '/other' })).json()).toEqual({
        anything: true,
      });
    } finally {
      await app.close();
    }
  });
});
