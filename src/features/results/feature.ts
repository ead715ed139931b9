import type { Feature } from '../kit.js';
import { registerResultsRoutes } from './http/results.routes.js';
import { registerRollupRoutes } from './http/rollup.routes.js';
import { registerReportsRoutes } from './http/reports.routes.js';
import { resultsEvidence } from './evidence.js';

/** The results feature: what the app composes. Other features reach this folder only through this file. */
export const resultsFeature: Feature = {
  id: 'results',
  routes: [registerResultsRoutes, registerRollupRoutes, registerReportsRoutes],
  evidence: { sources: ['ita_results', 'ita_analysis'], list: resultsEvidence },
};

// What other features use of this one: its door.
export {
  OPEN_DATA_COLUMNS,
  openDataCsv,
  openDataJson,
  type OpenDataRecord,
} from './reports/open-data.js';
export { listOpenData } from './services/public-results.service.js';
