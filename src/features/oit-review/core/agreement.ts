/** Agreement between two assessors who judged the same items pass or fail. */
export interface AgreementStats {
  /** Items both assessors decided. */
  items: number;
  agreed: number;
  /** Share of items with the same outcome (0–1), or null when no item was decided by both. */
  percent: number | null;
  /** Cohen's kappa, or null when undefined (no item, or both always chose the same outcome). */
  kappa: number | null;
}

/**
 * Percent agreement and Cohen's kappa of two assessors' pass/fail outcomes, over the items both
 * decided: kappa = (po − pe) / (1 − pe), pe from each assessor's own pass rate.
 */
export function computeAgreement(
  first: ReadonlyMap<string, boolean>,
  second: ReadonlyMap<string, boolean>,
): AgreementStats {
  let items = 0;
  let agreed = 0;
  let firstPass = 0;
  let secondPass = 0;
  for (const [code, a] of first) {
    const b = second.get(code);
    if (b === undefined) continue;
    items += 1;
    if (a === b) agreed += 1;
    if (a) firstPass += 1;
    if (b) secondPass += 1;
  }
  if (items === 0) return { items, agreed, percent: null, kappa: null };
  const po = agreed / items;
  const p1 = firstPass / items;
  const p2 = secondPass / items;
  const pe = p1 * p2 + (1 - p1) * (1 - p2);
  const kappa = pe >= 1 ? null : (po - pe) / (1 - pe);
  return { items, agreed, percent: po, kappa };
}
