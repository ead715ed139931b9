import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type Message } from '../../../core/errors.js';
import { uploadTooLarge } from '../../../platform/infra/file-store.js';
import { fillAdviceTemplate } from '../core/advice-templates.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  answerClarification,
  getClarification,
  type ClarificationUpload,
  type ClarificationUploadSettings,
} from '../services/oit-review-clarify.service.js';
import { getReviewItem, readSnapshotBody } from '../services/oit-review-item.service.js';
import { confirmOitRound, getRoundOitScores } from '../services/oit-review-score.service.js';
import {
  assignAssessor,
  getReviewRound,
  listMyReviewRounds,
  recordDecision,
} from '../services/oit-review.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import type { FieldErrors } from '../../../platform/http/views/form.js';
import { ClarifyPage } from './views/oit-review-clarify.js';
import { ReviewItemPage } from './views/oit-review-item.js';
import { ReviewListPage, ReviewRoundPage } from './views/oit-review-list.js';
import { fieldErrorOf, sendDomainError } from '../../../platform/http/views/user-problem.js';
import { sendErrorPage } from '../../../platform/http/views/error-page.js';
import { evidenceSettings } from '../../oit-evidence/feature.js';
import { registerOitReviewApi } from './oit-review-api.routes.js';
import { changing, guarded, isUploadTooLarge } from '../../../platform/http/route-kit.js';

const CHOOSE_OUTCOME: Message = { th: 'กรุณาเลือกผลการตรวจ', en: 'Choose a decision' };

