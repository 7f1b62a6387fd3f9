import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { isInvokeChannel, type EventName } from '../../src/shared/ipc-contract'
import { createIpcHandlers, subscribeToEvents } from '../../src/main/ipc/handlers'
import type { Services } from '../../src/main/services'
import { buildBridgeScript } from './build-bridge'

/** What a test gets back: the page to open, every payload the renderer received, and close. */
export interface Harness {
  url: string
  /** Every invoke answer and event body sent to the renderer, as raw text, for canaries. */
  sentToRenderer: string[]
  close(): Promise<void>
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/**
 * Serves the built renderer on loopback and stands in for the preload: `window.allv` calls
 * arrive as HTTP and go through the same IPC handlers the Electron binding uses.
 */
export async function startHarness(services: Services, rendererDir: string): Promise<Harness> {
  const handlers = createIpcHandlers(services)
  const bridge = await buildBridgeScript()
  const streams = new Set<ServerResponse>()
  const sentToRenderer: string[] = []
  let origin = ''

  const emit = (event: EventName, payload: unknown) => {
    const body = JSON.stringify({ event, payload })
    sentToRenderer.push(body)
    streams.forEach((stream) => stream.write(`data: ${body}\n\n`))
  }
  const unsubscribe = subscribeToEvents(services, emit)

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      services.logger.error('harness request failed', { error })
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  async function route(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', origin).pathname
    if (path.startsWith('/__allv/invoke/')) return invoke(request, response, path)
    if (path === '/__allv/events') return openEventStream(response)
    if (path === '/__allv/bridge.js') return send(response, 200, types['.js']!, bridge)
    return serveRenderer(response, path)
  }

  // Like the Electron binding's sender-frame check: only the page this harness served may call.
  async function invoke(request: IncomingMessage, response: ServerResponse, path: string) {
    const channel = decodeURIComponent(path.slice('/__allv/invoke/'.length))
    if (request.method !== 'POST' || request.headers.origin !== origin) {
      return send(response, 403, 'text/plain', 'forbidden')
    }
    if (!isInvokeChannel(channel)) return send(response, 404, 'text/plain', 'unknown channel')
    const { payload } = JSON.parse(await readBody(request)) as { payload?: unknown }
    const body = JSON.stringify(await handlers[channel](payload))
    sentToRenderer.push(body)
    send(response, 200, 'application/json', body)
  }

  function openEventStream(response: ServerResponse) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    response.write(': connected\n\n')
    streams.add(response)
    response.on('close', () => streams.delete(response))
  }

  async function serveRenderer(response: ServerResponse, path: string) {
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(rendererDir + sep)) return send(response, 404, 'text/plain', 'not found')
    const contents = await readFile(file).catch(() => null)
    if (!contents) return send(response, 404, 'text/plain', 'not found')
    if (file.endsWith('index.html')) {
      const html = contents
        .toString('utf8')
        .replace('<head>', '<head><script src="/__allv/bridge.js"></script>')
      return send(response, 200, types['.html']!, html)
    }
    send(response, 200, types[extname(file)] ?? 'application/octet-stream', contents)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: `${origin}/`,
    sentToRenderer,
    async close() {
      unsubscribe()
      streams.forEach((stream) => stream.end())
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  response.end(body)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8') || '{}'
}
