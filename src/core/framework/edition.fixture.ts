import type { EditionInput } from './edition.schema.js';

const t = (th: string, en: string) => ({ th, en });

function makeScales(): NonNullable<EditionInput['scales']> {
  return [
    {
      code: 'L4',
      name: t('ระดับ 4 ระดับ', 'Four levels'),
      options: [
        { code: '1', label: t('น้อยที่สุด', 'Least'), score: 0 },
        { code: '2', label: t('น้อย', 'Little'), score: '100/3' },
        { code: '3', label: t('มาก', 'Much'), score: '200/3' },
        { code: '4', label: t('มากที่สุด', 'Most'), score: 100 },
        { code: 'dk', label: t('ไม่ทราบ', "Don't know"), excluded: true },
      ],
    },
    {
      code: 'YN',
      name: t('ใช่/ไม่ใช่', 'Yes/No'),
      options: [
        { code: 'Y', label: t('ใช่', 'Yes'), score: 100 },
        { code: 'N', label: t('ไม่ใช่', 'No'), score: 0 },
      ],
    },
  ];
}

type InstrumentInput = EditionInput['instruments'][number];

function makeIit(): InstrumentInput {
  return {
    code: 'IIT',
    name: t('การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', 'Internal Integrity and Transparency'),
    kind: 'survey',
    weight: 30,
    indicators: [
      {
        code: 'I1',
        name: t('การปฏิบัติหน้าที่', 'Performance of duty'),
        questions: [
          { code: 'I1.1', text: t('ข้อ 1', 'Question 1'), scale: 'L4' },
          { code: 'I1.2', text: t('ข้อ 2', 'Question 2'), scale: 'L4', direction: 'negative' },
        ],
      },
      {
        code: 'I2',
        name: t('การใช้งบประมาณ', 'Use of budget'),
        status: 'provisional',
        source: 'NACC draft 2569',
        questions: [
          {
            code: 'I2.1',
            text: t('ข้อ 3', 'Question 3'),
            scale: 'YN',
            items: [
              { code: 'I2.1a', text: t('ข้อย่อย ก', 'Sub-item a'), weight: 60 },
              {
                code: 'I2.1b',
                text: t('ข้อย่อย ข', 'Sub-item b'),
                weight: 40,
                scores: { Y: 0, N: 100 },
              },
            ],
          },
        ],
      },
    ],
  };
}

function makeEit(): InstrumentInput {
  return {
    code: 'EIT',
    name: t('การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', 'External Integrity and Transparency'),
    kind: 'survey',
    weight: 30,
    indicators: [
      {
        code: 'E1',
        name: t('คุณภาพการดำเนินงาน', 'Quality of operations'),
        weight: 60,
        questions: [
          {
            code: 'E1.1',
            text: t('ข้อ 4', 'Question 4'),
            scale: 'L4',
            scores: { '1': 0, '2': 50, '3': 75, '4': 100 },
          },
        ],
      },
      {
        code: 'E2',
        name: t('ประสิทธิภาพการสื่อสาร', 'Communication'),
        weight: 40,
        questions: [{ code: 'E2.1', text: t('ข้อ 5', 'Question 5'), scale: 'YN' }],
      },
    ],
  };
}

const el = (code: string) => ({ code, text: t(`องค์ประกอบ ${code}`, `Element ${code}`) });

function makeChecklistInstrument(): InstrumentInput {
  return {
    code: 'OIT',
    name: t('การเปิดเผยข้อมูลสาธารณะ', 'Open Data Integrity and Transparency'),
    kind: 'checklist',
    weight: 40,
    indicators: [makeOitIndicatorA(), makeOitIndicatorB()],
  };
}

function makeOitIndicatorA(): InstrumentInput['indicators'][number] {
  return {
    code: 'O-A',
    name: t('การเปิดเผยข้อมูล', 'Disclosure'),
    subindicators: [
      {
        code: 'OA1',
        name: t('ข้อมูลพื้นฐาน', 'Basic information'),
        items: [
          { code: 'O1', name: t('โครงสร้าง', 'Structure'), elements: [el('1'), el('2')] },
          { code: 'O2', name: t('ผู้บริหาร', 'Executives'), elements: [el('1')], period: 'any' },
        ],
      },
    ],
  };
}

function makeOitIndicatorB(): InstrumentInput['indicators'][number] {
  return {
    code: 'O-B',
    name: t('การป้องกันการทุจริต', 'Corruption prevention'),
    subindicators: [
      {
        code: 'OB1',
        name: t('การบริหารงาน', 'Administration'),
        weight: 70,
        items: [{ code: 'O3', name: t('แผนดำเนินงาน', 'Work plan'), elements: [el('1')] }],
      },
      {
        code: 'OB2',
        name: t('มาตรการภายใน', 'Internal measures'),
        weight: 30,
        status: 'provisional',
        items: [
          {
            code: 'O4',
            name: t('มาตรการ', 'Measures'),
            elements: [el('1'), el('2')],
            partial_credit: true,
          },
        ],
      },
    ],
  };
}

function makeRating(): EditionInput['rating'] {
  const level = (code: string, th: string, en: string, minTotal?: number, minEach?: number) => ({
    code,
    name: t(th, en),
    ...(minTotal === undefined ? {} : { min_total: minTotal }),
    ...(minEach === undefined ? {} : { min_each_instrument: minEach }),
  });
  return {
    default: 'five-level',
    schemes: [
      {
        code: 'five-level',
        name: t('ห้าระดับ', 'Five levels'),
        levels: [
          level('excellent', 'ดีเยี่ยม', 'Excellent', 95, 95),
          level('good', 'ดีมาก', 'Very good', 85, 85),
          level('pass', 'ผ่าน', 'Pass', 85),
          level('improve', 'ต้องปรับปรุง', 'Needs improvement', 70),
          level('urgent', 'ต้องปรับปรุงเร่งด่วน', 'Urgent improvement', 0),
        ],
      },
      {
        code: 'letter',
        name: t('ระดับตัวอักษร', 'Letter grades'),
        status: 'provisional',
        levels: [
          level('A', 'เอ', 'A', 90),
          level('B', 'บี', 'B', 80),
          level('C', 'ซี', 'C', 70),
          level('F', 'เอฟ', 'F'),
        ],
      },
    ],
  };
}

/** A small valid edition: two surveys, one checklist, two rating schemes, sample rules and a calendar. */
export function makeEdition(): EditionInput {
  return {
    format: 1,
    id: 'ita-2569-test',
    year: 2569,
    version: 1,
    title: t('เกณฑ์ ITA ทดสอบ', 'Test ITA edition'),
    status: 'confirmed',
    source: 'NACC ITA 2569 manual',
    total_points: 100,
    rounding: { mode: 'half_up', decimals: 2 },
    scales: makeScales(),
    instruments: [makeIit(), makeEit(), makeChecklistInstrument()],
    rating: makeRating(),
    min_sample: [
      { instruments: ['IIT'], all_below: 30, fraction: 0.2, min: 30, max: 400 },
      { instruments: ['EIT'], all_below: 20, fraction: 0.1, min: 20, status: 'provisional' },
    ],
    calendar: [
      {
        code: 'oit-publish',
        name: t('เผยแพร่ข้อมูล OIT', 'OIT publication'),
        start: '2025-12-01',
        end: '2026-02-28',
      },
      {
        code: 'survey',
        name: t('เก็บแบบสำรวจ', 'Survey window'),
        start: '2026-03-01',
        end: '2026-06-30',
        status: 'provisional',
      },
    ],
  };
}
