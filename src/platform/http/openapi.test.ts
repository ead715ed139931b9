import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, type ApiRoute } from './openapi.js';
import { problemWith, ProblemSchema } from './typed-routes.js';

/** Every `$ref` in a document. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refs(value),
  );
}

// a named schema whose input differs from its output (a default: optional when sent)
const Note = z
  .object({ text: z.string(), pinned: z.boolean().default(false) })
  .meta({ id: 'Note' });

const ROUTES: ApiRoute[] = [
  {
    method: 'POST',
    url: '/api/v1/notes',
    signedIn: true,
    csrf: true,
    schema: {
      operationId: 'createNote',
      body: Note,
      response: { 201: Note, 400: problemWith({ rows: z.array(z.string()).optional() }) },
    },
  },
  {
    method: 'GET',
    url: '/api/v1/notes/:id',
    signedIn: false,
    csrf: false,
    schema: {
      operationId: 'getNote',
      params: z.object({ id: z.string() }),
      response: { 200: Note, 404: ProblemSchema },
    },
  },
];

type Doc = {
  components: { schemas: Record<string, { required?: string[] }> };
  paths: Record<string, Record<string, { responses: Record<string, unknown> } & object>>;
};

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument(ROUTES) as Doc;

  it('keeps named schemas in the components, every reference resolving there', () => {
    const names = Object.keys(doc.components.schemas).sort();
    expect(names).toEqual(['Note', 'NoteInput', 'Problem']);
    // what the server sends always has `pinned`; what a client sends may leave it out
    expect(doc.components.schemas.Note?.required).toEqual(['text', 'pinned']);
    expect(doc.components.schemas.NoteInput?.required).toEqual(['text']);
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(names).toContain(ref.split('/').pop());
    }
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('documents the refusals a route implies, and a problem with more fields as a problem', () => {
    const create = doc.paths['/api/v1/notes']?.post as {
      requestBody: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(create.requestBody.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/NoteInput',
    });
    expect(Object.keys(create.responses).sort()).toEqual(
      ['201', '400', '401', '403', '413', '415', '429', '500'].sort(),
    );
    expect(Object.keys(create.responses['400']?.content ?? {})).toEqual([
      'application/problem+json',
    ]);
    const get = doc.paths['/api/v1/notes/{id}']?.get as {
      responses: Record<string, unknown>;
      security: unknown[];
    };
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '404', '429', '500']);
    expect(get.security).toEqual([]);
  });

  it('refuses two different schemas under one name', () => {
    const Other = z.object({ title: z.string() }).meta({ id: 'Note' });
    const clash: ApiRoute = {
      method: 'GET',
      url: '/api/v1/other',
      signedIn: true,
      csrf: false,
      schema: { operationId: 'getOther', response: { 200: Other } },
    };
    expect(() => buildOpenApiDocument([...ROUTES, clash])).toThrow(/two schemas are named Note/);
  });
});
