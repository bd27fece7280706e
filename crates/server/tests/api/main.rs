//! Integration tests: each starts the real `redress-server` binary on a loopback port with
//! a fresh data directory and speaks HTTP to it.

mod complaints;
mod crash;
mod desk;
mod escalation;
mod evidence;
mod filing_limit;
mod find;
mod helpers;
mod lookup;
mod mail;
mod migration;
mod openapi;
mod policy;
mod postgres;
mod proxies;
mod rate_limits;
mod repeated_keys;
mod smtp_sink;
mod sweeper;
mod trustmark;
mod trustmark_complaints;
mod trustmark_wording;
mod withdrawals;
