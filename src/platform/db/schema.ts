/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL (DESIGN.md §4): text UUIDs,
 * ISO-8601 UTC text timestamps, integer 0/1 booleans, JSON as text (validated in mappers).
 */

export interface EditionTable {
  id: string;
  code: string;
  year: number;
  version: number;
  sha256: string;
  source_text: string;
  status: string;
  created_at: string;
}

export interface AgencyTable {
  id: string;
  parent_id: string | null;
  /** Ids from the root down to this agency, "/a/b/c/": subtree queries use a prefix match. */
  path: string;
  code: string;
  type: string;
  name_th: string;
  name_en: string;
  website: string | null;
  eligible_staff: number | null;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** No longer written: failed sign-ins are counted in rate_limit (migration 202612120900_sign_in). */
  failed_logins: number;
  /** No longer written: there is no hard lock any more, only throttling. */
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  /** Null only for the system administrator role, which covers every agency. */
  agency_id: string | null;
  role: string;
  created_at: string;
}

export interface AssessmentRoundTable {
  id: string;
  agency_id: string;
  edition_id: string;
  state: string;
  opened_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ScoreSnapshotTable {
  round_id: string;
  engine_version: string;
  total: number | null;
  level_code: string | null;
  result_json: string;
  created_at: string;
  /** The agency's names and type when the scores were stored and when the round was published
   * (migration 202612150900_snapshot_agency): published pages never follow a later rename. */
  agency_name_th: string | null;
  agency_name_en: string | null;
  agency_type: string | null;
}

/** An address a person signed in from (migration 202612120900_sign_in). */
export interface SignInAddressTable {
  /** sha256 of the user id and the address: the address itself is not stored. */
  key: string;
  user_id: string;
  last_success_at: string;
}

/** A one-time password reset link an administrator issued (migration 202612120900_sign_in). */
export interface PasswordResetTable {
  /** sha256 of the link's token: the link itself is shown once and never stored. */
  id: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  /** When the link was used; null while it is still good. */
  used_at: string | null;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not hold usable cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface SurveyLinkTable {
  id: string;
  round_id: string;
  instrument: string;
  /** The short public code of the link (/s/CODE), as the national system hands out. */
  code: string;
  /** 1 when only single-use access codes may answer. */
  requires_code: number;
  /** Last day answers are taken (YYYY-MM-DD, Bangkok), or null. */
  closes_on: string | null;
  created_at: string;
}

export interface AccessCodeTable {
  id: string;
  link_id: string;
  batch: number;
  /** HMAC-SHA256 of the normalised code: the plain code is shown once, when printed. */
  code_hmac: string;
  used: number;
}

/** An anonymous answer: no IP, user agent, account, access code or time of day. */
export interface SurveyResponseTable {
  id: string;
  round_id: string;
  agency_id: string;
  instrument: string;
  answers_json: string;
  /** The day only (YYYY-MM-DD). */
  submitted_on: string;
  /** 'web' or 'import'. */
  source: string;
  /** The free-text comment, masked before it is stored (migration 202611261830_voice); null when none. */
  comment: string | null;
}

export interface SurveySubmissionTable {
  nonce_hash: string;
  submitted_on: string;
}

/**
 * Answers that reached a survey link in one five-minute window (migration
 * 202612140900_survey_guard): a count, never a response id or answers; windows below a burst
 * are deleted once they have ended.
 */
export interface SurveyArrivalTable {
  link_id: string;
  /** Start of the window, ISO 8601 UTC. */
  window_start: string;
  answers: number;
}

/**
 * Identical answer sets of one day excluded from scores and counts, all but one (migration
 * 202612140900_survey_guard). Who excluded them and when is in the audit log.
 */
export interface SurveyExclusionTable {
  id: string;
  round_id: string;
  instrument: string;
  /** The day the answers came (YYYY-MM-DD), as their responses hold it. */
  answered_on: string;
  /** sha256 of answers_json. */
  answers_hash: string;
  answers_json: string;
  reason: string;
}

/** The agency's evidence for one OIT item of a round. */
export interface OitEvidenceTable {
  id: string;
  round_id: string;
  item_code: string;
  owner_user_id: string | null;
  /** draft → ready → approved (by the head of agency) → submitted. */
  status: string;
  explanation: string;
  /** Element code → { done, where } as ticked by the owner. */
  elements_json: string;
  approved_by: string | null;
  approved_at: string | null;
  submitted_at: string | null;
  updated_at: string;
  /** Why the head of agency sent the evidence back (migration 202612161000_oit_handoff). */
  return_reason: string | null;
  returned_by: string | null;
  returned_at: string | null;
}

export interface OitLinkTable {
  id: string;
  evidence_id: string;
  url: string;
  position: number;
  /** 'entry' or 'clarification'. */
  added_in: string;
}

/** An uploaded file; its bytes live outside the web root under `stored_name`. */
export interface OitFileTable {
  id: string;
  evidence_id: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  added_in: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface OitSnapshotTable {
  id: string;
  link_id: string;
  /** 'submission' (kept for the assessor) or 'check' (the scheduled link checker). */
  kind: string;
  taken_at: string;
  status: number | null;
  content_type: string | null;
  final_url: string | null;
  sha256: string | null;
  stored_name: string | null;
  truncated: number;
  error: string | null;
}

/** A file chosen in an OIT item form that failed, kept for its chooser (202612161000_oit_handoff). */
export interface OitPendingUploadTable {
  id: string;
  round_id: string;
  item_code: string;
  user_id: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface OitAssignmentTable {
  round_id: string;
  assessor_user_id: string;
  /** 'primary' or 'second'. */
  role: string;
  assigned_at: string;
}

export interface OitDecisionTable {
  id: string;
  round_id: string;
  item_code: string;
  assessor_user_id: string;
  /** 'initial' (OIT review) or 'final' (after clarification). */
  stage: string;
  score: number;
  reason: string;
  advice: string;
  decided_at: string;
}

export interface OitClarificationTable {
  id: string;
  round_id: string;
  item_code: string;
  text: string;
  new_url: string | null;
  file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface Database {
  edition: EditionTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  assessment_round: AssessmentRoundTable;
  score_snapshot: ScoreSnapshotTable;
  session: SessionTable;
  rate_limit: RateLimitTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
  survey_link: SurveyLinkTable;
  access_code: AccessCodeTable;
  survey_response: SurveyResponseTable;
  survey_submission: SurveySubmissionTable;
  survey_arrival: SurveyArrivalTable;
  survey_exclusion: SurveyExclusionTable;
  oit_evidence: OitEvidenceTable;
  oit_link: OitLinkTable;
  oit_file: OitFileTable;
  oit_snapshot: OitSnapshotTable;
  oit_pending_upload: OitPendingUploadTable;
  oit_assignment: OitAssignmentTable;
  oit_decision: OitDecisionTable;
  oit_clarification: OitClarificationTable;
  improvement_measure: ImprovementMeasureTable;
  measure_progress: MeasureProgressTable;
  // -- calendar tables (migration 202611261700_calendar) --
  calendar_task: CalendarTaskTable;
  calendar_feed_token: CalendarFeedTokenTable;
  reminder_email: ReminderEmailTable;
  // -- measureEvidence tables (migration 202611261710_measure_evidence) --
  measure_file: MeasureFileTable;
  stored_file: StoredFileTable;
  stored_file_chunk: StoredFileChunkTable;
  background_job: BackgroundJobTable;
  measure_publication: MeasurePublicationTable;
  measure_carry: MeasureCarryTable;
  // -- activities tables (migration 202611261720_activities) --
  activity: ActivityTable;
  // -- integrity tables (migration 202611261800_integrity) --
  no_gift_declaration: NoGiftDeclarationTable;
  no_gift_acknowledgement: NoGiftAcknowledgementTable;
  no_gift_communication: NoGiftCommunicationTable;
  gift_report: GiftReportTable;
  gift_report_publication: GiftReportPublicationTable;
  // -- assets tables (migration 202611261810_assets) --
  asset: AssetTable;
  asset_loan: AssetLoanTable;
  asset_guideline: AssetGuidelineTable;
  // -- manuals tables (migration 202611261820_manuals) --
  manual: ManualTable;
  manual_step: ManualStepTable;
  manual_case: ManualCaseTable;
  // -- voice tables (migration 202611261830_voice) --
  // -- sign-in tables (migration 202612120900_sign_in) --
  sign_in_address: SignInAddressTable;
  password_reset: PasswordResetTable;
  // -- survey import tables (migration 202612200900_import_mapping) --
  import_mapping: ImportMappingTable;
}

/** The head's yearly No Gift declaration of an agency (one per fiscal year). */
export interface NoGiftDeclarationTable {
  id: string;
  agency_id: string;
  /** Buddhist-era fiscal year. */
  fiscal_year: number;
  head_name: string;
  head_position: string;
  /** YYYY-MM-DD. */
  declared_on: string;
  /** The agency's gift threshold for the year (never above the legal one). */
  threshold_baht: number;
  body: string;
  /** 'draft', 'approved' or 'published'. */
  status: string;
  drafted_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A member's acknowledgement of a declaration (one per person), day precision. */
export interface NoGiftAcknowledgementTable {
  id: string;
  declaration_id: string;
  user_id: string;
  /** YYYY-MM-DD. */
  acknowledged_on: string;
}

/** How the No Gift Policy was communicated in a fiscal year. */
export interface NoGiftCommunicationTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  /** YYYY-MM-DD. */
  communicated_on: string;
  channel: string;
  audience: string;
  description: string;
  reached_count: number | null;
  created_by: string | null;
  created_at: string;
}

/** A gift offered to, received or refused by a member of an agency. */
export interface GiftReportTable {
  id: string;
  agency_id: string;
  reporter_user_id: string;
  /** YYYY-MM-DD. */
  gift_on: string;
  fiscal_year: number;
  giver_type: string;
  giver_name: string;
  description: string;
  value_baht: number;
  /** 'offered', 'received' or 'refused'. */
  disposition: string;
  handling: string;
  action_note: string;
  /** The threshold that applied when it was reported. */
  threshold_baht: number;
  flagged: number;
  head_decision: string | null;
  head_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A fiscal year's gift report made public by the head. */
export interface GiftReportPublicationTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  published_by: string | null;
  published_at: string;
}

/** An evidence file on an improvement measure; its bytes live in the file store. */
export interface MeasureFileTable {
  id: string;
  measure_id: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** What a round published of its measures: 'document' or 'progress', as a JSON snapshot. */
export interface MeasurePublicationTable {
  round_id: string;
  kind: string;
  content_json: string;
  published_by: string | null;
  published_at: string;
}

/** A measure copied from a finished measure of the agency's previous round. */
export interface MeasureCarryTable {
  measure_id: string;
  from_measure_id: string;
  carried_by: string | null;
  carried_at: string;
}

/** An activity (KM) report of an agency. */
export interface ActivityTable {
  id: string;
  agency_id: string;
  title: string;
  /** YYYY-MM-DD. */
  held_on: string;
  place: string;
  objectives: string;
  method: string;
  key_knowledge: string;
  best_practices: string;
  attended: number | null;
  invited: number | null;
  /** JSON: [{ text, counts: [level 1 … level 5] }]. */
  satisfaction_json: string;
  /** 0/1. */
  published: number;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A government asset in an agency's register. */
export interface AssetTable {
  id: string;
  agency_id: string;
  /** Unique within the agency. */
  asset_number: string;
  name: string;
  category: string;
  location: string;
  custodian_unit: string;
  /** 'available', 'on_loan' or 'retired'. */
  status: string;
  /** YYYY-MM-DD. */
  acquired_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A request to borrow an asset, from asking to return. */
export interface AssetLoanTable {
  id: string;
  asset_id: string;
  agency_id: string;
  borrower_user_id: string;
  /** An official-use kind or 'personal' (always refused). */
  purpose_category: string;
  purpose: string;
  /** YYYY-MM-DD, first and last day of the loan. */
  from_on: string;
  to_on: string;
  /** 'requested', 'approved', 'refused', 'handed_over' or 'returned'. */
  status: string;
  approver_user_id: string | null;
  refusal_reason: string | null;
  decided_at: string | null;
  handed_over_at: string | null;
  returned_at: string | null;
  return_condition: string | null;
  created_at: string;
  updated_at: string;
}

/** An agency's asset loan guideline: the draft being edited and the text last published. */
export interface AssetGuidelineTable {
  agency_id: string;
  text: string;
  published_text: string | null;
  published_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** A work manual or a service manual (standard) of an agency (OIT O8/O9). */
export interface ManualTable {
  id: string;
  agency_id: string;
  /** 'work' or 'service'. */
  kind: string;
  title: string;
  purpose: string;
  responsible_unit: string;
  /** JSON array of strings: where or how the service is given. */
  channels_json: string;
  /** The fee as written; "ไม่มี" when none. */
  fee_text: string;
  /** JSON array of strings; the single entry "ไม่มี" when none are needed. */
  documents_json: string;
  legal_basis: string;
  /** Buddhist-era fiscal year the manual covers. */
  fiscal_year: number;
  /** 'draft' or 'published'. */
  status: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ManualStepTable {
  id: string;
  manual_id: string;
  position: number;
  description: string;
  responsible: string;
  time_amount: number;
  /** 'minutes', 'hours', 'days' or 'working_days'. */
  time_unit: string;
}

/** One service case: dates only, no personal data. */
export interface ManualCaseTable {
  id: string;
  manual_id: string;
  /** YYYY-MM-DD. */
  received_on: string;
  /** YYYY-MM-DD, null while open. */
  completed_on: string | null;
  created_at: string;
}

export interface CalendarTaskTable {
  id: string;
  round_id: string;
  /** Key of the planned step it came from; null for a task added by hand. */
  plan_key: string | null;
  milestone_code: string | null;
  title: string;
  title_en: string | null;
  /** YYYY-MM-DD. */
  due_on: string;
  owner_user_id: string | null;
  /** 'todo' or 'done'. */
  status: string;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTokenTable {
  user_id: string;
  /** sha256 of the secret in the feed address; the address itself is never stored. */
  token_hash: string;
  created_at: string;
}

export interface ReminderEmailTable {
  user_id: string;
  reminder_key: string;
  /** YYYY-MM-DD (Thailand) of the e-mail: one e-mail per reminder and day. */
  day: string;
  sent_at: string;
}

export interface ImprovementMeasureTable {
  id: string;
  round_id: string;
  /** 'indicator', 'question' or 'oit_item'. */
  target_type: string;
  target_code: string;
  title: string;
  description: string;
  owner_user_id: string | null;
  /** YYYY-MM-DD. */
  due_on: string | null;
  /** 'planned', 'in_progress', 'done' or 'dropped'. */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface MeasureProgressTable {
  id: string;
  measure_id: string;
  note: string;
  /** 0–100. */
  percent: number;
  created_by: string | null;
  created_at: string;
}

/** A file of the database file store (platform/infra/file-store-database.ts). */
export interface StoredFileTable {
  /** `uploads/<32 hex>` or `snapshots/<32 hex>`: the stored_name the other tables keep. */
  name: string;
  size: number;
  sha256: string;
  created_at: string;
}

/** One piece (at most 256 KB) of a stored file, numbered from 0. */
export interface StoredFileChunkTable {
  name: string;
  seq: number;
  data: Uint8Array;
}

/**
 * An agency's confirmed column mapping of survey answer imports, per edition and instrument
 * (migration 202612200900_import_mapping): headers and targets only, never answers.
 */
export interface ImportMappingTable {
  agency_id: string;
  edition_id: string;
  instrument: string;
  /** JSON object: normalised header → item code, 'date', 'comment' or 'ignore'. */
  mapping_json: string;
  /** ISO 8601 UTC. */
  updated_at: string;
}

/**
 * A background job: its progress and result file, readable by every process on the database
 * (migration 202612201100_background_jobs).
 */
export interface BackgroundJobTable {
  id: string;
  kind: string;
  /** 'queued' | 'running' | 'done' | 'failed'. */
  state: string;
  /** Who asked (the only person who may see it and take its file); null for scheduled runs. */
  user_id: string | null;
  label: string;
  done: number;
  total: number;
  /** The result file's stored name in the file store, its download name and content type. */
  result_name: string | null;
  result_file_name: string | null;
  result_content_type: string | null;
  /** Why it failed (for the log and the operators; people see only that it failed). */
  error: string | null;
  /** ISO 8601 UTC. */
  created_at: string;
  finished_at: string | null;
}
