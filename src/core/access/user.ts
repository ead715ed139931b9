/** A personal account as the rest of the system sees it (never its password hash). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
}
