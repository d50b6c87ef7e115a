import { AppError } from '../../../shared/errors.js';
import { Staging } from '../../services/staging.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export function fileHandlers({ dataDir }: AppContext): Pick<Handlers, 'files.stageBegin' | 'files.stageChunk' | 'files.stageEnd'> {
  const staging = new Staging(dataDir);
  return {
    'files.stageBegin': async ({ name, size }) => ({ stagedId: staging.begin(name, size) }),
    'files.stageChunk': async ({ stagedId, offset, dataBase64 }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new AppError('VALIDATION', { path: 'dataBase64', params: { detail: 'base64' } });
      return { received: staging.chunk(stagedId, offset, Buffer.from(dataBase64, 'base64')) };
    },
    'files.stageEnd': async ({ stagedId }) => ({ stagedId, ...(await staging.end(stagedId)) }),
  };
}
