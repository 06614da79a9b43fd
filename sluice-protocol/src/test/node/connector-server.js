'use strict';
// A source connector written in Node straight from the protocol: a fruit stand.
// Table `fruits` (declared, key id) gets FRUIT_COUNT rows on a first sync and 5 new rows plus an
// update on each later sync (state: {"cursor": <last id>}); table `notes` is not declared and is
// announced with a SchemaChange. Usage: node connector-server.js --proto DIR [--port 50051]
const { grpc, loadProtocol, log, option } = require('./protocol');

const args = process.argv.slice(2);
const v2 = loadProtocol(option(args, '--proto', '../../main/protobuf'));
const port = Number(option(args, '--port', '50051'));
const FRUIT_COUNT = 250;
const NAMES = ['apple', 'banana', 'cherry', 'damson', 'elderberry'];

const value = {
  int: (n) => ({ int: n }),
  string: (s) => ({ string: s }),
  decimal: (s) => ({ decimal: s }),
  bool: (b) => ({ bool: b }),
  utc: (ms) => ({ utc_datetime: { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 } }),
  date: (iso) => ({ naive_date: { seconds: String(Date.parse(iso + 'T00:00:00Z') / 1000), nanos: 0 } }),
  json: (o) => ({ json: JSON.stringify(o) }),
  null: () => ({ null: true }),
};

function fruit(id) {
  return {
    id: value.int(id),
    name: value.string(NAMES[id % NAMES.length] + ' #' + id),
    price: value.decimal((id * 0.25 + 1).toFixed(2)),
    ripe: value.bool(id % 2 === 0),
    picked_at: value.utc(Date.UTC(2024, 0, 1, 8, 0, 0) + id * 60000),
    best_before: value.date('2024-02-0' + ((id % 9) + 1)),
    origin: id % 7 === 0 ? value.null() : value.json({ farm: 'F' + (id % 3), organic: id % 4 === 0 }),
  };
}

function record(table, type, data) {
  return { table_name: table, type, data };
}

function sendInBatches(call, records) {
  for (let i = 0; i < records.length; i += 100) {
    call.write({ records: { records: records.slice(i, i + 100) } });
  }
}

const service = {
  ConfigurationForm(call, callback) {
    callback(null, {
      schema_selection_supported: false,
      table_selection_supported: true,
      fields: [{ name: 'stand', label: 'Stand name', required: true, text_field: 'PlainText' }],
      tests: [{ name: 'stand', label: 'Checking the stand name' }],
    });
  },

  Test(call, callback) {
    const stand = call.request.configuration.stand;
    callback(null, stand ? { success: true } : { failure: 'configuration has no "stand": set it in configuration.json' });
  },

  Schema(call, callback) {
    callback(null, {
      without_schema: {
        tables: [{
          name: 'fruits',
          columns: [
            { name: 'id', type: 'INT', primary_key: true },
            { name: 'name', type: 'STRING' },
            { name: 'price', type: 'DECIMAL', params: { decimal: { precision: 6, scale: 2 } } },
            { name: 'picked_at', type: 'UTC_DATETIME' },
          ],
        }],
      },
      selection_not_supported: false,
    });
  },

  Update(call) {
    const request = call.request;
    const state = request.state_json ? JSON.parse(request.state_json) : {};
    log('INFO', 'Update from state ' + JSON.stringify(state) + ' for stand ' + request.configuration.stand);
    const first = state.cursor === undefined;
    const from = first ? 1 : state.cursor + 1;
    const to = first ? FRUIT_COUNT : state.cursor + 5;
    const records = [];
    if (first) {
      records.push(record('fruits', 'TRUNCATE', {}));
    }
    for (let id = from; id <= to; id++) {
      records.push(record('fruits', 'UPSERT', fruit(id)));
    }
    sendInBatches(call, records);
    call.write({ checkpoint: { state_json: JSON.stringify({ cursor: to, half: true }) } });
    call.write({ schema_change: { without_schema: { tables: [{ name: 'notes', columns: [{ name: 'text', type: 'STRING' }] }] } } });
    call.write({ record: record('notes', 'UPSERT', { text: value.string('synced up to ' + to) }) });
    call.write({ warning: { message: 'The stand closes early today' } });
    sendInBatches(call, [
      record('fruits', 'UPDATE', { id: value.int(1), name: value.string('golden apple') }),
      record('fruits', 'DELETE', { id: value.int(2) }),
    ]);
    call.write({ checkpoint: { state_json: JSON.stringify({ cursor: to }) } });
    call.end();
  },
};

const server = new grpc.Server({
  'grpc.max_receive_message_length': 128 * 1024 * 1024,
  'grpc.max_send_message_length': 128 * 1024 * 1024,
});
server.addService(v2.SourceConnector.service, service);
server.bindAsync('0.0.0.0:' + port, grpc.ServerCredentials.createInsecure(), (error, bound) => {
  if (error) {
    log('SEVERE', 'cannot listen on port ' + port + ': ' + error.message);
    process.exit(1);
  }
  log('INFO', 'listening on port ' + bound);
});
process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
