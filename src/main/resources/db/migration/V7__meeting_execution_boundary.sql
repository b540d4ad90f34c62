-- Modules (docs/architecture.md): meeting and execution. Execution keeps decisions and meetings by id and reads
-- nothing of meeting's tables; meeting asks execution nothing but the figures it declares (ExecutionFigures).

-- Each execution record keeps its meeting, so that execution counts and lists by meeting on its own table, and tells
-- meeting which meetings assigned a municipality or a school something, without joining meeting's tables.
alter table execution add column meeting_id bigint references meeting (id);
update execution e set meeting_id = d.meeting_id from decision d where d.id = e.decision_id;
alter table execution alter column meeting_id set not null;
create index execution_meeting_idx on execution (meeting_id, municipality_id);
create index execution_municipality_meeting_idx on execution (municipality_id, meeting_id);

-- A decision with its meeting as other modules may read it (the meeting module publishes it; its tables stay its
-- own). Other modules join this view where a join is worth its speed: searching records by a decision's text,
-- finding the records of decisions due after each procedure of a plan.
create view meeting_decision as
select d.id,
       d.meeting_id,
       d.position,
       d.number,
       d.text,
       d.responsible_text,
       d.deadline_kind,
       d.due_date,
       d.period_start,
       d.deadline_text,
       d.report_period,
       d.days_after_procedure,
       m.kind          as meeting_kind,
       m.title         as meeting_title,
       m.meeting_date,
       m.status        as meeting_status,
       m.region_id,
       m.municipality_id
from decision d
         join meeting m on m.id = d.meeting_id;
