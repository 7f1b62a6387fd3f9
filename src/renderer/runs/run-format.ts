import type { RunStatus, StepStatus } from '../../shared/workflows'
import type { BadgeTone } from '../ui/status-badge'

/** How a run's status reads and which colour family it takes. */
export const runStatusView: Record<RunStatus, { text: string; tone: BadgeTone }> = {
  running: { text: 'Running', tone: 'progress' },
  waiting: { text: 'Waiting', tone: 'warning' },
  succeeded: { text: 'Succeeded', tone: 'success' },
  failed: { text: 'Failed', tone: 'danger' },
  interrupted: { text: 'Interrupted', tone: 'warning' },
}

/** How a step's status reads and which colour family it takes. */
export const stepStatusView: Record<StepStatus, { text: string; tone: BadgeTone }> = {
  pending: { text: 'Pending', tone: 'neutral' },
  running: { text: 'Running', tone: 'progress' },
  succeeded: { text: 'Succeeded', tone: 'success' },
  failed: { text: 'Failed', tone: 'danger' },
  skipped: { text: 'Skipped', tone: 'neutral' },
}

/** A duration between two ISO times, e.g. "840 ms", "3.2 s", "2 min 5 s"; null while open. */
export function formatDuration(startedAt: string | null, finishedAt: string | null): string | null {
  if (!startedAt || !finishedAt) return null
  const ms = Date.parse(finishedAt) - Date.parse(startedAt)
  if (!Number.isFinite(ms) || ms < 0) return null
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${seconds} s`
}

/**
 * A start time as a person reads it: "14:05" today, "Dec 2, 14:05" on another day of this
 * year, "Dec 2, 2025, 14:05" before that; in the person's locale unless one is given.
 */
export function formatStarted(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const time = date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })
  if (date.toDateString() === now.toDateString()) return time
  const thisYear = date.getFullYear() === now.getFullYear()
  const day = date.toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    ...(thisYear ? {} : { year: 'numeric' }),
  })
  return `${day}, ${time}`
}

/** A log line's time to the second, "14:05:33"; in the person's locale unless one is given. */
export function formatLogTime(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' })
}

/** A body as shown in history: indented when it parses as JSON, as sent otherwise. */
export function prettyBody(body: string): { text: string; json: boolean } {
  const trimmed = body.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { text: body, json: false }
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true }
  } catch {
    return { text: body, json: false }
  }
}

/** The request an HTTP step sent, when the recorded input has that shape. */
export interface SentRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string | null
}

/** Reads the recorded input of an HTTP step; null when it is shaped otherwise. */
export function readSentRequest(input: unknown): SentRequest | null {
  if (typeof input !== 'object' || input === null) return null
  const { method, url, headers, body } = input as Record<string, unknown>
  if (typeof method !== 'string' || typeof url !== 'string') return null
  const headerEntries =
    typeof headers === 'object' && headers !== null ? Object.entries(headers) : []
  return {
    method,
    url,
    headers: Object.fromEntries(headerEntries.map(([name, value]) => [name, String(value)])),
    body: typeof body === 'string' ? body : null,
  }
}
