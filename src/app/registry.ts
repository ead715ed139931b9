import type { Registry } from '../features/kit.js';
import { listPublishedDocuments } from './published-documents.js';
import { listReminders } from './reminders.js';
import { countRoundFacts } from './round-facts.js';

/**
 * The registry every feature's routes receive: what all features publish and remind of, and
 * what they count of a round for its step list.
 */
export const REGISTRY: Registry = { listPublishedDocuments, listReminders, countRoundFacts };
