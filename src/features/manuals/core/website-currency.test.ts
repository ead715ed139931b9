import { describe, expect, it } from 'vitest';
import { makeEdition } from '../../../core/framework/edition.fixture.js';
import { EditionSchema } from '../../../core/framework/edition.schema.js';
import { checkCurrency, itemsBySource } from './website-currency.js';

describe('website currency', () => {
  it('calls a document of last year stale for an item about the current year', () => {
    const result = checkCurrency({ fiscalYear: 2568, roundYear: 2569, period: 'current' });
    expect(result.stale).toBe(true);
    expect(result.expectedYear).toBe(2569);
    expect(result.message?.th).toContain('ปีงบประมาณ พ.ศ. 2568');
    expect(result.message?.th).toContain('2569');
  });

  it('accepts last year for an item about the previous year, not the year before', () => {
    expect(checkCurrency({ fiscalYear: 2568, roundYear: 2569, period: 'previous' }).stale).toBe(
      false,
    );
    expect(checkCurrency({ fiscalYear: 2567, roundYear: 2569, period: 'previous' }).stale).toBe(
      true,
    );
  });

  it("accepts last year's ITA results for an item about the current year, not older ones", () => {
    const input = { roundYear: 2569, period: 'current' as const, source: 'ita_results' };
    expect(checkCurrency({ ...input, fiscalYear: 2568 }).stale).toBe(false);
    expect(checkCurrency({ ...input, fiscalYear: 2567 }).stale).toBe(true);
    expect(checkCurrency({ ...input, fiscalYear: 2567 }).expectedYear).toBe(2568);
  });

  it('never calls stale a document without a year, or for an item that takes any year', () => {
    expect(checkCurrency({ fiscalYear: null, roundYear: 2569, period: 'current' }).stale).toBe(
      false,
    );
    expect(checkCurrency({ fiscalYear: 2560, roundYear: 2569, period: 'any' }).stale).toBe(false);
    expect(checkCurrency({ fiscalYear: 2560, roundYear: 2569, period: null }).stale).toBe(false);
  });

  it('finds the item each generated source belongs to, with its period and elements', () => {
    const input = makeEdition();
    const items = input.instruments[2]!.indicators[0]!.subindicators![0]!.items;
    items[0]!.generated_evidence = ['service_manuals'];
    items[0]!.period = 'previous';
    const found = itemsBySource(EditionSchema.parse(input)).get('service_manuals');
    expect(found?.code).toBe(items[0]!.code);
    expect(found?.period).toBe('previous');
    expect(found?.elements.length).toBe(items[0]!.elements?.length);
    expect(itemsBySource(EditionSchema.parse(input)).has('work_manuals')).toBe(false);
  });
});
