/**
 * The one API contract: method name → zod input and output schemas. Every transport (Electron IPC, HTTP in
 * browser mode, in-process for tests and the CLI) goes through this map and one dispatch().
 */
import { z } from 'zod';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from '../domain/jiangmen.js';
import { libraryInfoSchema, projectSchema, projectSummarySchema } from '../domain/project.js';

const empty = z.object({}).strict();

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dbFile: z.string(),
      library: libraryInfoSchema.nullable(),
    }),
  },
  'library.list': {
    input: z
      .object({
        page: z.number().int().min(1).max(1_000_000).default(1),
        pageSize: z.number().int().min(1).max(500).default(50),
        library: z.enum(LIBRARIES).optional(),
        district: z.enum(DISTRICTS).optional(),
        category: z.enum(GREEN_CATEGORIES).optional(),
        status: z.enum(PROJECT_STATUSES).optional(),
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
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: projectSchema,
  },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
