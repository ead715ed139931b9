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
}
