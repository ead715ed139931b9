import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareComment, MAX_COMMENT_LENGTH } from './comment-text.js';
import { holdsEmail, holdsLongNumber, maskPersonalDetails, MASKS } from './mask.js';

describe('maskPersonalDetails: names', () => {
  it.each([
    ['นายสมชาย ใจดี ทำงานช้า', 'นาย[ชื่อ] ทำงานช้า'],
    ['นางสาวสมหญิงรับของขวัญ', 'นางสาว[ชื่อ]รับของขวัญ'],
    ['นางมาลีเรียกเงินพิเศษ', 'นาง[ชื่อ]เรียกเงินพิเศษ'],
    ['น.ส.มาลี ดีใจ เรียกเงิน', 'น.ส.[ชื่อ] เรียกเงิน'],
    ['ขอบคุณคุณสมชายที่ช่วยเหลือ', 'ขอบคุณคุณ[ชื่อ]ที่ช่วยเหลือ'],
    ['คุณ สมชาย ทำงานดี', 'คุณ [ชื่อ] ทำงานดี'],
    ['ผอ.วิชัยไม่เป็นธรรม', 'ผอ.[ชื่อ]ไม่เป็นธรรม'],
    ['ดร. สมศักดิ์ รักดี ช่วยได้มาก', 'ดร. [ชื่อ] ช่วยได้มาก'],
    ['Mr John Smith was rude', 'Mr [ชื่อ] was rude'],
    ['ask Dr. Somsak, please', 'ask Dr. [ชื่อ], please'],
    ['mrs malee helped', 'mrs [ชื่อ] helped'],
    ['นพ.สมศักดิ์ตรวจเร็ว', 'นพ.[ชื่อ]'],
    ['ร.ต.อ.มานพ ใจกล้า ช่วยได้มาก', 'ร.ต.อ.[ชื่อ] ช่วยได้มาก'],
    ['ครูมานพไม่มาสอน', 'ครู[ชื่อ]ไม่มาสอน'],
    ['อาจารย์ปรีชา ตั้งใจ ให้คะแนนไม่เป็นธรรม', 'อาจารย์[ชื่อ] ให้คะแนนไม่เป็นธรรม'],
    ['หมอเอกรับซองขาว', 'หมอ[ชื่อ]รับซองขาว'],
    ['พี่ต้อมที่การเงินช่วยได้', 'พี่[ชื่อ]ที่การเงินช่วยได้'],
    ['น้องเมย์ ทำงานดี', 'น้อง[ชื่อ] ทำงานดี'],
    ['สมชายเรียกเงินค่าดำเนินการ', '[ชื่อ]เรียกเงินค่าดำเนินการ'],
    ['เรื่องนี้ สุรชัย แสงทอง รู้ดี', 'เรื่องนี้ [ชื่อ] รู้ดี'],
    ['ฝ่ายพัสดุ ศรีสุข ไม่ตอบ', 'ฝ่ายพัสดุ [ชื่อ] ไม่ตอบ'],
  ])('%s → %s', (input, expected) => {
    expect(maskPersonalDetails(input)).toBe(expected);
  });

  it.each([
    'คุณภาพการบริการดีมาก',
    'ส่งเสริมคุณธรรมในหน่วยงาน',
    'นายกเทศมนตรีมาเยี่ยม',
    'นางพยาบาลใจดี',
    'ขอบคุณมากครับ',
    'เชิญคุณ 3 ท่านมาประชุม',
    'ขอบคุณพี่ๆ น้องๆ ทุกคน',
    'ครูทุกคนตั้งใจสอน',
    'หมอฟันมาตรวจ',
    'ผู้บริหารใช้อำนาจไม่เป็นธรรม',
    'อรุณสวัสดิ์ค่ะ',
    'การบริการสมบูรณ์แบบ',
  ])('leaves words that only start like a title: %s', (text) => {
    expect(maskPersonalDetails(text)).toBe(text);
  });
});

