import { withheldMessage, type VoiceSummary } from '../../core/voice-summary.js';
import type { InstrumentVoice, RoundVoice } from '../../services/voice.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { ChartFigure } from '../../../../platform/http/views/chart-figure.js';

function ThemeTable({
  lang,
  summary,
}: {
  lang: Lang;
  summary: VoiceSummary & { withheld: false };
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{pick(lang, m('ประเด็นที่กล่าวถึง', 'Themes mentioned'))}</caption>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('ประเด็น', 'Theme'))}</th>
            <th scope="col">{pick(lang, m('ตัวชี้วัดที่เกี่ยวข้อง', 'Indicator it touches'))}</th>
            <th scope="col" class="num">
              {pick(lang, m('จำนวนข้อเสนอแนะ', 'Comments'))}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.themes.map((theme) => (
            <tr data-theme={theme.code}>
              <th scope="row">{pick(lang, theme.name)}</th>
              <td>
                {theme.indicator
                  ? `${theme.indicator.code} ${pick(lang, theme.indicator.name)}`
                  : '–'}
              </td>
              <td class="num">{theme.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WordSection(props: {
  lang: Lang;
  summary: VoiceSummary & { withheld: false };
  chartSvg: string;
}) {
  const { lang, summary } = props;
  if (summary.words.length === 0) return null;
  return (
    <>
      <h3>{pick(lang, m('คำที่พบบ่อย', 'Most used words'))}</h3>
      <ChartFigure
        svg={props.chartSvg}
        label={pick(
          lang,
          m('แผนภูมิแท่งจำนวนข้อเสนอแนะที่ใช้แต่ละคำ', 'Bar chart of how many comments use each word'),
        )}
      />
      <details>
        <summary>{pick(lang, m('ตารางคำที่พบบ่อย', 'Table of the words'))}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{pick(lang, m('คำ', 'Word'))}</th>
              <th scope="col" class="num">
                {pick(lang, m('จำนวนข้อเสนอแนะ', 'Comments'))}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.words.map((w) => (
              <tr>
                <td>{w.word}</td>
                <td class="num">{w.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function InstrumentSection(props: { lang: Lang; voice: InstrumentVoice; chartSvg: string }) {
  const { lang, voice } = props;
  const { summary } = voice;
  return (
    <section data-instrument={voice.code}>
      <h2>
        {voice.code} {pick(lang, voice.name)}
      </h2>
      <p class="muted">
        {pick(lang, m('คำถาม: ', 'Question: '))}
        {pick(lang, voice.question)}
      </p>
      {summary.withheld ? (
        <p class="withheld" role="note">
          {pick(lang, withheldMessage(summary))}
        </p>
      ) : (
        <>
          <p>
            {pick(
              lang,
              m(
                `ข้อเสนอแนะ ${summary.comments} รายการ จากผู้ตอบ ${summary.respondents} คน`,
                `${summary.comments} comments from ${summary.respondents} respondents`,
              ),
            )}
          </p>
          <ThemeTable lang={lang} summary={summary} />
          <WordSection lang={lang} summary={summary} chartSvg={props.chartSvg} />
          {summary.quotes.length > 0 && (
            <>
              <h3>{pick(lang, m('ตัวอย่างข้อเสนอแนะ', 'Some of the comments'))}</h3>
              <ul class="quotes">
                {summary.quotes.map((q) => (
                  <li>
                    <q>{q}</q>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The stakeholder-voice page of a round: comments per survey instrument, masked and grouped. */
export function VoicePage(props: {
  page: PageContext;
  voice: RoundVoice;
  charts: Record<string, string>;
}) {
  const { page, voice } = props;
  const { lang } = page;
  const { round } = voice;
  const title = m(
    `เสียงผู้มีส่วนได้ส่วนเสีย ${round.agencyNameTh} ปี ${round.editionYear}`,
    `Stakeholder voice: ${round.agencyNameTh}, ${round.editionYear}`,
  );
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/rounds/${round.id}`}>
          {pick(lang, m('กลับไปที่รอบการประเมิน', 'Back to the round'))}
        </a>
      </p>
      <p>
        {pick(
          lang,
          m(
            'ข้อเสนอแนะจากคำถามปลายเปิดของแบบวัด IIT/EIT ชื่อ เบอร์โทรศัพท์ อีเมล และเลขประจำตัวถูกปิดบังก่อนบันทึก และไม่แสดงกลุ่มที่มีผู้ตอบหรือผู้เขียนน้อยเกินไป',
            'Comments from the free-text question of the IIT/EIT surveys. Names, phone numbers, e-mail addresses and ID numbers are masked before they are stored, and small groups are not shown.',
          ),
        )}
      </p>
      {voice.countedBefore && (
        <p class="muted">
          {pick(
            lang,
            m(
              `ระหว่างเก็บข้อมูล นับเฉพาะคำตอบก่อนวันที่ ${formatDate('th', voice.countedBefore)}`,
              `While collecting, only answers before ${formatDate('en', voice.countedBefore)} are counted`,
            ),
          )}
        </p>
      )}
      {voice.instruments.length === 0 ? (
        <p>
          {pick(
            lang,
            m(
              'เกณฑ์ฉบับนี้ไม่มีคำถามปลายเปิดในแบบวัด',
              'This edition asks no free-text question in its surveys',
            ),
          )}
        </p>
      ) : (
        voice.instruments.map((v) => (
          <InstrumentSection lang={lang} voice={v} chartSvg={props.charts[v.code] ?? ''} />
        ))
      )}
    </Layout>
  );
}
