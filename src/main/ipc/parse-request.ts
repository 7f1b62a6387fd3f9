import type { ZodType } from 'zod'
import { invokeContract, type InvokeChannel, type IpcResult } from '../../shared/ipc-contract'
import { describeFirstIssue } from '../../shared/schema-issues'
import type { ErrorCode } from '../platform/errors'

// A refused workflow is the person's document at fault, not a malformed call, and the editor
// marks the field the message names.
const refusalCodes: Partial<Record<InvokeChannel, ErrorCode>> = {
  'workflows:save': 'WORKFLOW_INVALID',
}

/**
 * Checks a call's payload against the contract. Every way into the services (Electron IPC,
 * the harness) goes through this one check, so a refusal reads the same whichever way it came.
 */
export function parseRequest(channel: InvokeChannel, payload: unknown): IpcResult<unknown> {
  const parsed = (invokeContract[channel].request as ZodType).safeParse(payload)
  if (parsed.success) return { ok: true, value: parsed.data }
  const code = refusalCodes[channel] ?? 'INVALID_INPUT'
  return { ok: false, error: { code, message: describeFirstIssue(parsed.error) } }
}
