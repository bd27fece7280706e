//! The `redress-server` binary: parses flags, sets up logging, runs.

use clap::Parser;
use redress_server::config::{Cli, Command, Settings};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let settings = match Settings::resolve(&cli.options) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("redress-server: bad configuration: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let outcome = match cli.command {
        Some(Command::ImportOrders { file }) => {
            redress_server::startup::import_orders(&settings, &file)
                .await
                .map(|n| println!("imported {n} orders"))
        }
        Some(Command::Trustmark(command)) => {
            return redress_server::trustmark::run(&settings.data_dir, command);
        }
        None => redress_server::startup::serve(settings).await,
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("redress-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
