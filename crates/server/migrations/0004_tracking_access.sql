-- A shopper who lost the tracking link finds the complaint again by order number and
-- e-mail (POST /api/complaints/find): each such lookup grants a fresh tracking token,
-- stored hashed like the first one. The first token stays in complaints.token_hash.
CREATE TABLE tracking_access (
    token_hash TEXT PRIMARY KEY,
    complaint_reference TEXT NOT NULL REFERENCES complaints (reference),
    granted_at BIGINT NOT NULL
);
CREATE INDEX tracking_access_reference ON tracking_access (complaint_reference);
CREATE INDEX IF NOT EXISTS complaints_order_number ON complaints (order_number);
