import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../editions/feature.js';
import { readXlsxRecords } from '../../../platform/imports/xlsx-records.js';
import { buildSurveySteps } from './survey-form.js';
import {
  mappingToKeep,
  parseResponseCsv,
  parseResponseRecords,
  type ResponseImportResult,
  type ResponseImportSpec,
} from './response-import.js';

/**
 * Files shaped exactly like the exports agencies have (issue 14): Google Forms with the Thai
 * and the English interface, Microsoft Forms, LimeSurvey with question codes and with the
 * questions' text, against the bundled ita-2569 edition.
 */
const { edition } = loadEdition('ita-2569');
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const specOf = (instrumentCode: string): ResponseImportSpec => ({
  edition,
  instrumentCode,
  today: '2026-05-20',
});

/** The instrument's items in form order, each with its options (code, Thai and English labels). */
function itemsOf(instrumentCode: string) {
  const instrument = edition.instruments.find((i) => i.code === instrumentCode);
  if (!instrument) throw new Error(instrumentCode);
  return buildSurveySteps(instrument, edition.scales).flatMap((step) =>
    step.questions.flatMap((q) =>
      q.items.map((item) => ({ code: item.code, grid: q.hasSubItems, q, item })),
    ),
  );
}

/** The answers the fixtures hold: respondent r, column i → option (3r + i) mod the options. */
function expectedAnswers(instrumentCode: string, r: number, blankEvery = 0) {
  const answers: Record<string, string> = {};
  itemsOf(instrumentCode).forEach(({ code, q }, i) => {
    if (blankEvery && (i + r) % blankEvery === 0) return;
    answers[code] = q.options[(r * 3 + i) % q.options.length]?.code ?? '';
  });
  return answers;
}

/** The dry run passed whole: no file error, no row error. */
function expectClean(result: ResponseImportResult) {
  expect(result.fileErrors).toEqual([]);
  expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
}

