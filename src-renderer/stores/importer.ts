/**
 * Importing a library snapshot file from the window: stage the picked or dropped file in chunks
 * (files.stageBegin/stageChunk/stageEnd), preview it ('library.importPreview'), and on confirmation start the
 * import job ('library.importStart') and poll 'jobs.get' until it is done.
 *
 * The work lives here, not in the dialog: closing the dialog while the job runs does not stop it (the notifier
 * keeps showing its progress and the dialog can be reopened); closing it before confirming cancels the upload.
 * When the job is done the library list and the status (version, freshness) are refreshed.
 */
import { create } from 'zustand';
import { ApiError, type ApiClient } from '../../shared/contract/client.js';
import { MAX_STAGED_BYTES, STAGE_CHUNK_BYTES } from '../../shared/contract/methods/files.js';
import type { JobState } from '../../shared/contract/methods/jobs.js';
import type { ImportResult, RowErrorView } from '../../shared/contract/methods/library.js';
import type { Output } from '../../shared/contract/methods.js';
import { bytesToBase64 } from '../files.js';
import { useLibraryStore } from './library.js';
import { useStatusStore } from './status.js';

export type ImportPreview = Output<'library.importPreview'>;
export type JobProgress = JobState['progress'];

export type ImportStage = 'pick' | 'uploading' | 'reading' | 'preview' | 'importing' | 'done' | 'failed';

export interface ImportFailure {
  /** What failed: the upload, reading the file, or the import itself. */
  during: 'upload' | 'preview' | 'import';
  code: string;
  message: string;
  /** Rows at fault, when the error carries them (INVALID_ROWS). */
  rejected: RowErrorView[] | null;
}

export const ACCEPTED_EXTENSIONS = ['.json', '.csv', '.xlsx'] as const;
/** How often a running import job is polled. */
export const JOB_POLL_MS = 300;
/** Failed polls in a row before the window gives up on a job (it may still finish: the list shows it then). */
const MAX_POLL_FAILURES = 10;

interface ImporterData {
  open: boolean;
  stage: ImportStage;
  file: { name: string; size: number } | null;
  /** Bytes staged so far. */
  uploaded: number;
  stagedId: string | null;
  preview: ImportPreview | null;
  skipInvalid: boolean;
  jobId: string | null;
  progress: JobProgress | null;
  result: ImportResult | null;
  error: ImportFailure | null;
}

export interface ImporterState extends ImporterData {
  /** Opens the dialog: with a finished import shown, starts over unless `keep`. */
  openDialog(opts?: { keep?: boolean }): void;
  /** Closes the dialog: a running import goes on; an upload or a preview not yet confirmed is dropped. */
  closeDialog(): void;
  /** Back to choosing a file (drops the current file). */
  reset(): void;
  pickFile(client: ApiClient, file: File): Promise<void>;
  setSkipInvalid(skip: boolean): void;
  /** After a failed import, back to the preview of the same staged file (e.g. to tick 跳过不合格行). */
  backToPreview(): void;
  confirm(client: ApiClient): Promise<void>;
}

export const initialImporterData: ImporterData = {
  open: false,
  stage: 'pick',
  file: null,
  uploaded: 0,
  stagedId: null,
  preview: null,
  skipInvalid: false,
  jobId: null,
  progress: null,
  result: null,
  error: null,
};

/** Each file picked starts a run; work of an older run stops at its next step. */
let runId = 0;

class Superseded extends Error {}

function failure(during: ImportFailure['during'], err: unknown): ImportFailure {
  if (err instanceof ApiError) {
    const details = err.envelope.details as { rejected?: unknown } | undefined;
    const rejected = Array.isArray(details?.rejected) ? (details.rejected as RowErrorView[]) : null;
    return { during, code: err.code, message: err.message, rejected };
  }
  return { during, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), rejected: null };
}

export function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Why the file cannot be staged at all (type or size), or null. */
export function fileProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  if (!hasAcceptedExtension(file.name)) return 'type';
  if (file.size > MAX_STAGED_BYTES) return 'size';
  return null;
}

/**
 * Uploads a file in ≤ 4 MiB slices, each read with Blob.slice + arrayBuffer and sent as base64 at the offset the
 * server has acknowledged so far (strictly sequential). Returns the staged id.
 */
export async function stageFile(
  client: ApiClient,
  file: Blob & { name: string },
  onProgress: (sent: number) => void,
  stillWanted: () => boolean = () => true,
): Promise<string> {
  const { stagedId } = await client.call('files.stageBegin', { name: file.name, size: file.size });
  let offset = 0;
  while (offset < file.size) {
    if (!stillWanted()) throw new Superseded();
    const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + STAGE_CHUNK_BYTES)).arrayBuffer());
    const { received } = await client.call('files.stageChunk', { stagedId, offset, dataBase64: bytesToBase64(bytes) });
    offset = Math.max(offset + bytes.byteLength, received);
    onProgress(Math.min(offset, file.size));
  }
  if (!stillWanted()) throw new Superseded();
  await client.call('files.stageEnd', { stagedId });
  return stagedId;
}

