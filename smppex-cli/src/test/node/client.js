// node-smpp as an independent ESME against smppex's simulator. Usage: node client.js HOST PORT MODE
// MODE trx: one transceiver submits and receives the receipt; MODE rx: a transmitter submits and
// a separate receiver with the same system_id receives it. Submits with registered_delivery=1,
// waits for the receipt and prints it as one JSON line, then unbinds. Exits 1 after 15 s without one.
'use strict';
const smpp = require('smpp');
const [host, port, mode] = [process.argv[2], Number(process.argv[3]), process.argv[4] || 'trx'];

function text(sm) {
  if (sm == null) return '';
  if (Buffer.isBuffer(sm)) return sm.toString('latin1');
  if (typeof sm === 'string') return sm;
  return typeof sm.message === 'string' ? sm.message : '';
}
function fail(why) { process.stderr.write(why + '\n'); process.exit(1); }
setTimeout(() => fail('no receipt within 15 s'), 15000).unref();

function bind(kind, cb) {
  const s = smpp.connect({host: host, port: port});
  s.on('error', (e) => fail(kind + ' error: ' + e.message));
  s.on('connect', function () {
    s[kind]({system_id: 'node', password: 'secret'}, function (pdu) {
      if (pdu.command_status !== 0) fail(kind + ' failed: ' + pdu.command_status);
      cb(s);
    });
  });
}

let messageId = null;
let pending = null;
const sessions = [];
function onDeliver(s) {
  s.on('deliver_sm', function (pdu) {
    s.send(pdu.response());
    if ((pdu.esm_class & 0x3C) !== 0x04) return;
    pending = {
      message_id: messageId,
      esm_class: pdu.esm_class,
      data_coding: pdu.data_coding,
      source_addr: pdu.source_addr,
      destination_addr: pdu.destination_addr,
      short_message: text(pdu.short_message),
      receipted_message_id: pdu.receipted_message_id,
      message_state: pdu.message_state
    };
    finish();
  });
}
function finish() {
  if (pending === null || messageId === null) return;
  pending.message_id = messageId;
  process.stdout.write(JSON.stringify(pending) + '\n');
  let left = sessions.length;
  sessions.forEach((s) => s.unbind(() => { s.close(); if (--left === 0) process.exit(0); }));
}
function submit(tx) {
  tx.submit_sm({source_addr: 'NodeTest', destination_addr: '447700900123', registered_delivery: 1,
    short_message: 'hello from node'}, function (pdu) {
    if (pdu.command_status !== 0) fail('submit_sm failed: ' + pdu.command_status);
    messageId = pdu.message_id;
    finish();
  });
}

if (mode === 'rx') {
  bind('bind_receiver', function (rx) {
    sessions.push(rx);
    onDeliver(rx);
    bind('bind_transmitter', function (tx) { sessions.push(tx); submit(tx); });
  });
} else {
  bind('bind_transceiver', function (trx) { sessions.push(trx); onDeliver(trx); submit(trx); });
}
