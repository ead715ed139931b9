import type { AcknowledgementShare } from '../../core/acknowledgement.js';
import type { ReportBlock } from '../../../../platform/reports/report-document.js';
import { formatDay, m, pick, type Lang } from '../../../../platform/http/i18n.js';

/** A day (YYYY-MM-DD) in the Buddhist era for Thai. */
export const dayLabel = formatDay;

/** Baht with thousands separators. */
export function bahtLabel(lang: Lang, value: number): string {
  return `${value.toLocaleString('en-US')} ${lang === 'th' ? 'บาท' : 'baht'}`;
}

/** The acknowledgement share as words and a bar (a native progress element: no script). */
export function ShareBar({ lang, share }: { lang: Lang; share: AcknowledgementShare }) {
  const percent = share.percent === null ? '—' : `${share.percent}%`;
  return (
    <div class="share-bar">
      <p id="ack-share">
        {pick(
          lang,
          m(
            `บุคลากรรับทราบแล้ว ${share.acknowledged} จาก ${share.members} คน (${percent})`,
            `${share.acknowledged} of ${share.members} staff have acknowledged (${percent})`,
          ),
        )}
      </p>
      <progress
        value={share.acknowledged}
        max={Math.max(share.members, 1)}
        aria-labelledby="ack-share"
      >
        {percent}
      </progress>
    </div>
  );
}

/** The text of a declaration, paragraph by paragraph. */
export function DeclarationText({ body }: { body: string }) {
  return (
    <div class="declaration-text">
      {body
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p) => (
          <p>{p.trim()}</p>
        ))}
    </div>
  );
}

/**
 * Report blocks shown inside a page (preview of a printable report): text, facts and tables. Its
 * headings are h3 under the page's h2, or h2 (`topLevel`) right under the page's h1.
 */
export function ReportPreview({ blocks, topLevel }: { blocks: ReportBlock[]; topLevel?: boolean }) {
  const Heading = topLevel ? 'h2' : 'h3';
  return (
    <div class="report-preview">
      {blocks.map((b) => {
        if (b.kind === 'paragraph') return <p>{b.text}</p>;
        if (b.kind === 'heading') return <Heading>{b.text}</Heading>;
        if (b.kind === 'keyValue')
          return (
            <dl>
              {b.rows.map(([k, v]) => (
                <>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </>
              ))}
            </dl>
          );
        if (b.kind === 'table')
          return (
            <div class="table-scroll">
              <table>
                {b.caption && <caption>{b.caption}</caption>}
                <thead>
                  <tr>
                    {b.columns.map((c) => (
                      <th scope="col">{c.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((r) => (
                    <tr>
                      {r.map((v, i) =>
                        i === 0 ? <th scope="row">{v}</th> : <td class="num">{v}</td>,
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        return null;
      })}
    </div>
  );
}

/** Links between years of a register (the chosen one marked). */
export function YearLinks(props: { lang: Lang; base: string; years: number[]; current: number }) {
  const years = [...new Set([...props.years, props.current])].sort((a, b) => b - a);
  return (
    <nav aria-label={pick(props.lang, m('ปีงบประมาณ', 'Fiscal years'))} class="year-links">
      {pick(props.lang, m('ปีงบประมาณ', 'Fiscal year'))}:{' '}
      {years.map((y) => (
        <>
          <a
            href={`${props.base}?year=${y}`}
            aria-current={y === props.current ? 'page' : undefined}
          >
            {y}
          </a>{' '}
        </>
      ))}
    </nav>
  );
}
