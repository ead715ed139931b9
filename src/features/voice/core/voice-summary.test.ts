import { describe, expect, it } from 'vitest';
import type { CommentQuestion } from '../../../core/framework/edition.schema.js';
import { DEFAULT_MIN_GROUP_SIZE as MIN_GROUP_SIZE } from '../../../core/disclosure/disclosure.js';
import { assignThemes, OTHER_THEME } from './themes.js';
import { selectQuotes, summariseVoice } from './voice-summary.js';
import { countWords, segmentWords } from './words.js';

const question: CommentQuestion = {
  text: { th: 'ข้อเสนอแนะ', en: 'Suggestions' },
  themes: [
    {
      code: 'gifts',
      name: { th: 'ของขวัญ', en: 'Gifts' },
      indicator: '1',
      keywords: ['ของขวัญ', 'สินน้ำใจ', 'Gift'],
    },
    {
      code: 'service',
      name: { th: 'ขั้นตอนและเวลา', en: 'Steps and time' },
      indicator: '6',
      keywords: ['ล่าช้า', 'รอนาน'],
    },
  ],
};
const indicators = [
  { code: '1', name: { th: 'การปฏิบัติหน้าที่', en: 'Performance of duty' } },
  { code: '6', name: { th: 'คุณภาพการดำเนินงาน', en: 'Quality of operations' } },
];

describe('segmentWords and countWords', () => {
  it('cuts Thai text into words without stop words, masks or numbers', () => {
    expect(segmentWords('เจ้าหน้าที่ให้บริการล่าช้า [ชื่อ] โทร [เบอร์โทร] 15 วัน')).toEqual([
      'เจ้าหน้าที่',
      'บริการ',
      'ล่าช้า',
      'โทร',
      'วัน',
    ]);
  });

  it('keeps whole words: no ผู้, เจ้า, ขวัญ or กัน cut off a word (issue 13, part 8)', () => {
    const comments = [
      'ผู้รับบริการพึงพอใจเจ้าหน้าที่',
      'ผู้บริหารควรรับฟังและช่วยกันดูแลขวัญกำลังใจของบุคลากร',
      'ผู้ใช้บริการรอนาน เจ้าหน้าที่ช่วยกันแก้ไข',
    ];
    const words = countWords(comments, 50).map((w) => w.word);
    for (const fragment of ['ผู้', 'เจ้า', 'ขวัญ', 'กัน', 'ใจ']) expect(words).not.toContain(fragment);
    expect(words).toEqual(
      expect.arrayContaining([
        'เจ้าหน้าที่',
        'ผู้รับบริการ',
        'ผู้บริหาร',
        'ขวัญกำลังใจ',
        'ผู้ใช้บริการ',
        'พึงพอใจ',
        'รับฟัง',
      ]),
    );
    expect(countWords(comments, 1)).toEqual([{ word: 'เจ้าหน้าที่', count: 2 }]);
  });

  it('joins a bound prefix to the next piece when no listed word applies', () => {
    expect(segmentWords('นักวิชาการตรวจเอกสาร')).toContain(
      segmentWords('นักวิชาการตรวจเอกสาร').find((w) => w.startsWith('นัก')),
    );
    expect(segmentWords('นักวิชาการตรวจเอกสาร')).not.toContain('นัก');
  });

  it('counts each word once per comment, most used first', () => {
    const words = countWords(['บริการล่าช้า บริการล่าช้า', 'บริการดีมาก', 'ล่าช้ามาก', 'ขอบคุณ'], 3);
    expect(words).toEqual([
      { word: 'บริการ', count: 2 },
      { word: 'ล่าช้า', count: 2 },
      { word: 'ขอบคุณ', count: 1 },
    ]);
  });
});

describe('assignThemes', () => {
  it('finds every theme whose keyword appears, case-insensitively', () => {
    expect(assignThemes('มีการรับของขวัญ และรอนานมาก', question.themes)).toEqual(['gifts', 'service']);
    expect(assignThemes('no GIFTS please', question.themes)).toEqual(['gifts']);
  });

  it('puts a comment that touches no theme under "other"', () => {
    expect(assignThemes('อาคารสะอาด', question.themes)).toEqual([OTHER_THEME]);
  });
});

