/**
 * 导入项目库快照: choose or drop a .json/.csv/.xlsx file → upload with a progress bar → preview (file, format,
 * version against the local one, issuer and date, rows, the first valid rows, the rejected rows with reasons) →
 * confirm (跳过不合格行 when there are bad rows) → the job's progress → the result. The work lives in the importer
 * store: closing the dialog while importing does not stop it (ImportNotifier keeps showing the progress).
 */
import { CheckCircleFilled, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Descriptions, Empty, Modal, Progress, Spin, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowErrorView } from '../../../shared/contract/methods/library.js';
import { formatWanYuan } from '../../../shared/domain/money.js';
import type { ProjectSummary } from '../../../shared/domain/project.js';
import { useApi } from '../../api/client.js';
import { formatBytes } from '../../files.js';
import { formatCount, shanghaiDate } from '../../format.js';
import { ACCEPTED_EXTENSIONS, fileProblem, importPercent, useImporterStore, type ImportPreview, type JobProgress } from '../../stores/importer.js';
import { useUiStore } from '../../stores/ui.js';
import { STATUS_COLORS, useDomainLabels } from '../labels.js';

const SAMPLE_HEIGHT = 236;

/** The issue date as a calendar date when it is a full timestamp. */
function issuedDate(issuedAt: string): string {
  if (!issuedAt.includes('T')) return issuedAt;
  const d = new Date(issuedAt);
  return Number.isNaN(d.getTime()) ? issuedAt : shanghaiDate(d);
}

export function useRejectedColumns(): ColumnsType<RowErrorView> {
  const { t } = useTranslation();
  return [
    { key: 'row', dataIndex: 'row', title: t('importer.col.row'), width: 72, align: 'right' },
    { key: 'field', dataIndex: 'field', title: t('importer.col.field'), width: 170, ellipsis: { showTitle: true } },
    { key: 'code', dataIndex: 'code', title: t('importer.col.code'), width: 190, render: (c: string) => <span className="gd-mono">{c}</span> },
    { key: 'message', dataIndex: 'message', title: t('importer.col.message') },
  ];
}

