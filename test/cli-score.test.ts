import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, writeTemp } from './cli-helpers.js';

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const bestIit = { 'i1.1': '4', 'i1.2': '4', i2: '4', i7: '4' };

/** Runs `prongsai` as its own process with `input` on its standard input. */
function runWithStdin(input: string, ...argv: string[]) {
  const command = fileURLToPath(new URL('../bin/prongsai.mjs', import.meta.url));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...argv]);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

/** A UTF-8 byte-order mark, as Notepad and Excel write at the start of a file. */
const BOM = '\uFEFF';

function bundle(oitFailed: string[] = []) {
  const decisions = Object.fromEntries(
    Array.from({ length: 26 }, (_, i) => [
      `O${i + 1}`,
      oitFailed.includes(`O${i + 1}`) ? 'fail' : 'pass',
    ]),
  );
  return [
    { type: 'agency', id: 'A1', name: 'สำนักงานทดสอบ' },
    { type: 'response', agency: 'A1', instrument: 'IIT', answers: bestIit },
    { type: 'response', agency: 'A1', instrument: 'EIT', answers: { 'e1.1': '4', e2: '4' } },
    { type: 'oit', agency: 'A1', decisions },
  ];
}

describe('prongsai score', () => {
  it('scores an NDJSON bundle and prints the level in a table', async () => {
    const input = writeTemp('in.ndjson', ndjson(bundle()));
    const { code, out } = await runCli('score', '--edition', 'ita-2569', '--input', input);
    expect(code).toBe(0);
    expect(out).toContain('สำนักงานทดสอบ');
    expect(out).toMatch(/100\.00\s+ผ่านดีเยี่ยม/);
  });

  it('prints JSON with instruments, indicators, total and level', async () => {
    // 9.3 (O11–O12) has two items: one miss makes it 50, indicator 9 = 90, OIT = 95
    const input = writeTemp('in.ndjson', ndjson(bundle(['O11'])));
    const { code, out } = await runCli(
      'score',
      '--edition',
      'ita-2569',
      '--input',
      input,
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const agency = JSON.parse(out).agencies[0];
    expect(agency.indicators['9']).toBe(90);
    expect(agency.instruments.map((i: { score: number }) => i.score)).toEqual([100, 100, 95]);
    expect(agency.total).toBe(98);
    expect(agency.level.code).toBe('excellent');
    expect(agency.respondents).toEqual({ IIT: 1, EIT: 1 });
  });

  it('reads the nested JSON form too', async () => {
    const input = writeTemp(
      'in.json',
      JSON.stringify({
        agencies: [
          { id: 'A1', responses: { IIT: [bestIit], EIT: [{ e2: '3' }] }, oit: { O1: 'fail' } },
        ],
      }),
    );
    const { code, out } = await runCli(
      'score',
      '--edition',
      'ita-2569',
      '--input',
      input,
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).agencies[0].instruments[1].score).toBe(66.67);
  });

  it('explains how every number was obtained', async () => {
    const input = writeTemp('in.ndjson', ndjson(bundle(['O11'])));
    const { code, out } = await runCli(
      'score',
      '--edition',
      'ita-2569',
      '--input',
      input,
      '--explain',
    );
    expect(code).toBe(0);
    expect(out).toContain('OIT 95.00 (40%) → 38.00');
    expect(out).toMatch(/O11 .*: 0\.00 = ไม่ผ่าน \/ fail/);
    expect(out).toMatch(/i1\.1 .*: 100\.00 = เฉลี่ยจาก 1 คำตอบ/);
  });

  it('names the record and field of bad input, prints no result and exits non-zero', async () => {
    const records: unknown[] = bundle();
    records.splice(2, 0, {
      type: 'response',
      agency: 'A1',
      instrument: 'IIT',
      answers: { i99: '4' },
    });
    records.push({
      type: 'response',
      agency: 'A1',
      instrument: 'IIT',
      answers: { i2: '7' },
    });
    const input = writeTemp('bad.ndjson', ndjson(records) + '{not json\n');
    const { code, out, err } = await runCli('score', '--edition', 'ita-2569', '--input', input);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('line 3, answers.i99');
    expect(err).toMatch(/line 6, answers\.i2: .*"7"/);
    expect(err).toContain('line 7, (record)');
    expect(err).toContain('nothing was scored');
  });

  it('refuses records of an undeclared agency and a missing input file', async () => {
    const input = writeTemp('x.ndjson', ndjson([{ type: 'oit', agency: 'Z', decisions: {} }]));
    const undeclared = await runCli('score', '--edition', 'ita-2569', '--input', input);
    expect(undeclared.code).toBe(1);
    expect(undeclared.err).toContain('line 1, agency');
    const missing = await runCli(
      'score',
      '--edition',
      'ita-2569',
      '--input',
      '/nonexistent.ndjson',
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot open file');
  });

  it('refuses an unknown rating scheme and a bundle made for another edition before printing', async () => {
    const input = writeTemp('in.ndjson', ndjson(bundle()));
    const rating = await runCli(
      'score',
      '--edition',
      'ita-2569',
      '--input',
      input,
      '--format',
      'json',
      '--rating',
      'nope',
    );
    expect(rating.code).toBe(1);
    expect(rating.out).toBe('');
    const other = writeTemp(
      'in.json',
      JSON.stringify({ edition: 'ita-2567', agencies: [{ id: 'A', oit: { O99: 'pass' } }] }),
    );
    const mismatch = await runCli('score', '--edition', 'ita-2569', '--input', other);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toContain('(file), edition');
  });

  it('reads JSON and NDJSON files that start with a byte-order mark like the same without', async () => {
    const json = JSON.stringify({
      agencies: [{ id: 'A1', responses: { IIT: [bestIit], EIT: [{ e2: '3' }] }, oit: {} }],
    });
    const lines = ndjson(bundle(['O11']));
    for (const [name, text] of [
      ['in.json', json],
      ['in.ndjson', lines],
    ] as const) {
      const args = ['score', '--edition', 'ita-2569', '--format', 'json', '--input'];
      const plain = await runCli(...args, writeTemp(name, text));
      const marked = await runCli(...args, writeTemp(name, BOM + text));
      expect(plain.code).toBe(0);
      expect(marked.err).not.toContain('nothing was scored');
      expect(marked.code).toBe(0);
      expect(marked.out).toBe(plain.out);
      expect(JSON.parse(marked.out).agencies[0].id).toBe('A1');
    }
  });

  it('still refuses a byte-order mark inside a line, naming the line', async () => {
    const lines = ndjson(bundle()).split('\n');
    lines[1] = BOM + (lines[1] ?? '');
    const input = writeTemp('in.ndjson', lines.join('\n'));
    const { code, err } = await runCli('score', '--edition', 'ita-2569', '--input', input);
    expect(code).toBe(1);
    expect(err).toContain('line 2, (record)');
  });

  it('reads the bundle from standard input with --input -', async () => {
    const ndjsonRun = await runWithStdin(
      BOM + ndjson(bundle(['O11'])),
      'score',
      '--edition',
      'ita-2569',
      '--input',
      '-',
      '--input-format',
      'ndjson',
      '--format',
      'json',
    );
    expect(ndjsonRun.err).not.toMatch(/✗|line \d/);
    expect(ndjsonRun.code).toBe(0);
    expect(JSON.parse(ndjsonRun.out).agencies[0].total).toBe(98);
    // without --input-format, standard input is read as one JSON document
    const jsonRun = await runWithStdin(
      JSON.stringify({ agencies: [{ id: 'S1', name: 'จากท่อ', oit: { O1: 'pass' } }] }),
      'score',
      '--edition',
      'ita-2569',
      '--input',
      '-',
    );
    expect(jsonRun.code).toBe(0);
    expect(jsonRun.out).toContain('จากท่อ');
    expect(jsonRun.err).toContain('1 หน่วยงาน / agencies, 1 ระเบียน / records');
    const bad = await runWithStdin('{not json', 'score', '--edition', 'ita-2569', '--input', '-');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('(file), (record)');
  }, 60_000);

  it('explains its usage when arguments are missing', async () => {
    const { code, err } = await runCli('score', '--edition', 'ita-2569');
    expect(code).toBe(2);
    expect(err).toContain('usage');
  });
});
