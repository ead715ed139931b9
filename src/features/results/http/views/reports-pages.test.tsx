import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../../platform/http/export-jobs.js';
import { ExportProgressPage } from './reports-pages.js';

const page = { lang: 'th' as const, actor: null, csrfToken: '', path: '/exports/x' };

function job(state: ExportJob['state'], done: number, total: number): ExportJob {
  return {
    id: 'abc',
    userId: 'u1',
    label: 'ไฟล์ผลรวมหน่วยงานในสังกัด ปี 2568 (120 หน่วยงาน)',
    done,
    total,
    state,
    file:
      state === 'done'
        ? { storedName: 'uploads/0', fileName: 'ita-rollup-M01-2568.xlsx', contentType: 'x' }
        : null,
  };
}

describe('export progress page', () => {
  it('refreshes itself while running and shows how far it got', () => {
    const html = renderToString(<ExportProgressPage page={page} job={job('running', 30, 120)} />);
    expect(html).toContain('<meta http-equiv="refresh" content="2"');
    expect(html).toContain('<progress max="100" value="25"');
    expect(html).toContain('30 / 120');
    expect(html).not.toContain('data-download');
  });

  it('offers the file when done and stops refreshing', () => {
    const html = renderToString(<ExportProgressPage page={page} job={job('done', 120, 120)} />);
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('href="/exports/abc/download"');
    expect(html).toContain('ita-rollup-M01-2568.xlsx');
  });

  it('says when it failed', () => {
    const html = renderToString(<ExportProgressPage page={page} job={job('failed', 3, 120)} />);
    expect(html).toContain('สร้างไฟล์ไม่สำเร็จ');
    expect(html).not.toContain('http-equiv="refresh"');
  });
});
