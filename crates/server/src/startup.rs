//! Start-up and shutdown: directories, database, key, demo seed, listener, sweeper.

use std::path::Path;
use std::sync::Arc;

use redress_core::policy::ComplaintPolicy;
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::receipt::ReceiptSigner;
use crate::state::{AppState, Shared};
use crate::store::{self, OrderBook, SqlOrderBook, SqlStore};

/// Why the server did not start; each names what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("policy_file {0}: {1}")]
    PolicyRead(String, std::io::Error),
    #[error("policy_file {0}: {1}")]
    Policy(String, redress_core::policy::PolicyError),
    #[error("database_url: {0}")]
    Database(#[from] store::StoreError),
    #[error(transparent)]
    Key(#[from] crate::receipt::KeyError),
    #[error("listen {0}: {1}")]
    Listen(String, std::io::Error),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    #[error("import: {0}")]
    Import(String),
}

/// Everything opened, before the listener: used by `serve` and `import-orders`.
pub async fn open(settings: &Settings) -> Result<AppState, StartError> {
    let dir_error = |e| StartError::DataDir(settings.data_dir.display().to_string(), e);
    for sub in ["evidence", "uploads"] {
        std::fs::create_dir_all(settings.data_dir.join(sub)).map_err(dir_error)?;
    }
    clear_partial_uploads(&settings.data_dir.join("uploads")).map_err(dir_error)?;
    let policy = load_policy(settings)?;
    let pool = store::connect(&settings.database_url).await?;
    let orders = Arc::new(SqlOrderBook::new(pool.clone()));
    if settings.demo {
        let today = policy.today(chrono::Utc::now());
        orders.import(&crate::demo::demo_orders(today)).await?;
    }
    let signer = ReceiptSigner::load_or_create(&settings.data_dir.join("receipt-signing-key"))?;
    let store = Arc::new(SqlStore::new(pool));
    Ok(AppState(Arc::new(Shared::new(
        settings, policy, store, orders, signer,
    ))))
}

/// Serves until Ctrl-C or SIGTERM, then drains in-flight requests.
pub async fn serve(settings: Settings) -> Result<(), StartError> {
    let state = open(&settings).await?;
    let router = crate::app::router(state.clone(), &settings);
    let listener = TcpListener::bind(settings.listen)
        .await
        .map_err(|e| StartError::Listen(settings.listen.to_string(), e))?;
    let address = listener
        .local_addr()
        .map_err(|e| StartError::Listen(settings.listen.to_string(), e))?;
    if let Some(url) = &settings.smtp_url {
        let mailer = crate::mail::Mailer::new(url, &settings.smtp_from)?;
        tokio::spawn(crate::mail::deliver(state.clone(), mailer));
    }
    tokio::spawn(crate::routes::evidence::sweep_expired(state.clone()));
    tokio::spawn(crate::rate_limit::sweep_ended_windows(state));
    let shutdown = shutdown_signal().map_err(|e| StartError::Listen(address.to_string(), e))?;
    // Tests and scripts wait for exactly this line.
    println!("redress-server listening on http://{address}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| StartError::Listen(address.to_string(), e))
}

fn load_policy(settings: &Settings) -> Result<ComplaintPolicy, StartError> {
    match &settings.policy_file {
        None => Ok(ComplaintPolicy::default()),
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| StartError::PolicyRead(shown.clone(), e))?;
            ComplaintPolicy::from_json(&text).map_err(|e| StartError::Policy(shown, e))
        }
    }
}

/// A crash mid-upload leaves a partial file in the upload directory; it never had a row
/// and is never visible, so it is simply removed on the next start.
fn clear_partial_uploads(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C. The handlers are installed here, before the ready line
/// is printed, so a signal sent right after start-up still shuts down gracefully.
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => {},
                _ = interrupt.recv() => {},
            }
            tracing::info!("shutting down; draining in-flight requests");
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down; draining in-flight requests");
        })
    }
}

/// `redress-server import-orders FILE.csv`.
pub async fn import_orders(settings: &Settings, file: &Path) -> Result<usize, StartError> {
    let orders = crate::import::read_orders(file).map_err(StartError::Import)?;
    std::fs::create_dir_all(&settings.data_dir)
        .map_err(|e| StartError::DataDir(settings.data_dir.display().to_string(), e))?;
    let pool = store::connect(&settings.database_url).await?;
    Ok(SqlOrderBook::new(pool).import(&orders).await?)
}
