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
  failed_logins: number;
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
}

export interface SurveySubmissionTable {
  nonce_hash: string;
  submitted_on: string;
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
  oit_evidence: OitEvidenceTable;
  oit_link: OitLinkTable;
  oit_file: OitFileTable;
  oit_snapshot: OitSnapshotTable;
  oit_assignment: OitAssignmentTable;
  oit_decision: OitDecisionTable;
  oit_clarification: OitClarificationTable;
  improvement_measure: ImprovementMeasureTable;
  measure_progress: MeasureProgressTable;
  // -- calendar tables (migration 202611261700_calendar) --
  // -- measureEvidence tables (migration 202611261710_measure_evidence) --
  // -- activities tables (migration 202611261720_activities) --
  // -- integrity tables (migration 202611261800_integrity) --
  // -- assets tables (migration 202611261810_assets) --
  // -- manuals tables (migration 202611261820_manuals) --
  // -- voice tables (migration 202611261830_voice) --
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
