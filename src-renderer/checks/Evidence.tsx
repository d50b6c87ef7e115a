/**
 * Evidence of a payment: upload (staged in chunks like the library import, then attachments.add) and view. Images
 * are shown from a data: URL in an <img>; nothing is executed — other files (PDF included, which the app's CSP does
 * not let into a frame) are offered as a download.
 */
import { EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Select, Space, Spin, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { useApi } from '../api/client.js';
import { base64ToBytes, saveFile } from '../files.js';
import { stageFile } from '../stores/importer.js';

const KINDS = ['invoice', 'contract', 'site_photo', 'meter_reading', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Stored = { id: number; fileName: string; mime: string };

const PREVIEWABLE = /^image\/(png|jpeg|gif|webp|bmp)$/;

export function EvidenceCell({ loanId, paymentRef, files, onAdded }: { loanId: string; paymentRef: string; files: Stored[]; onAdded: (f: Stored) => void }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('invoice');
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const stagedId = await stageFile(client, file, () => {});
      const out = await client.call('attachments.add', { loanId, paymentRef, kind, stagedId });
      onAdded({ id: out.id, fileName: out.fileName, mime: out.mime });
      void message.success(t('postloan.evidence.uploaded', { name: out.fileName }));
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4} wrap>
      <Select size="small" value={kind} onChange={setKind} style={{ width: 96 }} aria-label={t('postloan.evidence.kind')}
        options={KINDS.map((k) => ({ value: k, label: t(`postloan.evidence.kinds.${k}`) }))} />
      <Upload showUploadList={false} disabled={!paymentRef.trim() || busy} beforeUpload={(f) => (void upload(f), false)}>
        <Tooltip title={paymentRef.trim() ? t('postloan.evidence.upload') : t('postloan.evidence.needLoan')}>
          <Button size="small" icon={busy ? <Spin size="small" /> : <UploadOutlined />} aria-label={t('postloan.evidence.upload')} data-testid="evidence-upload" />
        </Tooltip>
      </Upload>
      <EvidenceFiles files={files} />
    </Space>
  );
}

/** Files on record, each opened in the viewer (hash checked by the service as it reads them). */
export function EvidenceFiles({ files }: { files: Stored[] }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<Output<'attachments.get'> | null>(null);
  const view = async (id: number) => {
    try {
      setViewing(await client.call('attachments.get', { id }));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <>
      {files.map((f) => (
        <Button key={f.id} size="small" type="link" icon={<PaperClipOutlined />} onClick={() => void view(f.id)} data-testid="evidence-file">
          {f.fileName}
        </Button>
      ))}
      <Modal open={viewing !== null} onCancel={() => setViewing(null)} footer={null} width={760} destroyOnHidden
        title={viewing ? t('postloan.evidence.title', { name: viewing.fileName }) : ''}>
        {viewing ? <EvidenceView file={viewing} /> : null}
      </Modal>
    </>
  );
}

function EvidenceView({ file }: { file: Output<'attachments.get'> }) {
  const { t } = useTranslation();
  const download = () => saveFile(file.fileName, new Blob([base64ToBytes(file.contentBase64)], { type: 'application/octet-stream' }));
  return (
    <div data-testid="evidence-viewer">
      {PREVIEWABLE.test(file.mime) ? (
        <img src={`data:${file.mime};base64,${file.contentBase64}`} alt={file.fileName} style={{ maxWidth: '100%', maxHeight: '70vh' }} />
      ) : (
        <Typography.Paragraph type="secondary">{file.mime === 'application/pdf' ? t('postloan.evidence.pdfNote') : t('postloan.evidence.unsupported')}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        {file.mime} · {file.size.toLocaleString()} B · SHA-256 {file.sha256.slice(0, 16)}…
      </Typography.Paragraph>
      <Button icon={<EyeOutlined />} onClick={download}>
        {t('postloan.evidence.download')}
      </Button>
    </div>
  );
}
