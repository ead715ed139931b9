import type { ComponentChildren } from 'preact';
import type { Message } from '../../../core/errors.js';
import { pick, type Lang } from '../i18n.js';
import type { Actor } from '../../services/context.js';
import { IconLink, StylesheetLink } from './layout-head.js';

/** What every page knows about the request. */
export interface PageContext {
  lang: Lang;
  actor: Actor | null;
  csrfToken: string;
  path: string;
}

interface LayoutProps {
  page: PageContext;
  title: Message;
  children: ComponentChildren;
  notice?: Message | null;
  /** Reload the page itself after this many seconds (a job's progress, without JavaScript). */
  refreshSeconds?: number;
}

const NAV: { href: string; label: Message }[] = [
  { href: '/', label: { th: 'หน้าหลัก', en: 'Home' } },
  { href: '/agencies', label: { th: 'หน่วยงาน', en: 'Agencies' } },
  { href: '/users', label: { th: 'ผู้ใช้และสิทธิ์', en: 'Users and roles' } },
  { href: '/rounds', label: { th: 'รอบการประเมิน', en: 'Assessment rounds' } },
  { href: '/calendar', label: { th: 'ปฏิทิน', en: 'Calendar' } },
  { href: '/review', label: { th: 'งานตรวจ OIT', en: 'OIT review' } },
];

/** The page frame: header with navigation and language switch, main content, footer. */
export function Layout({ page, title, children, notice, refreshSeconds }: LayoutProps) {
  const { lang, actor } = page;
  const other: Lang = lang === 'th' ? 'en' : 'th';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds !== undefined && (
          <meta http-equiv="refresh" content={String(refreshSeconds)} />
        )}
        <title>{`${pick(lang, title)} · Prongsai`}</title>
        <StylesheetLink />
        <IconLink />
      </head>
      <body>
        <a class="skip" href="#main">
          {lang === 'th' ? 'ข้ามไปเนื้อหา' : 'Skip to content'}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              โปร่งใส <span>Prongsai</span>
            </a>
            <nav aria-label={lang === 'th' ? 'เมนูหลัก' : 'Main menu'}>
              {actor &&
                NAV.map((item) => (
                  <a href={item.href} aria-current={page.path === item.href ? 'page' : undefined}>
                    {pick(lang, item.label)}
                  </a>
                ))}
            </nav>
            <div class="header-tools">
              <a href={`/lang/${other}?next=${encodeURIComponent(page.path)}`} lang={other}>
                {other === 'en' ? 'English' : 'ภาษาไทย'}
              </a>
              {actor && (
                <a
                  href="/account/password"
                  aria-current={page.path === '/account/password' ? 'page' : undefined}
                >
                  {lang === 'th' ? 'เปลี่ยนรหัสผ่าน' : 'Change password'}
                </a>
              )}
              {actor && (
                <form method="post" action="/logout" class="inline">
                  <input type="hidden" name="_csrf" value={page.csrfToken} />
                  <button class="link-button" type="submit">
                    {lang === 'th' ? 'ออกจากระบบ' : 'Sign out'} ({actor.user.displayName})
                  </button>
                </form>
              )}
            </div>
          </div>
        </header>
        <main id="main" class="wrap">
          {notice && (
            <div class="notice" role="status">
              {pick(lang, notice)}
            </div>
          )}
          <h1>{pick(lang, title)}</h1>
          {children}
        </main>
        <footer class="wrap footer">
          {lang === 'th'
            ? 'Prongsai ระบบโอเพนซอร์สสำหรับการประเมินคุณธรรมและความโปร่งใส (ITA)'
            : 'Prongsai, open-source software for the Integrity and Transparency Assessment (ITA)'}
        </footer>
      </body>
    </html>
  );
}
