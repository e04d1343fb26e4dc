import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server's layout, checked: no import circles (type imports included),
 * the platform never reaches into the domain modules, routes never touch
 * models, a module's models are queried by its stores only, and no file grows
 * past 350 lines (demo data aside).
 */
const root = __dirname;
const rel = (file: string) => path.relative(root, file);

interface Import {
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return spec;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = resolveImport(file, statement.moduleSpecifier.text);
      if (!target) continue;
      let typeOnly = false;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        const named = clause?.namedBindings;
        typeOnly =
          !!clause &&
          (clause.isTypeOnly ||
            (!clause.name &&
              !!named &&
              ts.isNamedImports(named) &&
              named.elements.length > 0 &&
              named.elements.every((e) => e.isTypeOnly)));
      } else typeOnly = statement.isTypeOnly;
      out.push({ target, typeOnly });
    }
  }
  return out;
}

const files = sources(root);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const local = (i: Import) => i.target.startsWith(root);

describe('server architecture', () => {
  it('has no import circles, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const { target } of (graph.get(file) ?? []).filter(local)) {
        if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)).map(rel).join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps the platform free of the domain: nothing under platform/ imports a module or the context', () => {
    const reaching = files
      .filter((f) => rel(f).startsWith('platform/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => local(i) && !rel(i.target).startsWith('platform/'))
          .map((i) => `${rel(f)} → ${rel(i.target)}`),
      );
    expect(reaching).toEqual([]);
  });

  it('lets no route file import a model or mongoose', () => {
    const routes = files.filter((f) => /(^|\/|\.)routes\.ts$/.test(f));
    expect(routes.length).toBeGreaterThan(10);
    const reaching = routes.flatMap((f) =>
      (graph.get(f) ?? [])
        .filter((i) => i.target === 'mongoose' || /model\.ts$/.test(i.target))
        .map((i) => `${rel(f)} → ${local(i) ? rel(i.target) : i.target}`),
    );
    expect(reaching).toEqual([]);
  });

  it("queries a module's collections through its stores only: models and mongoose are imported (as values) by stores alone", () => {
    const allowed = (file: string) =>
      rel(file).startsWith('platform/') ||
      // The one-time upgrade of an earlier version's data reads the collections themselves.
      rel(file).startsWith('upgrade/') ||
      /store\.ts$/.test(file) ||
      /model\.ts$/.test(file) ||
      // The composition root and the module list register every model with the connection.
      ['boot.ts', 'modules/index.ts'].includes(rel(file));
    const reaching = files
      .filter((f) => !allowed(f))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => !i.typeOnly && (i.target === 'mongoose' || /model\.ts$/.test(i.target)))
          .map((i) => `${rel(f)} → ${local(i) ? rel(i.target) : i.target}`),
      );
    expect(reaching).toEqual([]);
    // And a store reads its own module's models, not another module's.
    const foreign = files
      .filter((f) => /store\.ts$/.test(f) && rel(f).startsWith('modules/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => !i.typeOnly && /model\.ts$/.test(i.target) && path.dirname(i.target) !== path.dirname(f))
          .map((i) => `${rel(f)} → ${rel(i.target)}`),
      );
    expect(foreign).toEqual([]);
  });

  it('has no file over 350 lines (a file is a room with one job; demo data aside)', () => {
    const long = files
      .filter((f) => !rel(f).startsWith('demo/'))
      .map((f) => ({ file: rel(f), lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 350);
    expect(long).toEqual([]);
  });
});
