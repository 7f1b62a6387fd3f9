import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_PROTOCOL } from './app-origin'
import { withSecurityHeaders } from './content-security-policy'

/**
 * The privileges the app scheme needs, declared before `ready`: `standard` gives pages a real
 * origin for `'self'` in the CSP and the IPC sender check, `secure` makes it a secure context.
 * No CORS, fetch or service-worker privileges: the renderer needs none.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/**
 * Maps an `app://allv/…` request to a file inside the renderer folder, or null. The path is
 * decoded once and resolved against the folder; whatever lands outside it (`..`, `%2e%2e`,
 * an absolute or a drive path, a NUL) is refused, so only the bundle is ever served.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  let path: string
  try {
    url = new URL(requestUrl)
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) return null
  if (path.includes('\0') || path.includes('\\')) return null

  const root = resolve(rendererDir)
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  return file.startsWith(root + sep) ? file : null
}

/** Answers one app-scheme request from the renderer folder, with the CSP on every response. */
export async function serveAppAsset(
  rendererDir: string,
  request: { url: string; method: string },
  policy: string,
): Promise<Response> {
  const file = resolveAppAsset(rendererDir, request.url)
  const headers = (type: string) =>
    toHeaders(withSecurityHeaders({ 'Content-Type': [type] }, policy))
  if (request.method !== 'GET')
    return new Response(null, { status: 405, headers: headers('text/plain') })
  if (!file) return new Response('Not found', { status: 404, headers: headers('text/plain') })

  try {
    const body = await readFile(file)
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(body, { status: 200, headers: headers(type) })
  } catch {
    return new Response('Not found', { status: 404, headers: headers('text/plain') })
  }
}

function toHeaders(headers: Record<string, string[]>): Headers {
  const pairs = Object.entries(headers).map(([name, values]): [string, string] => [
    name,
    values.join(', '),
  ])
  return new Headers(pairs)
}
