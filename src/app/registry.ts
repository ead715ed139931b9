import type { Registry } from '../features/kit.js';
import { listPublishedDocuments } from './published-documents.js';
import { listReminders } from './reminders.js';

/** The registry every feature's routes receive: what all features publish and remind of. */
export const REGISTRY: Registry = { listPublishedDocuments, listReminders };
