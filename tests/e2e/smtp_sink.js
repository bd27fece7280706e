// A real SMTP server for the end-to-end tests: it speaks enough of RFC 5321 for the
// redress-server's mail sender (lettre) and keeps every message, decoded, so a test can
// read what a shopper's mailbox would receive.

import { createServer } from 'node:net';

function decodeBody(headers, body) {
  const encoding = (/^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = [];
    const soft = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < soft.length; i += 1) {
      if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(soft[i], 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

function decodeHeader(value) {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, text) => (kind.toLowerCase() === 'b'
    ? Buffer.from(text, 'base64').toString('utf8')
    : decodeBody('content-transfer-encoding: quoted-printable', text.replace(/_/g, ' '))));
}

/** Starts the sink on a loopback port; `messages` fills as mail arrives. */
export async function startSmtpSink() {
  const messages = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let envelope = { to: [] };
    socket.write('220 sink.localhost ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const split = raw.indexOf('\r\n\r\n');
          const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
          messages.push({
            to: envelope.to,
            subject: decodeHeader(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? ''),
            headers,
            body: decodeBody(headers, raw.slice(split + 4)),
          });
          envelope = { to: [] };
          socket.write('250 OK: queued\r\n');
          continue;
        }
        const line = buffer.indexOf('\r\n');
        if (line < 0) return;
        const command = buffer.slice(0, line);
        buffer = buffer.slice(line + 2);
        const verb = command.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-sink.localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        else if (verb === 'HELO') socket.write('250 sink.localhost\r\n');
        else if (verb === 'RCPT') { envelope.to.push(/<([^>]*)>/.exec(command)?.[1]); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 End data with <CR><LF>.<CR><LF>\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 Bye\r\n'); return; }
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `smtp://127.0.0.1:${server.address().port}`,
    messages,
    /** Resolves with the first message to `address`, waiting for it to arrive. */
    async mailTo(address, timeout = 15000) {
      const start = Date.now();
      while (Date.now() - start < timeout) {
        const found = messages.find((m) => m.to.includes(address));
        if (found) return found;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error(`no mail to ${address} within ${timeout} ms (got ${messages.length})`);
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
