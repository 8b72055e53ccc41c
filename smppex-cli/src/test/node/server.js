// node-smpp as an independent SMSC for smppsend: accepts binds (password "secret"), answers
// submit_sm with message ids "node-N", and sends an Appendix B receipt (text and TLVs) when
// registered_delivery asks for one. Prints one JSON line per event; the first is
// {"event":"listening","port":N}. Stops when stdin closes.
'use strict';
const smpp = require('smpp');

let nextId = 0;
function out(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }
function text(sm) {
  if (sm == null) return '';
  if (Buffer.isBuffer(sm)) return sm.toString('latin1');
  if (typeof sm === 'string') return sm;
  return typeof sm.message === 'string' ? sm.message : (Buffer.isBuffer(sm.message) ? sm.message.toString('hex') : '');
}
function smppDate(d) {
  const p = (n) => String(n).padStart(2, '0');
  return p(d.getFullYear() % 100) + p(d.getMonth() + 1) + p(d.getDate()) + p(d.getHours()) + p(d.getMinutes());
}

const server = smpp.createServer(function (session) {
  let systemId = '';
  function onBind(pdu) {
    systemId = pdu.system_id;
    const ok = pdu.password === 'secret';
    out({event: 'bind', command: pdu.command, system_id: pdu.system_id, ok: ok});
    session.send(pdu.response({command_status: ok ? 0 : smpp.ESME_RINVPASWD, system_id: 'node-smsc'}));
    if (!ok) session.close();
  }
  session.on('bind_transmitter', onBind);
  session.on('bind_receiver', onBind);
  session.on('bind_transceiver', onBind);
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => { session.send(pdu.response()); session.close(); });
  session.on('submit_sm', function (pdu) {
    const id = 'node-' + (++nextId);
    const tlvs = {};
    for (const k of ['user_message_reference', 'sar_msg_ref_num', 'sar_total_segments', 'sar_segment_seqnum']) {
      if (pdu[k] !== undefined) tlvs[k] = pdu[k];
    }
    out({event: 'submit_sm', message_id: id, source_addr: pdu.source_addr, destination_addr: pdu.destination_addr,
      data_coding: pdu.data_coding, esm_class: pdu.esm_class, registered_delivery: pdu.registered_delivery,
      short_message: text(pdu.short_message), tlvs: tlvs});
    session.send(pdu.response({message_id: id}));
    if ((pdu.registered_delivery & 0x03) !== 0) {
      const now = smppDate(new Date());
      const receipt = 'id:' + id + ' sub:001 dlvrd:001 submit date:' + now + ' done date:' + now +
        ' stat:DELIVRD err:000 text:' + text(pdu.short_message).substring(0, 20);
      setTimeout(function () {
        session.deliver_sm({
          source_addr: pdu.destination_addr, source_addr_ton: pdu.dest_addr_ton, source_addr_npi: pdu.dest_addr_npi,
          destination_addr: pdu.source_addr, dest_addr_ton: pdu.source_addr_ton, dest_addr_npi: pdu.source_addr_npi,
          esm_class: 0x04, data_coding: 0, short_message: Buffer.from(receipt, 'latin1'),
          receipted_message_id: id, message_state: 2
        });
      }, 200);
    }
  });
  session.on('error', () => {});
});

server.listen(0, '127.0.0.1', function () {
  out({event: 'listening', port: server.address().port});
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
