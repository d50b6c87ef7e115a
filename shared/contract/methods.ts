/**
 * The one API contract: method name → zod input and output schemas. Every transport (Electron IPC, HTTP in
 * browser mode, in-process for tests and the CLI) goes through this map and one dispatch().
 */
import { z } from 'zod';
import { libraryInfoSchema } from '../domain/project.js';
import { fileMethods } from './methods/files.js';
import { jobMethods } from './methods/jobs.js';
import { libraryMethods } from './methods/library.js';

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
  ...libraryMethods,
  ...fileMethods,
  ...jobMethods,
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
