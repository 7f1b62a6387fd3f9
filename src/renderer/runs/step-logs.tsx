import type { StepLogEntry } from '../../shared/workflows'
import { formatLogTime } from './run-format'

/** What a step noted while it ran (redirects followed, retries waited): when, how bad, what. */
export function StepLogs({ logs }: { logs: StepLogEntry[] }) {
  if (logs.length === 0) return null
  return (
    <section className="step-logs" aria-label="Log">
      <h4 className="exchange-title">Log</h4>
      <ol className="log-lines">
        {logs.map((entry, index) => (
          <li key={index} className={`log-line log-line-${entry.level}`}>
            <time className="log-time" dateTime={entry.at} title={entry.at}>
              {formatLogTime(entry.at)}
            </time>
            <span className="log-level">{entry.level}</span>
            <span className="log-message">{entry.message}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
