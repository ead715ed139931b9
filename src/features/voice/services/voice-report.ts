import { withheldMessage } from '../core/voice-summary.js';
import type { Round } from '../../rounds/feature.js';
import type { ReportBlock } from '../../../platform/reports/report-document.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { summariseRoundVoice, type InstrumentVoice } from './voice.service.js';

type Lang = 'th' | 'en';
const say = (lang: Lang, th: string, en: string) => (lang === 'th' ? th : en);

function instrumentBlocks(voice: InstrumentVoice, lang: Lang): ReportBlock[] {
  const { summary } = voice;
  const heading: ReportBlock = {
    kind: 'heading',
    level: 3,
    text: `${voice.code} ${voice.name[lang]}`,
  };
  if (summary.withheld)
    return [heading, { kind: 'paragraph', text: withheldMessage(summary)[lang] }];
  const blocks: ReportBlock[] = [
    heading,
    {
      kind: 'paragraph',
      text: say(
        lang,
        `ข้อเสนอแนะ ${summary.comments} รายการ จากผู้ตอบ ${summary.respondents} คน`,
        `${summary.comments} comments from ${summary.respondents} respondents`,
      ),
    },
    {
      kind: 'table',
      caption: say(lang, 'ประเด็นที่กล่าวถึงและตัวชี้วัดที่เกี่ยวข้อง', 'Themes and the indicators they touch'),
      columns: [
        { label: say(lang, 'ประเด็น', 'Theme') },
        { label: say(lang, 'ตัวชี้วัด', 'Indicator') },
        { label: say(lang, 'จำนวนข้อเสนอแนะ', 'Comments'), align: 'right' },
      ],
      rows: summary.themes.map((t) => [
        t.name[lang],
        t.indicator ? `${t.indicator.code} ${t.indicator.name[lang]}` : '–',
        String(t.count),
      ]),
    },
  ];
  if (summary.words.length > 0) {
    const words = summary.words.map((w) => `${w.word} (${w.count})`).join(', ');
    blocks.push({
      kind: 'paragraph',
      text: `${say(lang, 'คำที่พบบ่อย', 'Most used words')}: ${words}`,
    });
  }
  if (summary.quotes.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: say(
          lang,
          'ตัวอย่างข้อเสนอแนะ (ปิดบังข้อมูลส่วนบุคคลแล้ว)',
          'Some comments (personal details masked)',
        ),
        bold: true,
      },
      { kind: 'list', ordered: false, items: summary.quotes.map((q) => `“${q}”`) },
    );
  }
  return blocks;
}

/**
 * The stakeholder-voice section of the ITA analysis report: themes and masked quotes from the
 * free-text answers, only a "withheld" note for groups below the minimum size; nothing when the
 * edition asks no free-text question.
 */
export async function voiceReportBlocks(
  ctx: ServiceContext,
  round: Round,
  lang: 'th' | 'en',
): Promise<ReportBlock[]> {
  const voice = await summariseRoundVoice(ctx, round);
  if (voice.instruments.length === 0) return [];
  return [
    {
      kind: 'heading',
      level: 2,
      text: say(lang, 'เสียงผู้มีส่วนได้ส่วนเสีย', 'Stakeholder voice'),
    },
    ...voice.instruments.flatMap((v) => instrumentBlocks(v, lang)),
  ];
}
