import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/', 'schemas/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The engine's per-file and per-thread code: this V8 (Node 20) builds `{ ...a, b }` — a
    // spread followed by properties — about fifteen times slower than a literal or
    // Object.assign, and the objects it makes are slower to read (3 µs a file of a cold
    // check; 3 µs a lead-score part).
    files: ['src/workspace/**/*.ts', 'src/engine/**/*.ts', 'src/markdown/**/*.ts', 'src/scoring/**/*.ts', 'src/derive/**/*.ts', 'src/check/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'ObjectExpression > SpreadElement ~ Property', message: 'A spread followed by properties is slow in this V8: build a literal or use Object.assign({}, a, { b }).' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'vitest.stress.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
