import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from './database.js';
import { describeEachDialect } from './test-databases.js';

/** One column as schema.ts declares it. */
interface DeclaredColumn {
  name: string;
  nullable: boolean;
}

/**
 * The tables of schema.ts as data, read with the TypeScript parser: the `Database` interface
 * names each table and its row interface; a column is nullable when its type includes `null`.
 */
function declaredTables(): Map<string, DeclaredColumn[]> {
  const path = new URL('./schema.ts', import.meta.url);
  const source = ts.createSourceFile(
    'schema.ts',
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const statement of source.statements)
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const tables = new Map<string, DeclaredColumn[]>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const table = member.name.getText(source);
    const rowName = member.type.getText(source);
    const row = interfaces.get(rowName);
    if (!row) throw new Error(`schema.ts: ${table} names ${rowName}, which is not declared`);
    const columns: DeclaredColumn[] = [];
    for (const column of row.members) {
      if (!ts.isPropertySignature(column) || !column.type) continue;
      const type = column.type;
      const nullable =
        ts.isUnionTypeNode(type) &&
        type.types.some(
          (t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword,
        );
      columns.push({ name: column.name.getText(source), nullable });
    }
    tables.set(table, columns);
  }
  return tables;
}

/**
 * Primary-key columns by table on SQLite, which (for a key that is not an INTEGER row id) lets
 * a key column hold NULL unless NOT NULL is written; PostgreSQL makes every key NOT NULL. The
 * app always sets its keys, so a key counts as not null on both engines.
 */
async function sqlitePrimaryKeys(db: Db, table: string): Promise<Set<string>> {
  const rows = await sql<{
    name: string;
    pk: number;
  }>`select name, pk from pragma_table_info(${table})`.execute(db.kysely);
  return new Set(rows.rows.filter((r) => r.pk > 0).map((r) => r.name));
}

describeEachDialect('schema.ts and the migrations', (getDb, dialect) => {
  it('declare the same tables, columns and nullability', async () => {
    const declared = declaredTables();
    const migrated = (await getDb().kysely.introspection.getTables()).filter(
      (t) => !t.name.startsWith('kysely_'),
    );
    expect(migrated.map((t) => t.name).sort()).toEqual([...declared.keys()].sort());
    const differences: string[] = [];
    for (const table of migrated) {
      const keys =
        dialect === 'sqlite' ? await sqlitePrimaryKeys(getDb(), table.name) : new Set<string>();
      const columns = new Map(
        table.columns.map((c) => [c.name, c.isNullable && !keys.has(c.name)]),
      );
      const wanted = new Map((declared.get(table.name) ?? []).map((c) => [c.name, c.nullable]));
      for (const [name, nullable] of columns) {
        if (!wanted.has(name)) differences.push(`${table.name}.${name}: not in schema.ts`);
        else if (wanted.get(name) !== nullable)
          differences.push(
            `${table.name}.${name}: ${nullable ? 'nullable' : 'not null'} in the database`,
          );
      }
      for (const name of wanted.keys())
        if (!columns.has(name)) differences.push(`${table.name}.${name}: not in the database`);
    }
    expect(differences).toEqual([]);
  });

  it('reads a column left out of schema.ts as a difference', () => {
    const declared = declaredTables();
    const agency = declared.get('agency') ?? [];
    expect(agency.map((c) => c.name)).toContain('eligible_staff');
    expect(agency.find((c) => c.name === 'website')?.nullable).toBe(true);
    expect(agency.find((c) => c.name === 'code')?.nullable).toBe(false);
  });
});
