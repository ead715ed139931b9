import type {
  Edition,
  MinSampleRule,
  RatingLevel,
  RatingScheme,
  Scale,
  Text,
} from './edition.schema.js';
import { makeChange, type ChangeField, type EditionChange } from './edition-change.js';
import { formatNumber } from './edition-problem.js';

/** Changes in document order, and removals kept apart so that they can be listed last. */
export interface ChangeLists {
  changes: EditionChange[];
  removed: EditionChange[];
}

function showName(name: Text): string {
  return `${name.th} / ${name.en}`;
}

function changedIf(
  nodeType: string,
  code: string,
  field: ChangeField,
  before: string,
  after: string,
): EditionChange[] {
  return before === after ? [] : [makeChange('changed', nodeType, code, { before, after, field })];
}

/** Matches two lists by key: added and changed in b's order, removed in a's order. */
function diffKeyed<T>(
  aList: readonly T[],
  bList: readonly T[],
  spec: {
    nodeType: string;
    keyOf: (t: T) => string;
    show: (t: T) => string;
    compare: (x: T, y: T, code: string) => EditionChange[];
  },
): ChangeLists {
  const aByKey = new Map(aList.map((t) => [spec.keyOf(t), t] as const));
  const bKeys = new Set(bList.map(spec.keyOf));
  const changes = bList.flatMap((t) => {
    const code = spec.keyOf(t);
    const old = aByKey.get(code);
    if (old === undefined)
      return [makeChange('added', spec.nodeType, code, { after: spec.show(t) })];
    return spec.compare(old, t, code);
  });
  const removed = aList
    .filter((t) => !bKeys.has(spec.keyOf(t)))
    .map((t) => makeChange('removed', spec.nodeType, spec.keyOf(t), { before: spec.show(t) }));
  return { changes, removed };
}

/** Compares total_points, rounding, the minimum group size and the default rating scheme. */
export function diffEditionSettings(a: Edition, b: Edition): ChangeLists {
  const rounding = (e: Edition) => `${e.rounding.mode}, ${e.rounding.decimals}`;
  const changes = [
    ...changedIf(
      'edition',
      'total_points',
      { th: 'คะแนนเต็ม (total_points)', en: 'total_points' },
      formatNumber(a.total_points),
      formatNumber(b.total_points),
    ),
    ...changedIf(
      'edition',
      'rounding',
      { th: 'การปัดเศษ (วิธี, จำนวนทศนิยม)', en: 'rounding (mode, decimals)' },
      rounding(a),
      rounding(b),
    ),
    ...changedIf(
      'edition',
      'min_group_size',
      { th: 'จำนวนผู้ตอบขั้นต่ำที่แสดงคะแนนได้ (min_group_size)', en: 'min_group_size' },
      formatNumber(a.min_group_size),
      formatNumber(b.min_group_size),
    ),
    ...changedIf(
      'edition',
      'rating.default',
      { th: 'เกณฑ์การจัดระดับหลัก', en: 'default rating scheme' },
      a.rating.default,
      b.rating.default,
    ),
  ];
  return { changes, removed: [] };
}

function showOptions(scale: Scale): string {
  return scale.options
    .map((o) => `${o.code}=${o.excluded === true ? 'excluded' : formatNumber(o.score ?? NaN)}`)
    .join(', ');
}

/** Compares answer scales by code: added, removed, and changed options or scores. */
export function diffScales(a: Edition, b: Edition): ChangeLists {
  return diffKeyed(a.scales, b.scales, {
    nodeType: 'scale',
    keyOf: (s) => s.code,
    show: (s) => showName(s.name),
    compare: (x, y, code) =>
      changedIf(
        'scale',
        code,
        { th: 'ตัวเลือกและคะแนน', en: 'options and scores' },
        showOptions(x),
        showOptions(y),
      ),
  });
}

function showThresholds(level: RatingLevel): string {
  const parts: string[] = [];
  if (level.min_total !== undefined) parts.push(`total ≥ ${formatNumber(level.min_total)}`);
  if (level.min_each_instrument !== undefined) {
    parts.push(`each instrument ≥ ${formatNumber(level.min_each_instrument)}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no condition';
}

function diffScheme(x: RatingScheme, y: RatingScheme, code: string): EditionChange[] {
  const order = (s: RatingScheme) => s.levels.map((l) => l.code).join(' > ');
  const levels = diffKeyed(x.levels, y.levels, {
    nodeType: 'rating_level',
    keyOf: (l) => `${code}/${l.code}`,
    show: (l) => `${showName(l.name)} (${showThresholds(l)})`,
    compare: (p, q, levelCode) =>
      changedIf(
        'rating_level',
        levelCode,
        { th: 'เกณฑ์ขั้นต่ำ', en: 'thresholds' },
        showThresholds(p),
        showThresholds(q),
      ),
  });
  return [
    ...changedIf(
      'rating_scheme',
      code,
      { th: 'ลำดับของระดับ', en: 'order of levels' },
      order(x),
      order(y),
    ),
    ...levels.changes,
    ...levels.removed,
  ];
}

/** Compares rating schemes by code and their levels' thresholds. */
export function diffRatings(a: Edition, b: Edition): ChangeLists {
  const lists = diffKeyed(a.rating.schemes, b.rating.schemes, {
    nodeType: 'rating_scheme',
    keyOf: (s) => s.code,
    show: (s) => showName(s.name),
    compare: diffScheme,
  });
  // Levels removed from a kept scheme go with the other removals, at the end.
  return {
    changes: lists.changes.filter((c) => c.kind !== 'removed'),
    removed: [...lists.changes.filter((c) => c.kind === 'removed'), ...lists.removed],
  };
}

function showSampleRule(rule: MinSampleRule): string {
  const max = rule.max === undefined ? 'none' : String(rule.max);
  const fraction = formatNumber(rule.fraction);
  return `all_below ${rule.all_below}, fraction ${fraction}, min ${rule.min}, max ${max}`;
}

/** Compares minimum-sample rules, matched by the set of instruments they cover. */
export function diffMinSamples(a: Edition, b: Edition): ChangeLists {
  return diffKeyed(a.min_sample, b.min_sample, {
    nodeType: 'min_sample',
    keyOf: (r) => [...r.instruments].sort().join('+'),
    show: showSampleRule,
    compare: (x, y, code) =>
      changedIf(
        'min_sample',
        code,
        { th: 'จำนวนตัวอย่าง', en: 'sample numbers' },
        showSampleRule(x),
        showSampleRule(y),
      ),
  });
}

/** Compares calendar milestones by code and their dates. */
export function diffCalendars(a: Edition, b: Edition): ChangeLists {
  const dates = (m: Edition['calendar'][number]) => `${m.start} – ${m.end}`;
  return diffKeyed(a.calendar, b.calendar, {
    nodeType: 'milestone',
    keyOf: (m) => m.code,
    show: (m) => `${showName(m.name)} (${dates(m)})`,
    compare: (x, y, code) =>
      changedIf('milestone', code, { th: 'วันที่', en: 'dates' }, dates(x), dates(y)),
  });
}