type Params = { id: string; item?: string; snapshot?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

/** Turns the decision form (outcome, partial score, template, free text) into a decision. */
export function decisionFromForm(itemCode: string, values: Record<string, string>) {
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
  app.get('/review', guarded, async (request, reply) => {
    const rounds = await listMyReviewRounds(ctx, signedIn(request));
    return sendPage(reply, <ReviewListPage page={pageOf(request)} rounds={rounds} />);
  });

  async function renderRound(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    const actor = signedIn(request);
    try {
      const overview = await getReviewRound(ctx, actor, paramsOf(request).id);
      const scores = await getRoundOitScores(ctx, actor, overview.round.id);
      const page = (
        <ReviewRoundPage
          page={pageOf(request)}
          overview={overview}
          scores={scores}
          errors={errors}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/review/rounds/:id', guarded, (request, reply) => renderRound(request, reply, {}));

  const act =
    (work: (request: FastifyRequest) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await work(request);
        return reply.redirect(`/review/rounds/${paramsOf(request).id}`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'not_found')
          return sendDomainError(request, reply, error);
        return renderRound(request, reply, fieldErrorOf(error), 400);
      }
    };
  app.post(
    '/review/rounds/:id/assign',
    changing,
    act((request) => {
      const { email = '', role = 'primary' } = formValues(request);
      return assignAssessor(ctx, signedIn(request), paramsOf(request).id, {
        email,
        role: role === 'second' ? 'second' : 'primary',
      });
    }),
  );
  app.post(
    '/review/rounds/:id/confirm',
    changing,
    act((request) => confirmOitRound(ctx, signedIn(request), paramsOf(request).id)),
  );
}

function registerItemPages(app: FastifyInstance, ctx: ServiceContext, filesDir: string): void {
  async function renderItem(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, item = '' } = paramsOf(request);
    try {
      const detail = await getReviewItem(ctx, signedIn(request), id, item);
      return sendPage(
        reply,
        <ReviewItemPage page={pageOf(request)} detail={detail} errors={errors} />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/review/rounds/:id/items/:item', guarded, (request, reply) =>
    renderItem(request, reply, {}),
  );

  app.post('/review/rounds/:id/items/:item', changing, async (request, reply) => {
    const { id, item = '' } = paramsOf(request);
    const decision = decisionFromForm(item, formValues(request));
    if (Number.isNaN(decision.score))
      return renderItem(request, reply, { outcome: CHOOSE_OUTCOME }, 400);
    try {
      await recordDecision(ctx, signedIn(request), id, decision);
      return reply.redirect(`/review/rounds/${id}/items/${encodeURIComponent(item)}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found')
        return sendDomainError(request, reply, error);
      return renderItem(request, reply, fieldErrorOf(error), 400);
    }
  });

  app.get('/review/rounds/:id/snapshots/:snapshot', guarded, async (request, reply) => {
    const { id, snapshot = '' } = paramsOf(request);
    try {
      const body = await readSnapshotBody(ctx, signedIn(request), id, snapshot, filesDir);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="snapshot-${snapshot}.txt"`)
        .header('x-content-type-options', 'nosniff')
        .send(body);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** A file part as the clarify scope's multipart parser keeps it. */
interface FilePart {
  filename?: string;
  bytes?: Buffer;
  truncated?: boolean;
}

/** The clarify form (multipart or urlencoded): its text fields and the item's new file. */
function readClarifyForm(request: FastifyRequest) {
  const values = formValues(request);
  const part = (request.body as Record<string, unknown> | undefined)?.file as FilePart | undefined;
  const upload: ClarificationUpload | null =
    part?.bytes && part.bytes.length > 0
      ? { fileName: part.filename ?? '', bytes: part.bytes }
      : null;
  return { values, upload, truncated: part?.truncated === true };
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
  settings: ClarificationUploadSettings,
): void {
  async function renderClarify(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const view = await getClarification(ctx, signedIn(request), paramsOf(request).id);
      const saved = (request.query as { done?: string }).done === 'saved' && status === 200;
      return sendPage(
        reply,
        <ClarifyPage page={pageOf(request)} view={view} errors={errors} notice={saved} />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/rounds/:id/oit/clarify', guarded, (request, reply) =>
    renderClarify(request, reply, {}),
  );

  async function postClarify(request: FastifyRequest, reply: FastifyReply) {
    const { values, upload, truncated } = readClarifyForm(request);
    const { itemCode = '', text = '', newUrl = '' } = values;
    try {
      if (truncated) throw uploadTooLarge(settings.maxUploadBytes);
      await answerClarification(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        { itemCode, text, newUrl },
        upload && { file: upload, settings },
      );
      return reply.redirect(`/rounds/${paramsOf(request).id}/oit/clarify?done=saved`);
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'not_found') {
        const refused = clarifyErrorOf(error, itemCode);
        return renderClarify(request, reply, refused.errors, refused.status);
      }
      if (error instanceof ZodError)
        return renderClarify(
          request,
          reply,
          { [`text-${itemCode}`]: { th: 'กรุณาเขียนคำชี้แจง', en: 'Write an answer' } },
          400,
        );
      return sendDomainError(request, reply, error);
    }
  }

  // the answer form sends a file: multipart is parsed in this route's own scope only
  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // an oversized file is cut short and refused next to its item rather than failing the request
      throwFileSizeLimit: false,
      limits: {
        fileSize: settings.maxUploadBytes,
        files: 1,
        fields: 20,
        parts: 21,
        fieldSize: 100_000,
      },
      onFile: async (part: MultipartFile) => {
        const bytes = await part.toBuffer();
        const value: FilePart = { filename: part.filename, bytes, truncated: part.file.truncated };
        (part as unknown as { value: unknown }).value = value;
      },
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isUploadTooLarge(error)) throw error;
      return sendErrorPage(request, reply, 413, uploadTooLarge(settings.maxUploadBytes).messages);
    });
    scope.post(
      '/rounds/:id/oit/clarify',
      { ...changing, bodyLimit: settings.maxUploadBytes + 1024 * 1024 },
      postClarify,
    );
  });
}

/** The assessor's workbench, the agency's clarification page and their JSON API. */
export function registerOitReviewRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundPages(app, options.ctx);
  registerItemPages(app, options.ctx, options.config.FILES_DIR ?? './data/files');
  registerClarifyPages(app, options.ctx, evidenceSettings(options));
  registerOitReviewApi(app, options.ctx);
}
