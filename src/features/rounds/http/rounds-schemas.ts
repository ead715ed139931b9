import { z } from 'zod';
import { ROUND_STATES } from '../core/round-state.js';
import { FormText, formOf as form } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the rounds feature's routes: what its forms, links and JSON API read, and
 * what the API answers. A form's fields are read leniently (an absent or repeated field reads as
 * not given) and judged by the service's own schema, so a mistake comes back on the form.
 */

/** The rounds of one state (an unknown state lists them all, as it always did). */
export const StateQuerySchema = z.object({
  state: z.enum(ROUND_STATES).optional().catch(undefined),
});

/** The move of a round to another state (with its reason for a withdrawal or a reopening). */
export const MoveSchema = z.object({
  to: z.enum(ROUND_STATES, { message: 'กรุณาเลือกสถานะ / choose a state' }),
  reason: z.string().max(2000).optional(),
});

/** The round and the state of a move's confirmation page. */
export const MoveParams = z.object({
  id: z.string().min(1).max(200),
  to: z.enum(ROUND_STATES),
});

/** The form of a move's confirmation page. */
export const ConfirmMoveForm = form({ reason: FormText });

/** The form that opens rounds for a parent body's units. */
export const OpenRoundsForm = form({
  parentAgencyId: FormText,
  editionCode: FormText,
  includeParent: FormText,
});

/** The form of a round's page that moves it to another state. */
export const MoveForm = form({ to: FormText, reason: FormText });

/** The notice of a round's page after a change (?done=moved). */
export const DoneQuery = z.object({ done: FormText });

/** A round as the JSON API shows it. */
export const RoundJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameTh: z.string(),
  agencyPath: z.string(),
  editionId: z.string(),
  editionCode: z.string(),
  editionYear: z.number().int(),
  state: z.enum(ROUND_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const OpenedRoundJson = z.object({
  roundId: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameTh: z.string(),
});

/** What opening rounds did: the edition used, the rounds created and the agencies skipped. */
export const OpenRoundsResultJson = z.object({
  edition: z.object({
    id: z.string(),
    code: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    sha256: z.string(),
    status: z.string(),
  }),
  created: z.array(OpenedRoundJson),
  skipped: z.array(OpenedRoundJson),
});
