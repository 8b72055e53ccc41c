'use strict';
// A node-smpp peer driven by the Java interop tests.
//
//   node peer.js server [--key FILE --cert FILE]       an MC listening on 127.0.0.1, ephemeral port
//   node peer.js client PORT [--tls --ca FILE]         an ESME connecting to 127.0.0.1:PORT
//   node peer.js tlsprobe PORT VERSION --ca FILE       a bare TLS handshake limited to one version
//
// Every event is one JSON line on stdout. Commands arrive as JSON lines on stdin and act on the
// most recent session, so a test can script the exact PDUs the peer sends. Buffers travel as
// {"hex": "..."} both ways. The peer answers only what a real counterpart would answer on its own;
// everything else is left to the test.

const fs = require('fs');
const readline = require('readline');
const tls = require('tls');
const smpp = require('smpp');

// Keep the octets of every PDU node-smpp decodes, so the test can compare them with what was sent.
const originalFromBuffer = smpp.PDU.prototype.fromBuffer;
smpp.PDU.prototype.fromBuffer = function (buffer) {
	Object.defineProperty(this, 'rawHex', {value: buffer.toString('hex'), enumerable: false});
	return originalFromBuffer.call(this, buffer);
};

function emit(event) {
	process.stdout.write(JSON.stringify(event, (key, value) => {
		if (value && value.type === 'Buffer' && Array.isArray(value.data)) {
			return {hex: Buffer.from(value.data).toString('hex')};
		}
		return value;
	}) + '\n');
}

function fromJson(value) {
	if (Array.isArray(value)) {
		return value.map(fromJson);
	}
	if (value && typeof value === 'object') {
		if (typeof value.hex === 'string' && Object.keys(value).length === 1) {
			return Buffer.from(value.hex, 'hex');
		}
		const out = {};
		for (const key of Object.keys(value)) {
			out[key] = fromJson(value[key]);
		}
		return out;
	}
	return value;
}

function describe(pdu) {
	const fields = {};
	for (const key of Object.keys(pdu)) {
		if (key !== 'command' && key !== 'command_length') {
			fields[key] = pdu[key];
		}
	}
	return {ev: 'pdu', command: pdu.command, command_id: pdu.command_id, command_status: pdu.command_status,
		sequence_number: pdu.sequence_number, hex: pdu.rawHex, fields: fields};
}

function option(name) {
	const i = process.argv.indexOf(name);
	return i < 0 ? undefined : process.argv[i + 1];
}

const ACCOUNTS = {interop: 'secret'};
let current = null;
let messageIds = 0;

// What the MC script does with each request. node-smpp keeps no session state, so the bind state
// checks below are the script's own: they model an MC, they do not test node-smpp.
function serveAsMc(session) {
	let bound = null;
	session.on('pdu', (pdu) => {
		emit(describe(pdu));
		if (pdu.isResponse()) {
			return;
		}
		switch (pdu.command) {
			case 'bind_transmitter':
			case 'bind_receiver':
			case 'bind_transceiver': {
				let status = 0;
				if (bound) {
					status = smpp.ESME_RALYBND;
				} else if (!(pdu.system_id in ACCOUNTS)) {
					status = smpp.ESME_RINVSYSID;
				} else if (ACCOUNTS[pdu.system_id] !== pdu.password) {
					status = smpp.ESME_RINVPASWD;
				}
				if (status === 0) {
					bound = pdu.command.substring('bind_'.length);
					session.send(pdu.response({system_id: 'nodemc'}));
				} else {
					session.send(pdu.response({command_status: status}));
				}
				break;
			}
			case 'submit_sm':
				if (bound !== 'transmitter' && bound !== 'transceiver') {
					session.send(pdu.response({command_status: smpp.ESME_RINVBNDSTS}));
				} else {
					const id = 'node-' + (++messageIds);
					session.send(pdu.response({message_id: id}));
					emit({ev: 'submit_answered', message_id: id});
				}
				break;
			case 'enquire_link':
				session.send(pdu.response());
				break;
			case 'unbind':
				session.send(pdu.response(), () => session.close());
				break;
			case 'unknown':
				// pdu.response() turns an unknown command into generic_nack ESME_RINVCMDID.
				session.send(pdu.response());
				break;
			default:
				session.send(pdu.response({command_status: smpp.ESME_RINVCMDID}));
		}
	});
}

