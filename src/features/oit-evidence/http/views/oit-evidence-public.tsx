import type { ItemEvidence } from '../../services/oit-evidence-support.js';
import type { PublicOit } from '../../services/oit-evidence-output.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { groupBySubindicator } from './oit-evidence-list.js';

/** The public base path of an agency's OIT for a year. */
export function publicOitPath(oit: PublicOit, rest = ''): string {
  return `/public/oit/${encodeURIComponent(oit.round.agencyCode)}/${oit.round.editionYear}${rest}`;
}

function PublicItem({ lang, oit, entry }: { lang: Lang; oit: PublicOit; entry: ItemEvidence }) {
  const { code } = entry.item;
  const published = entry.status === 'submitted';
  return (
    <li id={code} data-oit-item={code} data-oit-status={published ? 'submitted' : 'pending'}>
      <h3>
        <a href={publicOitPath(oit, `/${encodeURIComponent(code)}`)}>
          {code} {pick(lang, entry.item.name)}
        </a>
      </h3>
      {!published && <p>{pick(lang, m('ยังไม่มีข้อมูลเผยแพร่', 'Not published yet'))}</p>}
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
              ({Math.ceil(f.size / 1024)} KB)
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

/** The public, sign-in-free OIT page of an agency: one anchored entry per item. */
export function PublicOitPage({ lang, oit, only }: { lang: Lang; oit: PublicOit; only?: string }) {
  const { round } = oit;
  const items = only ? oit.items.filter((i) => i.item.code === only) : oit.items;
  const title = `${pick(lang, m('การเปิดเผยข้อมูลสาธารณะ (OIT)', 'Open data (OIT)'))} ${round.agencyNameTh} ${round.editionYear}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
      </head>
      <body>
        <main id="main" class="wrap public-oit">
          <h1>{title}</h1>
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
        </main>
      </body>
    </html>
  );
}
