import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileEdition } from '../core/framework/compile-edition.js';
import { createSeededRandom, generateBundleRecords } from '../core/demo/generate-bundle.js';
import { loadEdition } from '../services/edition-files.service.js';
import { runScoreCommand } from './score.command.js';
import type { Io } from './output.js';

/** A demo ministry: a parent body and units of different sizes. */
export const DEMO_AGENCIES = [
  { id: 'MDEMO', name: 'สำนักงานปลัดกระทรวงตัวอย่าง' },
  { id: 'D01', name: 'กรมส่งเสริมการเรียนรู้' },
  { id: 'D02', name: 'กรมทรัพยากรน้ำบาดาลตัวอย่าง' },
  { id: 'D03', name: 'กรมบริการประชาชน' },
  { id: 'D04', name: 'สำนักงานจังหวัดน่าน' },
  { id: 'D05', name: 'สำนักงานจังหวัดขอนแก่น' },
  { id: 'D06', name: 'สถาบันพัฒนาบุคลากร' },
  { id: 'D07', name: 'ศูนย์ดิจิทัลภาครัฐ' },
  { id: 'D08', name: 'สำนักงานเขตพื้นที่ 1' },
  { id: 'D09', name: 'สำนักงานเขตพื้นที่ 2' },
  { id: 'D10', name: 'องค์การมหาชนตัวอย่าง' },
  { id: 'D11', name: 'โรงพยาบาลชุมชนตัวอย่าง' },
];

/** `prongsai demo`: writes a demo bundle for the ministry above and prints its scores. */
export async function runDemoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      edition: { type: 'string', default: 'ita-2569' },
      out: { type: 'string', default: join('data', 'demo-bundle.ndjson') },
      seed: { type: 'string', default: '2569' },
    },
  });
  const compiled = compileEdition(loadEdition(values.edition).edition);
  mkdirSync(join(values.out, '..'), { recursive: true });
  const file = createWriteStream(values.out);
  const records = generateBundleRecords(compiled, {
    agencies: DEMO_AGENCIES,
    responses: 2400,
    iitShare: 0.4,
    random: createSeededRandom(Number(values.seed)),
  });
  for (const record of records) {
    if (!file.write(JSON.stringify(record) + '\n')) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  io.out(`ข้อมูลตัวอย่าง / demo bundle: ${values.out}\n\n`);
  return runScoreCommand(['--edition', values.edition, '--input', values.out], io);
}
