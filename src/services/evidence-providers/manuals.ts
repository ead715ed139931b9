import type { EvidenceProvider } from './types.js';

/** Documents of this feature published for the round's agency (filled by the feature). */
export const manualsEvidence: EvidenceProvider = async () => [];
