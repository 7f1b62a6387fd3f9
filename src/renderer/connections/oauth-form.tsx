import { useState } from 'react'
import { CheckboxField, TextField } from '../ui/fields'
import { InlineAlert } from '../ui/inline-alert'
import { ConnectFormFooter, useConnectSubmit, type ConnectFormProps } from './connect-form'
import {
  buildOAuthRequest,
  initialOAuthValues,
  type FormErrors,
  type OAuthFormValues,
} from './connect-requests'
import { useConnectionsStore } from './connections-store'

/** Where an OAuth connection starts: the provider's endpoints, the person's app, the scopes. */
export function OAuthForm({ entry, tileKey, connectionId, onDone }: ConnectFormProps) {
  const startOAuth = useConnectionsStore((state) => state.startOAuth)
  const [values, setValues] = useState(() => initialOAuthValues(entry))
  const { errors, failure, pending, submit } = useConnectSubmit(
    () => buildOAuthRequest(entry, values, connectionId),
    (request) => startOAuth(request, tileKey),
    onDone,
  )
  const askClient = entry.generic || entry.needsClientId

  const change = (key: keyof OAuthFormValues) => (value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }))

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="dialog-body">
        {entry.generic && (
          <>
            {values.useEndpoints ? (
              <EndpointFields values={values} errors={errors} change={change} />
            ) : (
              <TextField
                label="Issuer URL"
                type="url"
                value={values.issuer}
                onChange={change('issuer')}
                placeholder="https://login.example.com"
                hint="allv reads the endpoints from the issuer's discovery document."
                error={errors.issuer}
                autoFocus
              />
            )}
            <CheckboxField
              label="Enter endpoints instead"
              checked={values.useEndpoints}
              onChange={change('useEndpoints')}
            />
          </>
        )}
        {askClient && (
          <div className="field-row">
            <TextField
              label="Client ID"
              value={values.clientId}
              onChange={change('clientId')}
              error={errors.clientId}
              hint="From the OAuth app you registered with the provider."
              monospace
              autoFocus={!entry.generic}
            />
            <TextField
              label="Client secret"
              type="password"
              value={values.clientSecret}
              onChange={change('clientSecret')}
              hint="Optional: only if your provider insists. Kept in your keychain."
            />
          </div>
        )}
        {entry.generic && (
          <TextField
            label="Scopes"
            value={values.scopes}
            onChange={change('scopes')}
            hint="Separated by spaces."
            monospace
          />
        )}
        {entry.generic && (
          <TextField
            label="Label"
            value={values.label}
            onChange={change('label')}
            placeholder="e.g. Company SSO"
            hint="How this connection is named in allv and in your workflows."
          />
        )}
        {failure && <InlineAlert title="Could not start connecting">{failure}</InlineAlert>}
      </div>
      <ConnectFormFooter
        reconnecting={Boolean(connectionId)}
        pending={pending}
        pendingLabel="Opening browser…"
        footnote="Your browser opens to sign in and approve."
        onCancel={onDone}
      />
    </form>
  )
}

interface EndpointFieldsProps {
  values: OAuthFormValues
  errors: FormErrors<OAuthFormValues>
  change(key: keyof OAuthFormValues): (value: string) => void
}

function EndpointFields({ values, errors, change }: EndpointFieldsProps) {
  return (
    <div className="field-grid">
      <TextField
        label="Authorization endpoint"
        type="url"
        value={values.authorizationEndpoint}
        onChange={change('authorizationEndpoint')}
        error={errors.authorizationEndpoint}
        autoFocus
      />
      <TextField
        label="Token endpoint"
        type="url"
        value={values.tokenEndpoint}
        onChange={change('tokenEndpoint')}
        error={errors.tokenEndpoint}
      />
      <TextField
        label="Userinfo endpoint"
        type="url"
        value={values.userinfoEndpoint}
        onChange={change('userinfoEndpoint')}
        hint="Optional: names the account."
      />
      <TextField
        label="Revocation endpoint"
        type="url"
        value={values.revocationEndpoint}
        onChange={change('revocationEndpoint')}
        hint="Optional: lets Disconnect revoke the token."
      />
    </div>
  )
}
