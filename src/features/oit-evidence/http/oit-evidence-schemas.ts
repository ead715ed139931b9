import { z } from 'zod';
import { EVIDENCE_STATUSES } from '../core/evidence-status.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { FormText as text } from '../../../platform/http/typed-routes.js';

/** The zod schemas of the OIT evidence routes: what they read, and what the JSON API answers. */

/** `/rounds/:id/oit/:item`. */
export const ItemParams = IdParams.extend({ item: z.string() });

/** `/rounds/:id/oit/:item/files/:fileId`. */
export const ItemFileParams = ItemParams.extend({ fileId: z.string() });

/** `/rounds/:id/oit/:item/link-copies/:copyId`: the stored copy of a submitted link. */
export const ItemCopyParams = ItemParams.extend({ copyId: z.string() });

/** The notice after a change (`?done=saved` …). */
export const DoneQuery = z.object({ done: text });

/** `/public/oit/:agencyCode/:year` (the year may end in .json or .csv: the feeds). */
export const PublicParams = z.object({ agencyCode: z.string(), year: z.string() });
export const PublicItemParams = PublicParams.extend({ item: z.string() });
export const PublicFileParams = PublicParams.extend({ fileId: z.string() });

/** What the API saves of an item. */
export const EvidenceBodySchema = z
  .object({
    urls: z.array(z.string().max(2000)).max(20).default([]),
    explanation: z.string().max(5000).default(''),
    elements: z
      .record(z.string(), z.object({ done: z.boolean(), where: z.string().max(500).default('') }))
      .default({}),
    ownerUserId: z.string().nullable().optional(),
  })
  .strict();

/** What the head sends with an item sent back. */
export const ReturnBodySchema = z.object({ reason: z.string().max(2000) }).strict();

const Text = z.object({ th: z.string(), en: z.string() });

/** One item's evidence as the API shows it. */
export const ItemJson = z.object({
  code: z.string(),
  name: Text,
  status: z.enum(EVIDENCE_STATUSES),
  /** Why the head sent it back, until the owner offers it again. */
  returnReason: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  explanation: z.string(),
  urls: z.array(z.string()),
  files: z.array(
    z.object({ id: z.string(), name: z.string(), size: z.number(), sha256: z.string() }),
  ),
  snapshots: z.array(
    z.object({
      linkId: z.string(),
      status: z.number().nullable(),
      finalUrl: z.string().nullable(),
      sha256: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export const ItemListJson = z.object({ items: z.array(ItemJson) });

export const SubmittedJson = z.object({ submitted: z.array(z.string()) });

/** The public feed of submitted evidence (`/public/oit/:agencyCode/:year.json`). */
export const PublicFeedJson = z.object({
  agency: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  edition: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      name: Text,
      submitted: z.boolean(),
      url: z.string(),
      explanation: z.string(),
      links: z.array(z.string()),
      files: z.array(z.object({ name: z.string(), url: z.string(), sha256: z.string() })),
    }),
  ),
});
