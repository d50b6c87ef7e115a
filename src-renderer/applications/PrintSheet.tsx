/**
 * The printable score sheet: a clean A4 page (bank header, applicant, loan, the score card, pricing, blocks and
 * caps, the model id, the input hash, when and by whom it was scored, signature lines). Shown over the app as a
 * print preview; `@media print` hides everything else, so window.print() (and Electron's printToPDF, Chromium's
 * page.pdf()) give just the sheet.
 */
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { industryLabel } from '../../shared/domain/industry.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { useApi } from '../api/client.js';
import { base64ToBytes, saveFile } from '../files.js';
import { useStatusStore } from '../stores/status.js';
import { formatDateTime, formatQuantity } from '../format.js';
import { useDomainLabels } from '../library/labels.js';
import { useApplicationsStore, type ApplicationDetail } from '../stores/applications.js';
import { useUiStore } from '../stores/ui.js';
import { bpText, pricingLine, rateText, scoreText } from './format.js';
import { BandTag, Explanations, ScoreCardTable } from './ScoreCard.js';

export function PrintSheet() {
  const { t } = useTranslation();
  const client = useApi();
  const id = useApplicationsStore((s) => s.printId);
  const closePrint = useApplicationsStore((s) => s.closePrint);
  const { message } = App.useApp();
  // In Electron the host saves the page as a PDF itself; elsewhere the print dialog's "save as PDF" does.
  const canPdf = useStatusStore((s) => s.info?.host.pdf ?? false);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [state, setState] = useState<{ id: string; app: ApplicationDetail | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!id) return;
    let live = true;
    client.call('applications.get', { id }).then(
      (app) => live && setState({ id, app, error: null }),
      (err: unknown) => live && setState({ id, app: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  useEffect(() => {
    document.body.classList.add('gd-printing');
    return () => document.body.classList.remove('gd-printing');
  }, []);

  const current = state && state.id === id ? state : null;
  return createPortal(
    <div className="gd-print" role="region" aria-label={t('applications.print.toolbarTitle')}>
      <div className="gd-print-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={closePrint}>
          {t('applications.print.back')}
        </Button>
        <span className="gd-print-toolbar-title">{t('applications.print.toolbarTitle')}</span>
        {canPdf ? (
          <Button
            icon={<FilePdfOutlined />}
            loading={pdfBusy}
            disabled={!current?.app?.scores.length}
            data-testid="print-pdf"
            onClick={async () => {
              setPdfBusy(true);
              try {
                const r = await client.call('app.printPdf', { fileName: `评分单-${current!.app!.id}.pdf` });
                saveFile(r.fileName, new Blob([base64ToBytes(r.contentBase64)], { type: 'application/pdf' }));
                void message.success(t('applications.print.pdfSaved', { file: r.fileName }));
              } catch (err) {
                void message.error(t('applications.print.pdfFailed', { message: err instanceof Error ? err.message : String(err) }));
              } finally {
                setPdfBusy(false);
              }
            }}
          >
            {t('applications.print.pdf')}
          </Button>
        ) : null}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!current?.app?.scores.length}>
          {t('applications.print.print')}
        </Button>
      </div>
      <div className="gd-sheet" data-testid="score-sheet">
        {!current ? (
          <Skeleton active paragraph={{ rows: 16 }} />
        ) : current.error ? (
          <Alert type="error" showIcon title={current.error} />
        ) : current.app && current.app.scores.length > 0 ? (
          <SheetBody app={current.app} />
        ) : (
          <Alert type="warning" showIcon title={t('applications.print.noScore')} />
        )}
      </div>
    </div>,
    document.body,
  );
}

function SheetBody({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const lang = useUiStore((s) => s.lang);
  const score = app.scores[0]!;
  const r = score.result;
  const input = score.input;
  const p = r.pricing;
  const decided = [...app.transitions].reverse().find((tr) => tr.action === 'approve' || tr.action === 'reject');
  const submitted = [...app.transitions].reverse().find((tr) => tr.action === 'submit');
  const now = new Date().toISOString();
  const cell = (label: string, value: ReactNode) => (
    <>
      <th>{label}</th>
      <td>{value}</td>
    </>
  );
  return (
    <article className="gd-sheet-body">
      <header className="gd-sheet-header">
        <div className="gd-sheet-brand">
          <span className="gd-brand-mark" aria-hidden>
            绿
          </span>
          <div>
            <div className="gd-sheet-bank">{t('applications.print.bank')}</div>
            <div className="gd-sheet-bank-sub">{t('applications.print.bankSub')}</div>
          </div>
        </div>
        <div className="gd-sheet-ids">
          <div>
            {t('applications.print.applicationId')}：<span className="gd-mono">{app.id}</span>
          </div>
          <div>
            {t('applications.print.status')}：{t(`applications.status.${app.status}`)}
          </div>
          <div>
            {t('applications.print.printedAt')}：{formatDateTime(now, lang)}
          </div>
        </div>
      </header>
      <h1 className="gd-sheet-title">{t('applications.print.title')}</h1>

      <h2 className="gd-sheet-h2">{t('applications.print.sections.applicant')}</h2>
      <table className="gd-sheet-table">
        <tbody>
          <tr>{cell(t('applications.form.name'), input.applicant.name)}{cell(t('applications.form.uscc'), <span className="gd-mono">{input.applicant.uscc}</span>)}</tr>
          <tr>{cell(t('applications.form.district'), labels.district(input.applicant.district))}{cell(t('applications.print.industry'), industryLabel(input.applicant.industryCode))}</tr>
        </tbody>
      </table>

      <h2 className="gd-sheet-h2">{t('applications.print.sections.loan')}</h2>
      <table className="gd-sheet-table">
        <tbody>
          <tr>{cell(t('applications.col.amount'), formatWanYuan(app.amountFen))}{cell(t('applications.col.term'), t('applications.termMonths', { n: input.loan.termMonths }))}</tr>
          <tr>{cell(t('applications.form.greenCategory'), input.loan.greenCategory ? labels.category(input.loan.greenCategory) : '—')}{cell(t('applications.form.projectId'), input.loan.projectId ?? '—')}</tr>
          <tr>{cell(t('applications.form.spread'), bpText(input.loan.riskSpreadBps))}{cell(t('applications.form.asOf'), input.asOf)}</tr>
        </tbody>
      </table>

      <h2 className="gd-sheet-h2">{t('applications.print.sections.result')}</h2>
      <div className="gd-sheet-result">
        <div>
          <div className="gd-score-label">{t('applications.panel.score')}</div>
          <div className="gd-sheet-big">
            {scoreText(r.score)}
            <small>/100</small>
          </div>
        </div>
        <div>
          <div className="gd-score-label">{t('applications.panel.band')}</div>
          <BandTag band={r.band} large />
        </div>
        <div>
          <div className="gd-score-label">{t('applications.print.eligibility')}</div>
          <strong className={r.eligible ? 'gd-text-ok' : 'gd-text-bad'}>{r.eligible ? t('applications.panel.eligibleShort') : t('applications.panel.notEligible')}</strong>
        </div>
        <div>
          <div className="gd-score-label">{t('applications.panel.rate')}</div>
          <strong>{p ? pricingLine(p) : t('applications.panel.noPricing')}</strong>
        </div>
        <div>
          <div className="gd-score-label">{t('applications.panel.creditLine')}</div>
          <strong>{r.creditLineFactor.toFixed(1)}</strong>
        </div>
        <div>
          <div className="gd-score-label">{t('applications.panel.cerf')}</div>
          <strong>
            {r.cerf.eligible ? t('applications.panel.cerfYes', { t: formatQuantity(r.cerf.annualReductionT ?? 0, lang) }) : t('applications.panel.cerfNo')}
          </strong>
        </div>
      </div>

      <h2 className="gd-sheet-h2">{t('applications.print.sections.scoreCard')}</h2>
      <ScoreCardTable result={r} />

      <h2 className="gd-sheet-h2">{t('applications.print.sections.pricing')}</h2>
      {p ? (
        <table className="gd-sheet-table gd-sheet-pricing">
          <tbody>
            <tr>
              {cell(t('applications.print.lpr'), rateText(p.lprBps))}
              {cell(t('applications.print.riskSpread'), bpText(p.riskSpreadBps))}
              {cell(t('applications.print.bandAdjustment'), bpText(p.bandAdjustmentBps))}
            </tr>
            <tr>
              {cell(t('applications.print.libraryAdjustment'), bpText(p.libraryAdjustmentBps))}
              {cell(t('applications.print.floor'), p.floorApplied ? t('applications.print.floorYes') : t('applications.print.floorNo'))}
              {cell(t('applications.print.finalRate'), <strong>{rateText(p.finalRateBps)}</strong>)}
            </tr>
          </tbody>
        </table>
      ) : (
        <p>{t('applications.print.noPricingLong')}</p>
      )}

      <h2 className="gd-sheet-h2">{t('applications.print.sections.blocksCaps')}</h2>
      <Explanations result={r} />

      <h2 className="gd-sheet-h2">{t('applications.print.sections.record')}</h2>
      <table className="gd-sheet-table">
        <tbody>
          <tr>{cell(t('applications.print.model'), <span className="gd-mono">{score.modelId}</span>)}{cell(t('applications.print.scoredAt'), formatDateTime(score.createdAt, lang))}</tr>
          <tr>{cell(t('applications.print.inputHash'), <span className="gd-mono gd-hash">{score.inputHash}</span>)}{cell(t('applications.print.scoredBy'), score.createdBy)}</tr>
          <tr>
            {cell(t('applications.print.submittedBy'), submitted ? `${submitted.actor.displayName} · ${formatDateTime(submitted.at, lang)}` : '—')}
            {cell(t('applications.print.decidedBy'), decided ? `${decided.actor.displayName} · ${t(`applications.actions.${decided.action as 'approve'}`)} · ${formatDateTime(decided.at, lang)}` : '—')}
          </tr>
        </tbody>
      </table>

      <div className="gd-sheet-signatures">
        <div>
          <div>{t('applications.print.signOfficer')}</div>
          <div className="gd-sign-line" />
          <div className="gd-sign-date">{t('applications.print.signDate')}</div>
        </div>
        <div>
          <div>{t('applications.print.signApprover')}</div>
          <div className="gd-sign-line" />
          <div className="gd-sign-date">{t('applications.print.signDate')}</div>
        </div>
      </div>
      <footer className="gd-sheet-footer">{t('applications.print.footer', { model: score.modelId })}</footer>
    </article>
  );
}
