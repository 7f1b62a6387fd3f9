import { fileURLToPath } from 'node:url'
import { createServices } from './compose'
import { startDesktopApp } from './desktop/desktop-app'
import { createIpcHandlers, subscribeToEvents } from './ipc/handlers'

// The Electron entry: the built bundle sits in out/main, next to out/preload and out/renderer.
startDesktopApp(
  { createServices, createIpcHandlers, subscribeToEvents },
  {
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    argv: process.argv,
  },
)
