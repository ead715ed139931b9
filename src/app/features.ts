import type { Feature } from '../features/kit.js';
import { usersFeature } from '../features/users/feature.js';
import { homeFeature } from '../features/home/feature.js';
import { agenciesFeature } from '../features/agencies/feature.js';
import { auditFeature } from '../features/audit/feature.js';
import { editionsFeature } from '../features/editions/feature.js';
import { roundsFeature } from '../features/rounds/feature.js';
import { surveysFeature } from '../features/surveys/feature.js';
import { oitEvidenceFeature } from '../features/oit-evidence/feature.js';
import { oitReviewFeature } from '../features/oit-review/feature.js';
import { resultsFeature } from '../features/results/feature.js';
import { calendarFeature } from '../features/calendar/feature.js';
import { measuresFeature } from '../features/measures/feature.js';
import { activitiesFeature } from '../features/activities/feature.js';
import { integrityFeature } from '../features/integrity/feature.js';
import { assetsFeature } from '../features/assets/feature.js';
import { manualsFeature } from '../features/manuals/feature.js';
import { voiceFeature } from '../features/voice/feature.js';
import { publishedFeature } from '../features/published/feature.js';

/**
 * Every feature of Prongsai, composed here and nowhere else: their routes make the web app, their
 * published documents, reminders and demo data make the registries. The order is the order of
 * the demo's seeding and of equal reminders.
 */
export const FEATURES: readonly Feature[] = [
  usersFeature,
  homeFeature,
  agenciesFeature,
  auditFeature,
  editionsFeature,
  roundsFeature,
  surveysFeature,
  oitEvidenceFeature,
  oitReviewFeature,
  resultsFeature,
  calendarFeature,
  measuresFeature,
  activitiesFeature,
  integrityFeature,
  assetsFeature,
  manualsFeature,
  voiceFeature,
  publishedFeature,
];
