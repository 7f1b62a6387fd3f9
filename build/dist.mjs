// `npm run dist`: builds the bundle, packages it for the current OS with electron-builder, and
// then rebuilds the native modules for plain Node again. electron-builder rebuilds keytar and
// better-sqlite3 for Electron's ABI inside node_modules; without the last step the tests and
// the command line would fail to load them. Extra arguments go to electron-builder (--linux…).
import { spawnSync } from 'node:child_process'
import process from 'node:process'

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1

let status = run('npx', ['electron-vite', 'build'])
if (status === 0) {
  const config = ['--config', 'build/electron-builder.config.ts']
  status = run('npx', ['electron-builder', ...config, ...process.argv.slice(2)])
}
const restored = run('npm', ['rebuild', 'better-sqlite3', 'keytar'])
process.exit(status || restored)
