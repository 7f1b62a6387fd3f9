import { useId, type ReactNode } from 'react'
import './fields.css'

interface FieldShellProps {
  id: string
  label: string
  hint?: ReactNode
  error?: string | null
  /** A problem already announced elsewhere (a summary), shown here without a second alert. */
  fault?: string | null
  children: ReactNode
}

/** Label, control, hint and error in one column; the hint sits outside the label on purpose. */
function FieldShell({ id, label, hint, error, fault, children }: FieldShellProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        fault && <FieldFault id={`${id}-error`} text={fault} />
      )}
    </div>
  )
}

/** A problem shown under a control it is about, tied to it by `aria-describedby`. */
export function FieldFault({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  )
}

/** The ids that describe a control: its hint and its error or fault, if shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

interface TextFieldProps {
  label: string
  value: string
  onChange(value: string): void
  type?: 'text' | 'password' | 'url'
  hint?: ReactNode
  error?: string | null
  placeholder?: string
  required?: boolean
  autoFocus?: boolean
  monospace?: boolean
  /** A problem a summary above already announced, shown under the field. */
  fault?: string | null
}

/** A labelled single-line input. */
export function TextField(props: TextFieldProps) {
  const { label, value, onChange, type = 'text', hint, error, fault, monospace, ...rest } = props
  const id = useId()
  const problem = error || fault
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} fault={fault}>
      <input
        id={id}
        className={monospace ? 'input input-mono' : 'input'}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
        spellCheck={false}
        autoComplete="off"
        {...rest}
      />
    </FieldShell>
  )
}

interface SelectFieldProps {
  label: string
  value: string
  onChange(value: string): void
  options: { value: string; label: string }[]
  hint?: ReactNode
  error?: string | null
  fault?: string | null
}

/** A labelled native select. */
export function SelectField(props: SelectFieldProps) {
  const { label, value, onChange, options, hint, error, fault } = props
  const id = useId()
  const problem = error || fault
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} fault={fault}>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

interface TextAreaFieldProps {
  label: string
  value: string
  onChange(value: string): void
  hint?: ReactNode
  error?: string | null
  placeholder?: string
  rows?: number
  fault?: string | null
}

/** A labelled multi-line input in a monospace face, for request bodies. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { label, value, onChange, hint, error, fault, placeholder, rows = 5 } = props
  const id = useId()
  const problem = error || fault
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} fault={fault}>
      <textarea
        id={id}
        className="input input-mono textarea"
        value={value}
        rows={rows}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, hint, problem)}
        spellCheck={false}
      />
    </FieldShell>
  )
}

interface CheckboxFieldProps {
  label: string
  checked: boolean
  onChange(checked: boolean): void
}

/** A checkbox with its label to the right. */
export function CheckboxField({ label, checked, onChange }: CheckboxFieldProps) {
  const id = useId()
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
