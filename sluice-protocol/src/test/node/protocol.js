'use strict';
// Loads the repository's fivetran_sdk.v2 .proto files as they are (no generated code).
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function loadProtocol(protoDir) {
  const definition = protoLoader.loadSync(['common.proto', 'connector_sdk.proto'], {
    includeDirs: [path.resolve(protoDir)],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).fivetran_sdk.v2;
}

function log(level, message) {
  process.stdout.write(JSON.stringify({ level, message, 'message-origin': 'sdk_connector' }) + '\n');
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

module.exports = { grpc, loadProtocol, log, option };
