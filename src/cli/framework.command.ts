import { parseArgs } from 'node:util';
import { listBundledEditions, loadEdition, readEditionFile } from '../features/editions/feature.js';
import { diffEditions } from '../core/framework/diff-editions.js';
import { listProvisional } from '../core/framework/walk-edition.js';
import { formatTable, type Io } from './output.js';

const USAGE = `prongsai framework list
prongsai framework check FILE|ID
prongsai framework diff A B
prongsai framework provisional FILE|ID
`;

function check(target: string, io: Io): number {
  const file = readEditionFile(target);
  for (const p of file.problems) {
    const tag = p.severity === 'error' ? 'ผิดพลาด/error' : 'ข้อสังเกต/warning';
    io.out(`${tag}  ${p.path}  [${p.code}]\n  ${p.message.th}\n  ${p.message.en}\n`);
  }
  const errors = file.problems.filter((p) => p.severity === 'error').length;
  const warnings = file.problems.length - errors;
  if (errors > 0) {
    io.out(
      `\n✗ ${file.path}: ข้อผิดพลาด ${errors} จุด ข้อสังเกต ${warnings} จุด / ${errors} error(s), ${warnings} warning(s)\n`,
    );
    return 1;
  }
  const edition = file.edition;
  const provisional = edition ? listProvisional(edition).length : 0;
  io.out(
    `✓ ${file.path}: ใช้ได้ (${edition?.id} ฉบับที่ ${edition?.version}) ข้อสังเกต ${warnings} จุด ส่วนที่ยังเป็นการกำหนดชั่วคราว ${provisional} รายการ\n` +
      `  valid (${edition?.id} v${edition?.version}), ${warnings} warning(s), ${provisional} provisional part(s); sha256 ${file.sha256}\n`,
  );
  return 0;
}

function diff(a: string, b: string, io: Io): number {
  const before = loadEdition(a).edition;
  const after = loadEdition(b).edition;
  const changes = diffEditions(before, after);
  if (changes.length === 0) {
    io.out(`ไม่มีความแตกต่าง / no differences between ${before.id} and ${after.id}\n`);
    return 0;
  }
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
  io.out(
    `${before.id} v${before.version} → ${after.id} v${after.version}: ` +
      `${changes.length} การเปลี่ยนแปลง / changes (${summary})\n\n`,
  );
  const indent = ' '.repeat(13);
  for (const c of changes) {
    io.out(`${`[${c.kind}]`.padEnd(13)}${c.message.th}\n${indent}${c.message.en}\n`);
  }
  return 0;
}

function provisional(target: string, io: Io): number {
  const { edition } = loadEdition(target);
  const entries = listProvisional(edition);
  io.out(`${edition.id}: ${entries.length} ส่วนที่ยังเป็นการกำหนดชั่วคราว / provisional parts\n`);
  io.out(
    formatTable(
      ['kind', 'code', 'path', 'source'],
      entries.map((e) => [e.kind, e.code, e.path, e.source]),
    ),
  );
  return 0;
}

function list(io: Io): number {
  const rows = listBundledEditions().map((id) => {
    const file = readEditionFile(id);
    const e = file.edition;
    return [
      id,
      String(e?.year ?? '?'),
      String(e?.version ?? '?'),
      e?.status ?? 'invalid',
      file.sha256.slice(0, 12),
    ];
  });
  io.out(formatTable(['id', 'ปี/year', 'version', 'status', 'sha256'], rows));
  return 0;
}

/** `prongsai framework …`: list, check, diff and show the provisional parts of editions. */
export function runFrameworkCommand(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const [sub, a, b] = positionals;
  if (sub === 'list') return list(io);
  if (sub === 'check' && a) return check(a, io);
  if (sub === 'diff' && a && b) return diff(a, b, io);
  if (sub === 'provisional' && a) return provisional(a, io);
  io.err(`วิธีใช้ / usage:\n${USAGE}`);
  return 2;
}