describe('selectQuotes', () => {
  it('masks, shortens and de-duplicates, preferring comments on a theme', () => {
    const quotes = selectQuotes(
      [
        { text: 'อาคารสะอาดและที่จอดรถเพียงพอ', themes: ['other'] },
        { text: 'เจ้าหน้าที่รับสินน้ำใจ โทร 0812345678', themes: ['gifts'] },
        { text: 'เจ้าหน้าที่รับสินน้ำใจ  โทร 0899999999!', themes: ['gifts'] },
        { text: 'ดี', themes: ['other'] },
        { text: `บริการล่าช้า${'มาก'.repeat(100)}`, themes: ['service'] },
      ],
      { quotes: 3, quoteLength: 40 },
    );
    expect(quotes).toEqual([
      'เจ้าหน้าที่รับสินน้ำใจ โทร [เบอร์โทร]',
      `บริการล่าช้า${'มาก'.repeat(9)}…`,
      'อาคารสะอาดและที่จอดรถเพียงพอ',
    ]);
  });
});

describe('summariseVoice', () => {
  const comments = [
    'นายสมชาย ใจดี รับของขวัญจากผู้มาติดต่อ',
    'รอนานมาก ขั้นตอนล่าช้า ติดต่อ somchai@example.com',
    'อาคารสะอาดดี ที่จอดรถพอ',
    'เจ้าหน้าที่บริการล่าช้า โทร 081-234-5678',
    'ไม่มีข้อเสนอแนะเพิ่มเติม ขอบคุณ',
  ];

  it(`withholds everything below ${MIN_GROUP_SIZE} respondents`, () => {
    const summary = summariseVoice({
      respondents: MIN_GROUP_SIZE - 1,
      comments: comments.slice(0, MIN_GROUP_SIZE - 1),
      question,
      indicators,
    });
    expect(summary).toEqual({ withheld: true, reason: 'respondents', minimum: MIN_GROUP_SIZE });
  });

  it(`withholds everything when fewer than ${MIN_GROUP_SIZE} respondents wrote a comment`, () => {
    const summary = summariseVoice({
      respondents: 40,
      comments: [...comments.slice(0, MIN_GROUP_SIZE - 1), '   '],
      question,
      indicators,
    });
    expect(summary).toEqual({ withheld: true, reason: 'comments', minimum: MIN_GROUP_SIZE });
  });

  it('reads the minimum from the round edition’s disclosure rule', () => {
    const input = { respondents: 12, comments, question, indicators };
    expect(summariseVoice({ ...input, rule: { minimum: 6 } })).toEqual({
      withheld: true,
      reason: 'comments',
      minimum: 6,
    });
    expect(summariseVoice({ ...input, rule: { minimum: 13 } })).toMatchObject({
      reason: 'respondents',
      minimum: 13,
    });
  });

  it('counts comments, words and themes with their indicators, and quotes them masked', () => {
    const summary = summariseVoice({ respondents: 12, comments, question, indicators });
    if (summary.withheld) throw new Error('expected a summary');
    expect(summary.comments).toBe(5);
    expect(summary.themes.map((t) => [t.code, t.indicator?.code ?? null, t.count])).toEqual([
      ['gifts', '1', 1],
      ['service', '6', 2],
      ['other', null, 2],
    ]);
    expect(summary.themes[0]?.indicator?.name.th).toBe('การปฏิบัติหน้าที่');
    expect(summary.words[0]).toEqual({ word: 'ล่าช้า', count: 2 });
    // "ผู้มาติดต่อ" is one word, not ผู้ + มา + ติดต่อ
    expect(summary.words.map((w) => w.word)).toEqual(
      expect.arrayContaining(['ผู้มาติดต่อ', 'ติดต่อ', 'ข้อเสนอแนะ']),
    );
    expect(summary.words.map((w) => w.word)).not.toContain('ข้อ');
    expect(summary.words.map((w) => w.word)).not.toContain('สมชาย');
    const text = summary.quotes.join('\n');
    expect(text).toContain('นาย[ชื่อ] รับของขวัญ');
    expect(text).toContain('[อีเมล]');
    expect(text).toContain('[เบอร์โทร]');
    expect(text).not.toMatch(/สมชาย|somchai|@|5678/);
  });
});
