/** The gRPC path measured against the in-process path ({@code sluice bench --grpc}). */
package dev.sluice.protocol.bench;
