// ESLint flat config: typescript-eslint strict-type-checked, React hooks, and the layer rule of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { studioRules } from './scripts/eslint/studioRules.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = [
  'electron',
  'better-sqlite3',
  'ws',
  'playwright-core',
  'yazl',
  'yauzl',
  'xmllint-wasm',
  '@ffmpeg/core',
  '@electric-sql/pglite',
  'pg',
];
const reactPackages = ['react', 'react-dom', 'react-dom/client', 'react-aria-components', 'lucide-react'];

/** What a layer may not import: Node and Electron in the browser, React in Node, another layer through an alias. */
function forbidPackages(names, message, aliases = []) {
  return {
    paths: names.map((name) => ({ name, message })),
    patterns: aliases.map((alias) => ({
      group: [`${alias}/*`],
      message: 'not from this layer (docs/ARCHITECTURE.md, Layers)',
    })),
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
      'resources/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX, studio: studioRules },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: ['./src/main', './src/preload', './src/renderer', './src/player', './src/server'],
              message: 'shared runs everywhere and imports only shared.',
            },
            {
              target: './src/main',
              from: ['./src/renderer', './src/player', './src/preload'],
              message: 'main imports only shared.',
            },
            {
              // The studio's tests of its class server client talk to a real server; the test-helper zone below
              // keeps these helpers out of production code.
              target: './src/main',
              from: './src/server',
              except: ['./testing'],
              message: 'main imports only shared (its tests may start a class server through src/server/testing).',
            },
            {
              target: './src/preload',
              from: ['./src/main', './src/renderer', './src/player', './src/server'],
              message: 'the preload imports only shared.',
            },
            {
              target: './src/renderer',
              from: ['./src/main', './src/preload', './src/server'],
              message: 'the renderer imports shared and the player only.',
            },
            {
              target: './src/player',
              from: ['./src/main', './src/preload', './src/renderer', './src/server'],
              message: 'the player imports only shared.',
            },
            {
              target: './src/server',
              from: ['./src/main', './src/preload', './src/renderer', './src/player'],
              message: 'the server imports only shared.',
            },
            {
              target: './src',
              from: ['./e2e', './scripts'],
              message: 'production code does not import tests or scripts.',
            },
            {
              target: [
                './src/!(main)/**/!(*.test|*.testkit).{ts,tsx}',
                './src/main/!(testing)/**/!(*.test|*.testkit).ts',
              ],
              from: ['./src/**/*.testkit.ts', './src/main/testing/**'],
              message: 'production code does not import test helpers (*.testkit.ts, src/main/testing/).',
            },
          ],
        },
      ],
      'studio/feature-order': 'error',
      // `async` on an interface method turns its throws into rejections, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      // Sanitizers of titles, paths, XML and URLs match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|vitest|fast-check)$|@shared/|\\.)',
              message: 'src/shared runs everywhere: it may import zod and other shared modules only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**', 'src/player/**'],
    rules: {
      'no-restricted-imports': ['error', forbidPackages([...nodeBuiltins, ...nodeOnlyPackages], 'runs in the browser')],
    },
  },
  {
    // Vitest runs the renderer's tests in Node: one may read the renderer's own files to check them (styles.test.ts).
    files: ['src/renderer/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', forbidPackages(nodeOnlyPackages, 'runs in the browser')] },
  },
  {
    files: ['src/player/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbidPackages([...nodeBuiltins, ...nodeOnlyPackages, ...reactPackages], 'the player is plain DOM and small'),
      ],
    },
  },
  {
    files: ['src/main/**', 'src/server/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', forbidPackages(reactPackages, 'Node code never imports React', ['@player'])],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // The classic pair. The plugin's React Compiler rules (refs, immutability, memoization) hold code to what the
    // compiler can optimise; we do not compile with it, and they flag sound patterns such as a ref kept current.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A test that indexes into what it just built says so with `!`; a wrong guess fails the test, not a teacher.
    files: ['**/*.test.ts', '**/*.testkit.ts', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Vitest's asymmetric matchers (expect.stringContaining, expect.any) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
