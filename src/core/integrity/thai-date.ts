/** Thai dates live in ../thai-calendar.ts; this name stays for existing imports. */
export { THAI_MONTHS, thaiLongDate, thaiMonthYear } from '../thai-calendar.js';
