import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import { nextRoundStates, ROUND_STATES } from '../core/round-state.js';
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
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { RoundDetailPage } from './views/round-detail.js';
import { RoundListPage } from './views/round-list.js';
import { OpenRoundsPage, OpenRoundsResultPage } from './views/round-open.js';
import { fieldErrorOf, sendDomainError } from '../../../platform/http/views/user-problem.js';
import { domainStatus, formValues, signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';

const StateQuerySchema = z.object({ state: z.enum(ROUND_STATES).optional().catch(undefined) });
const MoveSchema = z.object({
  to: z.enum(ROUND_STATES, { message: 'กรุณาเลือกสถานะ / choose a state' }),
});

const MOVED: Message = m('เปลี่ยนสถานะแล้ว', 'The state was changed');

function roundIdOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

function registerRoundList(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/rounds', guarded, async (request, reply) => {
    const actor = signedIn(request);
    const { state } = StateQuerySchema.parse(request.query ?? {});
    const rounds = await listVisibleRounds(ctx, actor, { state });
    const canOpen = (await listAllowedAgencies(ctx, actor, 'round.open')).length > 0;
    const page = (
      <RoundListPage page={pageOf(request)} rounds={rounds} state={state} canOpen={canOpen} />
    );
    return sendPage(reply, page);
  });
}

function registerRoundOpening(app: FastifyInstance, ctx: ServiceContext): void {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
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

  app.get('/rounds/open', guarded, (request, reply) => renderForm(request, reply, {}, {}, 200));

  app.post('/rounds/open', changing, async (request, reply) => {
    const values = formValues(request);
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
  });
}

function registerRoundDetail(app: FastifyInstance, ctx: ServiceContext): void {
  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    const actor = signedIn(request);
    try {
      const round = await getVisibleRound(ctx, actor, roundIdOf(request));
      const mayMove = isAllowed(actor.grants, 'round.transition', round.agencyPath);
      const moved = (request.query as { done?: string }).done === 'moved' && status === 200;
      const page = (
        <RoundDetailPage
          page={pageOf(request)}
          round={round}
          nextStates={mayMove ? nextRoundStates(round.state) : []}
          errors={errors}
          notice={moved ? MOVED : null}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }

  app.get('/rounds/:id', guarded, (request, reply) => renderDetail(request, reply, {}));

  app.post('/rounds/:id/state', changing, async (request, reply) => {
    const parsed = MoveSchema.safeParse(formValues(request));
    if (!parsed.success)
      return renderDetail(request, reply, toFieldErrors(parsed.error.issues), 400);
    try {
      await moveRound(ctx, signedIn(request), roundIdOf(request), parsed.data.to);
      return reply.redirect(`/rounds/${roundIdOf(request)}?done=moved`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found')
        return sendDomainError(request, reply, error);
      return renderDetail(request, reply, fieldErrorOf(error), domainStatus(error));
    }
  });
}

const RoundJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  editionCode: z.string(),
  editionYear: z.number(),
  state: z.enum(ROUND_STATES),
  updatedAt: z.string(),
});

function registerRoundApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'get',
    path: '/api/v1/rounds',
    summary: 'Assessment rounds you may see, optionally in one state',
    tag: 'rounds',
    query: z.object({ state: z.enum(ROUND_STATES).optional() }),
    response: z.object({ rounds: z.array(RoundJson) }),
  });
  app.get('/api/v1/rounds', guarded, async (request) => {
    const { state } = StateQuerySchema.parse(request.query ?? {});
    return { rounds: await listVisibleRounds(ctx, signedIn(request), { state }) };
  });

  describeApi({
    method: 'post',
    path: '/api/v1/rounds/open',
    summary: 'Open rounds on a bundled edition for every unit below a parent body',
    tag: 'rounds',
    body: OpenRoundsSchema,
  });
  app.post('/api/v1/rounds/open', changing, async (request, reply) => {
    const input = OpenRoundsSchema.parse(request.body);
    return openRounds(ctx, signedIn(request), input).then(
      (result) => reply.send(result),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });
}

function registerRoundStateApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'post',
    path: '/api/v1/rounds/:id/state',
    summary: 'Move a round to another state (allowed moves only)',
    tag: 'rounds',
    body: MoveSchema,
    response: z.object({ round: RoundJson }),
  });
  app.post('/api/v1/rounds/:id/state', changing, async (request, reply) => {
    const { to } = MoveSchema.parse(request.body);
    return moveRound(ctx, signedIn(request), roundIdOf(request), to).then(
      (round) => reply.send({ round }),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });
}

/** Assessment rounds: list, open for a parent body's units, a round's page with moves, JSON API. */
export function registerRoundRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundList(app, options.ctx);
  registerRoundOpening(app, options.ctx);
  registerRoundDetail(app, options.ctx);
  registerRoundApi(app, options.ctx);
  registerRoundStateApi(app, options.ctx);
}
