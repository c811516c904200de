/**
 * Re-fold what a database stores folded, after `foldName` (src/domain/fold.ts) changed: the
 * entities' and aliases' `name_key`s (unique: resolution finds entities by them), the folded
 * search columns of articles and engagements, and engagement fingerprints (an undated
 * engagement's fingerprint hashes its folded date words). `upgradeDatabase` (./upgrade.ts) runs it at every
 * start-up and `npm run db:migrate`; idempotent, and cheap when nothing changed: only rows with a
 * character at or above U+2E00 are read (below it, `foldName` gives what it always gave: the
 * any-ascii transliteration), and only those whose stored form differs are written.
 *
 * The one change so far: text in scripts above U+2DFF (CJK ideographs, kana, Hangul syllables,
 * Yi ...) was transliterated to ASCII ("東京" → "dongjing") and is now kept as itself ("東京");
 * emoji and other symbols there were spelled out (🚀 → "rocket") and now only separate words.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { foldName } from '../domain/fold.ts';
import { variantKey } from '../domain/variant.ts';
import { DOC_KIND, ownFoldedBody } from '../search/index.ts';
import { refingerprint } from './merge.ts';
import { writeTransaction } from './transaction.ts';

/** SQLite GLOB: text with a character above U+2DFF, the only text whose folding changed. */
export const REFOLD_GLOB = '*[^\u0001-\u2dff]*';

/** What a refold did: rows rewritten, and keys left alone because another row already holds them. */
export interface RefoldReport {
  keys: number;
  documents: number;
  fingerprints: number;
  conflicts: string[];
}

/** Re-fold the stored keys, search documents and fingerprints that `foldName` now folds differently. */
export async function refoldDatabase(db: Database): Promise<RefoldReport> {
  const report: RefoldReport = { keys: 0, documents: 0, fingerprints: 0, conflicts: [] };
  await writeTransaction(db, async (tx) => {
    report.keys = report.documents = report.fingerprints = 0;
    report.conflicts = [];
    // Entity and alias keys; the search triggers refresh the entities' documents on update.
    for (const table of ['people', 'organisations', 'places', 'aliases'] as const) {
      const rows = await tx.all<{ id: number; name: string; key: string }>(
        sql`select id, name, name_key as key from ${sql.identifier(table)} where name glob ${REFOLD_GLOB}`,
      );
      for (const row of rows) {
        const key = foldName(row.name);
        if (key === row.key || key === '') continue;
        const taken = await tx.all<{ id: number }>(
          table === 'aliases'
            ? sql`select b.id from aliases a join aliases b on b.name_key = ${key} and b.id <> a.id
                and (b.person_id is a.person_id and b.organisation_id is a.organisation_id and b.place_id is a.place_id)
                where a.id = ${row.id}`
            : table === 'places'
              ? sql`select b.id from places a join places b on b.name_key = ${key} and b.kind = a.kind and b.id <> a.id where a.id = ${row.id}`
              : sql`select id from ${sql.identifier(table)} where name_key = ${key} and id <> ${row.id}`,
        );
        if (taken.length > 0) {
          report.conflicts.push(`${table} ${row.id} "${row.name}": key "${key}" is held by row ${taken[0]!.id}; kept "${row.key}"`);
          continue;
        }
        await tx.run(
          table === 'aliases'
            ? sql`update aliases set name_key = ${key} where id = ${row.id}`
            : sql`update ${sql.identifier(table)} set name_key = ${key}, variant_key = ${variantKey(row.name)} where id = ${row.id}`,
        );
        report.keys++;
      }
    }
    // Articles and engagements: queue those whose folded columns differ; upgradeDatabase then folds them.
    const documents = await tx.all<{ key: number; title: string; body: string; titleFolded: string | null; bodyFolded: string | null }>(sql`
      select d.key as key, d.title as title, d.body as body, f.title_folded as titleFolded, f.body_folded as bodyFolded
      from (
        select id * 8 + ${DOC_KIND.ARTICLE} as key, headline as title, coalesce(body, '') as body from articles
          where headline glob ${REFOLD_GLOB} or body glob ${REFOLD_GLOB}
        union all
        select id * 8 + ${DOC_KIND.ENGAGEMENT}, summary, '' from engagements where summary glob ${REFOLD_GLOB}
      ) d left join search_fts f on f.rowid = d.key`);
    for (const d of documents) {
      if (d.titleFolded === foldName(d.title) && d.bodyFolded != null && ownFoldedBody(d.bodyFolded) === foldName(d.body)) continue;
      await tx.run(sql`insert or ignore into search_pending (key) values (${d.key})`);
      report.documents++;
    }
    // Undated engagements (no EDTF) whose date words changed folding.
    const undated = await tx.all<{ id: number }>(
      sql`select id from engagements where date_edtf is null and date_text glob ${REFOLD_GLOB}`,
    );
    report.fingerprints = await refingerprint(tx, undated.map((e) => e.id));
  });
  return report;
}

/**
 * Give every person, organisation and place without a variant key its `variantKey(name)`
 * (src/domain/variant.ts): rows written before the column existed. `upgradeDatabase` (./upgrade.ts) runs it at
 * every start; cheap when none is missing (an index lookup of nulls). When the variant rules
 * change, a migration sets the column to null and this recomputes it.
 * @returns how many rows got a key
 */
export async function fillVariantKeys(db: Database): Promise<number> {
  let filled = 0;
  await writeTransaction(db, async (tx) => {
    filled = 0;
    for (const table of ['people', 'organisations', 'places'] as const) {
      const rows = await tx.all<{ id: number; name: string }>(sql`select id, name from ${sql.identifier(table)} where variant_key is null`);
      for (const row of rows) await tx.run(sql`update ${sql.identifier(table)} set variant_key = ${variantKey(row.name)} where id = ${row.id}`);
      filled += rows.length;
    }
  });
  return filled;
}
