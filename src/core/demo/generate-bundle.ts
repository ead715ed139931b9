import type { CompiledEdition, CompiledSurveyItem } from '../framework/compile-edition.js';
import type { BundleRecord } from '../scoring/score-bundle.js';

/** A deterministic pseudo-random generator (mulberry32): same seed, same demo. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateBundleOptions {
  agencies: { id: string; name: string }[];
  /** Responses in all, shared between agencies by size. */
  responses: number;
  /** Share of the responses that are IIT (the rest EIT). */
  iitShare: number;
  random: () => number;
}

/** Options of an item from the best answer to the worst. */
function rankOptions(item: CompiledSurveyItem): string[] {
  return item.optionCodes
    .filter((o) => item.optionScores[o] !== null)
    .sort((a, b) => (item.optionScores[b] ?? 0) - (item.optionScores[a] ?? 0));
}

function pickAnswer(ranked: string[], attitude: number, random: () => number): string | null {
  const r = random();
  if (r < 0.02) return null;
  let index = 0;
  let chance = attitude;
  while (index < ranked.length - 1 && random() > chance) {
    index += 1;
    chance = Math.max(chance, 0.55);
  }
  return ranked[index] ?? null;
}

function splitBySize(total: number, count: number, random: () => number): number[] {
  const sizes = Array.from({ length: count }, () => Math.exp(random() * 2.2));
  const sum = sizes.reduce((a, b) => a + b, 0);
  const shares = sizes.map((s) => Math.floor((total * s) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % count, left -= 1) shares[i] = (shares[i] ?? 0) + 1;
  return shares;
}

/**
 * Generates a realistic scoring bundle: agencies of different sizes and integrity, answers
 * drawn around each agency's level, OIT items passed more often by better agencies.
 */
export function* generateBundleRecords(
  compiled: CompiledEdition,
  options: GenerateBundleOptions,
): Generator<BundleRecord> {
  const { random } = options;
  const items = [...compiled.surveyItems.values()].map((item) => ({
    item,
    ranked: rankOptions(item),
  }));
  const byInstrument = (code: string) => items.filter((i) => i.item.instrumentCode === code);
  const surveys = compiled.edition.instruments
    .filter((i) => i.kind === 'survey')
    .map((i) => i.code);
  const perAgency = splitBySize(options.responses, options.agencies.length, random);
  for (const [index, agency] of options.agencies.entries()) {
    const quality = 0.45 + random() * 0.55;
    yield { type: 'agency', id: agency.id, name: agency.name };
    const count = perAgency[index] ?? 0;
    for (let n = 0; n < count; n += 1) {
      const instrument =
        surveys.length > 1 && random() >= options.iitShare ? surveys[1] : surveys[0];
      if (!instrument) break;
      const attitude = Math.min(0.98, Math.max(0.1, quality + (random() - 0.5) * 0.3));
      const answers: Record<string, string | null> = {};
      for (const { item, ranked } of byInstrument(instrument)) {
        answers[item.code] = pickAnswer(ranked, attitude, random);
      }
      yield { type: 'response', agency: agency.id, instrument, answers };
    }
    const decisions: Record<string, 'pass' | 'fail'> = {};
    for (const code of compiled.oitItems.keys()) {
      decisions[code] = random() < quality + 0.25 ? 'pass' : 'fail';
    }
    yield { type: 'oit', agency: agency.id, decisions };
  }
}