/**
 * Overall progress of an import job, 0–100: reading is the first 5 %, validating up to 30 % (against the row count
 * the preview found), writing the rest.
 */
export function importPercent(progress: JobProgress | null, totalRows: number): number {
  if (!progress) return 0;
  const { phase, done, total } = progress;
  if (phase === 'done') return 100;
  if (phase === 'write') return Math.round(30 + 70 * (total > 0 ? Math.min(1, done / total) : 0));
  if (phase === 'validate') return Math.round(5 + 25 * (totalRows > 0 ? Math.min(1, done / totalRows) : 0));
  if (phase === 'read') return 3;
  return 1;
}

/** Forgets any import in progress in this window (its job goes on in the service); for sign-out and tests. */
export function resetImporter(): void {
  runId++;
  useImporterStore.setState({ ...initialImporterData });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const useImporterStore = create<ImporterState>()((set, get) => ({
  ...initialImporterData,

  openDialog(opts) {
    const { stage } = get();
    if (!opts?.keep && (stage === 'done' || stage === 'failed')) {
      runId++;
      set({ ...initialImporterData, open: true });
      return;
    }
    set({ open: true });
  },

  closeDialog() {
    const { stage } = get();
    if (stage === 'importing' || stage === 'done' || stage === 'failed') {
      set({ open: false });
      return;
    }
    runId++;
    set({ ...initialImporterData });
  },

  reset() {
    if (get().stage === 'importing') return;
    runId++;
    set({ ...initialImporterData, open: get().open });
  },

  async pickFile(client, file) {
    if (get().stage === 'importing') return;
    const run = ++runId;
    const wanted = () => run === runId;
    set({ ...initialImporterData, open: get().open, stage: 'uploading', file: { name: file.name, size: file.size } });
    let stagedId: string;
    try {
      stagedId = await stageFile(client, file, (uploaded) => wanted() && set({ uploaded }), wanted);
    } catch (err) {
      if (wanted() && !(err instanceof Superseded)) set({ stage: 'failed', error: failure('upload', err) });
      return;
    }
    if (!wanted()) return;
    set({ stage: 'reading', stagedId, uploaded: file.size });
    try {
      const preview = await client.call('library.importPreview', { stagedId });
      if (!wanted()) return;
      set({ stage: 'preview', preview, skipInvalid: false });
    } catch (err) {
      if (wanted()) set({ stage: 'failed', error: failure('preview', err) });
    }
  },

  setSkipInvalid: (skipInvalid) => set({ skipInvalid }),

  backToPreview() {
    const { stage, preview, stagedId, error } = get();
    if (stage !== 'failed' || !preview || !stagedId || error?.during !== 'import') return;
    set({ stage: 'preview', error: null, progress: null, jobId: null });
  },

  async confirm(client) {
    const { stage, stagedId, skipInvalid, preview } = get();
    if (stage !== 'preview' || !stagedId) return;
    const run = ++runId;
    set({ stage: 'importing', progress: { phase: 'start', done: 0, total: 0 }, error: null });
    let jobId: string;
    try {
      ({ jobId } = await client.call('library.importStart', { stagedId, skipInvalid }));
    } catch (err) {
      set({ stage: 'failed', error: failure('import', err) });
      return;
    }
    set({ jobId });
    let failures = 0;
    for (;;) {
      await sleep(JOB_POLL_MS);
      if (run !== runId) return;
      let job: JobState;
      try {
        job = await client.call('jobs.get', { jobId });
        failures = 0;
      } catch (err) {
        if (++failures < MAX_POLL_FAILURES) continue;
        set({ stage: 'failed', error: failure('import', err) });
        break;
      }
      if (run !== runId) return;
      if (job.state === 'running') {
        set({ progress: job.progress });
        continue;
      }
      if (job.state === 'done') {
        set({ stage: 'done', progress: job.progress, result: job.result as ImportResult });
      } else {
        const e = job.error ?? { code: 'INTERNAL', message: '' };
        const details = (e as { details?: { rejected?: unknown } }).details;
        const rejected = Array.isArray(details?.rejected)
          ? (details.rejected as RowErrorView[])
          : e.code === 'INVALID_ROWS' && preview
            ? preview.rejected
            : null;
        set({ stage: 'failed', progress: job.progress, error: { during: 'import', code: e.code, message: e.message, rejected } });
      }
      break;
    }
    // Whatever happened, show the library as it now is.
    void useLibraryStore.getState().load(client);
    void useStatusStore.getState().loadInfo(client);
  },
}));
