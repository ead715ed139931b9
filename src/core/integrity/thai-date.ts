/** Thai month names and Buddhist-era dates, written out as in official letters. */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** "26 พฤศจิกายน พ.ศ. 2569" for the day 2026-11-26. */
export function thaiLongDate(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${THAI_MONTHS[mo - 1] ?? ''} พ.ศ. ${y + 543}`;
}

/** "พฤศจิกายน 2569" for the month 2026-11. */
export function thaiMonthYear(month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return `${THAI_MONTHS[mo - 1] ?? ''} ${y + 543}`;
}
