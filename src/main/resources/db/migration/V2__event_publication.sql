-- Spring Modulith's JDBC event publication registry: the transactional outbox of the
-- order e-mails. A row is written in the transaction that changes the order (so it exists
-- if and only if that change commits) and marked completed once the listener succeeded.
-- Layout of Modulith 2.0's default ("v2") schema, which the registry reads and writes with
-- unquoted upper-case names; Flyway owns it (spring.modulith.events.jdbc.schema-initialization
-- stays off). Statuses the registry uses: PUBLISHED, PROCESSING, COMPLETED, FAILED, RESUBMITTED.

create table event_publication (
    id                      uuid         primary key,
    listener_id             text         not null,
    event_type              text         not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);

-- Completing a publication by (listener, event) looks the row up by its serialized event.
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
-- Deleting completed publications after the retention period.
create index event_publication_by_completion_date_idx on event_publication (completion_date);
-- What is still outstanding, per listener (the e-mail retry job and the pending gauge).
create index event_publication_incomplete_idx on event_publication (listener_id, publication_date)
    where completion_date is null;
