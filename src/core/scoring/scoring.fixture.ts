import { compileEdition, type CompiledEdition } from '../framework/compile-edition.js';
import { EditionSchema, type EditionInput } from '../framework/edition.schema.js';

const t = (en: string) => ({ th: `ไทย ${en}`, en });

/** Builds an OIT sub-indicator with `count` items coded from `first`. */
function subindicator(code: string, first: number, count: number) {
  const items = Array.from({ length: count }, (_, i) => ({
    code: `O${first + i}`,
    name: t(`item ${first + i}`),
  }));
  return { code, name: t(`sub ${code}`), items };
}

/**
 * A small edition for scoring tests: IIT with a sub-itemised question, a reverse-coded L4
 * question and a reverse-coded yes/no question; EIT with one question; OIT shaped like the
 * 2564 data (sub-indicators of 9, 8, 7, 4, 5 items and of 8, 2 items).
 */
export function makeScoringEdition(): EditionInput {
  return {
    format: 1,
    id: 'test-edition',
    year: 2569,
    version: 1,
    title: t('Test edition'),
    status: 'provisional',
    source: 'unit tests',
    scales: [
      {
        code: 'L4',
        name: t('four levels'),
        options: [
          { code: '1', label: t('least'), score: 0 },
          { code: '2', label: t('little'), score: '100/3' },
          { code: '3', label: t('much'), score: '200/3' },
          { code: '4', label: t('most'), score: 100 },
          { code: 'DK', label: t("don't know"), excluded: true },
        ],
      },
      {
        code: 'YN',
        name: t('yes or no'),
        options: [
          { code: 'Y', label: t('yes'), score: 100 },
          { code: 'N', label: t('no'), score: 0 },
        ],
      },
    ],
    instruments: [
      {
        code: 'IIT',
        name: t('internal'),
        kind: 'survey',
        weight: 30,
        indicators: [
          {
            code: '1',
            name: t('duty'),
            questions: [
              {
                code: 'i1',
                text: t('procedures'),
                scale: 'L4',
                items: [
                  { code: 'i1.1', text: t('steps') },
                  { code: 'i1.2', text: t('time') },
                ],
              },
              { code: 'i2', text: t('bribes asked'), scale: 'YN', direction: 'negative' },
            ],
          },
          {
            code: '2',
            name: t('budget'),
            questions: [
              { code: 'i3', text: t('awareness'), scale: 'L4' },
              { code: 'i4', text: t('misuse'), scale: 'L4', direction: 'negative' },
            ],
          },
        ],
      },
      {
        code: 'EIT',
        name: t('external'),
        kind: 'survey',
        weight: 30,
        indicators: [
          {
            code: '6',
            name: t('quality'),
            questions: [{ code: 'e1', text: t('fair'), scale: 'L4' }],
          },
        ],
      },
      {
        code: 'OIT',
        name: t('open data'),
        kind: 'checklist',
        weight: 40,
        indicators: [
          {
            code: '9',
            name: t('disclosure'),
            subindicators: [
              subindicator('9.1', 1, 9),
              subindicator('9.2', 10, 8),
              subindicator('9.3', 18, 7),
              subindicator('9.4', 25, 4),
              subindicator('9.5', 29, 5),
            ],
          },
          {
            code: '10',
            name: t('prevention'),
            subindicators: [subindicator('10.1', 34, 8), subindicator('10.2', 42, 2)],
          },
        ],
      },
    ],
    rating: {
      default: 'five_level',
      schemes: [
        {
          code: 'five_level',
          name: t('five levels'),
          levels: [
            { code: 'excellent', name: t('excellent'), min_total: 95, min_each_instrument: 95 },
            { code: 'good', name: t('good'), min_total: 85, min_each_instrument: 85 },
            { code: 'pass', name: t('pass'), min_total: 85 },
            { code: 'improve', name: t('improve'), min_total: 70 },
            { code: 'urgent', name: t('urgent'), min_total: 0 },
          ],
        },
        {
          code: 'letter',
          name: t('letters'),
          levels: [
            { code: 'AA', name: t('AA'), min_total: 95 },
            { code: 'A', name: t('A'), min_total: 85 },
            { code: 'B', name: t('B'), min_total: 75 },
            { code: 'F', name: t('F'), min_total: 0 },
          ],
        },
      ],
    },
  };
}

/** The scoring fixture, parsed and compiled. */
export function compileScoringEdition(input: EditionInput = makeScoringEdition()): CompiledEdition {
  return compileEdition(EditionSchema.parse(input));
}

/** OIT decisions with every item passed except the listed ones. */
export function oitDecisions(compiled: CompiledEdition, failed: string[] = []) {
  return Object.fromEntries(
    [...compiled.oitItems.keys()].map(
      (code) => [code, failed.includes(code) ? 'fail' : 'pass'] as const,
    ),
  );
}
