import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type Message } from '../../../core/errors.js';
import { uploadTooLarge } from '../../../platform/infra/file-store.js';
import { fillAdviceTemplate } from '../core/advice-templates.js';
import { filesOf, type ServiceContext } from '../../../platform/services/context.js';
import { answerClarification, getClarification } from '../services/oit-review-clarify.service.js';
import { getReviewItem, readSnapshotBody } from '../services/oit-review-item.service.js';
import {
  confirmOitRound,
  getRoundOitScores,
  prepareConfirmation,
} from '../services/oit-review-score.service.js';
import {
  assignAssessor,
  getReviewRound,
  listReviewQueue,
  recordDecision,
} from '../services/oit-review.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import type { FieldErrors } from '../../../platform/http/views/form.js';
import { ClarifyPage } from './views/oit-review-clarify.js';
import { ReviewItemPage } from './views/oit-review-item.js';
import { ReviewListPage, ReviewRoundPage, ScoreCards } from './views/oit-review-list.js';
import { MoveConfirmPage } from '../../rounds/feature.js';
import { isAllowed } from '../../../core/access/roles.js';
import { fieldErrorOf } from '../../../platform/http/views/user-problem.js';
import { sendErrorPage } from '../../../platform/http/views/error-page.js';
import {
  evidenceSettings,
  isTooLarge,
  keepReceived,
  receivedFile,
  registerUploadParsing,
  type EvidenceSettings,
} from '../../oit-evidence/feature.js';
import { registerOitReviewApi } from './oit-review-api.routes.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import {
  AssignForm,
  DecisionForm,
  DoneQuery,
  ItemParams,
  SnapshotParams,
  type DecisionFormValues,
} from './oit-review-schemas.js';

const CHOOSE_OUTCOME: Message = { th: 'กรุณาเลือกผลการตรวจ', en: 'Choose a decision' };

/** Turns the decision form (outcome, partial score, template, free text) into a decision. */
export function decisionFromForm(itemCode: string, values: DecisionFormValues) {
  const outcome = values.outcome ?? '';
  const score =
    outcome === 'pass'
      ? 100
      : outcome === 'fail'
        ? 0
        : outcome === 'partial'
          ? Number(values.partialScore)
          : NaN;
  const filled = fillAdviceTemplate(values.template ?? '', values.element ?? '');
  const reason = values.reason?.trim() || filled?.reason.th || '';
  const advice = values.advice?.trim() || filled?.advice.th || '';
  return { itemCode, score, reason, advice };
}

