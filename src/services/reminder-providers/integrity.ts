import type { ReminderProvider } from './types.js';

/** This feature's reminders for a person (filled by the feature). */
export const integrityReminders: ReminderProvider = async () => [];
