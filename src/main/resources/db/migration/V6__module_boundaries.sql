-- Modules (docs/architecture.md): each module owns its tables; another module reads them only through a view the
-- owner publishes here. The directory publishes its organisations.

-- An organisation as other modules may read it: its kind, names, place in the tree and whether it is active.
-- Other modules join this view (never org_unit) where a join is worth its speed: scoping, sorting and searching by name.
create view directory_org_unit as
select o.id,
       o.type,
       o.name,
       o.short_name,
       coalesce(nullif(btrim(o.short_name), ''), o.name) as display_name,
       o.parent_id,
       p.name                                            as parent_name,
       o.region_id,
       o.municipality_id,
       o.time_zone,
       o.email,
       o.head_name,
       o.active
from org_unit o
         left join org_unit p on p.id = o.parent_id;

-- The signed-in user kept in a session is a class of the new access module: sessions of the old class would not
-- deserialise, so everyone signs in again once after this release.
delete from spring_session;