describe('imports of real form exports', () => {
  it('reads a Google Forms CSV (Thai interface): wording, grids, labels, Thai days, comment', () => {
    const result = parseResponseCsv(fixture('google-forms-th.csv'), specOf('IIT'));
    expectClean(result);
    const codes = itemsOf('IIT').map((i) => i.code);
    expect(result.itemColumns).toEqual(codes);
    expect(result.rows.map((r) => r.day)).toEqual([
      '2026-05-14',
      '2026-05-15',
      '2026-05-03',
      '2026-05-02',
    ]);
    expect(result.dayOrder).toBe('dmy');
    expect(result.rows.map((r) => r.answers)).toEqual([
      expectedAnswers('IIT', 0),
      expectedAnswers('IIT', 1),
      expectedAnswers('IIT', 2, 7),
      expectedAnswers('IIT', 3),
    ]);
    // the comment question without "(ไม่บังคับ)"; its phone number masked
    expect(result.rows[0]?.comment).toContain('อยากให้เปิดเผยผลการจัดซื้อจัดจ้าง');
    expect(result.rows[0]?.comment).not.toContain('234-5678');
    expect(result.rows[2]?.comment).toBe('ผู้บริหารควรรับฟังความคิดเห็นมากขึ้น');
    expect(result.personalColumns).toEqual(['ที่อยู่อีเมล', 'ชื่อ-นามสกุล (ถ้าต้องการ)']);
    const shown = JSON.stringify(result.rows);
    for (const secret of ['example.go.th', 'สมชาย ใจดี', 'นิดา', '10:22']) {
      expect(shown).not.toContain(secret);
    }
    // every column is described: the day, the personal ones, and items by their wording
    expect(result.columns[0]).toMatchObject({ target: 'date', source: 'name' });
    expect(result.columns[1]).toMatchObject({ target: 'personal' });
    expect(result.columns[2]).toMatchObject({
      target: 'i1.1',
      source: 'wording',
      wording: { th: 'ทำตามขั้นตอนที่กำหนดไว้' },
    });
    // "๒. " before the question, a double space and a "?" still match i2
    expect(result.columns[4]).toMatchObject({ target: 'i2', source: 'wording' });
    expect(result.columns.at(-2)).toMatchObject({ target: 'comment', source: 'wording' });
  });

  it('reads the days Google writes as "2026/05/14 10:22:31 น. GMT+7"', () => {
    const stamps = [
      '14/5/2026, 10:22:31',
      '15/5/2026, 8:01:07',
      '3/5/2026, 16:45:00',
      '2/5/2026, 9:00:12',
    ];
    let text = fixture('google-forms-th.csv');
    for (const [i, stamp] of stamps.entries())
      text = text.replace(
        `"${stamp}"`,
        `2026/05/${['14', '15', '03', '02'][i]} 1${i}:22:31 น. GMT+7`,
      );
    const result = parseResponseCsv(text, specOf('IIT'));
    expectClean(result);
    expect(result.rows.map((r) => r.day)).toEqual([
      '2026-05-14',
      '2026-05-15',
      '2026-05-03',
      '2026-05-02',
    ]);
  });

  it('reads a Google Forms CSV (English interface) with English wording and M/D/YYYY days', () => {
    const result = parseResponseCsv(fixture('google-forms-en.csv'), specOf('EIT'));
    expectClean(result);
    expect(result.itemColumns).toEqual(itemsOf('EIT').map((i) => i.code));
    // 5/3/2026 alone reads two ways; 5/14/2026 in the same column settles month first
    expect(result.dayOrder).toBe('mdy');
    expect(result.rows.map((r) => r.day)).toEqual(['2026-05-14', '2026-05-03', '2026-05-15']);
    expect(result.rows.map((r) => r.answers)).toEqual(
      [0, 1, 2].map((r) => expectedAnswers('EIT', r)),
    );
    expect(result.rows[0]?.comment).toContain('Please answer the phone faster');
    expect(result.rows[0]?.comment).not.toContain('765 4321');
    expect(result.rows[1]?.comment).toBe('Good service');
    expect(result.personalColumns).toEqual(['Email Address']);
    expect(JSON.stringify(result.rows)).not.toContain('example.com');
  });

  it('reads a Microsoft Forms workbook: statements as headers, "4 - มากที่สุด", Completion time', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    const items = itemsOf('IIT');
    const comment = edition.instruments.find((i) => i.code === 'IIT')?.comment?.text.th ?? '';
    sheet.addRow([
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Last modified time',
      // Microsoft Forms writes a Likert row's statement alone, a choice question's title
      ...items.map(({ grid, q, item }) => (grid ? item.text.th : q.text.th)),
      comment,
    ]);
    const answersOf = (r: number) =>
      items.map(({ q }, i) => {
        const option = q.options[(r * 3 + i) % q.options.length];
        // the four-level questions written "number - label", yes/no by label
        return /^\d$/.test(option?.code ?? '')
          ? `${option?.code} - ${option?.label.th}`
          : (option?.label.th ?? '');
      });
    const starts = [Date.UTC(2026, 4, 6, 23, 50, 2), Date.UTC(2026, 4, 12, 9, 0, 0)];
    const ends = [Date.UTC(2026, 4, 7, 0, 5, 41), Date.UTC(2026, 4, 12, 9, 12, 30)];
    for (const r of [0, 1]) {
      sheet.addRow([
        r + 1,
        new Date(starts[r] ?? 0),
        new Date(ends[r] ?? 0),
        'anonymous',
        '',
        '',
        ...answersOf(r),
        r === 0 ? 'ควรประกาศผลการสอบสวนวินัยให้ทราบทั่วกัน' : '',
      ]);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { records, error } = await readXlsxRecords(buffer, 100);
    expect(error).toBeNull();
    const result = parseResponseRecords(records, specOf('IIT'));
    expectClean(result);
    // the three "เงิน" rows (i4.1, i5.1, i6.1) are taken in form order
    expect(result.itemColumns).toEqual(items.map((i) => i.code));
    // the day of completion (after midnight), never the start's day or the time
    expect(result.rows.map((r) => r.day)).toEqual(['2026-05-07', '2026-05-12']);
    expect(result.rows.map((r) => r.answers)).toEqual([0, 1].map((r) => expectedAnswers('IIT', r)));
    expect(result.rows[0]?.comment).toBe('ควรประกาศผลการสอบสวนวินัยให้ทราบทั่วกัน');
    expect(result.personalColumns).toEqual(['ID', 'Email', 'Name']);
    expect(result.columns.slice(0, 6).map((c) => c.target)).toEqual([
      'personal',
      'ignore',
      'date',
      'personal',
      'personal',
      'ignore',
    ]);
  });

  it('knows the columns of Microsoft Forms with the Thai interface', () => {
    const header = 'รหัส,เวลาเริ่ม,เวลาที่เสร็จสิ้น,อีเมล,ชื่อ,เวลาที่แก้ไขล่าสุด,i2';
    const result = parseResponseCsv(
      `${header}\n7,2026-05-10 23:59:00,2026-05-11 00:02:10,x@example.org,ก ข,,มาก`,
      specOf('IIT'),
    );
    expectClean(result);
    expect(result.columns.map((c) => c.target)).toEqual([
      'personal',
      'ignore',
      'date',
      'personal',
      'personal',
      'ignore',
      'i2',
    ]);
    expect(result.rows.map((r) => [r.day, r.answers])).toEqual([['2026-05-11', { i2: '3' }]]);
  });

  it('reads a LimeSurvey CSV with question codes (i1[SQ001]) and its system columns', () => {
    const result = parseResponseCsv(fixture('limesurvey-codes.csv'), specOf('IIT'));
    expectClean(result);
    expect(result.itemColumns).toEqual(itemsOf('IIT').map((i) => i.code));
    expect(result.columns.find((c) => c.column === 'i1[SQ002]')).toMatchObject({
      target: 'i1.2',
      source: 'code',
    });
    expect(result.rows.map((r) => r.day)).toEqual(['2026-05-10', '2026-05-11', '2026-05-12']);
    expect(result.rows.map((r) => r.answers)).toEqual(
      [0, 1, 2].map((r) => expectedAnswers('IIT', r)),
    );
    expect(result.rows[1]?.comment).toBe('ควรมีช่องทางร้องเรียนออนไลน์');
    expect(result.personalColumns).toEqual(['id', 'ipaddr']);
    expect(result.columns.find((c) => c.column === 'submitdate')?.target).toBe('date');
    const ignored = result.ignoredColumns.map((c) => c.column);
    for (const name of ['lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp'])
      expect(ignored).toContain(name);
    expect(JSON.stringify(result.rows)).not.toContain('203.0.113');
  });

  it('reads a LimeSurvey CSV with the full question text and "Date submitted"', () => {
    const result = parseResponseCsv(fixture('limesurvey-text.csv'), specOf('EIT'));
    expectClean(result);
    expect(result.itemColumns).toEqual(itemsOf('EIT').map((i) => i.code));
    expect(result.rows.map((r) => r.day)).toEqual(['2026-05-04', '2026-05-05']);
    expect(result.rows.map((r) => r.answers)).toEqual([0, 1].map((r) => expectedAnswers('EIT', r)));
    expect(result.rows[0]?.comment).toBe('เจ้าหน้าที่บริการดีมาก');
    expect(result.personalColumns).toEqual(['Response ID']);
    expect(result.columns.find((c) => c.column === 'Date submitted')?.target).toBe('date');
    expect(result.columns.find((c) => c.column === 'Date started')?.target).toBe('ignore');
  });
});

