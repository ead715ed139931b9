// Baseline of bench/survey-submit.mjs: a bare Fastify server with one POST route that parses the
// same form, inserts one row of the same size (the answers as JSON) in a transaction on SQLite
// (WAL + synchronous=FULL, as src/platform/db/database.ts) and answers 200. With `batched`, the
// inserts that arrive together are committed in one transaction (queued, drained on the next
// turn of the event loop, at most 256 at a time) and each request is answered after that commit,
// the way the app's write batcher (src/platform/db/write-batcher.ts) does. Usage:
//   node bench/bare-insert-server.mjs FILE PORT [batched]
import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const [file, port, mode] = process.argv.slice(2);
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.exec(
  'CREATE TABLE IF NOT EXISTS response (id TEXT PRIMARY KEY, answers_json TEXT NOT NULL, submitted_on TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO response (id, answers_json, submitted_on) VALUES (?, ?, ?)');
const insertOne = (answers) =>
  insert.run(randomUUID(), answers, new Date().toISOString().slice(0, 10));
const storeOne = db.transaction(insertOne);
const storeMany = db.transaction((list) => list.forEach(insertOne));

/** Batched mode: answers queued in this turn of the event loop, committed together. */
let queued = [];
function storeBatched(answers) {
  return new Promise((resolve, reject) => {
    queued.push({ answers, resolve, reject });
    if (queued.length > 1) return;
    setImmediate(() => {
      while (queued.length > 0) {
        const batch = queued.splice(0, 256);
        try {
          storeMany(batch.map((item) => item.answers));
          batch.forEach((item) => item.resolve());
        } catch (error) {
          batch.forEach((item) => item.reject(error));
        }
      }
      queued = [];
    });
  });
}
const store = mode === 'batched' ? storeBatched : storeOne;

const app = Fastify({ logger: false });
await app.register(formbody);
app.get('/healthz', async () => ({ ok: true }));
app.post('/submit', async (request, reply) => {
  const answers = {};
  for (const [key, value] of Object.entries(request.body ?? {}))
    if (key.startsWith('a_') && typeof value === 'string') answers[key.slice(2)] = value;
  await store(JSON.stringify(answers));
  return reply.type('text/html; charset=utf-8').send('<h1>ขอบคุณที่ตอบแบบวัด</h1>');
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  db.close();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
