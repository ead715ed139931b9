import { listPublishedActivities } from './services/activity.service.js';
import type { EvidenceProvider } from '../kit.js';
import { fiscalYearOf } from '../../core/thai-calendar.js';

/** The agency's published activity (KM) reports (`activity_reports`), each at its public page. */
export const activitiesEvidence: EvidenceProvider = async (ctx, round) =>
  (await listPublishedActivities(ctx, round.agencyId)).map((a) => ({
    source: 'activity_reports',
    title: { th: `รายงานกิจกรรม: ${a.title}`, en: `Activity report: ${a.title}` },
    url: `/public/${encodeURIComponent(round.agencyCode)}/activities/${a.id}`,
    // a published activity shows its live content: its last change is the page's last change
    updatedAt: a.updatedAt,
    fiscalYear: fiscalYearOf(a.heldOn),
  }));
