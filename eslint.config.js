import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine layers must stay free of the DOM-side UI and vice versa.
    files: ['src/world/**', 'src/data/**', 'src/metrics/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['@tensorflow/*', 'react', 'react-dom', '**/model/*', '**/train/*', '**/ui/*'],
        },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tensorflow/*', '**/model/*'],
              message: 'tfjs never runs on the main thread: talk to the worker.',
            },
          ],
        },
      ],
    },
  },
);
