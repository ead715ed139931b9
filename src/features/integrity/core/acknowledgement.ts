/** How many of the agency's members have acknowledged the declaration. */
export interface AcknowledgementShare {
  acknowledged: number;
  members: number;
  /** Per cent, one decimal; null when the agency has no members. */
  percent: number | null;
}

/**
 * The share of current members who acknowledged: people who left are not counted, and each
 * person counts once however often they appear.
 */
export function acknowledgementShare(
  acknowledgedUserIds: readonly string[],
  memberUserIds: readonly string[],
): AcknowledgementShare {
  const members = new Set(memberUserIds);
  const acknowledged = new Set(acknowledgedUserIds.filter((id) => members.has(id))).size;
  return {
    acknowledged,
    members: members.size,
    percent: members.size === 0 ? null : Math.round((acknowledged / members.size) * 1000) / 10,
  };
}
