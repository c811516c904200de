/**
 * Deleting an article: the article row goes with everything that belongs to it alone (links,
 * engagement reports, quotes and figures cascade); engagements no other article reports go;
 * people, organisations and places the article linked or involved go only when nothing else
 * uses them any more. Entities still used elsewhere stay. One write transaction.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { deleteOrphanEngagements, deleteUnusedEntities, entitiesInvolved, reportedEngagements } from './orphans.ts';
import { writeTransaction } from './transaction.ts';

/** Delete one article. @returns false when there was no such article (nothing changed) */
export async function deleteArticle(db: Database, articleId: number): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const [article] = await tx.select({ id: t.articles.id, dateline: t.articles.datelinePlaceId }).from(t.articles).where(eq(t.articles.id, articleId));
    if (!article) return false;
    const candidates = await entitiesInvolved(tx, articleId);
    if (article.dateline) candidates.places.add(article.dateline);
    const reported = await reportedEngagements(tx, articleId);
    await tx.delete(t.articles).where(eq(t.articles.id, articleId));
    await deleteOrphanEngagements(tx, reported);
    await deleteUnusedEntities(tx, candidates);
    return true;
  });
}
