-- Written to run unchanged on SQLite and PostgreSQL: TEXT and BIGINT only, times as
-- Unix seconds, JSON documents as TEXT (the core crate owns their shape).
CREATE TABLE orders (
    order_number TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    postcode TEXT NOT NULL,
    order_date TEXT NOT NULL,
    delivery_date TEXT,
    items TEXT NOT NULL
);

CREATE TABLE complaints (
    reference TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    order_number TEXT,
    email TEXT,
    language TEXT NOT NULL,
    body TEXT NOT NULL,
    receipt TEXT NOT NULL,
    filed_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    open BIGINT NOT NULL,
    next_due_at BIGINT
);
CREATE INDEX complaints_status ON complaints (status);
CREATE INDEX complaints_next_due ON complaints (next_due_at);

CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    original_name TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    complaint_reference TEXT REFERENCES complaints (reference)
);
CREATE INDEX evidence_sha256 ON evidence (sha256);
CREATE INDEX evidence_unattached ON evidence (uploaded_at) ;

CREATE TABLE complaint_events (
    complaint_reference TEXT NOT NULL REFERENCES complaints (reference),
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (complaint_reference, seq)
);

CREATE TABLE idempotency (
    idempotency_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    complaint_reference TEXT NOT NULL REFERENCES complaints (reference),
    recipient TEXT,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
