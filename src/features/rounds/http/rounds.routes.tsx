import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import { nextRoundStates } from '../core/round-state.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { listBundledEditions } from '../../editions/feature.js';
import {
  getVisibleRound,
  listVisibleRounds,
  moveRound,
  openRounds,
  OpenRoundsSchema,
} from '../services/round.service.js';
import { listAllowedAgencies } from '../../users/feature.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { RoundDetailPage } from './views/round-detail.js';
import { RoundListPage } from './views/round-list.js';
import { OpenRoundsPage, OpenRoundsResultPage } from './views/round-open.js';
import { fieldErrorOf } from '../../../platform/http/views/user-problem.js';
import { domainStatus, signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import {
  IdParams,
  ProblemSchema,
  typed,
  type TypedApp,
} from '../../../platform/http/typed-routes.js';
import {
  DoneQuery,
  MoveForm,
  MoveSchema,
  OpenRoundsForm,
  OpenRoundsResultJson,
  RoundJson,
  StateQuerySchema,
} from './rounds-schemas.js';

const MOVED: Message = m('เปลี่ยนสถานะแล้ว', 'The state was changed');

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

function registerRoundDetail(api: TypedApp, ctx: ServiceContext): void {
  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    form: { errors: FieldErrors; done?: string | undefined },
    status = 200,
  ) {
    const actor = signedIn(request);
    const round = await getVisibleRound(ctx, actor, roundId);
    const mayMove = isAllowed(actor.grants, 'round.transition', round.agencyPath);
    const moved = form.done === 'moved' && status === 200;
    const page = (
      <RoundDetailPage
        page={pageOf(request)}
        round={round}
        nextStates={mayMove ? nextRoundStates(round.state) : []}
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
        await moveRound(ctx, signedIn(request), id, parsed.data.to);
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
        summary: 'Move a round to another state (allowed moves only)',
        tags,
        params: IdParams,
        body: MoveSchema,
        response: { 200: z.object({ round: RoundJson }), 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => ({
      round: await moveRound(ctx, signedIn(request), request.params.id, request.body.to),
    }),
  );
}

/** Assessment rounds: list, open for a parent body's units, a round's page with moves, JSON API. */
export function registerRoundRoutes(app: FastifyInstance, options: AppOptions): void {
  const api = typed(app);
  registerRoundList(api, options.ctx);
  registerRoundOpening(api, options.ctx);
  registerRoundDetail(api, options.ctx);
  registerRoundApi(api, options.ctx);
  registerRoundStateApi(api, options.ctx);
}
