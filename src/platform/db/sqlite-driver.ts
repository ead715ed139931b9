import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite driver that works on the Node.js running us. better-sqlite3 12 (compiled against
 * the running Node's headers) aborts on Node >= 24.19 when a prepared statement is freed;
 * better-sqlite3 13 (prebuilt on Node-API, installed as `better-sqlite3-napi`) fixes that but
 * crashes on Node 20. So Node 20 loads 12 and Node 22 or later loads 13; both have the same API.
 * When Node 20 support ends, 13 alone stays and this choice goes.
 */
export const SQLITE_DRIVER_MIN_NAPI_NODE = 22;

/** The package name to load for a Node.js version string such as `20.20.2`. */
export function sqliteDriverPackage(nodeVersion: string): 'better-sqlite3' | 'better-sqlite3-napi' {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= SQLITE_DRIVER_MIN_NAPI_NODE ? 'better-sqlite3-napi' : 'better-sqlite3';
}

const require = createRequire(import.meta.url);

/** Loads the driver, or says in Thai and English what to run when its native part is missing. */
function loadDriver(): typeof BetterSqlite3 {
  const name = sqliteDriverPackage(process.versions.node);
  try {
    return require(name) as typeof BetterSqlite3;
  } catch (error) {
    const fix =
      name === 'better-sqlite3' ? 'npm rebuild better-sqlite3' : 'npm install (or npm ci)';
    throw new Error(
      `โหลดไดรเวอร์ SQLite (${name}) สำหรับ Node.js ${process.versions.node} ไม่ได้ ให้รัน \`${fix}\` ในโฟลเดอร์ของ Prongsai แล้วลองใหม่ / ` +
        `The SQLite driver (${name}) for Node.js ${process.versions.node} could not be loaded: run \`${fix}\` in Prongsai's folder and try again`,
      { cause: error },
    );
  }
}

/** The better-sqlite3 `Database` constructor for this runtime. */
const SQLite = loadDriver();

// eslint-disable-next-line @typescript-eslint/no-namespace -- the constructor and its types under one name, as the package exports them
declare namespace SQLite {
  type Database = BetterSqlite3.Database;
  type Statement = BetterSqlite3.Statement;
  type Options = BetterSqlite3.Options;
}

export default SQLite;
