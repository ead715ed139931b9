#!/usr/bin/env node
// Checks what ESLint's layer rule cannot see, over the TypeScript import graph of src/:
//  1. no import cycle at run time (imports of types only are left out: they vanish when compiled;
//     dynamic import() is left out too: it runs after every module has loaded);
//  2. one door per feature: code outside src/features/X imports X only through
//     src/features/X/feature.ts (a feature's pure core/ may import another's core/, and tests may
//     use another feature's *.test-support.ts).
// Usage: node scripts/check-imports.mjs [dir]   exits 1 and lists each problem when there is one.
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const src = join(root, 'src');

/** @param {string} dir @param {string[]} out */
function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** @param {string} from @param {string} spec */
function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Whether an import or export declaration brings types only. @param {ts.Statement} st */
function typeOnly(st) {
  if (ts.isImportDeclaration(st)) {
    const clause = st.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return false;
    return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(st)) {
    if (st.isTypeOnly) return true;
    const clause = st.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  return false;
}

const rel = (/** @type {string} */ p) => relative(root, p);
const featureOf = (/** @type {string} */ p) =>
  rel(p).match(/^src\/features\/([^/.]+)\//)?.[1] ?? null;
const layerOf = (/** @type {string} */ p) =>
  rel(p).match(/^src\/features\/[^/]+\/([^/]+)\//)?.[1] ?? null;
const isTest = (/** @type {string} */ p) =>
  /\.test\.tsx?$|\.test-support\.ts$|\/test-[\w-]+\.ts$/.test(p);

/** @type {Map<string, string[]>} */
const runtimeEdges = new Map();
const problems = [];
for (const file of sourceFiles(src)) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const edges = [];
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) && !ts.isExportDeclaration(st)) continue;
    const spec = st.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const target = resolveImport(file, spec.text);
    if (!target) {
      problems.push(`${rel(file)}: cannot resolve '${spec.text}'`);
      continue;
    }
    if (!typeOnly(st)) edges.push(target);
    const feature = featureOf(target);
    if (!feature || feature === featureOf(file)) continue;
    const inside = relative(join(src, 'features', feature), target);
    const allowed =
      inside === 'feature.ts' ||
      (layerOf(target) === 'core' && layerOf(file) === 'core') ||
      (isTest(file) && /\.test-support\.ts$/.test(target));
    if (!allowed)
      problems.push(
        `${rel(file)}: imports ${rel(target)}; another feature is reached through its feature.ts`,
      );
  }
  runtimeEdges.set(file, edges);
}

// Tarjan's strongly connected components: each one of more than one module is a cycle.
let index = 0;
const order = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
/** @param {string} v */
function visit(v) {
  order.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of runtimeEdges.get(v) ?? []) {
    if (!order.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), order.get(w)));
  }
  if (low.get(v) === order.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (runtimeEdges.get(v) ?? []).includes(v);
    if (component.length > 1 || selfLoop) cycles.push(component);
  }
}
for (const file of runtimeEdges.keys()) if (!order.has(file)) visit(file);

/** One path around a component, to show where the cycle runs. @param {string[]} component */
function cyclePath(component) {
  const members = new Set(component);
  const start = component[component.length - 1];
  const seen = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of runtimeEdges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = seen.get(v); p; p = seen.get(p)) path.unshift(p);
        return [...path, start].map(rel).join(' → ');
      }
      if (!seen.has(w)) {
        seen.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.map(rel).join(', ');
}
for (const component of cycles)
  problems.push(`runtime import cycle of ${component.length} modules: ${cyclePath(component)}`);

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`check-imports: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `check-imports: ${runtimeEdges.size} modules, no runtime import cycle, one door per feature`,
);
