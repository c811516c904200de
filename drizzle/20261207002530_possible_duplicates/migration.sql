-- Custom SQL (drizzle-kit generate --custom): the possible_duplicates view (src/db/schema.ts),
-- read by Query.possibleDuplicates. Pairs of one entity type that may be one entity, each pair
-- once (a_id < b_id) with its strongest reason (SQLite gives the bare columns of the row that
-- holds max(score)). Every join's inner side is an index lookup (variant_key, aliases.name_key),
-- but the view is computed whole: its cost grows with the entities, not with the page.
CREATE VIEW `possible_duplicates` AS
  SELECT type, a_id, b_id, reason, max(score) AS score, shared_key,
    CASE WHEN type = 'PERSON' THEN a_id END AS person_a_id,
    CASE WHEN type = 'PERSON' THEN b_id END AS person_b_id,
    CASE WHEN type = 'ORGANISATION' THEN a_id END AS organisation_a_id,
    CASE WHEN type = 'ORGANISATION' THEN b_id END AS organisation_b_id,
    CASE WHEN type = 'PLACE' THEN a_id END AS place_a_id,
    CASE WHEN type = 'PLACE' THEN b_id END AS place_b_id
  FROM (
    -- One variant key, kept apart (people: full names only).
    SELECT 'PERSON' AS type, a.id AS a_id, b.id AS b_id, 'VARIANT' AS reason, 0.9 AS score, a.variant_key AS shared_key
      FROM people a JOIN people b ON b.variant_key = a.variant_key AND b.id > a.id
      WHERE instr(a.variant_key, ' ') > 0
    UNION ALL
    SELECT 'ORGANISATION', a.id, b.id, 'VARIANT', 0.9, a.variant_key
      FROM organisations a JOIN organisations b ON b.variant_key = a.variant_key AND b.id > a.id
      WHERE a.variant_key <> ''
    UNION ALL
    SELECT 'PLACE', a.id, b.id, 'VARIANT', 0.9, a.variant_key
      FROM places a JOIN places b ON b.variant_key = a.variant_key AND b.id > a.id
      WHERE a.variant_key <> '' AND (a.kind = b.kind OR a.kind = 'OTHER' OR b.kind = 'OTHER')
    UNION ALL
    -- A shared name or alias (aliases hold every entity's own name and acronym too). For people a
    -- single shared word is a shared surname: no reason (Imran Khan, Sadiq Khan).
    SELECT 'PERSON', x.person_id, y.person_id, 'SHARED_NAME', 0.8, x.name_key
      FROM aliases x JOIN aliases y ON y.name_key = x.name_key AND y.person_id > x.person_id
      WHERE x.person_id IS NOT NULL AND instr(x.name_key, ' ') > 0
    UNION ALL
    SELECT 'ORGANISATION', x.organisation_id, y.organisation_id, 'SHARED_NAME',
        CASE WHEN instr(x.name_key, ' ') > 0 THEN 0.8 ELSE 0.4 END, x.name_key
      FROM aliases x JOIN aliases y ON y.name_key = x.name_key AND y.organisation_id > x.organisation_id
      WHERE x.organisation_id IS NOT NULL
    UNION ALL
    SELECT 'PLACE', x.place_id, y.place_id, 'SHARED_NAME',
        CASE WHEN instr(x.name_key, ' ') > 0 THEN 0.8 ELSE 0.4 END, x.name_key
      FROM aliases x JOIN aliases y ON y.name_key = x.name_key AND y.place_id > x.place_id
        JOIN places a ON a.id = x.place_id JOIN places b ON b.id = y.place_id
      WHERE x.place_id IS NOT NULL AND (a.kind = b.kind OR a.kind = 'OTHER' OR b.kind = 'OTHER')
    UNION ALL
    -- A surname alone and a full name ending in it (compared as variant keys).
    SELECT 'PERSON', min(s.id, f.id), max(s.id, f.id), 'SURNAME', 0.5, s.variant_key
      FROM people s
        JOIN people f ON substr(f.variant_key, length(rtrim(f.variant_key, 'abcdefghijklmnopqrstuvwxyz0123456789')) + 1) = s.variant_key
      WHERE s.variant_key <> '' AND instr(s.variant_key, ' ') = 0 AND instr(f.variant_key, ' ') > 0
  )
  GROUP BY type, a_id, b_id;
