import type { Edition, Element, Text } from '../../../core/framework/edition.schema.js';

/** One OIT item of an edition as the review screens need it. */
export interface OitItemInfo {
  code: string;
  name: Text;
  indicatorCode: string;
  elements: Element[];
  partialCredit: boolean;
}

/** The OIT (checklist) items of an edition, in the edition's order. */
export function listOitItems(edition: Edition): OitItemInfo[] {
  const items: OitItemInfo[] = [];
  for (const instrument of edition.instruments) {
    if (instrument.kind !== 'checklist') continue;
    for (const indicator of instrument.indicators) {
      for (const sub of indicator.subindicators ?? []) {
        for (const item of sub.items) {
          items.push({
            code: item.code,
            name: item.name,
            indicatorCode: indicator.code,
            elements: item.elements,
            partialCredit: item.partial_credit ?? false,
          });
        }
      }
    }
  }
  return items;
}
