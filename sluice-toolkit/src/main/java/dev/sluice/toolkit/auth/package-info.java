/**
 * Authenticators for {@link dev.sluice.toolkit.http.RestClient}: API keys in a header or the
 * query, HTTP basic, bearer tokens, session tokens from a login call and OAuth2 (client
 * credentials and refresh token grants). Start from {@link dev.sluice.toolkit.auth.Auth}.
 */
package dev.sluice.toolkit.auth;
