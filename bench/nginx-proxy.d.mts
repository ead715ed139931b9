import type { ChildProcess } from 'node:child_process';

export const NGINX: string;
export function documentedNginxConfig(): string;
export function replaceOnce(text: string, placeholder: string, value: string): string;
export function nginxConf(
  dir: string,
  port: number,
  app: [number, number],
  options?: { workers?: number; edit?: (block: string) => string },
): string;
export function workerPids(master: number | undefined): number[];

export interface StartedNginx {
  child: ChildProcess;
  /** SIGQUIT (nginx finishes the requests it holds), then waits for the exit. */
  stop: () => Promise<void>;
  output: () => string;
}
export function startNginx(dir: string, conf: string, base: string): Promise<StartedNginx>;
