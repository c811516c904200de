-- Custom SQL: co_actors follows UPDATEs of participants too (merging people or engagements moves
-- participant rows: src/ingest/merge.ts). An update is the old row leaving and the new row
-- arriving, each judged without the moved row itself.
CREATE TRIGGER `participants_co_actors_au` AFTER UPDATE OF engagement_id, person_id, organisation_id ON `participants`
WHEN old.engagement_id IS NOT new.engagement_id OR old.person_id IS NOT new.person_id OR old.organisation_id IS NOT new.organisation_id
BEGIN
  UPDATE co_actors SET shared = shared - 1 WHERE NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id AND s.id <> new.id
                  AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id) AND actor_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) AND other_key IN (SELECT coalesce(o.person_id * 2, o.organisation_id * 2 + 1) FROM participants o
      WHERE o.engagement_id = old.engagement_id AND o.id <> new.id AND NOT (o.person_id IS old.person_id AND o.organisation_id IS old.organisation_id));
  UPDATE co_actors SET shared = shared - 1 WHERE NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = old.engagement_id AND s.id <> new.id
                  AND s.person_id IS old.person_id AND s.organisation_id IS old.organisation_id) AND other_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) AND actor_key IN (SELECT coalesce(o.person_id * 2, o.organisation_id * 2 + 1) FROM participants o
      WHERE o.engagement_id = old.engagement_id AND o.id <> new.id AND NOT (o.person_id IS old.person_id AND o.organisation_id IS old.organisation_id));
  DELETE FROM co_actors WHERE shared <= 0 AND (actor_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1) OR other_key = coalesce(old.person_id * 2, old.organisation_id * 2 + 1));
  INSERT INTO co_actors (actor_key, other_key, person_id, organisation_id, other_person_id, other_organisation_id, shared)
    SELECT DISTINCT coalesce(new.person_id * 2, new.organisation_id * 2 + 1), coalesce(o.person_id * 2, o.organisation_id * 2 + 1), new.person_id, new.organisation_id, o.person_id, o.organisation_id, 1
    FROM participants o
    WHERE NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = new.engagement_id AND s.id <> new.id
                  AND s.person_id IS new.person_id AND s.organisation_id IS new.organisation_id) AND o.engagement_id = new.engagement_id AND o.id <> new.id
      AND NOT (o.person_id IS new.person_id AND o.organisation_id IS new.organisation_id)
  ON CONFLICT (actor_key, other_key) DO UPDATE SET shared = shared + 1;
  INSERT INTO co_actors (actor_key, other_key, person_id, organisation_id, other_person_id, other_organisation_id, shared)
    SELECT DISTINCT coalesce(o.person_id * 2, o.organisation_id * 2 + 1), coalesce(new.person_id * 2, new.organisation_id * 2 + 1), o.person_id, o.organisation_id, new.person_id, new.organisation_id, 1
    FROM participants o
    WHERE NOT EXISTS (SELECT 1 FROM participants s WHERE s.engagement_id = new.engagement_id AND s.id <> new.id
                  AND s.person_id IS new.person_id AND s.organisation_id IS new.organisation_id) AND o.engagement_id = new.engagement_id AND o.id <> new.id
      AND NOT (o.person_id IS new.person_id AND o.organisation_id IS new.organisation_id)
  ON CONFLICT (actor_key, other_key) DO UPDATE SET shared = shared + 1;
END;
