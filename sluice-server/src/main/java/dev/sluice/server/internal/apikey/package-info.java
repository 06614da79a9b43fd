/** Internal: API keys, stored as hashes; creating, listing, revoking and checking them. */
package dev.sluice.server.internal.apikey;
