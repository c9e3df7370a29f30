// ESLint flat config: the recommended rules, and the runtime layering as import restrictions
// (ARCHITECTURE.md, "The folder says what runtime the code needs"). Nothing stylistic.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, with and without the `node:` prefix. */
const builtins = builtinModules.filter((m) => !m.startsWith('_') && !m.includes('/'));
const nodeBuiltins = {
  // anchored: a bare 'domain' or 'path' is Node's, '@shared/domain/money' is not
  regex: `^(node:.*|(${builtins.join('|')})(/.*)?)$`,
  message: 'Node built-ins are not available in this layer.',
};
/** A relative import that reaches into a top-level folder, e.g. '../../electron/core/index'. */
const intoFolder = (folder, message) => ({ regex: `^(\\.{1,2}/)+(.*/)?${folder}(/|$)`, message });
const electronModule = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };

const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'tests/.artifacts/**', 'test-results/**', 'playwright-report/**', '.vite/**', '**/.tmpx/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // shared/: runs anywhere — no Node, no Electron, no React or DOM, nothing from the app's layers
  layer(['shared/**/*.ts'], {
    paths: [electronModule],
    patterns: [
      nodeBuiltins,
      { group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'react-i18next', 'ag-grid-*', '@ag-grid-community/*', 'wouter', '@tanstack/*'], message: 'shared/ must not depend on the DOM or React.' },
      { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'exceljs'], message: 'shared/ holds pure rules; storage and files belong to electron/core.' },
      intoFolder('electron', 'shared/ must not import from electron/.'),
      intoFolder('renderer', 'shared/ must not import from renderer/.'),
    ],
  }),
  // electron/core: plain Node — never Electron, never the renderer
  layer(['electron/core/**/*.ts'], {
    paths: [electronModule],
    patterns: [
      { group: ['electron/*'], message: 'electron/core runs in plain Node.' },
      intoFolder('renderer', 'electron/core must not import from renderer/.'),
      intoFolder('main', 'electron/core must not import the Electron shell (electron/main).'),
      intoFolder('preload', 'electron/core must not import the preload.'),
    ],
  }),
  // Scope is computed in one place (auth/scope.ts, handed to 'org' handlers as ctx.scope):
  // nothing else in the core may read the caller's assignments to decide what they see.
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/auth/**', 'electron/core/**/*.test.ts', 'electron/core/testing.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='orgUnitIds'][object.property.name='user']",
          message: "Org-unit scope comes from ctx.scope (declare the method scope: 'org'), never from ctx.user.orgUnitIds.",
        },
      ],
    },
  },
  // electron/web: the browser-mode server runs in plain Node too
  layer(['electron/web/**/*.ts'], {
    paths: [electronModule],
    patterns: [intoFolder('renderer', 'electron/web serves the built renderer; it does not import it.')],
  }),
  // electron/main and preload: Electron, but never the renderer's code
  layer(['electron/main/**/*.ts', 'electron/preload/**/*.ts'], {
    patterns: [intoFolder('renderer', 'The Electron shell talks to the renderer over IPC only.')],
  }),
  // renderer/: the DOM — no Node, no Electron, no database, nothing from electron/
  layer(['renderer/**/*.{ts,tsx}'], {
    paths: [electronModule],
    patterns: [
      nodeBuiltins,
      { group: ['electron/*'], message: 'The renderer reaches Electron through window.api only.' },
      { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit'], message: 'The renderer calls the core; it never touches the database.' },
      intoFolder('electron', 'The renderer calls the core through the API client, never electron/ directly.'),
    ],
  }),
);