describe('the day order of a day column', () => {
  const csv = (...stamps: string[]) =>
    ['Timestamp,i2', ...stamps.map((stamp, i) => `"${stamp}",${(i % 4) + 1}`)].join('\n');
  const spec = specOf('IIT');

  it('asks when nothing in the column settles D/M against M/D, and stores nothing till then', () => {
    const result = parseResponseCsv(csv('5/6/2026 10:00:00', '4/5/2026 9:12:00'), spec);
    expect(result.askDayOrder).toBe(true);
    expect(result.rows).toEqual([]);
    expect(result.fileErrors[0]?.th).toContain('อ่านได้สองแบบ');
    expect(result.fileErrors[0]?.en).toContain('read two ways');
    const mdy = parseResponseCsv(csv('5/6/2026 10:00:00', '4/5/2026 9:12:00'), {
      ...spec,
      dayOrder: 'mdy',
    });
    expect(mdy.fileErrors).toEqual([]);
    expect(mdy.rows.map((r) => r.day)).toEqual(['2026-05-06', '2026-04-05']);
    const dmy = parseResponseCsv(csv('5/4/2026 10:00:00', '4/5/2026 9:12:00'), {
      ...spec,
      dayOrder: 'dmy',
    });
    expect(dmy.rows.map((r) => r.day)).toEqual(['2026-04-05', '2026-05-04']);
  });

  it('settles the order from any value in the column, and does not ask for same-number days', () => {
    const settled = parseResponseCsv(csv('5/4/2026', '13/5/2026', '4/5/2569'), spec);
    expect(settled.askDayOrder).toBe(false);
    expect(settled.rows.map((r) => r.day)).toEqual(['2026-04-05', '2026-05-13', '2026-05-04']);
    // the person's answer does not override what the column says
    const overruled = parseResponseCsv(csv('5/6/2026', '5/13/2026'), { ...spec, dayOrder: 'dmy' });
    expect(overruled.rows.map((r) => r.day)).toEqual(['2026-05-06', '2026-05-13']);
    const same = parseResponseCsv(csv('5/5/2026', '2026-05-01'), spec);
    expect(same.askDayOrder).toBe(false);
    expect(same.rows.map((r) => r.day)).toEqual(['2026-05-05', '2026-05-01']);
  });

  it('asks when the column holds both orders, and flags the rows that differ from the answer', () => {
    const mixed = csv('14/5/2026', '5/15/2026');
    const asked = parseResponseCsv(mixed, spec);
    expect(asked.askDayOrder).toBe(true);
    expect(asked.fileErrors[0]?.en).toContain('both day/month and month/day');
    const answered = parseResponseCsv(mixed, { ...spec, dayOrder: 'dmy' });
    expect(answered.rows[0]?.day).toBe('2026-05-14');
    expect(answered.rows[1]?.errors[0]?.message.en).toContain('Cannot read the date "5/15/2026"');
  });
});

