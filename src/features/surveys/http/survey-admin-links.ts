import { publicOrigin } from '../../../platform/http/route-support.js';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import {
  ensureSurveyLinks,
  findRoundSurvey,
  getCockpit,
  type Cockpit,
  type SurveyLink,
} from '../services/survey-admin.service.js';
import type { InstrumentView } from './views/survey-admin-cockpit.js';
import type { PrintSurvey } from './views/survey-admin-print.js';
import type { SurveyPathParams } from './survey-schemas.js';

/** The path parameters of the survey pages (`/rounds/:id/surveys/:instrument/…`). */
export type SurveyParams = z.output<typeof SurveyPathParams>;

/** Where people reach this server: APP_URL (never the Host header a client sent). */
export const originOf = publicOrigin;

/** The public address of a link; a single-use code or kiosk mode go in its query. */
export function surveyUrl(origin: string, code: string, query = ''): string {
  return `${origin}/s/${code}${query}`;
}

/** A QR code as inline SVG. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** The cockpit, after creating the round's links when the person may manage them. */
export async function loadCockpit(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Cockpit> {
  const cockpit = await getCockpit(ctx, actor, roundId);
  if (!cockpit.canManage || cockpit.instruments.every((i) => i.link)) return cockpit;
  await ensureSurveyLinks(ctx, actor, roundId);
  return getCockpit(ctx, actor, roundId);
}

/** Each instrument of a cockpit with its addresses and QR code. */
export function viewInstruments(origin: string, cockpit: Cockpit): Promise<InstrumentView[]> {
  return Promise.all(
    cockpit.instruments.map(async (data) => {
      if (!data.link) return { data, url: null, kioskUrl: null, qrSvg: null };
      const url = surveyUrl(origin, data.link.code);
      const kioskUrl = surveyUrl(origin, data.link.code, '?kiosk=1');
      return { data, url, kioskUrl, qrSvg: await qrSvg(url) };
    }),
  );
}

/** A round's instrument with its link (created first when `manage`, which needs the right to). */
export async function findSurveyToPrint(
  ctx: ServiceContext,
  actor: Actor,
  params: SurveyParams,
  origin: string,
  manage: boolean,
): Promise<{ survey: PrintSurvey | null; link: SurveyLink | null }> {
  if (manage) await ensureSurveyLinks(ctx, actor, params.id);
  const { round, instrument, link } = await findRoundSurvey(
    ctx,
    actor,
    params.id,
    params.instrument,
  );
  if (!link) return { survey: null, link: null };
  const survey: PrintSurvey = {
    roundId: round.id,
    agencyNameTh: link.agencyNameTh,
    agencyNameEn: link.agencyNameEn,
    instrumentCode: instrument.code,
    instrumentName: instrument.name,
    respondents: instrument.respondents ?? null,
    url: surveyUrl(origin, link.code),
    closesOn: link.closesOn,
  };
  return { survey, link };
}
