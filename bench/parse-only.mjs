// Baseline: read an NDJSON file in 1 MB chunks, split lines and JSON.parse each one; nothing else.
import { createReadStream } from 'node:fs';

let lines = 0;
let rest = '';
const stream = createReadStream(process.argv[2], { highWaterMark: 1 << 20, encoding: 'utf8' });
for await (const chunk of stream) {
  const text = rest + chunk;
  let start = 0;
  let end = text.indexOf('\n');
  while (end !== -1) {
    if (end > start) {
      JSON.parse(text.slice(start, end));
      lines += 1;
    }
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  rest = text.slice(start);
}
if (rest.trim()) {
  JSON.parse(rest);
  lines += 1;
}
process.stderr.write(`parsed ${lines} lines\n`);
