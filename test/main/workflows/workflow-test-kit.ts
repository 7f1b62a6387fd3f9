import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkflowDraft } from '../../../src/shared/workflows'
import { AllvError } from '../../../src/main/platform/errors'
import { silentLogger } from '../../../src/main/platform/logger'
import type { RequestCredentials } from '../../../src/main/services'
import { openRunJournal, type RunJournal } from '../../../src/main/storage/run-journal'
import {
  createWorkflowService,
  type WorkflowServiceOptions,
} from '../../../src/main/workflows/workflow-service'
import { openWorkflowsFile } from '../../../src/main/workflows/workflow-store'

/** A fresh data folder under the system temp folder; `remove` deletes it. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'allv-test-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** What a loopback handler answers. */
export interface Reply {
  status?: number
  headers?: Record<string, string>
  body?: string
}

/** A request the loopback server received, body read. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A real HTTP server on 127.0.0.1 that answers with `handler` and keeps what it saw. */
export interface LoopbackServer {
  port: number
  url: string
  seen: SeenRequest[]
  close(): Promise<void>
}

/** Starts a loopback server on `port` (0: an ephemeral one). */
export async function startLoopback(
  handler: (request: SeenRequest) => Reply | Promise<Reply>,
  port = 0,
): Promise<LoopbackServer> {
  const seen: SeenRequest[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    seen.push(request)
    const reply = await handler(request)
    res.writeHead(reply.status ?? 200, reply.headers ?? { 'content-type': 'application/json' })
    res.end(reply.body ?? '{}')
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A stand-in for the connections service: bearer tokens handed out in order. */
export function fakeConnections(tokens: string[], baseUrl: string | null = null) {
  const calls: { connectionId: string; afterUnauthorized: boolean }[] = []
  let index = 0
  let failure: AllvError | null = null
  return {
    calls,
    failWith: (error: AllvError) => {
      failure = error
    },
    credentialsFor: async (
      connectionId: string,
      options?: { afterUnauthorized?: boolean },
    ): Promise<RequestCredentials> => {
      calls.push({ connectionId, afterUnauthorized: options?.afterUnauthorized ?? false })
      if (failure) throw failure
      if (options?.afterUnauthorized) index = Math.min(index + 1, tokens.length - 1)
      return { headers: { Authorization: `Bearer ${tokens[index]}` }, baseUrl }
    },
  }
}

/** A one-step-or-more draft with a manual trigger. */
export function draft(steps: WorkflowDraft['steps'], name = 'Test workflow'): WorkflowDraft {
  return { schemaVersion: 1, name, trigger: { type: 'manual' }, steps }
}

/** An http.request step with sensible defaults. */
export function httpStep(
  id: string,
  url: string,
  extra: Partial<{ connectionId: string | null; method: 'GET' | 'POST'; body: string | null }> = {},
) {
  return {
    id,
    name: `Step ${id}`,
    type: 'http.request' as const,
    connectionId: extra.connectionId ?? null,
    params: { method: extra.method ?? 'GET', url, headers: {}, body: extra.body ?? null },
  }
}

/** Opens the real stores in `dir` and builds the service over them, with no real sleeping. */
export function openService(
  dir: string,
  options: Partial<Omit<WorkflowServiceOptions, 'store' | 'journal'>> = {},
) {
  const logger = options.logger ?? silentLogger
  const journal: RunJournal = openRunJournal({ dataDir: dir, logger })
  const store = openWorkflowsFile({ dataDir: dir, logger })
  const service = createWorkflowService({
    store,
    journal,
    connections: fakeConnections(['unused']),
    logger,
    sleep: async () => {},
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    ...options,
  })
  return { service, journal, store }
}
