/** Table types for kysely. Columns are snake_case in SQL, camelCase here via CamelCasePlugin. */
import type { Generated } from 'kysely';

export interface LibraryStateTable {
  id: number; // always 1: one library copy per database
  version: number;
  issuer: string;
  issuedAt: string;
  syncedAt: string;
  source: string;
}

export interface ProjectTable {
  id: string;
  library: string;
  name: string;
  ownerName: string;
  ownerUscc: string;
  district: string;
  industryCode: string;
  category: string;
  totalInvestmentFen: number;
  financingNeedFen: number;
  carbonReductionT: number;
  energySavedTce: number;
  wasteUtilizedT: number;
  hazardousDisposedT: number;
  sourceDept: string;
  status: string;
  listedAt: string;
  updatedAt: string;
  libraryVersion: number;
  /** JSON list of the fields that changed in this version ([] for the first). */
  changed: Generated<string>;
}

export interface ProjectVersionTable {
  projectId: string;
  libraryVersion: number;
  /** A state the project had before its current one (copy-on-write history), as JSON of the Project shape. */
  data: string;
  /** JSON list of the field names that changed against the previous version ([] for the first). */
  changed: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updatedAt: Generated<string>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  disabled: number;
  createdAt: string;
}

export interface ApplicationTable {
  id: string;
  status: string;
  applicantName: string;
  applicantUscc: string;
  district: string;
  industryCode: string;
  amountFen: number;
  termMonths: number;
  projectId: string | null;
  projectVersion: number | null;
  input: string;
  latestScoreId: number | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScoreTable {
  id: Generated<number>;
  applicationId: string;
  modelId: string;
  input: string;
  inputHash: string;
  result: string;
  score: number;
  band: string;
  eligible: number;
  finalRateBps: number | null;
  projectId: string | null;
  projectVersion: number | null;
  createdBy: number;
  createdAt: string;
}

export interface ApplicationTransitionTable {
  id: Generated<number>;
  applicationId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: number;
  reason: string;
  at: string;
}

export interface ModelDocumentTable {
  id: string;
  kind: string;
  document: string;
  addedAt: string;
}

export interface Database {
  user: UserTable;
  application: ApplicationTable;
  score: ScoreTable;
  applicationTransition: ApplicationTransitionTable;
  modelDocument: ModelDocumentTable;
  libraryState: LibraryStateTable;
  project: ProjectTable;
  projectVersion: ProjectVersionTable;
  setting: SettingTable;
}
