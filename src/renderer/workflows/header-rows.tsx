import { useId } from 'react'
import { FieldFault } from '../ui/fields'
import { newLocalId, rowOfHeader, type HeaderRow } from './editor-draft'
import type { StepFault } from './workflow-fault'

interface HeaderRowsProps {
  rows: HeaderRow[]
  onChange(rows: HeaderRow[]): void
  /** A fault main found in this step's headers. */
  fault: StepFault | null
}

/** Extra request headers as name/value rows; auth headers come from the connection instead. */
export function HeaderRows({ rows, onChange, fault }: HeaderRowsProps) {
  const faultId = useId()
  const update = (rowId: string, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)))
  const add = () => onChange([...rows, { rowId: newLocalId('header'), name: '', value: '' }])
  const remove = (rowId: string) => onChange(rows.filter((row) => row.rowId !== rowId))

  const faultyRow = fault?.header ? rowOfHeader(rows, fault.header.name) : null
  const marks = (row: HeaderRow, part: 'name' | 'value') =>
    row === faultyRow && fault?.header?.part === part
      ? { 'aria-invalid': true, 'aria-describedby': faultId }
      : {}
  const wholeList = fault !== null && faultyRow === null

  return (
    <fieldset
      className="header-rows"
      aria-invalid={wholeList ? true : undefined}
      aria-describedby={wholeList ? faultId : undefined}
    >
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
            {...marks(row, 'name')}
          />
          <input
            className="input input-mono"
            aria-label={`Header ${index + 1} value`}
            placeholder="Value"
            value={row.value}
            onChange={(event) => update(row.rowId, { value: event.target.value })}
            spellCheck={false}
            {...marks(row, 'value')}
          />
          <button
            type="button"
            className="btn btn-quiet btn-small"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => remove(row.rowId)}
          >
            Remove
          </button>
          {row === faultyRow && <FieldFault id={faultId} text={fault?.text ?? ''} />}
        </div>
      ))}
      {wholeList && <FieldFault id={faultId} text={fault.text} />}
      <button type="button" className="btn btn-small" onClick={add}>
        Add header
      </button>
    </fieldset>
  )
}
