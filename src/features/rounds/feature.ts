import type { Feature } from '../kit.js';
import { registerRoundRoutes } from './http/rounds.routes.js';

/** The rounds feature: what the app composes. Other features reach this folder only through this file. */
export const roundsFeature: Feature = {
  id: 'rounds',
  routes: [registerRoundRoutes],
};

// What other features use of this one: its door.
export {
  isRoundClosed,
  ROUND_STATES,
  ROUND_STATE_NAMES,
  type RoundState,
} from './core/round-state.js';
export {
  roundSteps,
  STAGE_NAMES,
  type RoundFacts,
  type RoundStep,
  type WorkLine,
} from './core/round-progress.js';
export { targetHref } from './http/views/round-detail.js';
export { getRoundProgress, type RoundProgress } from './services/round-progress.service.js';
export {
  findRound,
  findScoreSnapshot,
  listRounds,
  upsertScoreSnapshot,
  type Round,
} from './db/round.repository.js';
export { RoundStateTag, editionLabel } from './http/views/round-list.js';
export { MoveConfirmPage } from './http/views/round-move-confirm.js';
export { listActorRounds } from './services/actor-rounds.js';
export {
  ensureEditionStored,
  listVisibleRounds,
  moveRound,
  openRounds,
  type OpenedRound,
} from './services/round.service.js';
