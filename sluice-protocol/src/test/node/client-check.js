'use strict';
// A client written in Node straight from the protocol: calls a served Sluice connector
// (the test's ShowcaseConnector) and checks its answers and its Update stream message by message.
// Usage: node client-check.js --proto DIR --target HOST:PORT. Exits 0 when every check passes.
const assert = require('assert');
const { grpc, loadProtocol, option } = require('./protocol');

const args = process.argv.slice(2);
const v2 = loadProtocol(option(args, '--proto', '../../main/protobuf'));
const client = new v2.SourceConnector(option(args, '--target', 'localhost:50051'), grpc.credentials.createInsecure());
const configuration = { shop: 'demo', api_key: 'not-a-real-key', region: 'eu', sandbox: 'true' };

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + ': ' + e.message);
  }
}

const unary = (method, request) => new Promise((resolve, reject) =>
  client[method](request, (error, response) => (error ? reject(error) : resolve(response))));

function readStream(request) {
  return new Promise((resolve, reject) => {
    const messages = [];
    const call = client.Update(request);
    call.on('data', (m) => messages.push(m));
    call.on('error', reject);
    call.on('end', () => resolve(messages));
  });
}

const DAY = 86400;

async function main() {
  const form = await unary('ConfigurationForm', {});
  check('form lists the fields with their kinds', () => {
    assert.deepStrictEqual(form.fields.map((f) => [f.name, f.type]),
      [['shop', 'text_field'], ['api_key', 'text_field'], ['region', 'dropdown_field'], ['sandbox', 'toggle_field']]);
    assert.strictEqual(form.fields[1].text_field, 'Password');
    assert.deepStrictEqual(form.fields[2].dropdown_field.dropdown_field, ['eu', 'us']);
    assert.strictEqual(form.fields[0].required, true);
  });
  check('form lists the named test', () => assert.deepStrictEqual(form.tests, [{ name: 'shop', label: 'Checking the shop name' }]));

  const ok = await unary('Test', { name: 'shop', configuration });
  const bad = await unary('Test', { name: 'shop', configuration: {} });
  check('Test passes with a shop and fails without', () => {
    assert.strictEqual(ok.response, 'success');
    assert.strictEqual(bad.response, 'failure');
    assert.strictEqual(bad.failure, 'no shop configured');
  });

  const schema = await unary('Schema', { configuration });
  check('Schema answers without_schema with the declared table', () => {
    assert.strictEqual(schema.response, 'without_schema');
    const orders = schema.without_schema.tables[0];
    assert.strictEqual(orders.name, 'orders');
    assert.deepStrictEqual(orders.columns.map((c) => [c.name, c.type, c.primary_key]),
      [['id', 'LONG', true], ['amount', 'DECIMAL', false], ['created', 'NAIVE_DATE', false]]);
    assert.deepStrictEqual(orders.columns[1].params.decimal, { precision: 10, scale: 2 });
  });

  const messages = await readStream({ configuration, state_json: '{"page":0}' });
  const kinds = messages.map((m) => m.operation);
  check('the stream has the expected shape', () => assert.deepStrictEqual(kinds,
    ['records', 'records', 'checkpoint', 'schema_change', 'records', 'warning', 'records', 'checkpoint']));
  check('no Records batch holds more than 100 records', () =>
    messages.filter((m) => m.operation === 'records').forEach((m) => assert.ok(m.records.records.length <= 100)));
  check('message 1: a truncate, then 99 upserts', () => {
    const batch = messages[0].records.records;
    assert.strictEqual(batch.length, 100);
    assert.strictEqual(batch[0].type, 'TRUNCATE');
    assert.strictEqual(batch[0].table_name, 'orders');
    assert.ok(batch.slice(1).every((r) => r.type === 'UPSERT' && r.table_name === 'orders'));
  });
  check('message 2: the last 51 upserts', () => assert.strictEqual(messages[1].records.records.length, 51));
  check('values are encoded per declared type', () => {
    const first = messages[0].records.records[1].data;
    assert.strictEqual(first.id.inner, 'long');
    assert.strictEqual(first.id.long, '1');
    assert.strictEqual(first.amount.inner, 'decimal');
    assert.strictEqual(first.amount.decimal, '1.50');
    assert.strictEqual(first.created.inner, 'naive_date');
    assert.strictEqual(Number(first.created.naive_date.seconds), Date.UTC(2024, 0, 2) / 1000);
    assert.strictEqual(Number(first.created.naive_date.seconds) % DAY, 0);
  });
  check('message 3: a checkpoint with the state as JSON', () =>
    assert.deepStrictEqual(JSON.parse(messages[2].checkpoint.state_json), { page: 1 }));
  check('message 4: the undeclared table is announced', () => {
    const table = messages[3].schema_change.without_schema.tables[0];
    assert.strictEqual(table.name, 'events');
    assert.deepStrictEqual(table.columns.map((c) => c.name).sort(), ['id', 'payload']);
  });
  check('message 5: its record, JSON as text, inferred int', () => {
    const record = messages[4].records.records[0];
    assert.strictEqual(record.table_name, 'events');
    assert.strictEqual(record.data.id.int, 1);
    assert.deepStrictEqual(JSON.parse(record.data.payload.json), { kind: 'sync', n: 150 });
  });
  check('message 6: the warning', () => assert.strictEqual(messages[5].warning.message, 'almost done'));
  check('message 7: the delete by key', () => {
    const record = messages[6].records.records[0];
    assert.strictEqual(record.type, 'DELETE');
    assert.deepStrictEqual(Object.keys(record.data), ['id']);
    assert.strictEqual(record.data.id.long, '3');
  });
  check('message 8: the last checkpoint', () =>
    assert.deepStrictEqual(JSON.parse(messages[7].checkpoint.state_json), { page: 2 }));

  console.log('client-check: ' + passed + ' checks ok, ' + failed + ' failing');
  client.close();
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log('FAIL ' + (e.details || e.message));
  console.log('client-check: ' + passed + ' checks ok, ' + (failed + 1) + ' failing');
  process.exit(1);
});
