import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../platform/logger'

/** A loopback listener waiting for one flow's redirect. */
export interface LoopbackRedirect {
  redirectUri: string
  close(): void
}

const page = (message: string) =>
  '<!doctype html><meta charset="utf-8"><title>allv</title>' +
  `<p style="font:16px system-ui;margin:3em">${message}</p>`

/**
 * Listens on an ephemeral port of 127.0.0.1 for the redirect of one flow (RFC 8252 §7.3),
 * only while that flow waits, and hands the query to `receive`. It binds IPv4 only: a browser
 * that resolves `localhost` to ::1 alone will not reach it, and the flow then times out.
 */
export async function listenForLoopbackRedirect(options: {
  host: '127.0.0.1' | 'localhost'
  providerId: string
  receive: (params: URLSearchParams) => Promise<boolean>
  logger: Logger
}): Promise<LoopbackRedirect> {
  const path = `/oauth/${options.providerId}`

  const server = createServer((request, response) => {
    response.setHeader('connection', 'close')
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method !== 'GET' || url.pathname !== path) {
      response.writeHead(404, { 'content-type': 'text/html' }).end(page('Nothing here.'))
      return
    }
    options.receive(url.searchParams).then(
      (matched) => {
        const message = matched
          ? 'You can close this tab and return to allv.'
          : 'This sign-in link is no longer valid. Return to allv and connect again.'
        response.writeHead(matched ? 200 : 400, { 'content-type': 'text/html' }).end(page(message))
      },
      (error: unknown) => {
        options.logger.error('Loopback redirect handling failed', { error })
        response.writeHead(500, { 'content-type': 'text/html' }).end(page('Something failed.'))
      },
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    redirectUri: `http://${options.host}:${port}${path}`,
    close: () => {
      // A redirect being answered finishes first; its response says `connection: close`.
      server.close()
      server.closeIdleConnections()
    },
  }
}
