import type { Message } from '../../core/errors.js';
import type { GeneratedEvidenceSource } from '../../core/framework/generated-evidence.js';
import type { Round } from '../../features/rounds/db/round.repository.js';
import type { ServiceContext } from './context.js';

/** One document Prongsai has published for an agency, usable as OIT evidence. */
export interface GeneratedDocument {
  source: GeneratedEvidenceSource;
  title: Message;
  /** Public address (path starting with /public/), reachable without signing in. */
  url: string;
  /** When its content last changed (ISO-8601), null when never. */
  updatedAt: string | null;
  /** The Buddhist-era fiscal year its content covers, null when not tied to a year. */
  fiscalYear: number | null;
}

/**
 * A feature's list of published documents for the agency of a round. It reads only what is
 * already public (no access check: nothing it returns is confidential).
 */
export type EvidenceProvider = (ctx: ServiceContext, round: Round) => Promise<GeneratedDocument[]>;
