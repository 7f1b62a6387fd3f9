import * as oauth from 'oauth4webapi'
import { AllvError } from '../platform/errors'
import type { StoredOAuthServer } from './connection-record'
import { requireSecureEndpoints } from './endpoint-policy'
import { describeUrl, isNetworkFailure, wireOptions, type FetchLike } from './oauth-wire'

type Algorithm = 'oidc' | 'oauth2'

const invalid = (issuer: string, reason: string, cause?: unknown) =>
  new AllvError(
    'ISSUER_INVALID',
    `${describeUrl(issuer)} is not a usable OAuth server: ${reason}. Check the issuer URL.`,
    { cause },
  )

const reasonFor = (error: unknown): string => {
  if (!(error instanceof oauth.OperationProcessingError)) return 'its metadata could not be read'
  switch (error.code) {
    case oauth.RESPONSE_IS_NOT_CONFORM:
      return 'it did not answer with its metadata'
    case oauth.RESPONSE_IS_NOT_JSON:
    case oauth.PARSE_ERROR:
      return 'its metadata is not JSON'
    case oauth.JSON_ATTRIBUTE_COMPARISON:
      return 'its metadata names a different issuer'
    // RFC 8414 §2: an issuer is an https URL. oauth4webapi refuses plain http before sending
    // anything, except where wireOptions allows it: on loopback.
    case oauth.HTTP_REQUEST_FORBIDDEN:
      return 'it must use https (plain http is accepted only on this computer)'
    case oauth.REQUEST_PROTOCOL_FORBIDDEN:
      return 'it must use https'
    default:
      return 'its metadata is malformed'
  }
}

const fetchMetadata = async (issuer: URL, algorithm: Algorithm, fetchImpl: FetchLike) => {
  let response: Response
  try {
    response = await oauth.discoveryRequest(issuer, {
      algorithm,
      ...wireOptions(fetchImpl, issuer.href),
    })
  } catch (error) {
    if (!isNetworkFailure(error)) throw invalid(issuer.href, reasonFor(error), error)
    throw new AllvError(
      'ISSUER_UNREACHABLE',
      `Could not reach ${describeUrl(issuer.href)}. Check the address and your connection.`,
      { cause: error },
    )
  }
  return oauth.processDiscoveryResponse(issuer, response)
}

/**
 * Finds an authorization server's endpoints from its issuer: OpenID Connect Discovery 1.0 §4
 * first, then RFC 8414 §3 for plain OAuth servers. oauth4webapi checks that the metadata
 * names the same issuer (RFC 8414 §3.3), which is what makes the later `iss` check meaningful.
 */
export async function discoverServer(
  issuerUrl: string,
  fetchImpl: FetchLike,
): Promise<StoredOAuthServer> {
  const issuer = URL.parse(issuerUrl)
  if (!issuer) throw invalid(issuerUrl, 'that is not a URL')

  let metadata: oauth.AuthorizationServer
  try {
    metadata = await fetchMetadata(issuer, 'oidc', fetchImpl)
  } catch (first) {
    if (!(first instanceof oauth.OperationProcessingError)) throw first
    metadata = await fetchMetadata(issuer, 'oauth2', fetchImpl).catch((error: unknown) => {
      throw error instanceof AllvError ? error : invalid(issuerUrl, reasonFor(first), first)
    })
  }

  const { authorization_endpoint: authorize, token_endpoint: token } = metadata
  if (typeof authorize !== 'string' || typeof token !== 'string') {
    throw invalid(issuerUrl, 'its metadata lacks an authorization or token endpoint')
  }

  const server: StoredOAuthServer = {
    issuer: metadata.issuer,
    authorizationEndpoint: authorize,
    tokenEndpoint: token,
    revocationEndpoint: metadata.revocation_endpoint ?? null,
    userinfoEndpoint: metadata.userinfo_endpoint ?? null,
    issParameterSupported: metadata.authorization_response_iss_parameter_supported === true,
    idTokenSigningAlgs: metadata.id_token_signing_alg_values_supported ?? [],
  }
  requireSecureEndpoints(server, 'ISSUER_INVALID')
  return server
}
