// Lint, including the layering rule (ENGINEERING.md): shared imports nothing of ours and nothing of Node, the
// DOM or Electron; src-renderer imports only shared; src-main and src-hub import shared and Node, never each
// other or the renderer; src-node (the Node-side code both of them use: the city's file formats, the CLI runner)
// imports shared and Node only; only src-main/electron may load `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'worker_threads', 'url', 'util'];
const native = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'kysely', 'exceljs', 'iconv-lite'];

/** `group` holds folder globs and node:*; exact package names go in `paths` (a glob `electron` would also match ./electron/). */
const layer = (files, entries, message) => {
  const globs = entries.filter((e) => e.includes('*'));
  const names = entries.filter((e) => !e.includes('*'));
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: names.map((name) => ({ name, message })), patterns: [{ group: globs, message }] },
      ],
    },
  };
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  layer(
    ['shared/**'],
    ['**/src-main/**', '**/src-renderer/**', '**/src-hub/**', '**/src-node/**', 'node:*', ...node, 'electron', 'react', 'react-dom', 'antd', ...native],
    'shared/ is pure TypeScript: it imports nothing of ours outside shared/ and no Node, DOM or Electron module.',
  ),
  layer(
    ['src-renderer/**'],
    ['**/src-main/**', '**/src-hub/**', '**/src-node/**', 'node:*', ...node, 'electron', ...native],
    'src-renderer/ imports only shared/ and browser packages; it reaches the services through the typed client.',
  ),
  layer(
    ['src-main/**'],
    ['**/src-renderer/**', '**/src-hub/**', 'electron'],
    'src-main/ imports shared/ and Node only; `electron` belongs to src-main/electron/ alone.',
  ),
  layer(
    ['src-main/electron/**'],
    ['**/src-renderer/**', '**/src-hub/**'],
    'src-main/electron/ never imports the renderer or the hub.',
  ),
  layer(
    ['src-node/**'],
    ['**/src-renderer/**', '**/src-main/**', '**/src-hub/**', 'electron'],
    'src-node/ is the Node-side code the app and the hub share: it imports shared/ and Node only.',
  ),
  layer(
    ['src-hub/**'],
    ['**/src-renderer/**', '**/src-main/**', 'electron'],
    'src-hub/ imports shared/ and Node only.',
  ),
  {
    files: ['src-main/electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
  },
);
