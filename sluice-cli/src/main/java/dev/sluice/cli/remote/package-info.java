/** The CLI's client of a Sluice server's REST API: {@code --server} and {@code --api-key}, requests, errors. */
package dev.sluice.cli.remote;
