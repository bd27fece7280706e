-- The EU withdrawal function (Art. 11a CRD): a withdrawal is its own record, not a
-- complaint. received_at is the exact receipt instant (Unix seconds, the precision the
-- signed receipt states); body is the validated withdrawal as the core crate serializes
-- it, so the refund deadline is derived from it, never stored apart.
CREATE TABLE withdrawals (
    reference TEXT PRIMARY KEY,
    order_number TEXT,
    email TEXT NOT NULL,
    language TEXT NOT NULL,
    body TEXT NOT NULL,
    receipt TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX withdrawals_received_at ON withdrawals (received_at);

-- The outbox now also carries withdrawal acknowledgements, so its reference column can
-- no longer point at complaints only: the table is rebuilt without that foreign key
-- (the column keeps its name; it holds a complaint's or a withdrawal's reference).
CREATE TABLE outbox_0003 (
    id TEXT PRIMARY KEY,
    complaint_reference TEXT NOT NULL,
    recipient TEXT,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
INSERT INTO outbox_0003 (id, complaint_reference, recipient, language, subject, body, created_at, sent_at)
    SELECT id, complaint_reference, recipient, language, subject, body, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_0003 RENAME TO outbox;
CREATE INDEX outbox_reference ON outbox (complaint_reference);
