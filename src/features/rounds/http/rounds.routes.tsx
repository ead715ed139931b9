import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type Message } from '../../../core/errors.js';
import {
  mayMoveRound,
  needsConfirmationPage,
  nextRoundStates,
  type RoundState,
} from '../core/round-state.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { listBundledEditions } from '../../editions/feature.js';
import { getRoundProgress } from '../services/round-progress.service.js';
import type { FeatureOptions } from '../../kit.js';
import {
  getVisibleRound,
  listRoundWithdrawals,
  listVisibleRounds,
  moveRound,
  openRounds,
  OpenRoundsSchema,
  type Round,
} from '../services/round.service.js';
import { listAllowedAgencies } from '../../users/feature.js';
import { pageOf } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { RoundDetailPage } from './views/round-detail.js';
import { RoundListPage } from './views/round-list.js';
import { OpenRoundsPage, OpenRoundsResultPage } from './views/round-open.js';
import { fieldErrorOf } from '../../../platform/http/views/user-problem.js';
import { domainStatus, signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded, submitForm } from '../../../platform/http/route-kit.js';
import { MoveConfirmPage } from './views/round-move-confirm.js';
import type { Actor } from '../../../platform/services/context.js';
import {
  IdParams,
  ProblemSchema,
  typed,
  type TypedApp,
} from '../../../platform/http/typed-routes.js';
import {
  ConfirmMoveForm,
  DoneQuery,
  MoveForm,
  MoveParams,
  MoveSchema,
  OpenRoundsForm,
  OpenRoundsResultJson,
  RoundJson,
  StateQuerySchema,
} from './rounds-schemas.js';

const MOVED: Message = m('เปลี่ยนสถานะแล้ว', 'The state was changed');

/**
 * Moves a round, then this process forgets which snapshot each published page shows: a
 * publication or a withdrawal is on the public pages at once here (other processes recheck
 * within SNAPSHOT_RECHECK_MS).
 */
async function moveRoundHere(api: TypedApp, ...move: Parameters<typeof moveRound>) {
  const round = await moveRound(...move);
  api.publishedPages.forgetSnapshots();
  return round;
}

function registerRoundList(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/rounds',
    { ...guarded, schema: { querystring: StateQuerySchema } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { state } = request.query;
      const rounds = await listVisibleRounds(ctx, actor, { state });
      const canOpen = (await listAllowedAgencies(ctx, actor, 'round.open')).length > 0;
      const page = (
        <RoundListPage page={pageOf(request)} rounds={rounds} state={state} canOpen={canOpen} />
      );
      return sendPage(reply, page);
    },
  );
}

function registerRoundOpening(api: TypedApp, ctx: ServiceContext): void {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Partial<Record<string, string>>,
    status: number,
  ) {
    const agencies = await listAllowedAgencies(ctx, signedIn(request), 'round.open');
    const shown =
      agencies.length === 0 && status === 200
        ? { form: m('คุณไม่มีสิทธิ์เปิดรอบการประเมิน', 'You may not open assessment rounds') }
        : errors;
    const page = (
      <OpenRoundsPage
        page={pageOf(request)}
        agencies={agencies}
        editions={listBundledEditions()}
        errors={shown}
        values={values}
      />
    );
    return sendPage(reply, page, status);
  }

  api.get('/rounds/open', guarded, (request, reply) => renderForm(request, reply, {}, {}, 200));

  // Not submitForm: the rounds opened are shown at once (no redirect), and a refusal keeps its
  // status on the form (403 for a parent body out of reach, beside its field).
  api.post(
    '/rounds/open',
    { ...changing, schema: { body: OpenRoundsForm } },
    async (request, reply) => {
      const values = request.body;
      const parsed = OpenRoundsSchema.safeParse({
        parentAgencyId: values.parentAgencyId ?? '',
        editionCode: values.editionCode ?? '',
        includeParent: values.includeParent === '1',
      });
      if (!parsed.success)
        return renderForm(request, reply, toFieldErrors(parsed.error.issues), values, 400);
      try {
        const result = await openRounds(ctx, signedIn(request), parsed.data);
        return sendPage(reply, <OpenRoundsResultPage page={pageOf(request)} result={result} />);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return renderForm(request, reply, fieldErrorOf(error), values, domainStatus(error));
      }
    },
  );
}

