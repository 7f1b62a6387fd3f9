import type { ConnectionView } from '../../../src/shared/connections'
import type { RunDetail, WorkflowDraft } from '../../../src/shared/workflows'
import { AllvError } from '../../../src/main/platform/errors'
import type { RequestCredentials } from '../../../src/main/services'
import { openService } from './workflow-test-kit'

/** The canary API key of `apiKeyConnection`; it must never leave its origin or reach history. */
export const KEY = 'canary-api-key-3e7d91c5a2'

/** A stand-in API-key connection "Example API" (`conn-1`) that sends `X-Api-Key`. */
export function apiKeyConnection(baseUrl: string | null) {
  const view: ConnectionView = {
    id: 'conn-1',
    providerId: 'generic-api-key',
    label: 'Example API',
    authKind: 'apiKey',
    status: 'connected',
    account: null,
    scopes: [],
    maskedKey: '••••a2',
    problem: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }
  return {
    list: async () => [view],
    credentialsFor: async (connectionId: string): Promise<RequestCredentials> => {
      if (connectionId !== view.id) {
        throw new AllvError('NOT_FOUND', 'That connection no longer exists.')
      }
      return { headers: { 'X-Api-Key': KEY }, baseUrl }
    },
  }
}

/** Saves `workflow`, runs it once to the end; returns the run and its first step's log lines. */
export async function runWorkflow(
  dir: string,
  workflow: WorkflowDraft,
  connections: ReturnType<typeof apiKeyConnection>,
): Promise<{ run: RunDetail; logs: string[] }> {
  const opened = openService(dir, { connections })
  try {
    const saved = opened.service.save(workflow)
    const { runId } = await opened.service.run(saved.id)
    await opened.service.idle()
    const run = opened.service.getRun(runId)
    return { run, logs: run.steps[0]?.logs.map((entry) => entry.message) ?? [] }
  } finally {
    await opened.service.close()
  }
}
