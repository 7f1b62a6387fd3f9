import { newLocalId, type HeaderRow } from './editor-draft'

interface HeaderRowsProps {
  rows: HeaderRow[]
  onChange(rows: HeaderRow[]): void
}

/** Extra request headers as name/value rows; auth headers come from the connection instead. */
export function HeaderRows({ rows, onChange }: HeaderRowsProps) {
  const update = (rowId: string, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)))
  const add = () => onChange([...rows, { rowId: newLocalId('header'), name: '', value: '' }])
  const remove = (rowId: string) => onChange(rows.filter((row) => row.rowId !== rowId))

  return (
    <fieldset className="header-rows">
      <legend className="field-label">Headers</legend>
      {rows.map((row, index) => (
        <div className="header-row" key={row.rowId}>
          <input
            className="input input-mono"
            aria-label={`Header ${index + 1} name`}
            placeholder="Name"
            value={row.name}
            onChange={(event) => update(row.rowId, { name: event.target.value })}
            spellCheck={false}
          />
          <input
            className="input input-mono"
            aria-label={`Header ${index + 1} value`}
            placeholder="Value"
            value={row.value}
            onChange={(event) => update(row.rowId, { value: event.target.value })}
            spellCheck={false}
          />
          <button
            type="button"
            className="btn btn-quiet btn-small"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => remove(row.rowId)}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={add}>
        Add header
      </button>
    </fieldset>
  )
}
