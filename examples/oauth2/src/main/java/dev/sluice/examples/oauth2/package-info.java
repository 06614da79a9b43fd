/**
 * OAuth2 client credentials: an access token fetched at the start and renewed when it expires mid-sync, never stored in state.
 */
package dev.sluice.examples.oauth2;
