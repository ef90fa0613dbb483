/**
 * Enforces the import table of docs/architecture.md: each folder under src/ imports only the layers it
 * may, no package it must not (core, sheets and functions: none at all), and only the Excel
 * adapters touch the Office globals.
 */
import fs from 'fs';
import { builtinModules } from 'module';
import path from 'path';

const SRC = path.resolve(__dirname, '../../src');

interface LayerRule {
  /** src/ folders this layer may import from (itself included). */
  readonly layers: readonly string[];
  /** Which npm packages it may import: none, or any except the listed ones. */
  readonly packages: 'none' | { readonly except: readonly RegExp[] };
  /** Whether it may import Node built-ins (fs, path, child_process, os, process, …). */
  readonly node: boolean;
  /** Whether it may reference the `Office` / `Excel` globals. */
  readonly office: boolean | ((file: string) => boolean);
  /** Repo files outside src/ it may import (the CLI reads its version from package.json). */
  readonly outside?: readonly string[];
}

const UI_OR_OFFICE = [/^react(-dom)?(\/|$)/, /^@fluentui\//, /^@microsoft\/office-js/];
const EXCELJS = [/^exceljs(\/|$)/, /^jszip(\/|$)/];

export const LAYER_RULES: Readonly<Record<string, LayerRule>> = {
  core: { layers: ['core'], packages: 'none', node: false, office: false },
  // The functions read tables by name inside Excel: functions.ts wires in src/excel/functions-host.ts.
  functions: { layers: ['core', 'functions', 'excel'], packages: 'none', node: false, office: false },
  sheets: { layers: ['core', 'sheets'], packages: 'none', node: false, office: false },
  workflows: { layers: ['core', 'sheets', 'workflows'], packages: 'none', node: false, office: false },
  excel: { layers: ['core', 'sheets', 'workflows', 'excel'], packages: 'none', node: false, office: true },
  xlsx: {
    layers: ['core', 'sheets', 'workflows', 'xlsx'],
    packages: { except: UI_OR_OFFICE },
    node: true,
    office: false,
  },
  taskpane: {
    // The pane reaches Excel only through its gateway: index.tsx wires in src/excel/gateway.ts.
    layers: ['core', 'sheets', 'workflows', 'taskpane', 'excel'],
    packages: { except: [...EXCELJS, /^@microsoft\/office-js/] },
    node: false,
    office: (file) => file === 'taskpane/index.tsx',
  },
  commands: { layers: ['core', 'sheets', 'workflows', 'excel', 'commands'], packages: 'none', node: false, office: true },
  // The metric catalogue as SQL text: pure, like core.
  sql: { layers: ['core', 'sql'], packages: 'none', node: false, office: false },
  // The databases the SQL runs on (DuckDB, PostgreSQL).
  engines: {
    layers: ['core', 'sql', 'engines'],
    packages: { except: UI_OR_OFFICE },
    node: true,
    office: false,
  },
  cli: {
    layers: ['core', 'sheets', 'workflows', 'xlsx', 'sql', 'engines', 'cli'],
    packages: { except: UI_OR_OFFICE },
    node: true,
    office: false,
    outside: ['package.json'],
  },
};

/** Removes comments and string contents, so examples in JSDoc and messages are not read as code. */
export function stripCommentsAndStrings(source: string): string {
  return source.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g,
    (match) => (match.startsWith('/') ? ' ' : match[0] + ' '.repeat(Math.max(0, match.length - 2)) + match[0]),
  );
}

/** Module specifiers a file imports, re-exports or requires (type-only imports included). */
export function importsOf(source: string): string[] {
  const noComments = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  const patterns = [
    /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of noComments.matchAll(pattern)) found.push(match[1]);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));
}

