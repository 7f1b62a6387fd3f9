import type {
  CatalogEntryView,
  ConnectApiKeyRequest,
  OAuthServerInput,
  StartOAuthRequest,
} from '../../shared/connections'

/** The scopes the generic OAuth form starts with: sign-in, profile, and a refresh token. */
export const DEFAULT_GENERIC_SCOPES = 'openid profile email offline_access'

/** What the OAuth form holds, as typed. */
export interface OAuthFormValues {
  useEndpoints: boolean
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  userinfoEndpoint: string
  revocationEndpoint: string
  clientId: string
  clientSecret: string
  scopes: string
  label: string
}

/** What the API-key form holds, as typed. */
export interface ApiKeyFormValues {
  apiKey: string
  headerName: string
  prefix: string
  baseUrl: string
  testUrl: string
  label: string
}

/** Field-level problems found before anything is sent; main checks everything again. */
export type FormErrors<T> = Partial<Record<keyof T, string>>

/** A form's values turned into a request, or the errors that stop it. */
export type Built<R, T> = { request: R; errors: null } | { request: null; errors: FormErrors<T> }

/** The OAuth form's starting values for an entry. */
export function initialOAuthValues(entry: CatalogEntryView): OAuthFormValues {
  const scopes = entry.generic ? DEFAULT_GENERIC_SCOPES : entry.defaultScopes.join(' ')
  return {
    useEndpoints: false,
    issuer: '',
    authorizationEndpoint: '',
    tokenEndpoint: '',
    userinfoEndpoint: '',
    revocationEndpoint: '',
    clientId: '',
    clientSecret: '',
    scopes,
    label: '',
  }
}

/** The API-key form's starting values; the generic entry defaults to a bearer header. */
export function initialApiKeyValues(): ApiKeyFormValues {
  return {
    apiKey: '',
    headerName: 'Authorization',
    prefix: 'Bearer ',
    baseUrl: '',
    testUrl: '',
    label: '',
  }
}

/** Turns the OAuth form into a start request, or says which required fields are empty. */
export function buildOAuthRequest(
  entry: CatalogEntryView,
  values: OAuthFormValues,
  connectionId?: string,
): Built<StartOAuthRequest, OAuthFormValues> {
  const errors: FormErrors<OAuthFormValues> = {}
  const need = (key: keyof OAuthFormValues, message: string) => {
    if (!String(values[key]).trim()) errors[key] = message
  }
  if (entry.generic && values.useEndpoints) {
    need('authorizationEndpoint', 'Enter the authorization endpoint.')
    need('tokenEndpoint', 'Enter the token endpoint.')
  } else if (entry.generic) {
    need('issuer', 'Enter the issuer URL, or choose to enter the endpoints.')
  }
  if (entry.generic || entry.needsClientId) need('clientId', 'Enter the client ID of your app.')
  if (Object.keys(errors).length > 0) return { request: null, errors }

  const request: StartOAuthRequest = { providerId: entry.id }
  if (connectionId) request.connectionId = connectionId
  if (entry.generic) request.server = serverOf(values)
  setIfFilled(request, 'clientId', values.clientId.trim())
  setIfFilled(request, 'clientSecret', values.clientSecret)
  setIfFilled(request, 'label', values.label.trim())
  const scopes = splitScopes(values.scopes)
  if (scopes.length > 0) request.scopes = scopes
  return { request, errors: null }
}

/** Turns the API-key form into a connect request, or says which required fields are empty. */
export function buildApiKeyRequest(
  entry: CatalogEntryView,
  values: ApiKeyFormValues,
  connectionId?: string,
): Built<ConnectApiKeyRequest, ApiKeyFormValues> {
  const errors: FormErrors<ApiKeyFormValues> = {}
  if (!values.apiKey.trim()) errors.apiKey = 'Paste the API key.'
  const askSettings = entry.generic && !connectionId
  if (askSettings && !values.headerName.trim()) errors.headerName = 'Enter a header name.'
  if (askSettings && !values.baseUrl.trim()) errors.baseUrl = 'Enter the base URL of the API.'
  if (askSettings && !values.testUrl.trim()) errors.testUrl = 'Enter a URL to test the key with.'
  if (Object.keys(errors).length > 0) return { request: null, errors }

  const request: ConnectApiKeyRequest = { providerId: entry.id, apiKey: values.apiKey.trim() }
  if (connectionId) request.connectionId = connectionId
  setIfFilled(request, 'label', values.label.trim())
  if (askSettings) {
    request.settings = {
      headerName: values.headerName.trim(),
      prefix: values.prefix,
      baseUrl: values.baseUrl.trim(),
      testUrl: values.testUrl.trim(),
    }
  }
  return { request, errors: null }
}

/** Splits a space-separated scope list, dropping repeats. */
export function splitScopes(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))]
}

type TypedEndpoints = Extract<OAuthServerInput, { tokenEndpoint: string }>

function serverOf(values: OAuthFormValues): OAuthServerInput {
  if (!values.useEndpoints) return { issuer: values.issuer.trim() }
  const server: TypedEndpoints = {
    authorizationEndpoint: values.authorizationEndpoint.trim(),
    tokenEndpoint: values.tokenEndpoint.trim(),
  }
  setIfFilled(server, 'userinfoEndpoint', values.userinfoEndpoint.trim())
  setIfFilled(server, 'revocationEndpoint', values.revocationEndpoint.trim())
  return server
}

function setIfFilled<T extends object, K extends keyof T>(target: T, key: K, value: string): void {
  if (value) target[key] = value as T[K]
}
