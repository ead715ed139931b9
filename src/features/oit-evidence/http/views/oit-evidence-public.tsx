import type { ItemEvidence } from '../../services/oit-evidence-support.js';
import type { PublicOit } from '../../services/oit-evidence-output.service.js';
import type { EvidenceStatus } from '../../core/evidence-status.js';
import type { Message } from '../../../../core/errors.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';
import { groupBySubindicator } from './oit-evidence-list.js';
import { describeFile } from '../../../../core/plain-labels.js';

/** The public base path of an agency's OIT for a year. */
export function publicOitPath(oit: PublicOit, rest = ''): string {
  return `/public/oit/${encodeURIComponent(oit.round.agencyCode)}/${oit.round.editionYear}${rest}`;
}

/**
 * Why an item shows nothing yet, as a citizen needs to know it: not submitted (the agency is
 * still preparing it, or its head has not approved it), or approved and not yet published.
 */
export type PublicWait = 'preparing' | 'approved';

/** The wait of an item that is not published, from its status (null once published). */
export function publicWaitOf(status: EvidenceStatus): PublicWait | null {
  if (status === 'submitted') return null;
  return status === 'approved' ? 'approved' : 'preparing';
}

export const PUBLIC_WAIT_NAMES: Record<PublicWait, Message> = {
  preparing: {
    th: 'ยังไม่ได้ส่ง: หน่วยงานกำลังจัดเตรียมข้อมูลข้อนี้',
    en: 'Not submitted yet: the agency is preparing this item',
  },
  approved: {
    th: 'ยังไม่ได้เผยแพร่: หัวหน้าหน่วยงานอนุมัติข้อมูลแล้ว รอหน่วยงานส่งเผยแพร่',
    en: 'Not published yet: approved by the head of the agency, waiting to be submitted',
  },
};

function PublicItem({ lang, oit, entry }: { lang: Lang; oit: PublicOit; entry: ItemEvidence }) {
  const { code } = entry.item;
  const wait = publicWaitOf(entry.status);
  const published = wait === null;
  return (
    <li
      id={code}
      data-oit-item={code}
      data-oit-status={published ? 'submitted' : 'pending'}
      data-oit-wait={wait ?? undefined}
    >
      <h3>
        <a href={publicOitPath(oit, `/${encodeURIComponent(code)}`)}>
          {code} {pick(lang, entry.item.name)}
        </a>
      </h3>
      {wait && <p class="hint">{pick(lang, PUBLIC_WAIT_NAMES[wait])}</p>}
      {published && entry.evidence?.explanation && <p>{entry.evidence.explanation}</p>}
      {published && (
        <ul>
          {entry.links.map((l) => (
            <li>
              <a href={l.url} rel="noopener noreferrer">
                {l.url}
              </a>
            </li>
          ))}
          {entry.files.map((f) => (
            <li>
              <a href={publicOitPath(oit, `/files/${f.id}`)} download>
                {f.originalName}
              </a>{' '}
              ({pick(lang, describeFile(f.contentType, f.size))})
            </li>
          ))}
        </ul>
      )}
      {published && entry.evidence?.submittedAt && (
        <p class="hint">
          {pick(lang, m('ส่งเมื่อ', 'Submitted'))} {formatDate(lang, entry.evidence.submittedAt)}
        </p>
      )}
    </li>
  );
}

/** How far the year's page is published, said once at the top. */
function PublicOitSummary({ lang, oit }: { lang: Lang; oit: PublicOit }) {
  const waits = oit.items.map((i) => publicWaitOf(i.status));
  const published = waits.filter((w) => w === null).length;
  const approved = waits.filter((w) => w === 'approved').length;
  const preparing = waits.filter((w) => w === 'preparing').length;
  const year = oit.round.editionYear;
  if (published === 0)
    return (
      <p class="notice" data-oit-summary="none">
        {pick(
          lang,
          m(
            `หน่วยงานยังไม่ได้เผยแพร่ข้อมูล OIT ปี ${year} ข้อใดเลย (${oit.items.length} ข้อ) ข้อมูลแต่ละข้อจะแสดงที่นี่เมื่อหน่วยงานส่งแล้ว`,
            `The agency has not published any OIT item for ${year} yet (${oit.items.length} items): each appears here once the agency submits it`,
          ),
        )}
        {approved > 0 &&
          pick(
            lang,
            m(
              ` ในจำนวนนี้หัวหน้าหน่วยงานอนุมัติแล้ว รอส่งเผยแพร่ ${approved} ข้อ`,
              ` Of these, ${approved} are approved by the head and waiting to be submitted.`,
            ),
          )}
      </p>
    );
  return (
    <p data-oit-summary="some">
      {pick(
        lang,
        m(
          `เผยแพร่แล้ว ${published} จาก ${oit.items.length} ข้อ`,
          `${published} of ${oit.items.length} items published`,
        ),
      )}
      {approved > 0 &&
        pick(
          lang,
          m(` · อนุมัติแล้วรอส่งเผยแพร่ ${approved} ข้อ`, ` · ${approved} approved, not yet submitted`),
        )}
      {preparing > 0 &&
        pick(lang, m(` · ยังไม่ได้ส่ง ${preparing} ข้อ`, ` · ${preparing} not submitted yet`))}
    </p>
  );
}

/** The public, sign-in-free OIT page of an agency: one anchored entry per item. */
export function PublicOitPage({
  lang,
  path,
  oit,
  only,
}: {
  lang: Lang;
  path: string;
  oit: PublicOit;
  only?: string;
}) {
  const { round } = oit;
  const items = only ? oit.items.filter((i) => i.item.code === only) : oit.items;
  const title = `${pick(lang, m('การเปิดเผยข้อมูลสาธารณะ (OIT)', 'Open data (OIT)'))} ${round.agencyNameTh} ${round.editionYear}`;
  const agency = { code: round.agencyCode, nameTh: round.agencyNameTh };
  return (
    <PublicLayout lang={lang} path={path} title={title} agency={agency} mainClass="public-oit">
      {!only && <PublicOitSummary lang={lang} oit={oit} />}
      <p>
        <a href={publicOitPath(oit, '.json')}>JSON</a> ·{' '}
        <a href={publicOitPath(oit, '.csv')}>CSV</a>
        {only && (
          <>
            {' · '}
            <a href={publicOitPath(oit)}>{pick(lang, m('ทุกข้อ', 'All items'))}</a>
          </>
        )}
      </p>
      {groupBySubindicator(items).map((group) => (
        <section>
          <h2>
            {group.code} {pick(lang, group.name)}
          </h2>
          <ul class="oit-items">
            {group.items.map((entry) => (
              <PublicItem lang={lang} oit={oit} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  );
}
