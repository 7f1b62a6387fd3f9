import { useState } from 'react'
import { TextField } from '../ui/fields'
import { InlineAlert } from '../ui/inline-alert'
import { ConnectFormFooter, useConnectSubmit, type ConnectFormProps } from './connect-form'
import {
  buildApiKeyRequest,
  initialApiKeyValues,
  type ApiKeyFormValues,
  type FormErrors,
} from './connect-requests'
import { useConnectionsStore } from './connections-store'

/** Takes a pasted key; main tests it with a real request before anything is saved. */
export function ApiKeyForm({ entry, tileKey, connectionId, onDone }: ConnectFormProps) {
  const connectApiKey = useConnectionsStore((state) => state.connectApiKey)
  const [values, setValues] = useState(initialApiKeyValues)
  const { errors, failure, pending, submit } = useConnectSubmit(
    () => buildApiKeyRequest(entry, values, connectionId),
    (request) => connectApiKey(request, tileKey),
    onDone,
  )
  const askSettings = entry.generic && !connectionId

  const change = (key: keyof ApiKeyFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }))

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="dialog-body">
        {askSettings && (
          <TextField
            label="Label"
            value={values.label}
            onChange={change('label')}
            placeholder="e.g. Billing API"
            hint="How this connection is named in allv and in your workflows."
            autoFocus
          />
        )}
        <TextField
          label="API key"
          type="password"
          value={values.apiKey}
          onChange={change('apiKey')}
          error={errors.apiKey}
          hint="Stored in your system keychain, never in a file."
          monospace
          autoFocus={!askSettings}
        />
        {askSettings && <SettingsFields values={values} errors={errors} change={change} />}
        {connectionId && entry.generic && (
          <p className="field-hint">The header, prefix and URLs stay as they were.</p>
        )}
        {pending && (
          <p className="pending-note" role="status">
            <span className="spinner" aria-hidden="true" />
            Testing the key…
          </p>
        )}
        {failure && <InlineAlert title="The key was not saved">{failure}</InlineAlert>}
      </div>
      <ConnectFormFooter reconnecting={Boolean(connectionId)} pending={pending} onCancel={onDone} />
    </form>
  )
}

interface SettingsFieldsProps {
  values: ApiKeyFormValues
  errors: FormErrors<ApiKeyFormValues>
  change(key: keyof ApiKeyFormValues): (value: string) => void
}

function SettingsFields({ values, errors, change }: SettingsFieldsProps) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="Header name"
          value={values.headerName}
          onChange={change('headerName')}
          error={errors.headerName}
          monospace
        />
        <TextField
          label="Prefix"
          value={values.prefix}
          onChange={change('prefix')}
          hint="Put before the key, e.g. “Bearer ”. May be empty."
          monospace
        />
      </div>
      <TextField
        label="Base URL"
        type="url"
        value={values.baseUrl}
        onChange={change('baseUrl')}
        error={errors.baseUrl}
        placeholder="https://api.example.com"
        hint="Where the API lives; workflow steps call URLs under it."
      />
      <TextField
        label="Test URL"
        type="url"
        value={values.testUrl}
        onChange={change('testUrl')}
        error={errors.testUrl}
        placeholder="https://api.example.com/me"
        hint="A GET request that succeeds only with a valid key."
      />
    </>
  )
}
