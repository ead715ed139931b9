import { randomBytes, randomUUID } from 'node:crypto';

/** The time, injected so that tests can fix it. */
export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where a test puts it. */
export function createFixedClock(start: string | Date): Clock & { advance: (ms: number) => void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Random identifiers and tokens, injected like the clock. */
export interface Ids {
  uuid: () => string;
  /** A URL-safe random token of `bytes` random bytes. */
  token: (bytes?: number) => string;
}

export const randomIds: Ids = {
  uuid: () => randomUUID(),
  token: (bytes = 32) => randomBytes(bytes).toString('base64url'),
};