export function RejectedTable({ rows, height = SAMPLE_HEIGHT }: { rows: RowErrorView[]; height?: number }) {
  const columns = useRejectedColumns();
  return (
    <Table<RowErrorView>
      className="gd-rejected-table"
      data-testid="rejected-rows"
      size="small"
      rowKey={(r) => `${r.row}:${r.field}:${r.code}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ y: height }}
    />
  );
}

function SampleTable({ rows }: { rows: ProjectSummary[] }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const columns: ColumnsType<ProjectSummary> = [
    { key: 'id', dataIndex: 'id', title: t('library.col.id'), width: 148, render: (id: string) => <span className="gd-mono">{id}</span> },
    { key: 'name', dataIndex: 'name', title: t('library.col.name'), ellipsis: { showTitle: true } },
    { key: 'owner', dataIndex: 'ownerName', title: t('library.col.owner'), ellipsis: { showTitle: true }, width: 200 },
    { key: 'district', dataIndex: 'district', title: t('library.col.district'), width: 80, render: (d: ProjectSummary['district']) => labels.district(d) },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('library.col.status'),
      width: 78,
      render: (s: ProjectSummary['status']) => (
        <Tag color={STATUS_COLORS[s]} variant="filled" style={{ marginInlineEnd: 0 }}>
          {labels.status(s)}
        </Tag>
      ),
    },
    {
      key: 'need',
      dataIndex: 'financingNeedFen',
      title: t('library.col.financingNeed'),
      width: 124,
      align: 'right',
      render: (fen: number) => <span className="gd-money">{formatWanYuan(fen)}</span>,
    },
  ];
  return (
    <Table<ProjectSummary>
      data-testid="sample-rows"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ y: SAMPLE_HEIGHT }}
    />
  );
}

function FileLine({ name, size, extra }: { name: string; size: number; extra?: ReactNode }) {
  return (
    <div className="gd-import-file">
      <FileOutlined aria-hidden />
      <span className="gd-import-file-name">{name}</span>
      <span className="gd-import-file-size">{formatBytes(size)}</span>
      {extra}
    </div>
  );
}

/** Why the confirm button is disabled, or null. */
export function blockedBy(preview: ImportPreview, skipInvalid: boolean): 'older' | 'empty' | 'rejected' | null {
  if (preview.localVersion !== null && preview.version < preview.localVersion) return 'older';
  if (preview.validRows === 0) return 'empty';
  if (preview.rejectedTotal > 0 && !skipInvalid) return 'rejected';
  return null;
}

function PreviewView({ preview, size }: { preview: ImportPreview; size: number }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const skipInvalid = useImporterStore((s) => s.skipInvalid);
  const setSkipInvalid = useImporterStore((s) => s.setSkipInvalid);
  const n = (v: number) => formatCount(v, lang);
  const older = preview.localVersion !== null && preview.version < preview.localVersion;
  const same = preview.localVersion !== null && preview.version === preview.localVersion;
  const bad = preview.rejectedTotal > 0;
  const [tab, setTab] = useState<string>(bad ? 'rejected' : 'sample');
  return (
    <div className="gd-import-preview" data-testid="import-preview">
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'file', label: t('importer.file'), span: 2, children: <FileLine name={preview.fileName} size={size} /> },
          { key: 'format', label: t('importer.format'), children: <Tag style={{ marginInlineEnd: 0 }}>{preview.format.toUpperCase()}</Tag> },
          {
            key: 'version',
            label: t('importer.version'),
            children: (
              <span data-testid="import-version" className={older ? 'gd-text-danger' : same ? 'gd-text-warning' : undefined}>
                {preview.localVersion === null
                  ? t('importer.versionLineNoLocal', { version: preview.version })
                  : t('importer.versionLine', { version: preview.version, local: preview.localVersion })}
              </span>
            ),
          },
          { key: 'issuer', label: t('importer.issuer'), children: preview.issuer || t('common.none') },
          { key: 'issuedAt', label: t('importer.issuedAt'), children: issuedDate(preview.issuedAt) || t('common.none') },
          {
            key: 'rows',
            label: t('importer.rows'),
            span: 2,
            children: (
              <span data-testid="import-rows">
                {t('importer.rowsLine', { total: n(preview.totalRows), valid: n(preview.validRows), rejected: n(preview.rejectedTotal) })}
              </span>
            ),
          },
        ]}
      />
      {older ? (
        <Alert
          type="error"
          showIcon
          className="gd-import-alert"
          title={t('importer.olderTitle')}
          description={t('importer.olderBody', { version: preview.version, local: preview.localVersion ?? '' })}
        />
      ) : same ? (
        <Alert type="warning" showIcon className="gd-import-alert" title={t('importer.sameTitle')} description={t('importer.sameBody', { version: preview.version })} />
      ) : null}
      {bad ? (
        <Alert
          type="warning"
          showIcon
          className="gd-import-alert"
          title={t('importer.rejectedTitle', { n: n(preview.rejectedTotal) })}
          description={t('importer.rejectedBody')}
        />
      ) : null}
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'sample',
            label: t('importer.sampleTab', { n: preview.sample.length }),
            children: preview.sample.length > 0 ? <SampleTable rows={preview.sample} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
          },
          {
            key: 'rejected',
            label: (
              <span className={bad ? 'gd-text-danger' : undefined}>{t('importer.rejectedTab', { n: n(preview.rejectedTotal) })}</span>
            ),
            children: bad ? (
              <>
                <RejectedTable rows={preview.rejected} />
                {preview.rejectedTotal > preview.rejected.length ? (
                  <Typography.Text type="secondary" className="gd-import-note">
                    {t('importer.rejectedTruncated', { shown: n(preview.rejected.length), total: n(preview.rejectedTotal) })}
                  </Typography.Text>
                ) : null}
              </>
            ) : (
              <Empty image={<CheckCircleFilled style={{ fontSize: 36, color: '#2f7d4f' }} />} description={t('importer.noRejected')} />
            ),
          },
        ]}
      />
      <div className="gd-import-skip">
        <Tooltip title={bad ? null : t('importer.skipInvalidNone')}>
          <Checkbox checked={skipInvalid} disabled={!bad} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="skip-invalid">
            {t('importer.skipInvalid')}
          </Checkbox>
        </Tooltip>
        <Typography.Text type="secondary">
          {bad ? t('importer.skipInvalidHint', { n: n(preview.validRows) }) : t('importer.skipInvalidNone')}
        </Typography.Text>
      </div>
    </div>
  );
}

function JobProgressView({ progress, totalRows }: { progress: JobProgress | null; totalRows: number }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const phase = progress?.phase ?? 'start';
  const known = ['start', 'read', 'validate', 'write', 'done'].includes(phase) ? phase : 'start';
  const label = t(`importer.phase_${known as 'start' | 'read' | 'validate' | 'write' | 'done'}`);
  const count =
    progress && progress.total > 0
      ? t('importer.progressOf', { done: formatCount(progress.done, lang), total: formatCount(progress.total, lang) })
      : progress && progress.done > 0
        ? t('importer.progressRows', { done: formatCount(progress.done, lang) })
        : '';
  return (
    <div className="gd-import-progress" data-testid="import-progress">
      <Progress percent={importPercent(progress, totalRows)} status="active" />
      <div className="gd-import-phase">
        <strong>{label}</strong>
        {count ? <span>{count}</span> : null}
      </div>
    </div>
  );
}

export function ImportDialog() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const s = useImporterStore();
  const [pickError, setPickError] = useState<string | null>(null);
  const n = (v: number) => formatCount(v, lang);

  const take = (file: File) => {
    const problem = fileProblem(file);
    if (problem === 'type') {
      setPickError(t('importer.badType', { name: file.name }));
      return;
    }
    if (problem === 'size') {
      setPickError(t('importer.tooLarge', { size: formatBytes(file.size) }));
      return;
    }
    setPickError(null);
    void s.pickFile(client, file);
  };

  const chooser = (
    <Upload.Dragger
      // The chooser offers only snapshot files; anything dropped still reaches beforeUpload, which says why not.
      accept={{ format: ACCEPTED_EXTENSIONS.join(','), filter: 'native' }}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        take(file);
        return false;
      }}
      data-testid="import-drop"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{t('importer.dropTitle')}</p>
      <p className="ant-upload-hint">{t('importer.dropHint')}</p>
    </Upload.Dragger>
  );

  let body: ReactNode;
  let footer: ReactNode;
  const cancel = (
    <Button key="cancel" onClick={s.closeDialog}>
      {t('common.cancel')}
    </Button>
  );
  switch (s.stage) {
    case 'pick':
      body = (
        <>
          {chooser}
          {pickError ? <Alert type="error" showIcon role="alert" className="gd-import-alert" title={pickError} /> : null}
          <Typography.Paragraph type="secondary" className="gd-import-note">
            {t('importer.replaceNote')}
          </Typography.Paragraph>
        </>
      );
      footer = cancel;
      break;
    case 'uploading':
    case 'reading':
      body = (
        <div className="gd-import-busy">
          <FileLine name={s.file?.name ?? ''} size={s.file?.size ?? 0} />
          {s.stage === 'uploading' ? (
            <>
              <Progress percent={s.file && s.file.size > 0 ? Math.floor((s.uploaded / s.file.size) * 100) : 0} status="active" />
              <Typography.Text type="secondary">
                {t('importer.uploading', { name: s.file?.name ?? '' })} · {formatBytes(s.uploaded)} / {formatBytes(s.file?.size ?? 0)}
              </Typography.Text>
            </>
          ) : (
            <Spin>
              <div className="gd-import-reading">{t('importer.reading', { name: s.file?.name ?? '' })}</div>
            </Spin>
          )}
        </div>
      );
      footer = cancel;
      break;
    case 'preview': {
      const preview = s.preview!;
      const why = blockedBy(preview, s.skipInvalid);
      const blocked =
        why === 'older'
          ? t('importer.blockedOlder')
          : why === 'empty'
            ? t('importer.blockedEmpty')
            : why === 'rejected'
              ? t('importer.blockedRejected', { n: n(preview.rejectedTotal) })
              : null;
      body = <PreviewView preview={preview} size={s.file?.size ?? 0} />;
      footer = (
        <div className="gd-import-footer">
          <span className="gd-import-blocked" role={blocked ? 'note' : undefined} data-testid="import-blocked">
            {blocked}
          </span>
          <Button onClick={s.reset}>{t('importer.chooseAnother')}</Button>
          {cancel}
          <Button type="primary" disabled={blocked !== null} onClick={() => void s.confirm(client)} data-testid="import-confirm">
            {preview.rejectedTotal > 0 ? t('importer.confirmN', { n: n(preview.validRows) }) : t('importer.confirm')}
          </Button>
        </div>
      );
      break;
    }
    case 'importing':
      body = (
        <div className="gd-import-busy">
          <FileLine name={s.file?.name ?? ''} size={s.file?.size ?? 0} />
          <JobProgressView progress={s.progress} totalRows={s.preview?.totalRows ?? 0} />
          <Typography.Text type="secondary">{t('importer.progressNote')}</Typography.Text>
        </div>
      );
      footer = (
        <Button
          onClick={() => {
            s.closeDialog();
            void message.info(t('importer.progressNote'));
          }}
        >
          {t('importer.background')}
        </Button>
      );
      break;
    case 'done': {
      const r = s.result!;
      const changed = r.inserted + r.updated + r.withdrawn > 0;
      const stats: [string, number, string][] = [
        [t('importer.inserted'), r.inserted, 'inserted'],
        [t('importer.updated'), r.updated, 'updated'],
        [t('importer.unchanged'), r.unchanged, 'unchanged'],
        [t('importer.withdrawn'), r.withdrawn, 'withdrawn'],
        [t('importer.skipped'), r.rejected.length, 'skipped'],
      ];
      body = (
        <div className="gd-import-result" data-testid="import-result">
          <div className="gd-import-result-head">
            <CheckCircleFilled className="gd-import-result-icon" aria-hidden />
            <div>
              <div className="gd-import-result-title">
                {changed ? t('importer.doneTitle', { version: r.version }) : t('importer.doneSame', { version: r.version })}
              </div>
              {s.file ? <FileLine name={s.file.name} size={s.file.size} /> : null}
            </div>
          </div>
          <div className="gd-import-stats">
            {stats.map(([label, value, key]) => (
              <div key={key} className={`gd-import-stat gd-import-stat-${key}${value === 0 ? ' gd-import-stat-zero' : ''}`} data-testid={`import-stat-${key}`}>
                <div className="gd-import-stat-value">{n(value)}</div>
                <div className="gd-import-stat-label">{label}</div>
              </div>
            ))}
          </div>
          {r.rejected.length > 0 ? (
            <>
              <Typography.Title level={3} className="gd-section-title">
                {t('importer.skippedRows')}
              </Typography.Title>
              <RejectedTable rows={r.rejected.slice(0, 1000)} height={180} />
            </>
          ) : null}
        </div>
      );
      footer = (
        <Button type="primary" onClick={s.closeDialog}>
          {t('common.done')}
        </Button>
      );
      break;
    }
    case 'failed': {
      const e = s.error!;
      const title = e.during === 'upload' ? t('importer.failedUpload') : e.during === 'preview' ? t('importer.failedPreview') : t('importer.failedImport');
      body = (
        <>
          {s.file ? <FileLine name={s.file.name} size={s.file.size} /> : null}
          <Alert
            type="error"
            showIcon
            role="alert"
            className="gd-import-alert"
            data-testid="import-error"
            title={title}
            description={
              <>
                {e.message} <span className="gd-mono">({e.code})</span>
              </>
            }
          />
          {e.rejected && e.rejected.length > 0 ? <RejectedTable rows={e.rejected} /> : null}
        </>
      );
      const canGoBack = e.during === 'import' && s.preview !== null && s.stagedId !== null;
      footer = (
        <div className="gd-import-footer">
          <span className="gd-import-blocked" />
          {canGoBack ? <Button onClick={s.backToPreview}>{t('importer.backToPreview')}</Button> : null}
          <Button onClick={s.reset}>{t('importer.chooseAnother')}</Button>
          <Button onClick={s.closeDialog}>{t('common.close')}</Button>
        </div>
      );
      break;
    }
  }

  return (
    <Modal
      open={s.open}
      title={t('importer.title')}
      onCancel={s.closeDialog}
      footer={footer}
      width={960}
      centered
      mask={{ closable: false }}
      destroyOnHidden
      className="gd-import-modal"
      afterClose={() => setPickError(null)}
    >
      {body}
    </Modal>
  );
}
