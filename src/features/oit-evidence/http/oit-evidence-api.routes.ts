import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../../platform/services/context.js';
import { submitEvidence } from '../services/oit-evidence-submit.service.js';
import type { EvidenceSettings, ItemEvidence } from '../services/oit-evidence-support.js';
import {
  approveEvidence,
  findWorkspaceItem,
  loadOitWorkspace,
  markEvidenceReady,
  saveItemEvidence,
} from '../services/oit-evidence.service.js';
import { requireActor, requireCsrf } from '../../../platform/http/request-context.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { signedIn } from '../../../platform/http/route-support.js';

const BASE = '/api/v1/rounds/:id/oit';
const paramsOf = (request: FastifyRequest) => request.params as { id: string; item: string };

const EvidenceBodySchema = z
  .object({
    urls: z.array(z.string().max(2000)).max(20).default([]),
    explanation: z.string().max(5000).default(''),
    elements: z
      .record(z.string(), z.object({ done: z.boolean(), where: z.string().max(500).default('') }))
      .default({}),
    ownerUserId: z.string().nullable().optional(),
  })
  .strict();

const ItemJson = z.object({
  code: z.string(),
  name: z.object({ th: z.string(), en: z.string() }),
  status: z.string(),
  ownerUserId: z.string().nullable(),
  explanation: z.string(),
  urls: z.array(z.string()),
  files: z.array(
    z.object({ id: z.string(), name: z.string(), size: z.number(), sha256: z.string() }),
  ),
  snapshots: z.array(
    z.object({
      linkId: z.string(),
      status: z.number().nullable(),
      finalUrl: z.string().nullable(),
      sha256: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

/** The JSON of one item's evidence. */
export function itemJson(entry: ItemEvidence): z.infer<typeof ItemJson> {
  return {
    code: entry.item.code,
    name: entry.item.name,
    status: entry.status,
    ownerUserId: entry.evidence?.ownerUserId ?? null,
    explanation: entry.evidence?.explanation ?? '',
    urls: entry.links.map((l) => l.url),
    files: entry.files.map((f) => ({
      id: f.id,
      name: f.originalName,
      size: f.size,
      sha256: f.sha256,
    })),
    snapshots: entry.snapshots.map((s) => ({
      linkId: s.linkId,
      status: s.status,
      finalUrl: s.finalUrl,
      sha256: s.sha256,
      error: s.error,
    })),
  };
}

function describe(): void {
  const tag = 'oit';
  describeApi({
    method: 'get',
    path: BASE,
    summary: 'The OIT items of a round with their evidence',
    tag,
    response: z.object({ items: z.array(ItemJson) }),
  });
  describeApi({
    method: 'get',
    path: `${BASE}/:item`,
    summary: 'One item with its evidence',
    tag,
    response: ItemJson,
  });
  describeApi({
    method: 'put',
    path: `${BASE}/:item`,
    summary: 'Save links, explanation, checklist and owner (an edit reopens as draft)',
    tag,
    body: EvidenceBodySchema,
    response: ItemJson,
  });
  describeApi({
    method: 'post',
    path: `${BASE}/:item/ready`,
    summary: 'Mark the item ready for the head of agency',
    tag,
    response: ItemJson,
  });
  describeApi({
    method: 'post',
    path: `${BASE}/:item/approve`,
    summary: 'Approve the item (head of agency)',
    tag,
    response: ItemJson,
  });
  describeApi({
    method: 'post',
    path: `${BASE}/submit`,
    summary: 'Submit every approved item; each link is fetched and kept',
    tag,
    response: z.object({ submitted: z.array(z.string()) }),
  });
}

/** The status steps of one item: ready (owner or admin) and approve (head). */
function registerSteps(
  app: FastifyInstance,
  ctx: ServiceContext,
  itemOf: (request: FastifyRequest) => Promise<z.infer<typeof ItemJson>>,
): void {
  const change = { preValidation: [requireActor, requireCsrf] };
  app.post(`${BASE}/:item/ready`, change, async (request) => {
    const { id, item } = paramsOf(request);
    await markEvidenceReady(ctx, signedIn(request), { roundId: id, itemCode: item });
    return itemOf(request);
  });
  app.post(`${BASE}/:item/approve`, change, async (request) => {
    const { id, item } = paramsOf(request);
    await approveEvidence(ctx, signedIn(request), { roundId: id, itemCode: item });
    return itemOf(request);
  });
}

/** The JSON API of OIT evidence (uploads go through the page form). */
export function registerOitEvidenceApi(
  app: FastifyInstance,
  ctx: ServiceContext,
  settings: EvidenceSettings,
): void {
  describe();
  const change = { preValidation: [requireActor, requireCsrf] };
  const itemOf = async (request: FastifyRequest) => {
    const { id, item } = paramsOf(request);
    return itemJson(findWorkspaceItem(await loadOitWorkspace(ctx, signedIn(request), id), item));
  };
  app.get(BASE, { preValidation: requireActor }, async (request) => {
    const workspace = await loadOitWorkspace(ctx, signedIn(request), paramsOf(request).id);
    return { items: workspace.items.map(itemJson) };
  });
  app.get(`${BASE}/:item`, { preValidation: requireActor }, itemOf);
  app.put(`${BASE}/:item`, change, async (request) => {
    const body = EvidenceBodySchema.parse(request.body);
    const { id, item } = paramsOf(request);
    await saveItemEvidence(
      ctx,
      settings,
      signedIn(request),
      { roundId: id, itemCode: item },
      body,
      null,
    );
    return itemOf(request);
  });
  registerSteps(app, ctx, itemOf);
  app.post(`${BASE}/submit`, change, async (request) =>
    submitEvidence(ctx, settings, signedIn(request), {
      roundId: paramsOf(request).id,
      itemCode: null,
    }),
  );
}
