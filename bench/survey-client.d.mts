import type { ChildProcess } from 'node:child_process';
import type { Agent } from 'node:http';

export const THANKS: string;
export const root: string;
export const UNLIMITED: Record<string, string>;

export function loadOptions(): {
  values: { concurrency: string; duration: string; warmup: string; runs: string };
  load: { concurrency: number; warmupMs: number; durationMs: number };
};
export function cpuMs(pid: number | undefined): number;
export function runNode(args: string[], env?: Record<string, string>): Promise<string>;
export function removeDatabase(file: string): void;
export function prepareSurveyDatabase(
  file: string,
): Promise<{ roundId: string; iit: string; eit: string }>;
export function freePort(): Promise<number>;

export interface StartedServer {
  child: ChildProcess;
  base: string;
  port: number;
  /** Sends the signal (SIGTERM unless told) unless the process has ended, and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  output: () => string;
}
export function startProcess(
  args: string[],
  port: number,
  env?: Record<string, string>,
): Promise<StartedServer>;
export function startProngsai(
  file: string,
  port: number,
  env?: Record<string, string>,
): Promise<StartedServer>;

export function learnLastStep(
  base: string,
  code: string,
): Promise<{ items: number; cookie: string; bodyFor: (nonce: string) => string }>;
export function nonces(): () => string;
export function postBody(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  cookie?: string,
): Promise<{ status: number; body: string }>;
