-- The facts escalation routing needs besides the timeline: where the shopper lives and
-- what kind of purchase it was. A NULL shopper_country (complaints filed before this
-- migration) means the shop's country: those complaints were treated as domestic.
ALTER TABLE complaints ADD COLUMN shopper_country TEXT;
ALTER TABLE complaints ADD COLUMN category TEXT NOT NULL DEFAULT 'general';
