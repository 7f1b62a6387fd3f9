import type { CSSProperties } from 'react'
import { prettyBody } from './run-format'

// Past this many lines the body is shown as one block: still wrapped, without hanging indents.
const MAX_INDENTED_LINES = 5000

/**
 * A recorded body, wrapped to the panel's width. JSON is indented, and each line carries its
 * indent as a custom property so a wrapped line continues under its own start, not at the left
 * edge; the leading spaces stay in the text, so a copy keeps the indentation.
 */
export function BodyView({ body }: { body: string }) {
  if (body === '') return <p className="field-hint">Empty body.</p>
  const pretty = prettyBody(body)
  const lines = pretty.json ? pretty.text.split('\n') : []
  const indented = lines.length > 0 && lines.length <= MAX_INDENTED_LINES

  return (
    <pre className="body-view" tabIndex={0} aria-label={pretty.json ? 'Body (JSON)' : 'Body'}>
      {indented ? lines.map((line, index) => <BodyLine key={index} line={line} />) : pretty.text}
    </pre>
  )
}

function BodyLine({ line }: { line: string }) {
  const indent = { '--indent': line.length - line.trimStart().length } as CSSProperties
  return (
    <span className="body-line" style={indent}>
      {line}
    </span>
  )
}
