import type { Edition, Text } from './edition.schema.js';
import {
  EQUAL_SHARE,
  makeChange,
  showStable,
  type ChangeField,
  type EditionChange,
} from './edition-change.js';
import { formatNumber } from './edition-problem.js';
import {
  diffCalendars,
  diffEditionSettings,
  diffMinSamples,
  diffRatings,
  diffScales,
  type ChangeLists,
} from './diff-edition-settings.js';
import { listEditionNodeEntries, type EditionNodeEntry } from './walk-edition.js';

export type { EditionChange, EditionChangeKind } from './edition-change.js';

function showName(name: Text): string {
  return `${name.th} / ${name.en}`;
}

function showWeight(entry: EditionNodeEntry): string {
  const { weight } = entry.node;
  return weight === undefined ? EQUAL_SHARE : formatNumber(weight);
}

/** The fields compared for a "changed" entry, per node type, as [field, value] pairs. */
function listDetails(entry: EditionNodeEntry): [ChangeField, string][] {
  const { value } = entry;
  switch (value.type) {
    case 'instrument':
      return [[{ th: 'ประเภทเครื่องมือ', en: 'kind' }, value.value.kind]];
    case 'question':
      return [
        [{ th: 'มาตรวัดคำตอบ', en: 'scale' }, value.value.scale],
        [{ th: 'ทิศทางของข้อคำถาม', en: 'direction' }, value.value.direction],
        [{ th: 'คะแนนของตัวเลือก', en: 'scores' }, showStable(value.value.scores)],
      ];
    case 'item':
      return [
        [{ th: 'ทิศทางของข้อย่อย', en: 'direction' }, value.value.direction ?? ''],
        [{ th: 'คะแนนของตัวเลือก', en: 'scores' }, showStable(value.value.scores)],
      ];
    case 'oit_item':
      return [
        [{ th: 'ปีงบประมาณที่ต้องครอบคลุม', en: 'period' }, value.value.period],
        [
          { th: 'การให้คะแนนบางส่วน', en: 'partial_credit' },
          String(value.value.partial_credit ?? false),
        ],
      ];
    default:
      return [];
  }
}

function diffElements(a: EditionNodeEntry, b: EditionNodeEntry): EditionChange[] {
  if (a.value.type !== 'oit_item' || b.value.type !== 'oit_item') return [];
  const before = a.value.value.elements.map((e) => e.code);
  const after = b.value.value.elements.map((e) => e.code);
  const added = after.filter((c) => !before.includes(c));
  const removed = before.filter((c) => !after.includes(c));
  if (added.length === 0 && removed.length === 0) return [];
  const none = (list: string[], th: boolean) =>
    list.length > 0 ? list.join(', ') : th ? '-' : 'none';
  const field = {
    th: `องค์ประกอบ (เพิ่ม ${none(added, true)}; ลบ ${none(removed, true)})`,
    en: `elements (added ${none(added, false)}; removed ${none(removed, false)})`,
  };
  return [
    makeChange('changed', 'oit_item', b.node.code, {
      before: before.join(', '),
      after: after.join(', '),
      field,
    }),
  ];
}

/** Compares one node present in both editions. */
function diffNode(a: EditionNodeEntry, b: EditionNodeEntry): EditionChange[] {
  const { type, code } = b.node;
  const out: EditionChange[] = [];
  if (a.node.parentCode !== b.node.parentCode) {
    const values = { before: a.node.parentCode ?? '', after: b.node.parentCode ?? '' };
    out.push(makeChange('moved', type, code, values));
  }
  if (a.node.name.th !== b.node.name.th || a.node.name.en !== b.node.name.en) {
    const values = { before: showName(a.node.name), after: showName(b.node.name) };
    out.push(makeChange('renamed', type, code, values));
  }
  if (a.node.weight !== b.node.weight) {
    out.push(makeChange('reweighted', type, code, { before: showWeight(a), after: showWeight(b) }));
  }
  const before = listDetails(a);
  listDetails(b).forEach(([field, after], i) => {
    const old = before[i]?.[1] ?? '';
    if (old !== after) out.push(makeChange('changed', type, code, { before: old, after, field }));
  });
  out.push(...diffElements(a, b));
  return out;
}

function diffNodes(a: Edition, b: Edition): ChangeLists {
  const key = (e: EditionNodeEntry) => `${e.node.type}:${e.node.code}`;
  const aEntries = listEditionNodeEntries(a);
  const bEntries = listEditionNodeEntries(b);
  const aByKey = new Map<string, EditionNodeEntry>();
  for (const e of aEntries) if (!aByKey.has(key(e))) aByKey.set(key(e), e);
  const bKeys = new Set(bEntries.map(key));
  const changes: EditionChange[] = [];
  for (const e of bEntries) {
    const old = aByKey.get(key(e));
    if (old === undefined) {
      changes.push(makeChange('added', e.node.type, e.node.code, { after: showName(e.node.name) }));
    } else changes.push(...diffNode(old, e));
  }
  const removed = aEntries
    .filter((e) => !bKeys.has(key(e)))
    .map((e) => makeChange('removed', e.node.type, e.node.code, { before: showName(e.node.name) }));
  return { changes, removed };
}

/** Lists what changed from edition a to edition b, in b's document order, removals last. */
export function diffEditions(a: Edition, b: Edition): EditionChange[] {
  const parts: ChangeLists[] = [
    diffEditionSettings(a, b),
    diffScales(a, b),
    diffNodes(a, b),
    diffRatings(a, b),
    diffMinSamples(a, b),
    diffCalendars(a, b),
  ];
  return [...parts.flatMap((p) => p.changes), ...parts.flatMap((p) => p.removed)];
}
