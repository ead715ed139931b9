import { describe, expect, it } from 'vitest';
import SQLite, { sqliteDriverPackage } from './sqlite-driver.js';

describe('the SQLite driver for the running Node.js', () => {
  it('is better-sqlite3 12 on Node 20 and the Node-API build (13) from Node 22 on', () => {
    expect(sqliteDriverPackage('20.20.2')).toBe('better-sqlite3');
    expect(sqliteDriverPackage('21.7.0')).toBe('better-sqlite3');
    expect(sqliteDriverPackage('22.12.0')).toBe('better-sqlite3-napi');
    expect(sqliteDriverPackage('24.21.0')).toBe('better-sqlite3-napi');
  });

  it('loads and frees many prepared statements on this runtime without aborting', () => {
    const db = new SQLite(':memory:');
    try {
      let sum = 0;
      for (let i = 0; i < 5000; i++)
        sum += (db.prepare(`select ${i} as x`).get() as { x: number }).x;
      expect(sum).toBe((4999 * 5000) / 2);
    } finally {
      db.close();
    }
  });
});
