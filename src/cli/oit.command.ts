import type { Io } from './output.js';

/** `prongsai oit …` (to be written). */
export async function runOitCommand(_args: string[], io: Io): Promise<number> {
  io.err('วิธีใช้ / usage: prongsai oit check-links\n');
  return 2;
}
