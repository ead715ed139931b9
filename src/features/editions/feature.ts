import type { Feature } from '../kit.js';

/** The editions feature: what the app composes. Other features reach this folder only through this file. */
export const editionsFeature: Feature = {
  id: 'editions',
  routes: [],
};

// What other features use of this one: its door.
export {
  findEditionByCode,
  findEditionBySha,
  findEditionSource,
  insertEdition,
  listEditions,
  type StoredEdition,
} from './db/edition.repository.js';
export {
  listBundledEditions,
  loadEdition,
  readEditionFile,
  resolveEditionPath,
  type EditionFile,
} from './services/edition-files.service.js';
export { scoreBundle, type BundleFormat } from './services/score-bundle.service.js';
