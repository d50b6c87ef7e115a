/**
 * Long work as jobs: each has a kind, a progress (phase, done, total) and, at the end, a result or an error
 * envelope. The window polls jobs.get; finished jobs are kept for a while so a late poll still sees the outcome.
 */
import { randomBytes } from 'node:crypto';
import type { JobState } from '../../shared/contract/methods/jobs.js';
import { AppError, toEnvelope } from '../../shared/errors.js';
import type { Lang } from '../../shared/i18n/errors.js';

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

export type JobReporter = (p: JobProgress) => void;

interface JobRecord {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  progress: JobProgress;
  result?: unknown;
  error?: unknown;
  finishedAt?: number;
}

const KEEP_FINISHED_MS = 30 * 60 * 1000;

export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  /** Starts `work` at once and returns the job's id; `work` reports progress through its argument. */
  start(kind: string, work: (report: JobReporter) => Promise<unknown>): string {
    this.prune();
    const id = randomBytes(12).toString('hex');
    const job: JobRecord = { id, kind, state: 'running', progress: { phase: 'start', done: 0, total: 0 } };
    this.jobs.set(id, job);
    void (async () => {
      try {
        job.result = await work((p) => {
          job.progress = p;
        });
        job.state = 'done';
      } catch (err) {
        job.error = err;
        job.state = 'failed';
      } finally {
        job.finishedAt = Date.now();
      }
    })();
    return id;
  }

  get(id: string, lang: Lang): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', { path: 'jobId', params: { what: id } });
    return {
      id: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      ...(job.state === 'done' ? { result: job.result } : {}),
      ...(job.state === 'failed' ? { error: toEnvelope(job.error, lang) } : {}),
    };
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async wait(id: string, pollMs = 20): Promise<void> {
    while (this.jobs.get(id)?.state === 'running') await new Promise((r) => setTimeout(r, pollMs));
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== undefined && now - j.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
