/**
 * Reading a connector's configuration: a flat JSON object of strings, with messages that name the
 * file and the key at fault.
 */
package dev.sluice.engine.config;
