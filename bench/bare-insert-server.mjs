// Baseline of bench/survey-submit.mjs: a bare Fastify server with one POST route that parses the
// same form, inserts one row of the same size (the answers as JSON) in a transaction on SQLite
// (WAL + synchronous=FULL, as src/db/database.ts) and answers 200. Usage:
//   node bench/bare-insert-server.mjs FILE PORT
import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.exec(
  'CREATE TABLE IF NOT EXISTS response (id TEXT PRIMARY KEY, answers_json TEXT NOT NULL, submitted_on TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO response (id, answers_json, submitted_on) VALUES (?, ?, ?)');
const store = db.transaction((answers) =>
  insert.run(randomUUID(), answers, new Date().toISOString().slice(0, 10)),
);

const app = Fastify({ logger: false });
await app.register(formbody);
app.get('/healthz', async () => ({ ok: true }));
app.post('/submit', async (request, reply) => {
  const answers = {};
  for (const [key, value] of Object.entries(request.body ?? {}))
    if (key.startsWith('a_') && typeof value === 'string') answers[key.slice(2)] = value;
  store(JSON.stringify(answers));
  return reply.type('text/html; charset=utf-8').send('<h1>ขอบคุณที่ตอบแบบวัด</h1>');
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  db.close();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
