import { describe, expect, it } from 'vitest';
import { groupPublicDocuments, type PublicDocument } from './public-sections.js';

const doc = (over: Partial<PublicDocument> & Pick<PublicDocument, 'source' | 'url'>) => ({
  title: { th: over.url, en: over.url },
  updatedAt: null,
  fiscalYear: null,
  ...over,
});

describe('the public home groups published documents by section', () => {
  it('puts each source in its section, each address once, newest year first', () => {
    const groups = groupPublicDocuments([
      doc({ source: 'gift_report', url: '/g/2568', fiscalYear: 2568 }),
      doc({ source: 'gift_report', url: '/g/2569', fiscalYear: 2569, updatedAt: '2026-12-06' }),
      doc({
        source: 'no_gift_declaration',
        url: '/n/2569',
        fiscalYear: 2569,
        updatedAt: '2026-01-01',
      }),
      doc({ source: 'gift_report', url: '/g/2568', fiscalYear: 2568 }),
      doc({ source: 'measures_document', url: '/m', fiscalYear: 2569 }),
      doc({ source: 'ita_results', url: '/r', fiscalYear: 2568 }),
      doc({ source: 'ita_analysis', url: '/a', fiscalYear: 2568 }),
      doc({ source: 'work_manuals', url: '/w', fiscalYear: 2569 }),
      doc({ source: 'asset_guideline', url: '/ag' }),
      doc({ source: 'activity_reports', url: '/act', fiscalYear: 2569 }),
    ]);
    expect(groups.no_gift.map((d) => d.url)).toEqual(['/n/2569', '/g/2569', '/g/2568']);
    expect(groups.measures.map((d) => d.url)).toEqual(['/m']);
    expect(groups.manuals.map((d) => d.url)).toEqual(['/w']);
    expect(groups.assets.map((d) => d.url)).toEqual(['/ag']);
    expect(groups.activities.map((d) => d.url)).toEqual(['/act']);
    // results and analysis are listed by year from the published rounds, not here
    const all = Object.values(groups).flat();
    expect(all.map((d) => d.url)).not.toContain('/r');
    expect(all.map((d) => d.url)).not.toContain('/a');
  });

  it('leaves a section empty when nothing is published', () => {
    const groups = groupPublicDocuments([]);
    expect(Object.values(groups).every((g) => g.length === 0)).toBe(true);
    expect(Object.keys(groups)).toEqual(['no_gift', 'measures', 'manuals', 'assets', 'activities']);
  });
});
