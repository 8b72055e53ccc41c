// Writes node-smpp-0.5.1-gsm.tsv: what node-smpp 0.5.1 (npm package smpp@0.5.1, lib/defs.js,
// its gsmCoder) does with each septet and each character of its Turkish, Spanish and Portuguese
// tables. Run once, from a directory where smpp@0.5.1 is installed, e.g. after a build:
//   node smppex-pdu/src/test/resources/io/smppex/pdu/text/extract-node-smpp-tables.js \
//        smppex-interop/target/node-peer/node_modules/smpp > .../node-smpp-0.5.1-gsm.tsv
// The output is facts about that library's behaviour (code -> character, character -> octets),
// compared with ours by NodeSmppTablesTest.
'use strict';
const path = require('path');
const dir = path.resolve(process.argv[2] || 'node_modules/smpp');
const version = require(path.join(dir, 'package.json')).version;
const gsm = require(path.join(dir, 'lib', 'defs.js')).gsmCoder;
const hex = (buf) => Buffer.from(buf).toString('hex').toUpperCase();
const cps = (s) => Array.from(s).map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' ');
const out = [];
out.push('# node-smpp ' + version + ' gsmCoder (lib/defs.js), extracted by extract-node-smpp-tables.js.');
out.push('# decode: language id, septets given to gsmCoder.decode, code points it returned.');
out.push('# encode: language id, code point given to gsmCoder.encode, septets it returned.');
for (const id of [1, 2, 3]) {
  for (let code = 0; code < 128; code++) {
    if (code !== 0x1B) {
      out.push(['decode', id, hex([code]), cps(gsm.decode(Buffer.from([code]), id))].join('\t'));
    }
    out.push(['decode', id, hex([0x1B, code]), cps(gsm.decode(Buffer.from([0x1B, code]), id))].join('\t'));
  }
  const coder = gsm.getCoder(id);
  const chars = new Set(Array.from(coder.chars + (coder.extCharsDec || coder.extChars)));
  chars.delete('\x1B');
  for (const c of [...chars].sort()) {
    out.push(['encode', id, cps(c), hex(gsm.encode(c, id))].join('\t'));
  }
}
process.stdout.write(out.join('\n') + '\n');
