import { setTimeout as sleep } from 'node:timers/promises';
import type { JobQueue, JobStatus } from './job-queue.js';

/** Test support: waits until a job is no longer queued or running (at most 20 s). */
export async function settled(queue: JobQueue, id: string): Promise<JobStatus> {
  for (let i = 0; i < 200; i += 1) {
    const job = await queue.status(id);
    if (job && (job.state === 'done' || job.state === 'failed')) return job;
    await sleep(100);
  }
  throw new Error(`job ${id} did not finish`);
}