/** The next states of a round that this person may move it to (each by its own table row). */
function movesFor(actor: Actor, round: Round): RoundState[] {
  return nextRoundStates(round.state).filter((to) =>
    mayMoveRound(actor.grants, round.agencyPath, round.state, to),
  );
}

/**
 * A withdrawn round shows when, by whom and why (read from the audit log, which has no index on
 * rounds: other rounds do not look; a reopened round's history stays in the log).
 */
async function withdrawalsShown(ctx: ServiceContext, actor: Actor, round: Round) {
  return round.state === 'withdrawn' ? listRoundWithdrawals(ctx, actor, round) : [];
}

function registerRoundDetail(api: TypedApp, { ctx, registry }: FeatureOptions): void {
  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    form: { errors: FieldErrors; done?: string | undefined },
    status = 200,
  ) {
    const actor = signedIn(request);
    const { round, steps, opens } = await getRoundProgress(
      ctx,
      actor,
      roundId,
      registry.countRoundFacts,
    );
    const moved = form.done === 'moved' && status === 200;
    const page = (
      <RoundDetailPage
        page={pageOf(request)}
        round={round}
        steps={steps}
        opens={opens}
        nextStates={movesFor(actor, round)}
        withdrawals={await withdrawalsShown(ctx, actor, round)}
        errors={form.errors}
        notice={moved ? MOVED : null}
      />
    );
    return sendPage(reply, page, status);
  }

  api.get(
    '/rounds/:id',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      renderDetail(request, reply, request.params.id, { errors: {}, done: request.query.done }),
  );

  // Not submitForm: a refusal keeps its status on the page (409 moved meanwhile, 403 not allowed).
  // A bare post moves nothing: every move is made on its confirmation page (400 with the reason).
  api.post(
    '/rounds/:id/state',
    { ...changing, schema: { params: IdParams, body: MoveForm } },
    async (request, reply) => {
      const { id } = request.params;
      const parsed = MoveSchema.safeParse(request.body);
      if (!parsed.success)
        return renderDetail(
          request,
          reply,
          id,
          { errors: toFieldErrors(parsed.error.issues) },
          400,
        );
      try {
        await moveRoundHere(api, ctx, signedIn(request), id, parsed.data.to, { oneClick: true });
        return reply.redirect(`/rounds/${id}?done=moved`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
        return renderDetail(
          request,
          reply,
          id,
          { errors: fieldErrorOf(error) },
          domainStatus(error),
        );
      }
    },
  );
}

const NO_SUCH_CONFIRMATION: Message = m(
  'รอบนี้เปลี่ยนไปสถานะนี้จากสถานะปัจจุบันไม่ได้: ดูขั้นตอนในหน้ารอบการประเมิน',
  "This round cannot move to this state from where it stands: see the stages on the round's page",
);

/**
 * The confirmation page of every move: GET says what will happen and what cannot be undone,
 * POST (with the session's CSRF token, and the reason where one is needed) does it. Confirming
 * has its page on the OIT review, which stores the scores. Only who may make the move sees the
 * page; a move no longer possible (the round moved meanwhile) leads back to the round's page.
 */
