import type { FastifyInstance } from 'fastify';
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
import { signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import {
  AssignmentsJson,
  ClarificationOneJson,
  ClarificationViewJson,
  ConfirmedJson,
  DecisionOneJson,
  ItemParams,
  ReviewItemJson,
  ReviewRoundJson,
  ReviewRoundsJson,
} from './oit-review-schemas.js';

const tags = ['oit-review'];
const BASE = '/api/v1/review/rounds';

function registerReads(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get(
    BASE,
    {
      ...guarded,
      schema: {
        operationId: 'listReviewRounds',
        summary: 'Rounds assigned to you for OIT review',
        tags,
        response: { 200: ReviewRoundsJson },
      },
    },
    async (request) => ({ rounds: await listMyReviewRounds(ctx, signedIn(request)) }),
  );
  api.get(
    `${BASE}/:id`,
    {
      ...guarded,
      schema: {
        operationId: 'getReviewRound',
        summary: 'A round under review: items, latest decisions, agreement and OIT/total scores',
        tags,
        params: IdParams,
        response: { 200: ReviewRoundJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const overview = await getReviewRound(ctx, signedIn(request), id);
      return { ...overview, scores: await getRoundOitScores(ctx, signedIn(request), id) };
    },
  );
  api.get(
    `${BASE}/:id/items/:item`,
    {
      ...guarded,
      schema: {
        operationId: 'getReviewItem',
        summary: 'One item: links with snapshot facts, files, required elements, decisions',
        tags,
        params: ItemParams,
        response: { 200: ReviewItemJson, 404: ProblemSchema },
      },
    },
    async (request) =>
      getReviewItem(ctx, signedIn(request), request.params.id, request.params.item),
  );
  api.get(
    `${BASE}/:id/clarifications`,
    {
      ...guarded,
      schema: {
        operationId: 'getClarifications',
        summary: 'Failed items with reasons and advice, and the agency answers',
        tags,
        params: IdParams,
        response: { 200: ClarificationViewJson, 404: ProblemSchema },
      },
    },
    async (request) => getClarification(ctx, signedIn(request), request.params.id),
  );
}

function registerChanges(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.post(
    `${BASE}/:id/assignments`,
    {
      ...changing,
      schema: {
        operationId: 'assignAssessor',
        summary: 'Assign a primary or second assessor (parent or system administrators)',
        tags,
        params: IdParams,
        body: AssignSchema,
        response: { 200: AssignmentsJson, 404: ProblemSchema },
      },
    },
    async (request) => ({
      assignments: await assignAssessor(ctx, signedIn(request), request.params.id, request.body),
    }),
  );
  api.post(
    `${BASE}/:id/decisions`,
    {
      ...changing,
      schema: {
        operationId: 'recordReviewDecision',
        summary:
          'Record a decision on an item (score 0 or 100; 0–100 where partial credit is allowed)',
        tags,
        params: IdParams,
        body: DecisionSchema,
        response: { 200: DecisionOneJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => ({
      decision: await recordDecision(ctx, signedIn(request), request.params.id, request.body),
    }),
  );
  api.post(
    `${BASE}/:id/clarifications`,
    {
      ...changing,
      schema: {
        operationId: 'answerClarification',
        summary: 'The agency answers a failed item during clarification',
        tags,
        params: IdParams,
        body: ClarifySchema,
        response: { 200: ClarificationOneJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => ({
      clarification: await answerClarification(
        ctx,
        signedIn(request),
        request.params.id,
        request.body,
      ),
    }),
  );
  api.post(
    `${BASE}/:id/confirm`,
    {
      ...changing,
      schema: {
        operationId: 'confirmReviewRound',
        summary: 'Confirm and lock the round after clarification, storing its score snapshot',
        tags,
        params: IdParams,
        response: { 200: ConfirmedJson, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => ({
      scores: await confirmOitRound(ctx, signedIn(request), request.params.id),
    }),
  );
}

/** JSON API of the OIT review: assigned rounds, items, decisions, clarifications, confirmation. */
export function registerOitReviewApi(app: FastifyInstance, ctx: ServiceContext): void {
  registerReads(app, ctx);
  registerChanges(app, ctx);
}
