import type { FastifyInstance } from 'fastify';
import type { Message } from '../core/errors.js';
import type { GeneratedEvidenceSource } from '../core/framework/generated-evidence.js';
import type { AppOptions } from '../platform/http/request-context.js';
import type { Actor, ServiceContext } from '../platform/services/context.js';
import type { Agency } from './agencies/feature.js';
import type { Round } from './rounds/feature.js';
import type { OpenedRound } from './rounds/feature.js';
import type { RoundFacts } from './rounds/feature.js';

/**
 * What every feature folder offers the app (its feature.ts exports one `Feature`), and the
 * contracts between features and the app that composes them. Types only: src/app builds the
 * registry from the list of features and hands it to the routes.
 */

/** One document Prongsai has published for an agency, usable as OIT evidence. */
export interface GeneratedDocument {
  source: GeneratedEvidenceSource;
  title: Message;
  /** Public address (path starting with /public/), reachable without signing in. */
  url: string;
  /** When its content last changed (ISO-8601), null when never. */
  updatedAt: string | null;
  /** The Buddhist-era fiscal year its content covers, null when not tied to a year. */
  fiscalYear: number | null;
}

/**
 * A feature's list of published documents for the agency of a round. It reads only what is
 * already public (no access check: nothing it returns is confidential).
 */
export type EvidenceProvider = (ctx: ServiceContext, round: Round) => Promise<GeneratedDocument[]>;

/** The documents published for a round's agency: all, or those of the given sources. */
export type DocumentLister = (
  ctx: ServiceContext,
  round: Round,
  sources?: readonly string[],
) => Promise<GeneratedDocument[]>;

/** Something a signed-in person should act on, shown on the home page and in reminders. */
export interface Reminder {
  /** e.g. 'task', 'measure', 'loan', 'gift', 'no_gift_ack'. */
  kind: string;
  title: Message;
  /** Where to act (a path inside Prongsai). */
  href: string;
  /** YYYY-MM-DD, null when not dated. */
  dueOn: string | null;
  overdue: boolean;
  agencyCode: string | null;
}

/** A feature's reminders for one person (only what that person may see). */
export type ReminderProvider = (ctx: ServiceContext, actor: Actor) => Promise<Reminder[]>;

/** Every feature's reminders for one person, late first. */
export type ReminderLister = (ctx: ServiceContext, actor: Actor) => Promise<Reminder[]>;

/** What the demo made before the features add their own data. */
export interface DemoWorld {
  /** The ministry first, then its units. */
  agencies: Agency[];
  /** Last year's rounds (published) and this year's (collecting): 2569 and 2570 on 2026-12-06. */
  lastRounds: OpenedRound[];
  currentRounds: OpenedRound[];
}

/**
 * What the features know of a round, counted for its step list (survey responses, OIT evidence,
 * review and clarification); the caller has checked that the person may see the round.
 */
export type RoundFactsCounter = (ctx: ServiceContext, round: Round) => Promise<RoundFacts>;

/** What the app builds from all features and gives every route module. */
export interface Registry {
  listPublishedDocuments: DocumentLister;
  listReminders: ReminderLister;
  countRoundFacts: RoundFactsCounter;
}

/** The options a feature's route module receives: the app's, and the registry. */
export interface FeatureOptions extends AppOptions {
  registry: Registry;
}

/** A feature's route module. */
export type FeatureRoutes = (app: FastifyInstance, options: FeatureOptions) => void;

/** One feature as the app sees it. Adding a feature is its folder and one line in src/app. */
export interface Feature {
  /** Its folder under src/features. */
  id: string;
  /** Its pages and API routes. */
  routes: FeatureRoutes[];
  /** The documents it publishes for OIT items, with the sources it can produce. */
  evidence?: { sources: readonly GeneratedEvidenceSource[]; list: EvidenceProvider };
  /** The work it reminds people of (home page and e-mail). */
  reminders?: ReminderProvider;
  /** Seeds its part of the living demo, through its own services. */
  demo?: (ctx: ServiceContext, world: DemoWorld) => Promise<void>;
}
