-- Custom SQL (drizzle-kit generate --custom): the engagement_places view (src/db/schema.ts).
-- One row per (engagement, place it happened at): the engagement's own place, and that place's
-- country, so Place.engagements on a country includes what happened in its cities.
CREATE VIEW `engagement_places` AS
  SELECT e.id AS engagement_id, e.place_id AS place_id FROM engagements e WHERE e.place_id IS NOT NULL
  UNION ALL
  SELECT e.id AS engagement_id, p.country_id AS place_id
  FROM engagements e JOIN places p ON p.id = e.place_id
  WHERE p.country_id IS NOT NULL;
