import type { HttpResponseRecord } from '../../shared/workflows'
import type { StepData } from './expressions'
import type { Redactor } from './redaction'

/** How much of a response body history keeps; the rest is cut and marked truncated. */
export const HISTORY_BODY_BYTES = 256 * 1024
/** How much of a body is read at all; later steps see at most this much. */
export const READ_BODY_BYTES = 10 * 1024 * 1024

/** A response read into memory, bounded, before it is recorded or handed to later steps. */
export interface ReadResponse {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
  /** True when the body was longer than READ_BODY_BYTES and the rest was dropped. */
  cut: boolean
}

/** Reads a response body up to `limit` bytes, then stops the download. */
export async function readResponse(
  response: Response,
  limit = READ_BODY_BYTES,
): Promise<ReadResponse> {
  const chunks: Uint8Array[] = []
  let size = 0
  let cut = false
  const reader = response.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size))
      cut = true
      await reader.cancel()
      break
    }
    chunks.push(value)
    size += value.byteLength
  }

  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers),
    // Bodies are read as UTF-8 text; a binary download would be recorded garbled.
    body: Buffer.concat(chunks).toString('utf8'),
    cut,
  }
}

/** The response as history keeps it: credentials scrubbed, body cut to HISTORY_BODY_BYTES. */
export function toHistoryRecord(read: ReadResponse, redactor: Redactor): HttpResponseRecord {
  const bytes = Buffer.from(redactor.text(read.body), 'utf8')
  const truncated = read.cut || bytes.byteLength > HISTORY_BODY_BYTES
  return {
    status: read.status,
    statusText: read.statusText,
    headers: redactor.headers(read.headers),
    body: bytes.subarray(0, HISTORY_BODY_BYTES).toString('utf8'),
    truncated,
  }
}

/** The response as later steps' expressions see it, unredacted and with JSON parsed. */
export function toStepData(read: ReadResponse): StepData {
  return {
    status: read.status,
    headers: read.headers,
    body: read.body,
    json: read.cut ? null : parseJson(read.body),
  }
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return null
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}
