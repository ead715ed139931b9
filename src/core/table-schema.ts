/**
 * Frictionless Table Schema (https://datapackage.org/standard/table-schema/), the part Prongsai
 * publishes, and a checker of tables against it: what a data portal (CKAN) or a Frictionless
 * validator reads beside the open data files. Pure; no dependency.
 */

export type TableFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface TableFieldConstraints {
  required?: boolean;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  pattern?: string;
}

/** One column: its name, type and what it means (title in Thai, description Thai and English). */
export interface TableField {
  name: string;
  type: TableFieldType;
  title: string;
  description: string;
  /** The unit of a figure (e.g. points); not a Table Schema keyword, kept as an extra property. */
  unit?: string;
  constraints?: TableFieldConstraints;
}

export interface TableSchema {
  fields: readonly TableField[];
  primaryKey?: readonly string[];
  /** Cells (as text) read as "no value": null in JSON. */
  missingValues: readonly string[];
}

/** A logical value of a cell: what JSON holds. */
export type CellValue = string | number | boolean | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a logical value does not fit its field (null when it fits). */
function valueProblem(field: TableField, value: unknown): string | null {
  const c = field.constraints ?? {};
  if (value === null || value === undefined) return c.required ? 'is required but missing' : null;
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return `is not a string (${JSON.stringify(value)})`;
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'is not an integer';
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a number';
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return 'is not a boolean';
      break;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
        return 'is not a date (YYYY-MM-DD)';
      break;
  }
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) return `is below ${c.minimum}`;
    if (c.maximum !== undefined && value > c.maximum) return `is above ${c.maximum}`;
  }
  if (typeof value === 'string') {
    if (c.enum && !c.enum.includes(value)) return `"${value}" is not one of ${c.enum.join(', ')}`;
    if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value))
      return `"${value}" does not match ${c.pattern}`;
  }
  return null;
}

/**
 * Reads a CSV cell as its field's logical value: null for a missing value, else the number,
 * boolean or text; `undefined` when the text cannot be read as the field's type.
 */
export function castCell(
  schema: TableSchema,
  field: TableField,
  cell: string,
): CellValue | undefined {
  if (schema.missingValues.includes(cell)) return null;
  switch (field.type) {
    case 'integer':
      return /^[+-]?\d+$/.test(cell) ? Number(cell) : undefined;
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : undefined;
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : undefined;
    default:
      return cell;
  }
}

/**
 * Problems of one record (an object of logical values, as a JSON record) against the schema:
 * exactly the schema's fields, in order, each value of its type and within its constraints.
 * Empty when it is valid.
 */
export function recordProblems(schema: TableSchema, record: Record<string, unknown>): string[] {
  const names = schema.fields.map((f) => f.name);
  const keys = Object.keys(record);
  const problems: string[] = [];
  if (keys.join(',') !== names.join(','))
    problems.push(`fields are ${keys.join(', ')}; the schema declares ${names.join(', ')}`);
  for (const field of schema.fields) {
    const problem = valueProblem(field, record[field.name]);
    if (problem) problems.push(`${field.name} ${problem}`);
  }
  return problems;
}

/** Problems of a primary key: a record whose key repeats an earlier one's. */
function keyProblems(schema: TableSchema, records: readonly Record<string, unknown>[]): string[] {
  if (!schema.primaryKey?.length) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  records.forEach((record, i) => {
    const key = JSON.stringify(schema.primaryKey?.map((name) => record[name]));
    if (seen.has(key)) problems.push(`record ${i + 1}: primary key ${key} repeats`);
    seen.add(key);
  });
  return problems;
}

/** Problems of JSON records against the schema (each record, then the primary key). */
export function recordsProblems(
  schema: TableSchema,
  records: readonly Record<string, unknown>[],
): string[] {
  return [
    ...records.flatMap((record, i) =>
      recordProblems(schema, record).map((p) => `record ${i + 1}: ${p}`),
    ),
    ...keyProblems(schema, records),
  ];
}

/**
 * Problems of a CSV table (its header and rows of cells) against the schema: the header is
 * exactly the field names, and each row, read through the schema (missing values, types), is a
 * valid record. Returns the records read as well, for comparing with the JSON file.
 */
export function csvTableProblems(
  schema: TableSchema,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { problems: string[]; records: Record<string, CellValue>[] } {
  const names = schema.fields.map((f) => f.name);
  const problems: string[] = [];
  if (header.join(',') !== names.join(','))
    problems.push(`header is ${header.join(', ')}; the schema declares ${names.join(', ')}`);
  const records = rows.map((cells, i) => {
    if (cells.length !== names.length)
      problems.push(`row ${i + 1}: ${cells.length} cells for ${names.length} fields`);
    const record: Record<string, CellValue> = {};
    schema.fields.forEach((field, at) => {
      const value = castCell(schema, field, cells[at] ?? '');
      if (value === undefined)
        problems.push(`row ${i + 1}: ${field.name} "${cells[at]}" is not of type ${field.type}`);
      record[field.name] = value ?? null;
    });
    return record;
  });
  return { problems: [...problems, ...recordsProblems(schema, records)], records };
}

/** A data package as published: what `dataPackageProblems` reads of it. */
export interface DataPackageShape {
  name?: unknown;
  version?: unknown;
  created?: unknown;
  licenses?: unknown;
  resources?: unknown;
}

const NAME = /^[a-z0-9._-]+$/;

/**
 * Problems of a Frictionless Data Package's descriptor (the rules of the standard Prongsai
 * follows): a lower-case `name`; at least one resource, each with a unique lower-case name, an
 * absolute http(s) `path`, a `format`, a `mediatype` and, when tabular, a schema with fields;
 * licences with a name or a path; a semantic `version`; `created` as an RFC 3339 date-time.
 */
export function dataPackageProblems(pkg: DataPackageShape): string[] {
  const problems: string[] = [];
  if (typeof pkg.name !== 'string' || !NAME.test(pkg.name))
    problems.push('name must be lower-case letters, digits, ".", "-" or "_"');
  if (pkg.version !== undefined && !/^\d+\.\d+\.\d+$/.test(String(pkg.version)))
    problems.push('version must be major.minor.patch');
  if (
    pkg.created !== undefined &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(String(pkg.created))
  )
    problems.push('created must be an RFC 3339 date-time');
  const licenses = Array.isArray(pkg.licenses) ? (pkg.licenses as Record<string, unknown>[]) : [];
  if (licenses.some((l) => typeof l.name !== 'string' && typeof l.path !== 'string'))
    problems.push('each licence needs a name or a path');
  const resources = Array.isArray(pkg.resources)
    ? (pkg.resources as Record<string, unknown>[])
    : [];
  if (resources.length === 0) problems.push('a data package has at least one resource');
  const names = new Set<string>();
  resources.forEach((r, i) => {
    const at = `resource ${i + 1}`;
    if (typeof r.name !== 'string' || !NAME.test(r.name)) problems.push(`${at}: bad name`);
    else if (names.has(r.name)) problems.push(`${at}: name ${r.name} repeats`);
    else names.add(r.name);
    if (typeof r.path !== 'string' || !/^https?:\/\/[^/]+\//.test(r.path))
      problems.push(`${at}: path must be an absolute http(s) URL`);
    if (typeof r.format !== 'string' || typeof r.mediatype !== 'string')
      problems.push(`${at}: format and mediatype are needed`);
    const schema = r.schema as { fields?: unknown } | undefined;
    if (r.profile === 'tabular-data-resource' && !Array.isArray(schema?.fields))
      problems.push(`${at}: a tabular resource needs a schema with fields`);
  });
  return problems;
}