describe('maskPersonalDetails: phones, e-mail, ID numbers, links', () => {
  it.each([
    ['โทร 0812345678 ด่วน', `โทร ${MASKS.phone} ด่วน`],
    ['โทร 081-234-5678', `โทร ${MASKS.phone}`],
    ['สำนักงาน 02 123 4567 ครับ', `สำนักงาน ${MASKS.phone} ครับ`],
    ['call +66 81 234 5678 now', `call ${MASKS.phone} now`],
    ['call (02) 123-4567', `call ${MASKS.phone}`],
    ['เบอร์ ๐๘๑๒๓๔๕๖๗๘', `เบอร์ ${MASKS.phone}`],
    ['ติดต่อ somchai.j@example.co.th นะ', `ติดต่อ ${MASKS.email} นะ`],
    ['mail: a_b+c@mail.go.th.', `mail: ${MASKS.email}.`],
    ['เขียนว่า somchai @ example . com', `เขียนว่า ${MASKS.email}`],
    ['บัตร 1-2345-67890-12-3', `บัตร ${MASKS.idCard}`],
    ['บัญชี 123-4-56789-0', `บัญชี ${MASKS.number}`],
    ['ดูที่ https://facebook.com/somchai.jaidee ครับ', `ดูที่ ${MASKS.link} ครับ`],
    ['line.me/ti/p/abc', MASKS.link],
    ['ติดต่อ somchai at gmail dot com ได้', `ติดต่อ ${MASKS.email} ได้`],
    ['ส่งมาที่ somchai แอท hotmail ดอท co ดอท th', `ส่งมาที่ ${MASKS.email}`],
    ['mail somchai[at]mail.go.th', `mail ${MASKS.email}`],
    ['แอดไลน์ @somchai99 ได้เลย', `แอดไลน์ ${MASKS.lineId} ได้เลย`],
    ['ไลน์ somchai.j', `ไลน์ ${MASKS.lineId}`],
    ['Line ID: malee_2525', `Line ID: ${MASKS.lineId}`],
    ['โทร ０８１２３４５６７８', `โทร ${MASKS.phone}`],
    ['เลขบัตร ๑๒๓๔๕๖๗๘๙๐๑๒๓', `เลขบัตร ${MASKS.idCard}`],
    ['บัตร １２３４５６７８９０１２３', `บัตร ${MASKS.idCard}`],
  ])('%s → %s', (input, expected) => {
    expect(maskPersonalDetails(input)).toBe(expected);
  });

  it('keeps ordinary numbers such as years and amounts', () => {
    const text = 'ปี 2569 มีการเรียกเงิน 3,000 บาท ใช้เวลา 15 วัน';
    expect(maskPersonalDetails(text)).toBe(text);
  });

  const digit = fc.constantFrom(...'0123456789'.split(''));
  const separator = fc.constantFrom('', '', ' ', '-', '.');
  const phone = fc
    .tuple(
      fc.constantFrom('0', '+66 ', '66'),
      fc.array(fc.tuple(digit, separator), { minLength: 8, maxLength: 9 }),
    )
    .map(([lead, rest]) => lead + rest.map(([d, s]) => d + s).join(''));
  const email = fc
    .tuple(
      fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,12}$/),
      fc.stringMatching(/^[a-z0-9-]{1,10}$/),
      fc.constantFrom('com', 'co.th', 'go.th', 'ac.th', 'org'),
    )
    .map(([local, host, tld]) => `${local}@${host}.${tld}`);
  const filler = fc.constantFrom(
    'บริการดี ',
    'โทร ',
    ' ',
    'นายสมชาย ',
    'คุณ',
    'ติดต่อ:',
    '(',
    ')',
    '-',
    '.',
    '@',
    '1',
    '08',
    'email ',
  );
  /** The same phone in Thai or full-width digits. */
  const otherDigits = fc
    .tuple(phone, fc.constantFrom(0x0e50, 0xff10))
    .map(([p, zero]) => p.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d))));
  /** An address spelt out with at/dot in English or Thai. */
  const speltEmail = fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9._]{2,10}$/),
      fc.constantFrom(' at ', ' แอท ', '(at)', ' [at] '),
      fc.stringMatching(/^[a-z]{3,8}$/),
      fc.constantFrom(' dot ', ' ดอท ', '.', '(dot)'),
      fc.constantFrom('com', 'co.th', 'go.th'),
    )
    .map((parts) => parts.join(''));
  const comment = fc
    .array(fc.oneof(phone, otherDigits, email, speltEmail, filler, fc.string({ maxLength: 6 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

  it('leaves no e-mail address and no run of nine digits or more, whatever the text', () => {
    fc.assert(
      fc.property(comment, (text) => {
        const masked = maskPersonalDetails(text);
        expect(holdsEmail(masked)).toBe(false);
        expect(holdsLongNumber(masked)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('the detectors themselves see the generated phones and e-mails (so the property can fail)', () => {
    fc.assert(
      fc.property(phone, otherDigits, email, (p, q, e) => {
        expect(holdsLongNumber(`x ${p} y`)).toBe(true);
        expect(holdsLongNumber(`x ${q} y`)).toBe(true);
        expect(holdsEmail(`x ${e} y`)).toBe(true);
      }),
    );
  });

  it('leaves no spelt-out address: its name and host never stay side by side', () => {
    fc.assert(
      fc.property(speltEmail, filler, (address, around) => {
        const masked = maskPersonalDetails(`${around}${address} ${around}`);
        const [local] = address.split(/\s|\(|\[/);
        expect(masked).not.toContain(`${local} `);
        expect(masked).toContain(MASKS.email);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prepareComment', () => {
  it('tidies, masks and caps a comment; blank is nothing', () => {
    expect(prepareComment('  ติดต่อ   a@b.co  \u0000 ')).toBe(`ติดต่อ ${MASKS.email}`);
    expect(prepareComment('   ')).toBeNull();
    expect(prepareComment(undefined)).toBeNull();
    expect([...(prepareComment('ก'.repeat(5000)) ?? '')].length).toBe(MAX_COMMENT_LENGTH);
  });

  it('does not let a phone number cut at the length cap escape the mask', () => {
    const text = `${'ก'.repeat(MAX_COMMENT_LENGTH - 5)} 0812345678`;
    const stored = prepareComment(text) ?? '';
    expect(stored).not.toMatch(/\d{5}/);
    expect(stored.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH + MASKS.phone.length);
  });
});
