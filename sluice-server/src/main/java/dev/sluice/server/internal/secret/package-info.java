/** Internal: the master key, encryption of secrets at rest, and private key files. */
package dev.sluice.server.internal.secret;
