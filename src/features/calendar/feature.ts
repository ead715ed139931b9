import type { Feature } from '../kit.js';
import { registerCalendarRoutes } from './http/calendar.routes.js';
import { calendarReminders } from './reminders.js';
import { seedDemoCalendar } from './demo.js';

/** The calendar feature: what the app composes. Other features reach this folder only through this file. */
export const calendarFeature: Feature = {
  id: 'calendar',
  routes: [registerCalendarRoutes],
  reminders: calendarReminders,
  demo: seedDemoCalendar,
};

// What other features use of this one: its door.
export { parseIcsEvents } from './core/ics.js';
export { DUE_SOON_DAYS, addDays } from './core/plan.js';
export { dayLabel } from './http/views/calendar-parts.js';
export { sendReminderEmails } from './services/reminder-mail.service.js';