function serveAsEsme(session) {
	session.on('pdu', (pdu) => {
		emit(describe(pdu));
		if (pdu.isResponse()) {
			return;
		}
		switch (pdu.command) {
			case 'deliver_sm':
			case 'enquire_link':
			case 'unknown':
				session.send(pdu.response());
				break;
			case 'unbind':
				session.send(pdu.response(), () => session.close());
				break;
			default:
				session.send(pdu.response({command_status: smpp.ESME_RINVCMDID}));
		}
	});
}

function track(session) {
	current = session;
	session.on('close', () => emit({ev: 'close'}));
	session.on('error', (e) => emit({ev: 'error', message: String(e && e.message), code: e && e.code}));
}

function onCommand(line) {
	let cmd;
	try {
		cmd = JSON.parse(line);
	} catch (e) {
		emit({ev: 'error', message: 'bad command: ' + line});
		return;
	}
	if (!current) {
		emit({ev: 'error', message: 'no session for ' + cmd.cmd});
		return;
	}
	switch (cmd.cmd) {
		case 'send': {
			const pdu = new smpp.PDU(cmd.command, fromJson(cmd.params || {}));
			current.send(pdu, undefined, (sent) => emit({ev: 'sent', command: sent.command,
				sequence_number: sent.sequence_number}));
			break;
		}
		case 'raw':
			current.socket.write(Buffer.from(cmd.hex, 'hex'), () => emit({ev: 'sent', command: 'raw'}));
			break;
		case 'close':
			current.close();
			break;
		case 'destroy':
			current.destroy();
			break;
		default:
			emit({ev: 'error', message: 'unknown command ' + cmd.cmd});
	}
}

readline.createInterface({input: process.stdin}).on('line', onCommand);
// The test ends the peer by closing stdin or killing the process; either way, leave promptly.
process.stdin.on('end', () => process.exit(0));

const mode = process.argv[2];
if (mode === 'server') {
	const key = option('--key');
	const options = key ? {key: fs.readFileSync(key), cert: fs.readFileSync(option('--cert'))} : {};
	const server = smpp.createServer(options, (session) => {
		track(session);
		emit({ev: 'session', remote_port: session.socket.remotePort, tls: !!session.socket.encrypted});
		serveAsMc(session);
	});
	server.on('tlsClientError', (e) => emit({ev: 'tls_error', message: String(e.message), code: e.code}));
	server.listen(0, '127.0.0.1', () => emit({ev: 'listening', port: server.address().port, tls: !!key}));
} else if (mode === 'client') {
	const port = Number(process.argv[3]);
	const useTls = process.argv.includes('--tls');
	const options = {host: '127.0.0.1', port: port, tls: useTls};
	if (useTls) {
		options.ca = fs.readFileSync(option('--ca'));
	}
	const session = smpp.connect(options);
	track(session);
	session.on(useTls ? 'secureConnect' : 'connect', () => emit({ev: 'connected', tls: useTls,
		protocol: useTls ? session.socket.getProtocol() : null}));
	serveAsEsme(session);
} else if (mode === 'tlsprobe') {
	// OpenSSL 3 refuses TLS 1.0/1.1 below security level 0; lowering it here makes sure a failed
	// handshake is the server's refusal and not this client's.
	const version = process.argv[4];
	const socket = tls.connect({host: '127.0.0.1', port: Number(process.argv[3]), ca: fs.readFileSync(option('--ca')),
		minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0'}, () => {
		emit({ev: 'handshake', ok: true, protocol: socket.getProtocol()});
		socket.destroy();
	});
	socket.on('error', (e) => emit({ev: 'handshake', ok: false, message: String(e.message), code: e.code}));
} else {
	emit({ev: 'error', message: 'usage: peer.js server|client|tlsprobe ...'});
	process.exit(2);
}