/** Problems in one file, given its path relative to src/ (e.g. `core/errors.ts`). */
export function layerViolations(relativeFile: string, source: string): string[] {
  const layer = relativeFile.split('/')[0];
  const rule = LAYER_RULES[layer];
  if (!rule) return [`${relativeFile}: src/${layer} is not in the layer table (docs/architecture.md)`];
  const problems: string[] = [];
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(relativeFile), specifier));
      const targetLayer = target.split('/')[0];
      if (target.startsWith('..')) {
        const repoFile = path.posix.normalize(path.posix.join('src', target));
        if (!rule.outside?.includes(repoFile)) problems.push(`${relativeFile}: imports ${specifier} from outside src/`);
      } else if (!rule.layers.includes(targetLayer)) {
        problems.push(`${relativeFile}: src/${layer} may not import src/${targetLayer} (${specifier})`);
      } else if (layer === 'taskpane' && targetLayer === 'excel' && relativeFile !== 'taskpane/index.tsx') {
        problems.push(`${relativeFile}: only taskpane/index.tsx wires in the Excel gateway (${specifier})`);
      } else if (layer === 'functions' && targetLayer === 'excel' && relativeFile !== 'functions/functions.ts') {
        problems.push(`${relativeFile}: only functions/functions.ts wires in the Excel host (${specifier})`);
      }
    } else if (isNodeBuiltin(specifier)) {
      if (!rule.node) problems.push(`${relativeFile}: src/${layer} may not use Node I/O (${specifier})`);
    } else if (rule.packages === 'none') {
      problems.push(`${relativeFile}: src/${layer} may not import packages (${specifier})`);
    } else if (rule.packages.except.some((re) => re.test(specifier))) {
      problems.push(`${relativeFile}: src/${layer} may not import ${specifier}`);
    }
  }
  const mayUseOffice = typeof rule.office === 'function' ? rule.office(relativeFile) : rule.office;
  if (!mayUseOffice && /\b(Office|Excel)\s*\.\s*[A-Za-z]/.test(stripCommentsAndStrings(source))) {
    problems.push(`${relativeFile}: src/${layer} may not use the Office/Excel globals`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('layer checker', () => {
  it('finds imports of every form, ignoring comments', () => {
    const source = [
      "import a from './a';",
      "import type { B } from '../core/b';",
      'import {\n  c,\n  d as e,\n} from "pkg";',
      "export * from './f';",
      "export { g } from '@scope/g/sub';",
      "import './side-effect';",
      "const h = require('fs');",
      "const i = await import('./lazy');",
      "/** @example import x from 'not-real'; */",
      "// import y from 'also-not-real';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      './a',
      '../core/b',
      'pkg',
      './f',
      '@scope/g/sub',
      './side-effect',
      'fs',
      './lazy',
    ]);
  });

  it('rejects core importing Office, React, ExcelJS, Node I/O or other layers', () => {
    const bad = [
      "import React from 'react';",
      "import ExcelJS from 'exceljs';",
      "import fs from 'fs';",
      "import { join } from 'node:path';",
      "import { spawn } from 'child_process';",
      "import os from 'os';",
      "import process from 'process';",
      "import { plan } from '../../sheets/plan';",
      'export async function f() { await Excel.run(async () => undefined); }',
    ].join('\n');
    const problems = layerViolations('core/metrics/bad.ts', bad);
    expect(problems).toHaveLength(9);
    expect(problems.join('\n')).toMatch(/Office\/Excel globals/);
    expect(layerViolations('core/metrics/good.ts', "import { isBlank } from '../cell';\n")).toEqual([]);
  });

  it('keeps the task pane components away from Office and ExcelJS', () => {
    expect(layerViolations('taskpane/App.tsx', "import { x } from '../excel/gateway';")).toHaveLength(1);
    expect(layerViolations('taskpane/App.tsx', 'const r = Excel.run;')).toHaveLength(1);
    expect(layerViolations('taskpane/App.tsx', "const s = 'Open Excel. Then…';")).toEqual([]);
    expect(layerViolations('taskpane/index.tsx', "import { G } from '../excel/gateway';\nOffice.onReady();")).toEqual([]);
    expect(layerViolations('taskpane/x.ts', "import ExcelJS from 'exceljs';")).toHaveLength(1);
    expect(layerViolations('excel/x.ts', "import { App } from '../taskpane/App';")).toHaveLength(1);
  });

  it('lets only the functions entry wire in the Excel host', () => {
    expect(layerViolations('functions/functions.ts', "import { h } from '../excel/functions-host';")).toEqual([]);
    expect(layerViolations('functions/table/cache.ts', "import { h } from '../../excel/functions-host';")).toHaveLength(1);
    expect(layerViolations('functions/functions.ts', 'const r = Excel.run;')).toHaveLength(1);
  });
});

describe('src/ follows the layer table', () => {
  const files = sourceFiles(SRC);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every file imports only what its layer may', () => {
    const problems = files.flatMap((file) =>
      layerViolations(path.relative(SRC, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')),
    );
    expect(problems).toEqual([]);
  });
});
