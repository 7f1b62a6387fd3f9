import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const restrict = (...patterns) => ['error', { patterns }]

const onlyDesktopImportsElectron = {
  group: ['electron', 'electron/*', 'electron-store'],
  message: 'Only src/main/desktop and the Electron entry may import electron.',
}
const onlyRendererImportsReact = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', '@xyflow/*'],
  message: 'Only src/renderer may import React and its stores.',
}
const rendererStaysInItsLane = {
  group: ['**/main/**', '**/preload/**', 'node:*'],
  message: 'The renderer talks to main through window.allv only.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'coverage/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/desktop/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': restrict(onlyDesktopImportsElectron, onlyRendererImportsReact),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        onlyDesktopImportsElectron,
        onlyRendererImportsReact,
        rendererStaysInItsLane,
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(onlyDesktopImportsElectron, rendererStaysInItsLane),
    },
  },
  {
    files: ['electron.vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'build/**'],
    rules: { 'no-restricted-exports': 'off' },
  },
)
