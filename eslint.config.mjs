// Lint configuration picked up by office-addin-lint (it uses ./eslint.config.mjs when present).
// Base: the Office add-ins React preset (office-addins rules + prettier), extended to .tsx files.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import { builtinModules } from 'node:module';

/** Node I/O and process modules `src/core` must never import (test/foundation/layers.test.ts checks all layers). */
const NODE_MODULES = builtinModules.flatMap((name) => [name, `node:${name}`, `${name}/*`, `node:${name}/*`]);

const officeReactRules = officeAddins.configs.react.find(
  (c) => c.rules && c.rules['office-addins/call-sync-after-load'],
);

export default [
  { ignores: ['dist/**', 'build/**', 'out/**', 'node_modules/**'] },
  ...officeAddins.configs.react,
  {
    // The command line's launchers and build scripts: JavaScript of the Node versions supported
    // (each names the Node globals it uses in a `/* global */` comment).
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { ecmaVersion: 2022 },
  },
  {
    // The preset only lists .ts/.js files for its rules; .tsx components get the same ones.
    files: ['**/*.{ts,tsx}'],
    // The very plugin objects of the preset: flat config refuses two copies under one name.
    plugins: officeReactRules.plugins,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: '18.3' } },
    rules: {
      ...officeReactRules.rules,
      // TypeScript checks undefined names (and knows Office/Excel/DOM globals); the JS rule does not.
      'no-undef': 'off',
      // Function overloads are declarations TypeScript understands; the JS rule flags them.
      'no-redeclare': 'off',
      // The new JSX transform needs no React import; prop types are TypeScript's job.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no Office, DOM, React, ExcelJS or Node I/O, and no clock.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES.filter((n) => !n.endsWith('/*')).map((name) => ({
            name,
            message: 'src/core is pure: no Node I/O (see docs/architecture.md).',
          })),
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                '@fluentui/*',
                'exceljs',
                'exceljs/*',
                '@microsoft/office-js',
              ],
              message: 'src/core is pure: no UI, Office or ExcelJS (see docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'CustomFunctions', 'document', 'window', 'process', 'require'].map((name) => ({
          name,
          message: 'src/core is pure: no host, DOM or process globals.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core never reads the clock: take the as-of date as an input.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/core never reads the clock: take the as-of date as an input.',
        },
      ],
    },
  },
];