describe('choices and mappings', () => {
  const spec = specOf('IIT');

  it('reads "number - label" (Thai digits too), and refuses a number and label that disagree', () => {
    const result = parseResponseCsv(
      'i2,i7,i9,i10,i4.1,i13\n4 - มากที่สุด,๓ - มาก,2. a little,1) น้อยที่สุดหรือไม่มีเลย,Y - มี,4 - น้อย',
      spec,
    );
    expect(result.rows[0]?.answers).toEqual({ i2: '4', i7: '3', i9: '2', i10: '1', 'i4.1': 'Y' });
    expect(result.rows[0]?.errors.map((e) => e.column)).toEqual(['i13']);
    expect(result.rows[0]?.errors[0]?.message.th).toContain('"4 - น้อย"');
  });

  it('lets the person correct a match, keeps it, and applies the kept mapping to the next file', () => {
    // "ข้อ 2" matches nothing: refused until the person says which item it is
    const text = 'date,ข้อ 2,ชื่อหน่วยงาน,i7\n2026-05-14,มาก,กองคลัง,4\n';
    const first = parseResponseCsv(text, spec);
    expect(first.columns.map((c) => c.target)).toEqual(['date', 'ignore', 'personal', 'i7']);
    const corrected = parseResponseCsv(text, { ...spec, mapping: { '#2': 'i2', i7: 'i9' } });
    expect(corrected.fileErrors).toEqual([]);
    expect(corrected.rows[0]?.answers).toEqual({ i2: '3', i9: '4' });
    expect(corrected.columns[1]).toMatchObject({ target: 'i2', source: 'chosen' });
    expect(corrected.columns[3]).toMatchObject({ target: 'i9', source: 'chosen' });
    const kept = mappingToKeep(corrected);
    expect(kept).toEqual({ 'ข้อ 2': 'i2', i7: 'i9' });
    const next = parseResponseCsv('date,ข้อ  2,i7\n2026-05-15,น้อย,1\n', {
      ...spec,
      savedMapping: kept,
    });
    // a header that starts with an item code keeps its code; the rest follow the saved mapping
    expect(next.columns.map((c) => [c.target, c.source])).toEqual([
      ['date', 'name'],
      ['i2', 'saved'],
      ['i7', 'code'],
    ]);
    expect(next.rows[0]?.answers).toEqual({ i2: '2', i7: '1' });
  });

  it('keeps a choice that repeats the match as it was found, and refuses a target that is no item', () => {
    const text = 'ประทับเวลา,i2\n2026-05-14 10:00,4\n';
    const same = parseResponseCsv(text, { ...spec, mapping: { '#1': 'date', '#2': 'i2' } });
    expect(same.columns.map((c) => c.source)).toEqual(['name', 'code']);
    expect(mappingToKeep(same)).toEqual({});
    const wrong = parseResponseCsv(text, { ...spec, mapping: { '#2': 'i99' } });
    expect(wrong.fileErrors[0]?.en).toContain('"i99" was chosen, but IIT has no such item');
    // a header that looks like a code but is no item is an error until the person says what it is
    const coded = 'i2,q7\n4,3\n';
    expect(parseResponseCsv(coded, spec).fileErrors[0]?.en).toContain('no item q7 in IIT');
    const settled = parseResponseCsv(coded, { ...spec, mapping: { q7: 'i7' } });
    expect(settled.fileErrors).toEqual([]);
    expect(settled.rows[0]?.answers).toEqual({ i2: '4', i7: '3' });
    const dropped = parseResponseCsv(coded, { ...spec, mapping: { q7: 'ignore' } });
    expect(dropped.fileErrors).toEqual([]);
    expect(dropped.columns[1]).toMatchObject({ target: 'ignore', source: 'chosen' });
    const ignored = parseResponseCsv('i2,i7\n4,3\n', { ...spec, mapping: { i7: 'ignore' } });
    expect(ignored.itemColumns).toEqual(['i2']);
    expect(ignored.ignoredColumns[0]?.reason.en).toContain('You chose not to import');
  });
});
