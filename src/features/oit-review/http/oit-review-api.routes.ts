import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  answerClarification,
  ClarifySchema,
  getClarification,
} from '../services/oit-review-clarify.service.js';
import { getReviewItem } from '../services/oit-review-item.service.js';
import { confirmOitRound, getRoundOitScores } from '../services/oit-review-score.service.js';
import {
  AssignSchema,
  assignAssessor,
  DecisionSchema,
  getReviewRound,
  listMyReviewRounds,
  recordDecision,
} from '../services/oit-review.service.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { changing, guarded, idOf } from '../../../platform/http/route-kit.js';

const TAG = 'oit-review';
const BASE = '/api/v1/review/rounds';

type Work = (request: FastifyRequest) => Promise<unknown>;

/** Registers a GET or POST API route whose domain errors become problem+json. */
function route(app: FastifyInstance, method: 'get' | 'post', path: string, work: Work): void {
  const options = method === 'get' ? guarded : changing;
  app[method](path, options, async (request, reply) =>
    work(request).then(
      (result) => reply.send(result),
      (error: unknown) => sendDomainError(request, reply, error),
    ),
  );
}

function registerReads(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'get',
    path: BASE,
    summary: 'Rounds assigned to you for OIT review',
    tag: TAG,
  });
  route(app, 'get', BASE, async (request) => ({
    rounds: await listMyReviewRounds(ctx, signedIn(request)),
  }));
  describeApi({
    method: 'get',
    path: `${BASE}/:id`,
    summary: 'A round under review: items, latest decisions, agreement and OIT/total scores',
    tag: TAG,
  });
  route(app, 'get', `${BASE}/:id`, async (request) => {
    const overview = await getReviewRound(ctx, signedIn(request), idOf(request));
    return { ...overview, scores: await getRoundOitScores(ctx, signedIn(request), idOf(request)) };
  });
  describeApi({
    method: 'get',
    path: `${BASE}/:id/items/:item`,
    summary: 'One item: links with snapshot facts, files, required elements, decisions',
    tag: TAG,
  });
  route(app, 'get', `${BASE}/:id/items/:item`, (request) =>
    getReviewItem(ctx, signedIn(request), idOf(request), (request.params as { item: string }).item),
  );
  describeApi({
    method: 'get',
    path: `${BASE}/:id/clarifications`,
    summary: 'Failed items with reasons and advice, and the agency answers',
    tag: TAG,
  });
  route(app, 'get', `${BASE}/:id/clarifications`, (request) =>
    getClarification(ctx, signedIn(request), idOf(request)),
  );
}

function registerChanges(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'post',
    path: `${BASE}/:id/assignments`,
    summary: 'Assign a primary or second assessor (parent or system administrators)',
    tag: TAG,
    body: AssignSchema,
  });
  route(app, 'post', `${BASE}/:id/assignments`, async (request) => ({
    assignments: await assignAssessor(
      ctx,
      signedIn(request),
      idOf(request),
      AssignSchema.parse(request.body),
    ),
  }));
  describeApi({
    method: 'post',
    path: `${BASE}/:id/decisions`,
    summary: 'Record a decision on an item (score 0 or 100; 0–100 where partial credit is allowed)',
    tag: TAG,
    body: DecisionSchema,
  });
  route(app, 'post', `${BASE}/:id/decisions`, async (request) => ({
    decision: await recordDecision(
      ctx,
      signedIn(request),
      idOf(request),
      DecisionSchema.parse(request.body),
    ),
  }));
  describeApi({
    method: 'post',
    path: `${BASE}/:id/clarifications`,
    summary: 'The agency answers a failed item during clarification',
    tag: TAG,
    body: ClarifySchema,
  });
  route(app, 'post', `${BASE}/:id/clarifications`, async (request) => ({
    clarification: await answerClarification(
      ctx,
      signedIn(request),
      idOf(request),
      ClarifySchema.parse(request.body),
    ),
  }));
  describeApi({
    method: 'post',
    path: `${BASE}/:id/confirm`,
    summary: 'Confirm and lock the round after clarification, storing its score snapshot',
    tag: TAG,
    response: z.object({ scores: z.unknown() }),
  });
  route(app, 'post', `${BASE}/:id/confirm`, async (request) => ({
    scores: await confirmOitRound(ctx, signedIn(request), idOf(request)),
  }));
}

/** JSON API of the OIT review: assigned rounds, items, decisions, clarifications, confirmation. */
export function registerOitReviewApi(app: FastifyInstance, ctx: ServiceContext): void {
  registerReads(app, ctx);
  registerChanges(app, ctx);
}
