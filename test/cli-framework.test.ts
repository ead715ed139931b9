import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli, writeTemp } from './cli-helpers.js';
import { resolveEditionPath } from '../src/features/editions/feature.js';

function brokenEdition(): string {
  const edition = parse(readFileSync(resolveEditionPath('ita-2569'), 'utf8'));
  edition.instruments[0].weight = 35; // weights add up to 105
  edition.instruments[2].indicators[0].subindicators[0].items[1].code = 'O1'; // duplicate
  delete edition.scales[0].options[1].score; // option without a score
  edition.rating.schemes[0].levels.pop(); // no level below 70: a gap
  return stringify(edition);
}

describe('prongsai framework', () => {
  it('lists the bundled editions', async () => {
    const { code, out } = await runCli('framework', 'list');
    expect(code).toBe(0);
    expect(out).toMatch(/ita-2569\s+2569\s+1\s+provisional/);
  });

  it('accepts every bundled edition', async () => {
    for (const id of ['ita-2567', 'ita-2568', 'ita-2569', 'ita-2570']) {
      const { code, out } = await runCli('framework', 'check', id);
      expect(code).toBe(0);
      expect(out).toContain(`valid (${id} v1)`);
    }
  });

  it('reports every problem with its path and a Thai and English message', async () => {
    const file = writeTemp('broken.yaml', brokenEdition());
    const { code, out } = await runCli('framework', 'check', file);
    expect(code).toBe(1);
    expect(out).toMatch(/instruments.*\[duplicate_code\]/);
    expect(out).toContain('O1');
    expect(out).toMatch(/scales\[0\]\.options\[1\]/);
    expect(out).toMatch(/rating\.schemes\[0\]/);
    expect(out).toContain('105');
    expect(out).toMatch(/4 error\(s\)/);
  });

  it('reports a misspelt field instead of ignoring it', async () => {
    const edition = parse(readFileSync(resolveEditionPath('ita-2569'), 'utf8'));
    edition.instruments[0].weigth = 30;
    const { code, out } = await runCli(
      'framework',
      'check',
      writeTemp('typo.yaml', stringify(edition)),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/instruments\[0\]\s+\[unknown_field\]/);
    expect(out).toContain('"weigth"');
  });

  it('reports a YAML syntax error with its line', async () => {
    const file = writeTemp('bad.yaml', 'format: 1\nid: [unclosed\n');
    const { code, out } = await runCli('framework', 'check', file);
    expect(code).toBe(1);
    expect(out).toMatch(/line \d+.*\[yaml_syntax\]/);
  });

  it('diffs two editions: renamed, moved and re-weighted nodes', async () => {
    const changed = parse(readFileSync(resolveEditionPath('ita-2569'), 'utf8'));
    changed.instruments[0].weight = 25;
    changed.instruments[2].weight = 45;
    changed.instruments[2].indicators[1].subindicators[1].items.push({
      code: 'O27',
      name: { th: 'ข้อใหม่', en: 'A new item' },
    });
    const file = writeTemp('next.yaml', stringify(changed));
    const { code, out } = await runCli('framework', 'diff', 'ita-2569', file);
    expect(code).toBe(0);
    expect(out).toMatch(/\[reweighted\].*IIT/);
    expect(out).toMatch(/\[added\].*O27/);
    const history = await runCli('framework', 'diff', 'ita-2568', 'ita-2569');
    expect(history.out).toMatch(/\[renamed\].*O1/);
    expect(history.out).toMatch(/\[moved\].*O11/);
  });

  it('lists the provisional parts of an edition', async () => {
    const { code, out } = await runCli('framework', 'provisional', 'ita-2569');
    expect(code).toBe(0);
    expect(out).toMatch(/min_sample/);
    expect(out).toMatch(/subindicator\s+9\.3/);
  });

  it('says which editions exist when one is not found', async () => {
    const { code, err } = await runCli('framework', 'check', 'ita-2999');
    expect(code).toBe(1);
    expect(err).toContain('ita-2569');
  });
});