function registerMoveConfirmation(api: TypedApp, ctx: ServiceContext): void {
  async function renderConfirm(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { id: string; to: RoundState },
    form: { errors: FieldErrors; reason?: string | undefined },
    status = 200,
  ) {
    const actor = signedIn(request);
    const round = await getVisibleRound(ctx, actor, params.id);
    const { to } = params;
    if (to === 'confirmed') return reply.redirect(`/review/rounds/${round.id}/confirm`);
    if (!needsConfirmationPage(round.state, to)) return reply.redirect(`/rounds/${round.id}`);
    if (!mayMoveRound(actor.grants, round.agencyPath, round.state, to))
      throw new DomainError('forbidden', {
        th: 'คุณไม่มีสิทธิ์เปลี่ยนสถานะรอบการประเมินนี้',
        en: 'You may not change the state of this round',
      });
    const page = (
      <MoveConfirmPage
        page={pageOf(request)}
        round={round}
        to={to}
        action={`/rounds/${round.id}/state/${to}`}
        errors={form.errors}
        values={{ reason: form.reason }}
      />
    );
    return sendPage(reply, page, status);
  }

  api.get(
    '/rounds/:id/state/:to',
    { ...guarded, schema: { params: MoveParams } },
    (request, reply) => renderConfirm(request, reply, request.params, { errors: {} }),
  );

  api.post(
    '/rounds/:id/state/:to',
    { ...changing, schema: { params: MoveParams, body: ConfirmMoveForm } },
    async (request, reply) => {
      const { id, to } = request.params;
      const { reason } = request.body;
      if (to === 'confirmed') throw new DomainError('needs_confirmation', NO_SUCH_CONFIRMATION);
      return submitForm(
        request,
        reply,
        async () => {
          const round = await getVisibleRound(ctx, signedIn(request), id);
          if (!needsConfirmationPage(round.state, to))
            throw new DomainError('needs_confirmation', NO_SUCH_CONFIRMATION);
          await moveRoundHere(api, ctx, signedIn(request), id, to, { reason });
          return `/rounds/${id}?done=moved`;
        },
        (errors) => renderConfirm(request, reply, request.params, { errors, reason }, 400),
      );
    },
  );
}

const tags = ['rounds'];

function registerRoundApi(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/api/v1/rounds',
    {
      ...guarded,
      schema: {
        operationId: 'listRounds',
        summary: 'Assessment rounds you may see, optionally in one state',
        tags,
        querystring: StateQuerySchema,
        response: { 200: z.object({ rounds: z.array(RoundJson) }) },
      },
    },
    async (request) => {
      const { state } = request.query;
      return { rounds: await listVisibleRounds(ctx, signedIn(request), { state }) };
    },
  );

  api.post(
    '/api/v1/rounds/open',
    {
      ...changing,
      schema: {
        operationId: 'openRounds',
        summary: 'Open rounds on a bundled edition for every unit below a parent body',
        tags,
        body: OpenRoundsSchema,
        response: { 200: OpenRoundsResultJson, 409: ProblemSchema },
      },
    },
    async (request) => openRounds(ctx, signedIn(request), request.body),
  );
}

function registerRoundStateApi(api: TypedApp, ctx: ServiceContext): void {
  api.post(
    '/api/v1/rounds/:id/state',
    {
      ...changing,
      schema: {
        operationId: 'moveRound',
        summary:
          'Move a round to another state (allowed moves only; a withdrawal or a reopening gives its reason)',
        tags,
        params: IdParams,
        body: MoveSchema,
        response: { 200: z.object({ round: RoundJson }), 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const { to, reason } = request.body;
      return {
        round: await moveRoundHere(api, ctx, signedIn(request), request.params.id, to, { reason }),
      };
    },
  );
}

/** Assessment rounds: list, open for a parent body's units, a round's page with moves, JSON API. */
export function registerRoundRoutes(app: FastifyInstance, options: FeatureOptions): void {
  const api = typed(app);
  registerRoundList(api, options.ctx);
  registerRoundOpening(api, options.ctx);
  registerRoundDetail(api, options);
  registerMoveConfirmation(api, options.ctx);
  registerRoundApi(api, options.ctx);
  registerRoundStateApi(api, options.ctx);
}
