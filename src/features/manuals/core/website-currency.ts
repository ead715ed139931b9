import type { Message } from '../../../core/errors.js';
import type { Edition, Element, Text } from '../../../core/framework/edition.schema.js';

/** The fiscal year an OIT item's content must cover: `current`, `previous` or `any`. */
export type ItemPeriod = 'current' | 'previous' | 'any';

export interface Currency {
  stale: boolean;
  /** The fiscal year the round expects, null when any year will do or the item is unknown. */
  expectedYear: number | null;
  message: Message | null;
}

/**
 * Generated documents whose content is, by its nature, about an earlier year than the one they
 * serve: last year's ITA results and their analysis are this year's evidence for O25 ("the
 * previous year's ITA results"), whose period is `current`. Years behind, by source.
 */
export const CONTENT_YEARS_BEHIND: Readonly<Record<string, number>> = {
  ita_results: 1,
  ita_analysis: 1,
};

/**
 * Whether a published document is stale for the current round: its fiscal year is older than
 * the one the item's period asks for (the round's year, or the year before for `previous`), less
 * the years its kind of content is behind by nature (CONTENT_YEARS_BEHIND).
 * A document not tied to a year, or for an item that takes any year, is never stale.
 */
export function checkCurrency(input: {
  fiscalYear: number | null;
  roundYear: number;
  period: ItemPeriod | null;
  source?: string;
}): Currency {
  const { fiscalYear, roundYear, period } = input;
  if (period === null || period === 'any')
    return { stale: false, expectedYear: null, message: null };
  const behind = (input.source && CONTENT_YEARS_BEHIND[input.source]) || 0;
  const expectedYear = (period === 'previous' ? roundYear - 1 : roundYear) - behind;
  if (fiscalYear === null || fiscalYear >= expectedYear)
    return { stale: false, expectedYear, message: null };
  return {
    stale: true,
    expectedYear,
    message: {
      th: `ข้อมูลเป็นของปีงบประมาณ พ.ศ. ${fiscalYear} แต่รอบการประเมินปี ${roundYear} ต้องการข้อมูลปีงบประมาณ พ.ศ. ${expectedYear} กรุณาปรับปรุง`,
      en: `The content covers fiscal year ${fiscalYear}, but the ${roundYear} round needs fiscal year ${expectedYear}: update it`,
    },
  };
}

/** The OIT item that lists a generated-evidence source, with what the currency check needs. */
export interface SourceItem {
  code: string;
  name: Text;
  period: ItemPeriod;
  elements: Element[];
}

/** For each generated-evidence source, the first OIT item of the edition that lists it. */
export function itemsBySource(edition: Edition): Map<string, SourceItem> {
  const found = new Map<string, SourceItem>();
  for (const instrument of edition.instruments)
    for (const indicator of instrument.indicators)
      for (const sub of indicator.subindicators ?? [])
        for (const item of sub.items)
          for (const source of item.generated_evidence ?? [])
            if (!found.has(source))
              found.set(source, {
                code: item.code,
                name: item.name,
                period: item.period,
                elements: item.elements,
              });
  return found;
}