function registerRoundPages(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get('/review', guarded, async (request, reply) => {
    const rounds = await listReviewQueue(ctx, signedIn(request));
    return sendPage(reply, <ReviewListPage page={pageOf(request)} rounds={rounds} />);
  });

  async function renderRound(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    errors: FieldErrors,
    status = 200,
  ) {
    const actor = signedIn(request);
    const overview = await getReviewRound(ctx, actor, roundId);
    const scores = await getRoundOitScores(ctx, actor, overview.round.id);
    const mayConfirm = isAllowed(actor.grants, 'round.confirm', overview.round.agencyPath);
    const page = (
      <ReviewRoundPage
        page={pageOf(request)}
        overview={overview}
        scores={scores}
        mayConfirm={mayConfirm}
        errors={errors}
      />
    );
    return sendPage(reply, page, status);
  }
  api.get('/review/rounds/:id', { ...guarded, schema: { params: IdParams } }, (request, reply) =>
    renderRound(request, reply, request.params.id, {}),
  );

  // Not submitForm: every refusal but not found (a refused role too) comes back on the round's
  // page with status 400, and invalid input goes to the error page, as this page always did.
  const act = async (
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    work: () => Promise<unknown>,
  ) => {
    try {
      await work();
      return reply.redirect(`/review/rounds/${roundId}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return renderRound(request, reply, roundId, fieldErrorOf(error), 400);
    }
  };
  api.post(
    '/review/rounds/:id/assign',
    { ...changing, schema: { params: IdParams, body: AssignForm } },
    async (request, reply) => {
      const { id } = request.params;
      const { email = '', role = 'primary' } = request.body;
      return act(request, reply, id, () =>
        assignAssessor(ctx, signedIn(request), id, {
          email,
          role: role === 'second' ? 'second' : 'primary',
        }),
      );
    },
  );
  // Confirming has its confirmation page: the scores it will store, what cannot be undone.
  api.get(
    '/review/rounds/:id/confirm',
    { ...guarded, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      const { round, scores } = await prepareConfirmation(ctx, signedIn(request), id);
      const page = (
        <MoveConfirmPage
          page={pageOf(request)}
          round={round}
          to="confirmed"
          action={`/review/rounds/${round.id}/confirm`}
          errors={{}}
          values={{}}
        >
          <ScoreCards lang={request.lang} scores={scores} />
        </MoveConfirmPage>
      );
      return sendPage(reply, page);
    },
  );
  api.post(
    '/review/rounds/:id/confirm',
    { ...changing, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      return act(request, reply, id, () => confirmOitRound(ctx, signedIn(request), id));
    },
  );
}

function registerItemPages(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function renderItem(
    request: FastifyRequest,
    reply: FastifyReply,
    { id, item }: { id: string; item: string },
    errors: FieldErrors,
    status = 200,
  ) {
    const detail = await getReviewItem(ctx, signedIn(request), id, item);
    return sendPage(
      reply,
      <ReviewItemPage page={pageOf(request)} detail={detail} errors={errors} />,
      status,
    );
  }
  api.get(
    '/review/rounds/:id/items/:item',
    { ...guarded, schema: { params: ItemParams } },
    (request, reply) => renderItem(request, reply, request.params, {}),
  );

  // Not submitForm: as on the round's page, every refusal but not found comes back on the form.
  api.post(
    '/review/rounds/:id/items/:item',
    { ...changing, schema: { params: ItemParams, body: DecisionForm } },
    async (request, reply) => {
      const { id, item } = request.params;
      const decision = decisionFromForm(item, request.body);
      if (Number.isNaN(decision.score))
        return renderItem(request, reply, request.params, { outcome: CHOOSE_OUTCOME }, 400);
      try {
        await recordDecision(ctx, signedIn(request), id, decision);
        return reply.redirect(`/review/rounds/${id}/items/${encodeURIComponent(item)}`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
        return renderItem(request, reply, request.params, fieldErrorOf(error), 400);
      }
    },
  );

  api.get(
    '/review/rounds/:id/snapshots/:snapshot',
    { ...guarded, schema: { params: SnapshotParams } },
    async (request, reply) => {
      const { id, snapshot } = request.params;
      const body = await readSnapshotBody(ctx, signedIn(request), id, snapshot);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-length', body.size)
        .header('content-disposition', `attachment; filename="snapshot-${snapshot}.txt"`)
        .header('x-content-type-options', 'nosniff')
        .send(body.stream);
    },
  );
}

/** The clarify form (multipart or urlencoded): its text fields and the item's new file. */
function readClarifyForm(request: FastifyRequest) {
  return { values: formValues(request), upload: receivedFile(request.body) };
}

/** Refusals of the clarify form as errors next to the item, with their status. */
function clarifyErrorOf(
  error: DomainError,
  itemCode: string,
): { errors: FieldErrors; status: number } {
  if (error.code === 'upload_too_large')
    return { errors: { [`file-${itemCode}`]: error.messages }, status: 413 };
  if (error.code === 'upload_type_refused')
    return { errors: { [`file-${itemCode}`]: error.messages }, status: 415 };
  if (error.details?.field === 'fileId')
    return { errors: { [`file-${itemCode}`]: error.messages }, status: 400 };
  return { errors: fieldErrorOf(error), status: 400 };
}

function registerClarifyPages(
  app: FastifyInstance,
  ctx: ServiceContext,
  settings: EvidenceSettings,
): void {
  /** The clarification page; `saved` shows the notice of an answer just taken. */
  async function renderClarify(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    saved: boolean,
    errors: FieldErrors,
    status = 200,
  ) {
    const view = await getClarification(ctx, signedIn(request), roundId);
    return sendPage(
      reply,
      <ClarifyPage page={pageOf(request)} view={view} errors={errors} notice={saved} />,
      status,
    );
  }
  typed(app).get(
    '/rounds/:id/oit/clarify',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      renderClarify(request, reply, request.params.id, request.query.done === 'saved', {}),
  );

  /** The answer form (multipart: its parts are read here, as the scope's parser keeps them). */
  async function postClarify(request: FastifyRequest, reply: FastifyReply, roundId: string) {
    const { values, upload } = readClarifyForm(request);
    const { itemCode = '', text = '', newUrl = '' } = values;
    try {
      // a file over the limit is refused first, as when it was cut short while read
      if (upload?.refusal?.code === 'upload_too_large') throw upload.refusal;
      await answerClarification(
        ctx,
        signedIn(request),
        roundId,
        { itemCode, text, newUrl },
        upload,
      );
      keepReceived(upload);
      return reply.redirect(`/rounds/${roundId}/oit/clarify?done=saved`);
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'not_found') {
        const refused = clarifyErrorOf(error, itemCode);
        return renderClarify(request, reply, roundId, false, refused.errors, refused.status);
      }
      if (error instanceof ZodError)
        return renderClarify(
          request,
          reply,
          roundId,
          false,
          { [`text-${itemCode}`]: { th: 'กรุณาเขียนคำชี้แจง', en: 'Write an answer' } },
          400,
        );
      throw error;
    }
  }

  // the answer form sends a file: multipart is parsed in this route's own scope only
  void app.register(async (scope) => {
    await registerUploadParsing(scope, {
      files: filesOf(ctx),
      maxBytes: settings.maxUploadBytes,
      limits: { files: 1, fields: 20, parts: 21, fieldSize: 100_000 },
      // an oversized file is refused next to its item rather than failing the request
      tooLargeFails: false,
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isTooLarge(error)) throw error;
      return sendErrorPage(request, reply, 413, uploadTooLarge(settings.maxUploadBytes).messages);
    });
    typed(scope).post(
      '/rounds/:id/oit/clarify',
      {
        ...changing,
        bodyLimit: settings.maxUploadBytes + 1024 * 1024,
        schema: { params: IdParams },
      },
      (request, reply) => postClarify(request, reply, request.params.id),
    );
  });
}

/** The assessor's workbench, the agency's clarification page and their JSON API. */
export function registerOitReviewRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundPages(app, options.ctx);
  registerItemPages(app, options.ctx);
  registerClarifyPages(app, options.ctx, evidenceSettings(options));
  registerOitReviewApi(app, options.ctx);
}
