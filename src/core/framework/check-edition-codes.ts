import type { Edition } from './edition.schema.js';
import { findDuplicates, makeError, type EditionProblem } from './edition-problem.js';
import { listEditionNodeEntries } from './walk-edition.js';

/** One namespace of codes: its problem code, the rule in both languages, and its entries. */
interface CodeGroup {
  problem: string;
  th: string;
  en: string;
  entries: { code: string; path: string }[];
}

function listCodes(list: readonly { code: string }[], base: string) {
  return list.map((x, i) => ({ code: x.code, path: `${base}[${i}].code` }));
}

function listCodeGroups(edition: Edition): CodeGroup[] {
  const entries = listEditionNodeEntries(edition);
  const groups: CodeGroup[] = [
    {
      problem: 'duplicate_code',
      th: 'รหัสของเครื่องมือ ตัวชี้วัด ตัวชี้วัดย่อย ข้อคำถาม ข้อย่อย และข้อ OIT ต้องไม่ซ้ำกันทั้งฉบับ',
      en: 'instruments, indicators, sub-indicators, questions, sub-items and OIT items must all have different codes.',
      entries: entries.map(({ node }) => ({ code: node.code, path: `${node.path}.code` })),
    },
  ];
  for (const { node, value } of entries) {
    if (value.type !== 'oit_item') continue;
    groups.push({
      problem: 'duplicate_element_code',
      th: 'รหัสองค์ประกอบในข้อ OIT เดียวกันต้องไม่ซ้ำกัน',
      en: 'the elements of one OIT item must have different codes.',
      entries: listCodes(value.value.elements, `${node.path}.elements`),
    });
  }
  return groups;
}

function listSettingGroups(edition: Edition): CodeGroup[] {
  const { scales, rating, calendar } = edition;
  return [
    {
      problem: 'duplicate_scale_code',
      th: 'รหัสมาตรวัดคำตอบต้องไม่ซ้ำกัน',
      en: 'answer scales must have different codes.',
      entries: listCodes(scales, 'scales'),
    },
    ...scales.map((scale, i) => ({
      problem: 'duplicate_option_code',
      th: 'รหัสตัวเลือกคำตอบในมาตรวัดเดียวกันต้องไม่ซ้ำกัน',
      en: 'the options of one scale must have different codes.',
      entries: listCodes(scale.options, `scales[${i}].options`),
    })),
    {
      problem: 'duplicate_scheme_code',
      th: 'รหัสเกณฑ์การจัดระดับต้องไม่ซ้ำกัน',
      en: 'rating schemes must have different codes.',
      entries: listCodes(rating.schemes, 'rating.schemes'),
    },
    ...rating.schemes.map((scheme, i) => ({
      problem: 'duplicate_level_code',
      th: 'รหัสระดับในเกณฑ์เดียวกันต้องไม่ซ้ำกัน',
      en: 'the levels of one scheme must have different codes.',
      entries: listCodes(scheme.levels, `rating.schemes[${i}].levels`),
    })),
    {
      problem: 'duplicate_milestone_code',
      th: 'รหัสกำหนดการต้องไม่ซ้ำกัน',
      en: 'calendar milestones must have different codes.',
      entries: listCodes(calendar, 'calendar'),
    },
  ];
}

/** Reports repeated codes among nodes, elements, scales, options, schemes, levels and milestones. */
export function listDuplicateProblems(edition: Edition): EditionProblem[] {
  return [...listCodeGroups(edition), ...listSettingGroups(edition)].flatMap((group) =>
    findDuplicates(group.entries, (code, path, firstPath) =>
      makeError(
        group.problem,
        path,
        `รหัส "${code}" ซ้ำกับที่ใช้แล้วที่ ${firstPath}: ${group.th} ให้เปลี่ยนรหัสใดรหัสหนึ่ง`,
        `Code "${code}" is already used at ${firstPath}: ${group.en} Change one of the two codes.`,
      ),
    ),
  );
}
