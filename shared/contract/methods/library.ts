/** Contract: the project library (browse, search, history, import, export). */
import { z } from 'zod';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from '../../domain/jiangmen.js';
import { projectSchema, projectSummarySchema } from '../../domain/project.js';

export const libraryFilterSchema = z.object({
  /** Any substring of a name, owner, ID or the owner's credit code; pinyin initials also match. */
  q: z.string().max(100).optional(),
  library: z.enum(LIBRARIES).optional(),
  district: z.enum(DISTRICTS).optional(),
  category: z.enum(GREEN_CATEGORIES).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** GB/T 4754 code prefix, e.g. "C30" or "D4415". */
  industryPrefix: z.string().regex(/^[A-Ta-t]\d{0,4}$/).optional(),
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

export const rowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type RowErrorView = z.infer<typeof rowErrorSchema>;

export const importResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  withdrawn: z.number().int(),
  rejected: z.array(rowErrorSchema),
  version: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const stagedId = z.string().regex(/^[a-f0-9]{32}$/);

export const libraryMethods = {
  'library.list': {
    access: 'user',
    input: libraryFilterSchema
      .extend({
        page: z.number().int().min(1).max(1_000_000).default(1),
        pageSize: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      total: z.number().int().nonnegative(),
      page: z.number().int(),
      pageSize: z.number().int(),
      items: z.array(projectSummarySchema),
    }),
  },
  'library.get': {
    access: 'user',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: projectSchema,
  },
  /** Every stored version of a project, newest first, with the fields that changed against the one before. */
  'library.history': {
    access: 'user',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({
      items: z.array(z.object({ libraryVersion: z.number().int(), changed: z.array(z.string()), project: projectSchema })),
    }),
  },
  /** Reads a staged snapshot file and reports what importing it would do, changing nothing. */
  'library.importPreview': {
    access: 'user',
    input: z.object({ stagedId }).strict(),
    output: z.object({
      fileName: z.string(),
      format: z.enum(['json', 'csv', 'xlsx']),
      version: z.number().int(),
      issuer: z.string(),
      issuedAt: z.string(),
      localVersion: z.number().int().nullable(),
      totalRows: z.number().int(),
      validRows: z.number().int(),
      sample: z.array(projectSummarySchema),
      rejected: z.array(rowErrorSchema),
      rejectedTotal: z.number().int(),
    }),
  },
  /** Starts importing a staged snapshot as a background job; poll jobs.get for progress and the ImportResult. */
  'library.importStart': {
    access: 'user',
    input: z.object({ stagedId, skipInvalid: z.boolean().default(false) }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** The filtered library as a spreadsheet (cells neutralised so Excel never evaluates them). */
  'library.export': {
    access: 'user',
    input: libraryFilterSchema.extend({ format: z.enum(['xlsx', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), rows: z.number().int() }),
  },
} as const;
