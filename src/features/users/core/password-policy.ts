import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * The password policy, applied whenever a password is set (first run, a new account, a change,
 * a reset link): at least 12 characters, not the person's e-mail address, and not a common
 * password. Checking a password at sign-in never applies it, so older passwords keep working.
 *
 * "Common" is judged on the password lower-cased, without spaces, with digits and symbols taken
 * off both ends and with look-alike digits read as letters (p@ssw0rd2569! reads as password),
 * against a list shipped as data (common-passwords.ts); repeats (abcabcabcabc), keyboard and
 * number runs (qwertyuiop12, 123456789012) and bare dates count as common too.
 */

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** The policy's refusals, Thai first, as the project's zod messages are written ("th / en"). */
export const PASSWORD_MESSAGES = {
  tooShort: `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร / the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `รหัสผ่านยาวได้ไม่เกิน ${MAX_PASSWORD_LENGTH} ตัวอักษร / the password can have at most ${MAX_PASSWORD_LENGTH} characters`,
  email:
    'รหัสผ่านต้องไม่ใช่อีเมลหรือชื่อบัญชีของคุณ / the password must not be your e-mail address or its name part',
  common:
    'รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย ลองใช้วลีหลายคำที่คนอื่นเดาไม่ได้ / this password is common or easy to guess; try a phrase of several words others would not guess',
  mismatch: 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน / the two new passwords differ',
} as const;

const LOOK_ALIKE: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** Runs of keys and digits people type as passwords, each also read backwards. */
const RUNS = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'qazwsxedcrfvtgbyhnujmikolp',
  'abcdefghijklmnopqrstuvwxyz',
  '1234567890',
  '0987654321',
  'ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ',
  'กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ',
];

/** Whether `text` lies inside one of the runs (repeated, so that a run may wrap round). */
function isRun(text: string): boolean {
  if (text.length < 4) return false;
  return RUNS.some((run) => {
    const loop = run.repeat(Math.ceil(text.length / run.length) + 1);
    const back = [...loop].reverse().join('');
    return loop.includes(text) || back.includes(text);
  });
}

/** Whether `text` is one shorter piece said two or more times (abcabc, 121212, passpass). */
function isRepeat(text: string): boolean {
  const chars = [...text];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) return true;
  }
  return false;
}

/** A date written with digits only (25/12/2530, 2530-12-25, 25122530), B.E. or A.D. */
function isDate(text: string): boolean {
  const year = '(?:19|20|24|25)\\d\\d';
  const day = '\\d{1,2}';
  const sep = '[-/. ]?';
  return (
    new RegExp(`^${day}${sep}${day}${sep}${year}$`).test(text) ||
    new RegExp(`^${year}${sep}${day}${sep}${day}$`).test(text)
  );
}

/** Lower case, composed (NFKC), without spaces. */
function fold(password: string): string {
  return password.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The forms of a password the list is checked against. */
function readings(password: string): string[] {
  const folded = fold(password);
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const plain = (text: string) => [...text].map((c) => LOOK_ALIKE[c] ?? c).join('');
  const forms = new Set([folded, core, plain(folded), plain(core)]);
  // Look-alikes at the ends too ("p@ssword2569!" and "1password1" alike).
  forms.add(plain(folded).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  forms.delete('');
  return [...forms];
}

/** Whether the password is common or easy to guess (see the module comment). */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  if (folded.length === 0) return true;
  const bare = folded.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  for (const text of [folded, bare]) if (isRepeat(text) || isRun(text) || isDate(text)) return true;
  return readings(password).some(
    (form) => COMMON_PASSWORDS.has(form) || isRun(form) || (form.length > 1 && isRepeat(form)),
  );
}

/** Whether the password is the e-mail address, contains it, or is (or contains) its name part. */
export function isEmailPassword(password: string, email: string): boolean {
  const address = email.trim().toLowerCase();
  if (!address) return false;
  const folded = fold(password);
  const local = address.split('@')[0] ?? '';
  const localPlain = local.replace(/[^\p{L}\p{N}]/gu, '');
  if (folded.includes(address)) return true;
  const forms = readings(password);
  if (forms.includes(local) || forms.includes(localPlain)) return true;
  return localPlain.length >= 4 && folded.replace(/[^\p{L}\p{N}]/gu, '').includes(localPlain);
}

/** The first rule a password breaks (as its "th / en" message), or null when it may be set. */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (email && isEmailPassword(password, email)) return PASSWORD_MESSAGES.email;
  if (isCommonPassword(password)) return PASSWORD_MESSAGES.common;
  return null;
}
