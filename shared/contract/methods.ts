/**
 * The one API contract: method name → zod input and output schemas. Every transport (Electron IPC, HTTP in
 * browser mode, in-process for tests and the CLI) goes through this map and one dispatch().
 */
import { z } from 'zod';
import { libraryInfoSchema } from '../domain/project.js';
import { applicationMethods } from './methods/applications.js';
import { authMethods } from './methods/auth.js';
import { checkMethods } from './methods/checks.js';
import { fileMethods } from './methods/files.js';
import { jobMethods } from './methods/jobs.js';
import { libraryMethods } from './methods/library.js';
import { syncMethods } from './methods/sync.js';

const empty = z.object({}).strict();

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dbFile: z.string(),
      library: libraryInfoSchema.nullable(),
      /** What the host offers beyond the services: Electron can save the current page as a PDF (printToPDF). */
      host: z.object({ pdf: z.boolean() }),
    }),
  },
  /** The page as shown, saved as an A4 PDF by the host (Electron's printToPDF; the print view shows only the sheet). */
  'app.printPdf': {
    access: 'user',
    input: z.object({ fileName: z.string().trim().min(1).max(120).regex(/^[^\\/:*?"<>|]+\.pdf$/i) }).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
  ...libraryMethods,
  ...fileMethods,
  ...jobMethods,
  ...authMethods,
  ...applicationMethods,
  ...checkMethods,
  ...syncMethods,
} as const;

/**
 * Who may call a method: 'public' (anyone holding the transport's access), 'user' (signed in), or the roles
 * allowed. A method that does not say is public.
 */
export type Access = 'public' | 'user' | readonly string[];
export function accessOf(method: Method): Access {
  const spec = contract[method] as { access?: Access };
  return spec.access ?? 'public';
}

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
