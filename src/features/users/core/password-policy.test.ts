import { describe, expect, it } from 'vitest';
import {
  isCommonPassword,
  passwordProblem,
  PASSWORD_MESSAGES,
  MIN_PASSWORD_LENGTH,
} from './password-policy.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

describe('the password policy', () => {
  it('wants at least 12 characters, counted as people count them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('Tr0mbone-fig')).toBeNull();
    expect(passwordProblem('Tr0mbone-fi')).toBe(PASSWORD_MESSAGES.tooShort);
    expect(PASSWORD_MESSAGES.tooShort).toContain('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร');
    expect(PASSWORD_MESSAGES.tooShort).toContain('at least 12 characters');
    expect(passwordProblem('x'.repeat(201))).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it('refuses the e-mail address and its name part, in any case', () => {
    const email = 'somchai.jaidee@example.go.th';
    expect(passwordProblem('Somchai.Jaidee@Example.go.th', email)).toBe(PASSWORD_MESSAGES.email);
    expect(passwordProblem('somchai.jaidee2530', email)).toBe(PASSWORD_MESSAGES.email);
    expect(passwordProblem('SomchaiJaidee!!', email)).toBe(PASSWORD_MESSAGES.email);
    expect(passwordProblem('เก็บข้าวตอนเย็นที่นา', email)).toBeNull();
    expect(PASSWORD_MESSAGES.email).toContain('รหัสผ่านต้องไม่ใช่อีเมล');
  });

  it('refuses common passwords and their usual dress-ups, case-insensitively', () => {
    for (const password of [
      'password1234',
      'PASSWORD1234',
      'P@ssw0rd2569!',
      'iloveThailand',
      'ilovethailand2569',
      'Somchai@25301',
      '2530somchai!!',
      'sawasdeekrub1',
      'qwertyuiop12',
      '1qaz2wsx3edc',
      '123456789012',
      '098765432109',
      'abcabcabcabc',
      'aaaaaaaaaaaa',
      'passwordpassword',
      '25/12/2530',
      '2530-12-25!!',
      'รักประเทศไทย',
      'รหัสผ่าน12345',
      '   monkey    123',
    ])
      expect(isCommonPassword(password), password).toBe(true);
    expect(passwordProblem('ilovethailand')).toBe(PASSWORD_MESSAGES.common);
    expect(PASSWORD_MESSAGES.common).toContain('รหัสผ่านนี้ใช้กันทั่วไป');
  });

  it('accepts passphrases, and the passwords the demo and tests use', () => {
    for (const password of [
      'correct horse battery',
      'demo-ita-2569',
      'ช้างสามตัวเดินข้ามสะพาน',
      'maew kin pla thoo tuesday',
      'Gx7#pQ2v!mLz',
      'bangkok-rain-at-four',
    ])
      expect(passwordProblem(password, 'admin@example.org'), password).toBeNull();
  });

  it('ships a list of lower-case words', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1500);
    for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase());
  });
});
