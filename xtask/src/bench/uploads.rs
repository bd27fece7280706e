//! Evidence upload throughput: 50 MB files to `POST /api/evidence`, one at a time and 16 at
//! once, against a plain loopback copy of the same bytes into a file (received over
//! loopback TCP, written, fsynced: the floor of what storing an upload costs here), with
//! the server's peak resident memory.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::report::Results;
use super::server::{ServerProcess, build_release_server, tempdir};
use crate::shell::Failure;

/// Bytes per upload.
const SIZE: usize = 50 * 1024 * 1024;
/// Rows: (concurrent uploads, uploads per client). One client sends four in a row, so the
/// single-upload figure is not one sample.
const ROWS: [(usize, usize); 2] = [(1, 4), (16, 1)];

/// One row's measurement.
struct Transfer {
    seconds: f64,
    failed: usize,
}

/// Measures both rows and adds the upload table.
pub fn run(results: &mut Results) -> Result<(), Failure> {
    let bin = build_release_server()?;
    let dir = tempdir("uploads")?;
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"evidence": {"max_file_bytes": 67108864, "max_total_bytes": 1073741824}}"#,
    )
    .map_err(|e| format!("cannot write the upload policy: {e}"))?;
    let body = Arc::new(pdf(SIZE - 32));
    let prefix = Sha256::new().chain_update(body.as_slice());

    let mut section = String::from(
        "## Evidence uploads\n\n50 MiB PDF files (random bytes behind a PDF header) to \
         `POST /api/evidence`, SQLite, each upload distinct; the server streams to a partial \
         file, hashes, fsyncs and renames it into place. Baseline: the same bytes over a \
         loopback TCP connection into a file, fsynced. Peak RSS is the server's `VmHWM`, \
         started fresh for each row. Images are different: the server reads an image whole \
         for its privacy re-check, so their memory is bounded by the policy's image cap \
         (10 MB by default) per upload.\n\n\
         | concurrent uploads | uploads | MB/s | baseline MB/s | ratio | server peak RSS | failed |\n\
         | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (concurrent, each) in ROWS {
        let server = ServerProcess::start_with(
            &bin,
            &dir,
            "127.0.0.1:0",
            None,
            &["--policy-file".as_ref(), policy.as_os_str()],
        )?;
        let upload = transfer(concurrent, each, |client, round| {
            upload_one(&server.addr, &body, &prefix, client * 100 + round)
        });
        let rss = server.peak_rss();
        drop(server);
        let copies = dir.join("copies");
        let baseline = loopback_copy(&copies, &body, concurrent, each)?;
        let _ = std::fs::remove_dir_all(&copies);
        let _ = std::fs::remove_dir_all(dir.join("data/evidence"));
        let total = (concurrent * each * SIZE) as f64 / 1e6;
        let _ = writeln!(
            section,
            "| {concurrent} | {} | {:.0} | {:.0} | {:.2} | {} | {} |",
            concurrent * each,
            total / upload.seconds,
            total / baseline.seconds,
            baseline.seconds / upload.seconds,
            rss.map_or("?".to_owned(), |b| format!("{:.0} MB", b as f64 / 1e6)),
            upload.failed + baseline.failed
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    results.add(section);
    Ok(())
}

/// Runs `concurrent` clients that each call `one(client, round)` `each` times; the wall
/// time of all of them and how many calls failed.
fn transfer(
    concurrent: usize,
    each: usize,
    one: impl Fn(usize, usize) -> Result<(), String> + Sync,
) -> Transfer {
    let started = Instant::now();
    let failed = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..concurrent)
            .map(|client| {
                let one = &one;
                scope.spawn(move || {
                    (0..each)
                        .filter(|round| match one(client, *round) {
                            Ok(()) => false,
                            Err(why) => {
                                eprintln!("upload bench: {why}");
                                true
                            }
                        })
                        .count()
                })
            })
            .collect();
        clients.into_iter().map(|c| c.join().unwrap_or(each)).sum()
    });
    Transfer {
        seconds: started.elapsed().as_secs_f64(),
        failed,
    }
}

/// Uploads `body` plus a 32-byte tail unique to `n`; Ok when the server answers 201.
fn upload_one(addr: &str, body: &[u8], prefix: &Sha256, n: usize) -> Result<(), String> {
    let tail = format!("\n%% upload {n:020} %%\n");
    let sha256: String = prefix
        .clone()
        .chain_update(tail.as_bytes())
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "POST /api/evidence?sha256={sha256}&name=scan-{n}.pdf HTTP/1.1\r\nHost: {addr}\r\n\
         Connection: close\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\n\r\n",
        body.len() + tail.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.write_all(tail.as_bytes()))
        .map_err(|e| format!("upload {n}: {e}"))?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .map_err(|e| format!("upload {n}: {e}"))?;
    if answer.starts_with(b"HTTP/1.1 201") {
        Ok(())
    } else {
        let text = String::from_utf8_lossy(&answer);
        Err(format!(
            "upload {n} answered {}",
            text.lines().next().unwrap_or("nothing")
        ))
    }
}

/// The baseline: a loopback listener that stores each connection's bytes in a file under
/// `dir` and fsyncs it before answering.
fn loopback_copy(
    dir: &Path,
    body: &[u8],
    concurrent: usize,
    each: usize,
) -> Result<Transfer, Failure> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("baseline listener: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let expected = concurrent * each;
    let receiver = {
        let dir = dir.to_owned();
        std::thread::spawn(move || {
            let mut workers = Vec::new();
            for (n, stream) in listener.incoming().take(expected).enumerate() {
                let path = dir.join(format!("copy-{n}"));
                workers.push(std::thread::spawn(move || -> std::io::Result<()> {
                    let mut stream = stream?;
                    let mut file = std::fs::File::create(&path)?;
                    std::io::copy(&mut stream, &mut file)?;
                    file.sync_all()?;
                    stream.write_all(b"ok")
                }));
            }
            for worker in workers {
                let _ = worker.join();
            }
        })
    };
    let copied = transfer(concurrent, each, |_, _| {
        let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
        stream.write_all(body).map_err(|e| e.to_string())?;
        stream.write_all(&[0; 32]).map_err(|e| e.to_string())?;
        stream
            .shutdown(std::net::Shutdown::Write)
            .map_err(|e| e.to_string())?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).map_err(|e| e.to_string())?;
        if reply == b"ok" {
            Ok(())
        } else {
            Err("the loopback copy was not confirmed".to_owned())
        }
    });
    let _ = receiver.join();
    Ok(copied)
}

/// `len` bytes that start like a PDF and do not compress: what a scanned document is to
/// the storage path.
fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}
