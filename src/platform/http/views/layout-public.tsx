import type { ComponentChildren } from 'preact';
import type { Message } from '../../../core/errors.js';
import { m, pick, type Lang } from '../i18n.js';
import { IconLink, StylesheetLink } from './layout-head.js';

/** The agency a public page belongs to (its code and names), as the shared header shows it. */
export interface PublicAgency {
  code: string;
  nameTh: string;
  nameEn?: string | null;
}

/** The public index of agencies. */
export const PUBLIC_INDEX_PATH = '/public';

/** An agency's public home. */
export function publicHomePath(code: string): string {
  return `${PUBLIC_INDEX_PATH}/${encodeURIComponent(code)}`;
}

/** An agency's public search. */
export function publicSearchPath(code: string): string {
  return `${publicHomePath(code)}/search`;
}

/** The agency's name in the page's language (the Thai name when it has no English one). */
export function publicAgencyName(lang: Lang, agency: PublicAgency): string {
  return lang === 'en' && agency.nameEn ? agency.nameEn : agency.nameTh;
}

interface PublicLayoutProps {
  lang: Lang;
  /** The page's path, for the language switch to come back to. */
  path: string;
  title: Message | string;
  /** The agency of the page, or null on the index and on an address that names none. */
  agency: PublicAgency | null;
  children: ComponentChildren;
  /** Extra class of `main` (e.g. `public-oit`). */
  mainClass?: string;
  /** Extra elements of the head (e.g. a link to the page's data as JSON). */
  head?: ComponentChildren;
}

/**
 * The frame every page a citizen reads shares, signed in or not: the agency's name (to its
 * public home), its search, the index of agencies, the language switch. No staff menu.
 */
export function PublicLayout({
  lang,
  path,
  title,
  agency,
  children,
  mainClass,
  head,
}: PublicLayoutProps) {
  const other: Lang = lang === 'th' ? 'en' : 'th';
  const heading = typeof title === 'string' ? title : pick(lang, title);
  const here = (href: string) => (path === href ? 'page' : undefined);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${heading} · Prongsai`}</title>
        <StylesheetLink />
        <IconLink />
        {head}
      </head>
      <body class="public-page">
        <a class="skip" href="#main">
          {lang === 'th' ? 'ข้ามไปเนื้อหา' : 'Skip to content'}
        </a>
        <header class="site-header public-header">
          <div class="wrap header-row">
            <a class="brand" href={agency ? publicHomePath(agency.code) : PUBLIC_INDEX_PATH}>
              {agency ? (
                <span class="public-agency-name" data-public-agency={agency.code}>
                  {publicAgencyName(lang, agency)}
                </span>
              ) : (
                <>
                  โปร่งใส <span>Prongsai</span>
                </>
              )}
            </a>
            <nav aria-label={pick(lang, m('เมนูข้อมูลสาธารณะ', 'Public pages'))}>
              {agency && (
                <a
                  href={publicHomePath(agency.code)}
                  aria-current={here(publicHomePath(agency.code))}
                >
                  {pick(lang, m('หน้าหลักของหน่วยงาน', 'Agency home'))}
                </a>
              )}
              {agency && (
                <a
                  href={publicSearchPath(agency.code)}
                  aria-current={here(publicSearchPath(agency.code))}
                >
                  {pick(lang, m('ค้นหาเอกสาร', 'Search'))}
                </a>
              )}
              <a href={PUBLIC_INDEX_PATH} aria-current={here(PUBLIC_INDEX_PATH)}>
                {pick(lang, m('หน่วยงานทั้งหมด', 'All agencies'))}
              </a>
            </nav>
            <div class="header-tools">
              <a href={`/lang/${other}?next=${encodeURIComponent(path)}`} lang={other}>
                {other === 'en' ? 'English' : 'ภาษาไทย'}
              </a>
            </div>
          </div>
        </header>
        <main id="main" class={mainClass ? `wrap ${mainClass}` : 'wrap'}>
          <h1>{heading}</h1>
          {children}
        </main>
        <footer class="wrap footer">
          {lang === 'th'
            ? 'ข้อมูลเผยแพร่ต่อสาธารณะตามการประเมินคุณธรรมและความโปร่งใส (ITA) · Prongsai ระบบโอเพนซอร์ส'
            : 'Published for the Integrity and Transparency Assessment (ITA) · Prongsai, open-source software'}
        </footer>
      </body>
    </html>
  );
}
