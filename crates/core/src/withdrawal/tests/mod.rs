//! Tests of the withdrawal function, split by concern.

mod policy;
mod props;
mod validate;
mod window;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::error::{ErrorCode, FieldError};
use crate::policy::ComplaintPolicy;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).unwrap()
}

fn policy(json: &str) -> ComplaintPolicy {
    ComplaintPolicy::from_json(json).unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<(&str, ErrorCode)> {
    errors.iter().map(|e| (e.field(), e.code())).collect()
}
