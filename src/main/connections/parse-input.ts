import type { z } from 'zod'
import { describeFirstIssue } from '../../shared/schema-issues'
import { AllvError } from '../platform/errors'

/**
 * Validates a request against its contract schema. The IPC layer already did this for the
 * renderer; the command line and tests call the service directly, so it checks again.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new AllvError('INVALID_INPUT', describeFirstIssue(result.error), { cause: result.error })
}
