import { PUBLICATION_TITLES, type PublicationKind } from '../../services/measure-report.service.js';
import type { MeasuresHandOff } from '../../services/measure-carry.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { targetLabel } from './measure-target.js';

const KINDS: PublicationKind[] = ['document', 'progress'];

/** Printable files and publication of the measures document and the progress report. */
function Publication({
  page,
  roundId,
  handOff,
  publicBase,
}: {
  page: PageContext;
  roundId: string;
  handOff: MeasuresHandOff;
  publicBase: string;
}) {
  const { lang } = page;
  const base = `/rounds/${roundId}/measures`;
  return (
    <section>
      <h2>{pick(lang, m('เอกสารและการเผยแพร่', 'Documents and publication'))}</h2>
      <ul>
        {KINDS.map((kind) => {
          const published = handOff.publications.find((p) => p.kind === kind);
          const publicPath = kind === 'document' ? publicBase : `${publicBase}/progress`;
          return (
            <li>
              <strong>{pick(lang, PUBLICATION_TITLES[kind](handOff.fiscalYear))}</strong>
              <br />
              <a href={kind === 'document' ? `${base}/document` : `${base}/progress.html`}>
                HTML
              </a>{' '}
              · <a href={`${base}/${kind}.pdf`}>PDF</a> · <a href={`${base}/${kind}.docx`}>DOCX</a>
              <br />
              {published ? (
                <>
                  {pick(lang, m('เผยแพร่แล้วเมื่อ', 'Published on'))}{' '}
                  {formatDate(lang, published.publishedAt, true)}
                  {published.publishedByName ? ` — ${published.publishedByName}` : ''} ·{' '}
                  <a href={publicPath}>{pick(lang, m('หน้าสาธารณะ', 'Public page'))}</a>
                </>
              ) : (
                pick(lang, m('ยังไม่เผยแพร่', 'Not published yet'))
              )}
              {handOff.mayPublish && (
                <form method="post" action={`${base}/publish`} class="inline">
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="kind" value={kind} />{' '}
                  <button class="button" type="submit">
                    {published
                      ? pick(lang, m('เผยแพร่ฉบับปัจจุบันแทน', 'Publish the current version'))
                      : pick(lang, m('เผยแพร่', 'Publish'))}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Last year's finished measures with their evidence, each offered to carry over. */
function CarryOverList({
  page,
  roundId,
  handOff,
  mayEdit,
}: {
  page: PageContext;
  roundId: string;
  handOff: MeasuresHandOff;
  mayEdit: boolean;
}) {
  const { lang } = page;
  const previous = handOff.previous;
  if (!previous) return null;
  return (
    <section>
      <h2>
        {pick(
          lang,
          m(
            `มาตรการที่ดำเนินการแล้วเสร็จจากปี พ.ศ. ${previous.editionYear}`,
            `Finished measures of ${previous.editionYear}`,
          ),
        )}
      </h2>
      <p>
        {pick(
          lang,
          m(
            'ผลของมาตรการเหล่านี้แสดงในรายงานผลการดำเนินการตามมาตรการของปีนี้ (ข้อ O26) และยกมาเป็นมาตรการต่อเนื่องในปีนี้ได้',
            "Their results appear in this year's progress report (item O26); each may be carried over as a measure of this year",
          ),
        )}
      </p>
      {handOff.candidates.length === 0 && (
        <p>{pick(lang, m('ไม่มีมาตรการที่ดำเนินการแล้วเสร็จ', 'No finished measures'))}</p>
      )}
      <ul>
        {handOff.candidates.map((c) => (
          <li>
            <a href={`/rounds/${previous.id}/measures/${c.measure.id}`}>{c.measure.title}</a> —{' '}
            {targetLabel(lang, c.measure)}
            {c.measure.latest ? ` · ${c.measure.latest.percent}% · ${c.measure.latest.note}` : ''}
            {c.files.length > 0 && (
              <>
                {' '}
                · {pick(lang, m('หลักฐาน', 'Evidence'))}:{' '}
                {c.files.map((f, i) => (
                  <>
                    {i > 0 && ', '}
                    <a href={`/rounds/${previous.id}/measures/${c.measure.id}/files/${f.id}`}>
                      {f.originalName}
                    </a>
                  </>
                ))}
              </>
            )}
            <br />
            {c.carriedTo ? (
              <a href={`/rounds/${roundId}/measures/${c.carriedTo}`}>
                {pick(lang, m('ยกมาเป็นมาตรการปีนี้แล้ว', 'Carried over to this year'))}
              </a>
            ) : mayEdit && c.targetExists ? (
              <form method="post" action={`/rounds/${roundId}/measures/carry`} class="inline">
                <CsrfField token={page.csrfToken} />
                <input type="hidden" name="fromMeasureId" value={c.measure.id} />
                <button class="button" type="submit">
                  {pick(lang, m('ยกมาเป็นมาตรการต่อเนื่อง', 'Carry over'))}
                </button>
              </form>
            ) : (
              !c.targetExists &&
              pick(lang, m('เกณฑ์ปีนี้ไม่มีเป้าหมายนี้แล้ว', "This year's edition has no such target"))
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The register's hand-off part: publication of the documents and last year's finished measures. */
export function MeasuresHandOffSection(props: {
  page: PageContext;
  roundId: string;
  handOff: MeasuresHandOff;
  mayEdit: boolean;
  publicBase: string;
}) {
  return (
    <>
      <Publication {...props} />
      <CarryOverList {...props} />
    </>
  );
}
