/** The shapes the operations in operations/ select (a subset of schema/schema.graphql). */
import type { PartialDate } from './dates.ts';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: T }[];
}

export interface ActorRef {
  __typename: 'Person' | 'Organisation';
  id: string;
  name: string;
  slug: string;
}

export interface NamedRef {
  name: string;
  slug: string;
}

export interface Participant {
  role: 'GUEST' | 'HOST' | 'LEAD' | 'PARTICIPANT' | 'SPEAKER' | 'TARGET';
  actor: ActorRef;
}

/** An engagement as the timeline and lists show it (fragment EngagementItem, the same in every operation file that lists engagements). */
export interface EngagementItem {
  id: string;
  kind: string;
  summary: string;
  date: PartialDate | null;
  place: NamedRef | null;
  participants: Participant[];
}

export interface ArticleItem {
  id: string;
  slug: string;
  headline: string;
  publishedAt: string | null;
}

export interface QuoteItem {
  id: string;
  text: string;
  article?: { slug: string; headline: string };
  speaker?: { __typename: string; name: string; slug: string } | null;
  engagement?: { id: string; kind: string } | null;
}

export interface RoleItem {
  title: string;
  organisation?: NamedRef | null;
  person?: NamedRef;
  started: PartialDate | null;
  ended: PartialDate | null;
}

export interface CoActor {
  count: number;
  actor: ActorRef & { engagedWith?: { count: number; actor: { id: string } }[] };
}
