//! A server killed mid-upload leaves nothing half-stored behind.

use std::time::Duration;

use crate::helpers::TestServer;

#[tokio::test]
async fn sigkill_mid_upload_then_restart_leaves_nothing_half_stored() {
    let mut server = TestServer::start();
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(4);
    let body = reqwest::Body::wrap_stream(tokio_stream_from(receiver));
    let request = server
        .client
        .post(server.url("/api/evidence"))
        .query(&[("sha256", "0".repeat(64).as_str()), ("name", "half.txt")])
        .header("content-type", "text/plain")
        .body(body)
        .send();
    let upload = tokio::spawn(request);
    sender
        .send(Ok(bytes::Bytes::from(vec![b'a'; 64 * 1024])))
        .await
        .unwrap();

    // Wait until the partial file exists, so the kill lands mid-upload.
    let uploads = server.data_dir().join("uploads");
    let mut seen = false;
    for _ in 0..1000 {
        let partial = std::fs::read_dir(&uploads)
            .unwrap()
            .flatten()
            .any(|e| e.metadata().map(|m| m.len() > 0).unwrap_or(false));
        if partial {
            seen = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(seen, "the upload never reached the disk");

    server.kill();
    drop(sender);
    let _ = upload.await;
    server.restart();

    assert!(
        server.stored_files().is_empty(),
        "{:?}",
        server.stored_files()
    );
    // The restarted server works and stores a fresh upload normally.
    let again = server
        .upload(b"after the crash", "text/plain", "ok.txt")
        .await;
    assert_eq!(again.status(), 201);
    assert_eq!(server.stored_files().len(), 1);
}

fn tokio_stream_from<T: Send + 'static>(
    mut receiver: tokio::sync::mpsc::Receiver<T>,
) -> impl futures_util::Stream<Item = T> + Send + 'static {
    futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx))
}
