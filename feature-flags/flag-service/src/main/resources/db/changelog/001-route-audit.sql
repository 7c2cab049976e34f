--liquibase formatted sql

--changeset flag-service:1-route-audit
create table route_audit (
    id                 bigserial     primary key,
    route_id           varchar(63)   not null,
    changed_at         timestamptz   not null,
    actor              varchar(100)  not null,
    channel            varchar(20)   not null,
    reason             varchar(500)  not null,
    before_mode        varchar(10)   not null,
    before_percent     numeric(5, 2) not null,
    before_kill_switch boolean       not null,
    before_version     bigint        not null,
    after_mode         varchar(10)   not null,
    after_percent      numeric(5, 2) not null,
    after_kill_switch  boolean       not null,
    after_version      bigint        not null
);
create index route_audit_route_changed_at on route_audit (route_id, changed_at);
create index route_audit_changed_at on route_audit (changed_at);

--changeset flag-service:2-route-audit-append-only splitStatements:false
-- the audit log is evidence: even the service's own database user cannot rewrite or erase it
create function route_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'route_audit is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

--changeset flag-service:3-route-audit-triggers
create trigger route_audit_no_update_delete before update or delete on route_audit
    for each row execute function route_audit_append_only();
create trigger route_audit_no_truncate before truncate on route_audit
    for each statement execute function route_audit_append_only();
