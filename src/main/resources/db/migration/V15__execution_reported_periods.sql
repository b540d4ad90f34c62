-- The periods the latest report of an ongoing record was filed for («01.01.2024 – 31.03.2024, …»), kept on the record
-- and in its history, so that one entry of the history names every period reported at once (issue 13).
alter table execution add column reported_periods text;
alter table execution_aud add column reported_periods text;
