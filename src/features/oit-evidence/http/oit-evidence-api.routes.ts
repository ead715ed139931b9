import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { submitEvidence } from '../services/oit-evidence-submit.service.js';
import type { EvidenceSettings, ItemEvidence } from '../services/oit-evidence-support.js';
import {
  approveEvidence,
  findWorkspaceItem,
  loadOitWorkspace,
  markEvidenceReady,
  returnEvidence,
  saveItemEvidence,
} from '../services/oit-evidence.service.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import {
  EvidenceBodySchema,
  ItemJson,
  ItemListJson,
  ItemParams,
  ReturnBodySchema,
  SubmittedJson,
} from './oit-evidence-schemas.js';

const BASE = '/api/v1/rounds/:id/oit';
const tags = ['oit'];

/** The JSON of one item's evidence. */
export function itemJson(entry: ItemEvidence): z.infer<typeof ItemJson> {
  return {
    code: entry.item.code,
    name: entry.item.name,
    status: entry.status,
    returnReason: entry.evidence?.returnReason ?? null,
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

/** One item of a round with its evidence, as the actor may see it. */
async function itemOf(ctx: ServiceContext, actor: Actor, params: { id: string; item: string }) {
  return itemJson(findWorkspaceItem(await loadOitWorkspace(ctx, actor, params.id), params.item));
}

/** The status steps of one item: ready (owner or admin), approve and send back (head). */
function registerSteps(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.post(
    `${BASE}/:item/ready`,
    {
      ...changing,
      schema: {
        operationId: 'markOitEvidenceReady',
        summary: 'Mark the item ready for the head of agency',
        tags,
        params: ItemParams,
        response: { 200: ItemJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const { id, item } = request.params;
      await markEvidenceReady(ctx, signedIn(request), { roundId: id, itemCode: item });
      return itemOf(ctx, signedIn(request), request.params);
    },
  );
  api.post(
    `${BASE}/:item/approve`,
    {
      ...changing,
      schema: {
        operationId: 'approveOitEvidence',
        summary: 'Approve the item (head of agency)',
        tags,
        params: ItemParams,
        response: { 200: ItemJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const { id, item } = request.params;
      await approveEvidence(ctx, signedIn(request), { roundId: id, itemCode: item });
      return itemOf(ctx, signedIn(request), request.params);
    },
  );
  api.post(
    `${BASE}/:item/return`,
    {
      ...changing,
      schema: {
        operationId: 'returnOitEvidence',
        summary: 'Send the item back to its owner with a reason (head of agency)',
        tags,
        params: ItemParams,
        body: ReturnBodySchema,
        response: {
          200: ItemJson,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { id, item } = request.params;
      const ref = { roundId: id, itemCode: item };
      await returnEvidence(ctx, signedIn(request), ref, request.body.reason);
      return itemOf(ctx, signedIn(request), request.params);
    },
  );
}

/** The JSON API of OIT evidence (uploads go through the page form). */
export function registerOitEvidenceApi(
  app: FastifyInstance,
  ctx: ServiceContext,
  settings: EvidenceSettings,
): void {
  const api = typed(app);
  api.get(
    BASE,
    {
      ...guarded,
      schema: {
        operationId: 'listOitEvidence',
        summary: 'The OIT items of a round with their evidence',
        tags,
        params: IdParams,
        response: { 200: ItemListJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const workspace = await loadOitWorkspace(ctx, signedIn(request), request.params.id);
      return { items: workspace.items.map(itemJson) };
    },
  );
  api.get(
    `${BASE}/:item`,
    {
      ...guarded,
      schema: {
        operationId: 'getOitEvidence',
        summary: 'One item with its evidence',
        tags,
        params: ItemParams,
        response: { 200: ItemJson, 404: ProblemSchema },
      },
    },
    async (request) => itemOf(ctx, signedIn(request), request.params),
  );
  api.put(
    `${BASE}/:item`,
    {
      ...changing,
      schema: {
        operationId: 'saveOitEvidence',
        summary: 'Save links, explanation, checklist and owner (an edit reopens as draft)',
        tags,
        params: ItemParams,
        body: EvidenceBodySchema,
        response: { 200: ItemJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const { id, item } = request.params;
      const ref = { roundId: id, itemCode: item };
      await saveItemEvidence(ctx, signedIn(request), ref, request.body, null);
      return itemOf(ctx, signedIn(request), request.params);
    },
  );
  registerSteps(app, ctx);
  api.post(
    `${BASE}/submit`,
    {
      ...changing,
      schema: {
        operationId: 'submitOitEvidence',
        summary: 'Submit every approved item; each link is fetched and kept',
        tags,
        params: IdParams,
        response: { 200: SubmittedJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) =>
      submitEvidence(ctx, settings, signedIn(request), {
        roundId: request.params.id,
        itemCode: null,
      }),
  );
}
