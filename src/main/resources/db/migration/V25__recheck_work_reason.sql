-- Issue 17 (re-checks): why the work's school is in the sample, as the draw gave it («случайный выбор среди 12 ОО с
-- результатами…», «в списке года: ШНОР»), kept with each work so that the page shows it however the lists change later.
alter table recheck_work add column reason varchar(1000);
