import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { checkEdition, type EditionProblem } from '../../../core/framework/check-edition.js';
import type { Edition } from '../../../core/framework/edition.schema.js';
import { DomainError } from '../../../core/errors.js';

/** The folder of the editions shipped with Prongsai. */
export const BUNDLED_EDITIONS_DIR = fileURLToPath(
  new URL('../../../../frameworks/', import.meta.url),
);

/** An edition file as read: its text, its sha256 and the result of the checker. */
export interface EditionFile {
  path: string;
  sha256: string;
  text: string;
  edition: Edition | null;
  problems: EditionProblem[];
}

/** Lists the ids of the bundled editions (file names without `.yaml`). */
export function listBundledEditions(): string[] {
  return readdirSync(BUNDLED_EDITIONS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Finds an edition by bundled id (e.g. `ita-2569`) or by file path. */
export function resolveEditionPath(idOrPath: string): string {
  const bundled = join(BUNDLED_EDITIONS_DIR, `${idOrPath}.yaml`);
  if (/^[A-Za-z0-9._-]+$/.test(idOrPath) && existsSync(bundled)) return bundled;
  if (existsSync(idOrPath)) return idOrPath;
  throw new DomainError('edition_not_found', {
    th: `ไม่พบฉบับเกณฑ์ "${idOrPath}" (ฉบับที่มีให้: ${listBundledEditions().join(', ')} หรือระบุเป็นไฟล์ .yaml)`,
    en: `Edition "${idOrPath}" not found (bundled: ${listBundledEditions().join(', ')}, or give a .yaml file)`,
  });
}

/** Reads and checks an edition file; YAML syntax errors become problems with a line number. */
export function readEditionFile(idOrPath: string): EditionFile {
  const path = resolveEditionPath(idOrPath);
  const text = readFileSync(path, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const line = error.linePos?.[0]?.line ?? 0;
    const problem: EditionProblem = {
      severity: 'error',
      code: 'yaml_syntax',
      path: `line ${line}`,
      message: {
        th: `ไฟล์ YAML เขียนผิดรูปแบบที่บรรทัด ${line}: ${error.message}`,
        en: `YAML syntax error at line ${line}: ${error.message}`,
      },
    };
    return { path, sha256, text, edition: null, problems: [problem] };
  }
  const { edition, problems } = checkEdition(raw);
  return { path, sha256, text, edition, problems };
}

/** Loads an edition for use, refusing one with errors (warnings are allowed). */
export function loadEdition(idOrPath: string): { edition: Edition; sha256: string; path: string } {
  const file = readEditionFile(idOrPath);
  const errors = file.problems.filter((p) => p.severity === 'error');
  if (!file.edition || errors.length > 0) {
    throw new DomainError(
      'invalid_edition',
      {
        th: `ฉบับเกณฑ์ ${file.path} มีข้อผิดพลาด ${errors.length} จุด: ตรวจด้วย prongsai framework check`,
        en: `Edition ${file.path} has ${errors.length} error(s): run prongsai framework check`,
      },
      { problems: errors },
    );
  }
  return { edition: file.edition, sha256: file.sha256, path: file.path };
}
