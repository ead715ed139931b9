// Writes a national-size scoring bundle: NDJSON, deterministic (seeded).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { compileEdition } from '../src/core/framework/compile-edition.js';
import { createSeededRandom, generateBundleRecords } from '../src/core/demo/generate-bundle.js';
import { loadEdition } from '../src/features/editions/feature.js';

const [out, agencies, responses, edition = 'ita-2569'] = process.argv.slice(2);
const compiled = compileEdition(loadEdition(edition).edition);
const list = Array.from({ length: Number(agencies) }, (_, i) => ({
  id: `AG${String(i + 1).padStart(5, '0')}`,
  name: `หน่วยงานที่ ${i + 1}`,
}));
const file = createWriteStream(out as string);
let buffer = '';
for (const record of generateBundleRecords(compiled, {
  agencies: list,
  responses: Number(responses),
  iitShare: 0.4,
  random: createSeededRandom(8317),
})) {
  buffer += JSON.stringify(record) + '\n';
  if (buffer.length > 1 << 20) {
    if (!file.write(buffer)) await once(file, 'drain');
    buffer = '';
  }
}
file.end(buffer);
await once(file, 'finish');
