import {
  captionNumbers,
  signatureName,
  type CaptionNumber,
  type ReportBlock,
  type ReportDocument,
} from './report-document.js';

/** Where the page finds the Sarabun font: URLs (server paths, file: or data: URLs). */
export interface ReportFontUrls {
  regular: string;
  bold: string;
}

export interface ReportHtmlOptions {
  /** Font files; by default the app's bundled copies under /assets/fonts/. */
  fonts?: ReportFontUrls;
  /** A line of links shown on screen only (never printed), e.g. back to the reports list. */
  screenLinks?: Array<{ href: string; text: string }>;
}

/** The bundled Sarabun as the web app serves it (see the /assets/fonts/ route). */
export const SERVED_SARABUN: ReportFontUrls = {
  regular: '/assets/fonts/400Regular/Sarabun_400Regular.ttf',
  bold: '/assets/fonts/700Bold/Sarabun_700Bold.ttf',
};

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A CSS url() argument that cannot break out of its quotes. */
function cssUrl(url: string): string {
  return `"${url.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function styles(fonts: ReportFontUrls): string {
  return `
@font-face { font-family: 'Sarabun'; font-weight: 400; src: url(${cssUrl(fonts.regular)}) format('truetype'); }
@font-face { font-family: 'Sarabun'; font-weight: 700; src: url(${cssUrl(fonts.bold)}) format('truetype'); }
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
html { font-family: 'Sarabun', 'TH Sarabun New', sans-serif; font-size: 16pt; line-height: 1.6; color: #000; }
/* Thai: lines break between words (the browser's Thai dictionary), never inside a cluster, so no
   vowel or tone mark is left alone; no hyphens; a paragraph leaves at least two lines at a page's
   foot and head */
body { line-break: strict; word-break: normal; overflow-wrap: break-word; hyphens: manual; }
p, li { orphans: 2; widows: 2; }
body { margin: 0 auto; max-width: 16cm; padding: 1rem; }
@media print { body { max-width: none; padding: 0; } .screen-only { display: none; } }
@media screen and (max-width: 640px) { html { font-size: 13pt; } table { display: block; overflow-x: auto; font-size: 12pt; } .signature { margin-left: 0; } }
.screen-only { font-size: 12pt; margin-bottom: 1rem; }
header.report-head { text-align: center; margin-bottom: 0.8em; }
.agency { font-weight: 700; margin: 0; }
h1 { font-size: 20pt; margin: 0.2em 0; }
h2 { font-size: 18pt; margin: 1em 0 0.3em; break-after: avoid; }
h3 { font-size: 16pt; margin: 0.8em 0 0.2em; break-after: avoid; }
.subtitle, .date { margin: 0; }
p { margin: 0.3em 0; text-indent: 0; }
table { border-collapse: collapse; width: 100%; max-width: 100%; margin: 0.5em 0; font-size: 14pt; }
th, td { border: 1px solid #000; padding: 0.15em 0.35em; vertical-align: top; }
th { background: #eee; font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.keep { break-inside: avoid; }
caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: 0.2em; }
.kv th { width: 40%; text-align: left; background: none; }
.align-right { text-align: right; }
.align-center { text-align: center; }
.align-justify { text-align: justify; }
figure { margin: 0.6em 0; padding-top: 0.3em; break-inside: avoid; }
caption, h2, h3, h4 { break-after: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 700; }
.signature { margin: 2.5em 0 0 45%; text-align: center; break-inside: avoid; }
.signature p { margin: 0.15em 0; }
.page-break { break-after: page; }
`;
}

/**
 * A table cell's text, escaped, with break opportunities (<wbr>) after the slashes, dots and
 * signs of any web address in it: a long link wraps inside its column instead of pushing the
 * table past the page's edge, and Thai words keep breaking only between words.
 */
export function cellHtml(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
            .split(/(?<=[/.?&=_-])/)
            .map(escapeHtml)
            .join('<wbr>')
        : escapeHtml(part),
    )
    .join('');
}

/** Tables up to this many rows are kept on one page. */
export const KEEP_WHOLE_ROWS = 6;

/** A caption's text with its number ("ตารางที่ 1 …"), escaped. */
function captionText(caption: string, number: CaptionNumber | null): string {
  return escapeHtml(number ? `${number.label} ${number.number} ${caption}` : caption);
}

/**
 * The HTML level of each heading block (null for other blocks): the report's highest heading
 * level is h2 under the title's h1, the others below it, and never more than one level below the
 * heading before (a report whose sections start at level 2 still reads h1, h2, h3: a skipped
 * level is not valid HTML).
 */
function headingLevels(blocks: readonly ReportBlock[]): Array<number | null> {
  const top = Math.min(...blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])));
  let last = 1;
  return blocks.map((block) => {
    if (block.kind !== 'heading') return null;
    last = Math.min(block.level - top + 2, last + 1);
    return last;
  });
}

function blockHtml(block: ReportBlock, number: CaptionNumber | null, level: number | null): string {
  switch (block.kind) {
    case 'heading': {
      const h = level ?? block.level + 1;
      return `<h${h}>${escapeHtml(block.text)}</h${h}>`;
    }
    case 'paragraph': {
      const cls = block.align && block.align !== 'left' ? ` class="align-${block.align}"` : '';
      const text = escapeHtml(block.text);
      return `<p${cls}>${block.bold ? `<strong>${text}</strong>` : text}</p>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'keyValue':
      return `<table class="kv"><tbody>${block.rows
        .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'table': {
      const cls = (i: number) => {
        const align = block.columns[i]?.align;
        return align && align !== 'left' ? ` class="align-${align}"` : '';
      };
      const caption = block.caption
        ? `<caption>${captionText(block.caption, number)}</caption>`
        : '';
      const head = block.columns
        .map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.label)}</th>`)
        .join('');
      const body = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell, i) => `<td${cls(i)}>${cellHtml(cell)}</td>`).join('')}</tr>`,
        )
        .join('');
      // very short tables stay on one page (a longer one kept whole would leave half a page
      // empty); a longer one repeats its header row on each page and never splits a row
      const keep = block.rows.length <= KEEP_WHOLE_ROWS ? ' class="keep"' : '';
      return `<table${keep}>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'chart': {
      // The SVG comes from our own chart renderer (src/platform/reports/charts.ts), never from input.
      const caption = block.caption
        ? `<figcaption>${captionText(block.caption, number)}</figcaption>`
        : '';
      return `<figure>${caption}${block.svg}</figure>`;
    }
    case 'signature':
      return `<div class="signature"><p>${escapeHtml(signatureName(block.name))}</p><p>${escapeHtml(block.position)}</p>${
        block.dateText ? `<p>${escapeHtml(block.dateText)}</p>` : ''
      }</div>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

/**
 * A report as one complete HTML page in Thai official style: A4, Sarabun 16 pt, centred
 * heading with the agency, bordered tables, inline SVG charts and a signature block. Every
 * text is escaped; the same page is shown on screen and printed to PDF by Chromium.
 */
export function reportToHtml(doc: ReportDocument, options: ReportHtmlOptions = {}): string {
  const fonts = options.fonts ?? SERVED_SARABUN;
  const links = options.screenLinks?.length
    ? `<nav class="screen-only">${options.screenLinks
        .map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`)
        .join(' · ')}</nav>`
    : '';
  const numbers = captionNumbers(doc.lang, doc.blocks);
  const levels = headingLevels(doc.blocks);
  return [
    '<!doctype html>',
    `<html lang="${doc.lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<meta name="author" content="${escapeHtml(doc.agencyName)}">`,
    // the site's icon (platform/http/public/favicon.svg): on screen, no missing-icon request
    '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">',
    `<style>${styles(fonts)}</style></head><body>`,
    links,
    '<header class="report-head">',
    `<p class="agency">${escapeHtml(doc.agencyName)}</p>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : '',
    `<p class="date">${escapeHtml(doc.dateText)}</p>`,
    '</header><main>',
    doc.blocks
      .map((block, i) => blockHtml(block, numbers[i] ?? null, levels[i] ?? null))
      .join('\n'),
    '</main></body></html>',
  ].join('\n');
}
