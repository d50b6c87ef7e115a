import { addAttachment, readAttachment } from '../../services/attachments.js';
import { checkWithDb, saveCheck, shanghaiDate } from '../../services/checks.js';
import { addDisbursement, dueList, getLoan, loanTimeline, recordMeasure, registerLoan } from '../../services/loans.js';
import { Staging } from '../../services/staging.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

type CheckMethods =
  | 'loans.due' | 'loans.get' | 'loans.register' | 'loans.disburse' | 'loans.timeline' | 'checks.preview' | 'checks.save' | 'checks.addMeasure'
  | 'attachments.add' | 'attachments.get';

export function checkHandlers({ db, dataDir }: AppContext): Pick<Handlers, CheckMethods> {
  const staging = new Staging(dataDir);
  // Access rules in the contract guarantee a signed-in user for every method here.
  return {
    'loans.due': async ({ asOf }) => dueList(db, asOf ?? shanghaiDate(new Date().toISOString())),
    'loans.get': async ({ loanId }) => getLoan(db, loanId),
    'loans.register': async (t, { user }) => ({ loanId: registerLoan(db, user!, t) }),
    'loans.disburse': async ({ loanId, date, amountYuan }, { user }) => ({ id: addDisbursement(db, user!, loanId, date, amountYuan) }),
    'loans.timeline': async ({ loanId }) => ({ items: loanTimeline(db, loanId) }),
    'checks.preview': async ({ input }) => checkWithDb(db, input).result,
    'checks.save': async ({ input }, { user }) => {
      const { checkId, run } = saveCheck(db, user!, input);
      return { checkId, result: run.result };
    },
    'checks.addMeasure': async ({ checkId, measure, reason, deadline }, { user }) => ({ id: recordMeasure(db, user!, checkId, measure, reason, deadline) }),
    'attachments.add': async ({ loanId, paymentRef, kind, stagedId }, { user }) => {
      const stored = addAttachment(db, dataDir, user!, { loanId, paymentRef, kind, file: staging.get(stagedId) });
      staging.remove(stagedId);
      return stored;
    },
    'attachments.get': async ({ id }) => {
      const { content, ...meta } = readAttachment(db, dataDir, id);
      return { ...meta, contentBase64: content.toString('base64') };
    },
  };
}
