import { formatStarted } from './run-format'

/** When a run or step started, short as the eye reads it; the full timestamp on hover. */
export function StartedAt({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatStarted(iso)}
    </time>
  )
}
