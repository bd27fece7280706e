-- Trustmark mode: a complaint filed on the trustmark's page is an ordinary complaint of
-- the trustmark's own server, plus its case: which member shop it is about, when and
-- under which reference the shopper complained to that shop first, and the shop's signed
-- receipt as imported (kept as text, exactly as it verified). One case per complaint.
CREATE TABLE trustmark_cases (
    complaint_reference TEXT PRIMARY KEY REFERENCES complaints (reference),
    member_id TEXT NOT NULL,
    shop_name TEXT NOT NULL,
    complained_on TEXT NOT NULL,
    shop_reference TEXT,
    shop_receipt TEXT,
    shop_receipt_verified BIGINT NOT NULL
);
CREATE INDEX trustmark_cases_member ON trustmark_cases (member_id);
