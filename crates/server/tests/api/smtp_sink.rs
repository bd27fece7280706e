//! A real SMTP server for tests: it speaks enough of RFC 5321 (greeting, EHLO/HELO,
//! MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT) for lettre to hand it
//! messages, and records each one. Start it, give the server `smtp://127.0.0.1:PORT`,
//! then take the messages in the order they arrived.

use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// One message as the sink received it.
#[derive(Debug, Clone)]
pub struct Mail {
    /// The envelope sender (`MAIL FROM`).
    pub envelope_from: String,
    /// The envelope recipients (`RCPT TO`).
    pub envelope_to: Vec<String>,
    /// Everything after `DATA`, headers and body, dot-unstuffed, CRLF line ends.
    pub data: String,
}

impl Mail {
    /// The header `name` (case-insensitive), unfolded and with RFC 2047 encoded words
    /// decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = self.split();
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| decode_words(value.trim()))
        })
    }

    /// The subject, decoded.
    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }

    /// The body text with its transfer encoding (quoted-printable, base64) undone.
    pub fn body(&self) -> String {
        let (_, body) = self.split();
        match self
            .header("Content-Transfer-Encoding")
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("quoted-printable") => quoted_printable(body),
            Some("base64") => {
                let joined: String = body.split_whitespace().collect();
                base64::engine::general_purpose::STANDARD
                    .decode(joined)
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    .unwrap_or_else(|_| body.to_owned())
            }
            _ => body.to_owned(),
        }
    }

    fn split(&self) -> (&str, &str) {
        self.data
            .split_once("\r\n\r\n")
            .unwrap_or((self.data.as_str(), ""))
    }
}

/// A listening sink; stops when dropped (with the test's runtime).
pub struct SmtpSink {
    /// The loopback port it listens on.
    pub port: u16,
    received: mpsc::UnboundedReceiver<Mail>,
    sessions: mpsc::UnboundedReceiver<Vec<String>>,
}

impl SmtpSink {
    /// Listens on a free loopback port and accepts any number of sessions.
    pub async fn start() -> SmtpSink {
        Self::start_on(0).await
    }

    /// Listens on `port` (0: any free one), e.g. to bring a mail server "back" on the
    /// port a server under test was configured with.
    pub async fn start_on(port: u16) -> SmtpSink {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind sink");
        let port = listener.local_addr().expect("sink address").port();
        let (sender, received) = mpsc::unbounded_channel();
        let (ended, sessions) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (sender, ended) = (sender.clone(), ended.clone());
                tokio::spawn(async move {
                    let mut commands = Vec::new();
                    session(stream, sender, &mut commands).await;
                    let _ = ended.send(commands);
                });
            }
        });
        SmtpSink {
            port,
            received,
            sessions,
        }
    }

    /// The URL the server under test is configured with.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The next message. The server's sender polls its outbox every few seconds; the
    /// bound only stops a hung test, it asserts nothing about timing.
    pub async fn next(&mut self) -> Mail {
        tokio::time::timeout(Duration::from_secs(60), self.received.recv())
            .await
            .expect("no message reached the SMTP sink within a minute")
            .expect("the SMTP sink stopped")
    }

    /// The commands of the next session to end (the client quit or hung up), e.g. to
    /// see that a client stopped before `MAIL FROM`.
    pub async fn next_session(&mut self) -> Vec<String> {
        tokio::time::timeout(Duration::from_secs(60), self.sessions.recv())
            .await
            .expect("no SMTP session ended within a minute")
            .expect("the SMTP sink stopped")
    }
}

/// One SMTP session: answers every command, records each completed DATA.
async fn session(
    stream: TcpStream,
    sender: mpsc::UnboundedSender<Mail>,
    commands: &mut Vec<String>,
) {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    if writer.write_all(b"220 sink ESMTP ready\r\n").await.is_err() {
        return;
    }
    let mut from = String::new();
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end();
        commands.push(command.to_owned());
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" => b"250 sink\r\n",
            "MAIL" => {
                from = address(command);
                to.clear();
                b"250 sender ok\r\n"
            }
            "RCPT" => {
                to.push(address(command));
                b"250 recipient ok\r\n"
            }
            "DATA" => {
                if writer
                    .write_all(b"354 end with <CRLF>.<CRLF>\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let Some(data) = read_data(&mut reader).await else {
                    return;
                };
                let _ = sender.send(Mail {
                    envelope_from: from.clone(),
                    envelope_to: std::mem::take(&mut to),
                    data,
                });
                b"250 queued\r\n"
            }
            "RSET" => {
                from.clear();
                to.clear();
                b"250 reset\r\n"
            }
            "NOOP" => b"250 ok\r\n",
            "QUIT" => {
                let _ = writer.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"502 not implemented\r\n",
        };
        if writer.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// The lines up to the lone `.`, with leading dots unstuffed.
async fn read_data(reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> Option<String> {
    let mut data = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        if line == ".\r\n" || line == ".\n" {
            return Some(data);
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
}

/// The address inside `<...>` of a MAIL FROM / RCPT TO command.
fn address(command: &str) -> String {
    command
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(address, _)| address.to_owned())
        .unwrap_or_default()
}

/// Undoes quoted-printable transfer encoding (soft line breaks and `=XX`).
pub fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?...?=`, `=?utf-8?q?...?=`); whitespace
/// between two encoded words is dropped, as the RFC says.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, word) = rest.split_at(start);
        let Some(decoded) = decode_word(word) else {
            break;
        };
        if !(after_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        out.push_str(&decoded.0);
        rest = &word[decoded.1..];
        after_word = true;
    }
    out.push_str(rest);
    out
}

/// One encoded word at the start of `word`: its text and its length.
fn decode_word(word: &str) -> Option<(String, usize)> {
    let inner = word.strip_prefix("=?")?;
    let (_charset, inner) = inner.split_once('?')?;
    let (encoding, inner) = inner.split_once('?')?;
    let end = inner.find("?=")?;
    let text = &inner[..end];
    let decoded = match encoding.to_ascii_lowercase().as_str() {
        "b" => String::from_utf8_lossy(
            &base64::engine::general_purpose::STANDARD
                .decode(text)
                .ok()?,
        )
        .into_owned(),
        "q" => quoted_printable(&text.replace('_', " ")),
        _ => return None,
    };
    let consumed = word.len() - inner.len() + end + 2;
    Some((decoded, consumed))
}

#[test]
fn encoded_words_and_transfer_encodings_are_undone() {
    assert_eq!(
        decode_words("=?utf-8?b?0JLQsNGI0LA=?= =?utf-8?q?_=C5=BEalba?= C-1"),
        "Ваша žalba C-1"
    );
    assert_eq!(quoted_printable("caf=C3=A9 =\r\nau lait"), "café au lait");
}
