import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  addMeasureProgress,
  createMeasure,
  editMeasure,
  getMeasure,
  getMeasureRegister,
  MeasureInputSchema,
  type MeasureInput,
} from '../services/measure.service.js';
import { getMeasuresHandOff } from '../services/measure-carry.service.js';
import { registerMeasureFilesRoutes } from './measures-files.routes.js';
import { registerMeasureReportsRoutes } from './measures-reports.routes.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { MeasureDetailPage } from './views/measures-detail.js';
import { MeasureRegisterPage, type MeasureFormValues } from './views/measures-register.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { answerFormRefusal, changing, guarded } from '../../../platform/http/route-kit.js';

type Params = { id: string; measureId?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

function measureInputOf(values: Record<string, string>): MeasureInput {
  return values as unknown as MeasureInput;
}

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: MeasureFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const register = await getMeasureRegister(ctx, signedIn(request), paramsOf(request).id);
      const handOff = await getMeasuresHandOff(ctx, signedIn(request), paramsOf(request).id);
      const page = (
        <MeasureRegisterPage
          page={pageOf(request)}
          register={register}
          values={values}
          errors={errors}
          handOff={handOff}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/rounds/:id/measures', guarded, (request, reply) => render(request, reply, {}, {}));
  app.post('/rounds/:id/measures', changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const created = await createMeasure(ctx, signedIn(request), id, measureInputOf(values));
      return reply.redirect(`/rounds/${id}/measures/${created.id}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, measureId = '' } = paramsOf(request);
    try {
      const detail = await getMeasure(ctx, signedIn(request), id, measureId);
      return sendPage(
        reply,
        <MeasureDetailPage page={pageOf(request)} detail={detail} errors={errors} />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  const act =
    (work: (request: FastifyRequest) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id, measureId = '' } = paramsOf(request);
      try {
        await work(request);
        return reply.redirect(`/rounds/${id}/measures/${measureId}`);
      } catch (error) {
        return answerFormRefusal(request, reply, error, (errors) =>
          render(request, reply, errors, 400),
        );
      }
    };
  app.get('/rounds/:id/measures/:measureId', guarded, (request, reply) =>
    render(request, reply, {}),
  );
  app.post(
    '/rounds/:id/measures/:measureId',
    changing,
    act((request) => {
      const { id, measureId = '' } = paramsOf(request);
      return editMeasure(
        ctx,
        signedIn(request),
        id,
        measureId,
        measureInputOf(formValues(request)),
      );
    }),
  );
  app.post(
    '/rounds/:id/measures/:measureId/progress',
    changing,
    act((request) => {
      const { id, measureId = '' } = paramsOf(request);
      const { note = '', percent = '', status = '' } = formValues(request);
      return addMeasureProgress(ctx, signedIn(request), id, measureId, { note, percent, status });
    }),
  );
}

function registerApi(app: FastifyInstance, ctx: ServiceContext): void {
  const path = '/api/v1/rounds/:id/measures';
  describeApi({
    method: 'get',
    path,
    summary:
      'Improvement measures of a round with latest progress, and suggestions from weak points',
    tag: 'measures',
  });
  app.get(path, guarded, async (request, reply) => {
    try {
      const register = await getMeasureRegister(ctx, signedIn(request), paramsOf(request).id);
      const { round, mayEdit, today, measures, suggestions } = register;
      return reply.send({ round, mayEdit, today, measures, suggestions });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  describeApi({
    method: 'post',
    path,
    summary: 'Add an improvement measure to a round (agency administrators; x-csrf-token header)',
    tag: 'measures',
    body: MeasureInputSchema,
  });
  app.post(path, changing, async (request, reply) => {
    try {
      const body = MeasureInputSchema.parse(request.body ?? {});
      const measure = await createMeasure(ctx, signedIn(request), paramsOf(request).id, body);
      return reply.status(201).send({ measure });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** Improvement measures (มาตรการ): register, suggestions, progress, printable document and API. */
export function registerMeasuresRoutes(app: FastifyInstance, options: AppOptions): void {
  registerMeasureFilesRoutes(app, options);
  registerMeasureReportsRoutes(app, options);
  registerRegister(app, options.ctx);
  registerDetail(app, options.ctx);
  registerApi(app, options.ctx);
}
