/**
 * The payments grid: one editable row per payment, a box that takes rows pasted from Excel (also a paste anywhere
 * on the grid), the parse errors of each row, and the live flags that concern each payment beside it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ClipboardEvent, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { usccProblem } from '../../shared/domain/uscc.js';
import { PURPOSE_NAMES_ZH } from '../../shared/postloan/engine.js';
import { PURPOSES, type Purpose } from '../../shared/postloan/rules.js';
import { EvidenceCell } from './Evidence.js';
import { FlagMarks } from './FlagMarks.js';
import type { FlagView } from './model.js';
import { emptyRow, nextPaymentId, parsePaste, type PaymentField, type PaymentRow } from './paste.js';

export const PURPOSE_OPTIONS = PURPOSES.map((p) => ({ value: p, label: PURPOSE_NAMES_ZH[p] }));

interface Props {
  loanId: string;
  rows: PaymentRow[];
  onChange: (rows: PaymentRow[]) => void;
  flagsFor: (paymentId: string) => FlagView[];
}

export function PaymentsGrid({ loanId, rows, onChange, flagsFor }: Props) {
  const { t } = useTranslation();
  const [pasteText, setPasteText] = useState('');
  const [pasteSummary, setPasteSummary] = useState<{ ok: number; bad: number } | null>(null);

  const set = (key: string, patch: Partial<PaymentRow>, field?: PaymentField) =>
    onChange(rows.map((r) => {
      if (r.key !== key) return r;
      const errors = { ...r.errors };
      if (field) delete errors[field];
      delete errors.row;
      return { ...r, ...patch, errors };
    }));

  const addPasted = (text: string) => {
    // An empty first row (the one the form starts with) is replaced by what was pasted.
    const keep = rows.filter((r) => r.date || r.amountYuan || r.payeeName || r.invoiceNo);
    const parsed = parsePaste(text, keep);
    if (!parsed.length) return;
    onChange([...keep, ...parsed]);
    setPasteSummary({ ok: parsed.filter((r) => !Object.keys(r.errors).length).length, bad: parsed.filter((r) => Object.keys(r.errors).length).length });
  };

  const onGridPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return; // a single value: let the cell take it
    e.preventDefault();
    addPasted(text);
  };

  const errorText = (r: PaymentRow) =>
    Object.values(r.errors).map(([code, v]) => t(`postloan.paste.${code}`, { v })).join('；');

  const columns: ColumnsType<PaymentRow> = [
    {
      title: t('postloan.pay.id'), dataIndex: 'id', width: 70,
      render: (_, r) => <Input size="small" value={r.id} aria-label={t('postloan.pay.id')} onChange={(e) => set(r.key, { id: e.target.value })} />,
    },
    {
      title: t('postloan.pay.date'), dataIndex: 'date', width: 118,
      render: (_, r) => <Input size="small" value={r.date} placeholder="YYYY-MM-DD" status={r.errors.date ? 'error' : undefined} aria-label={t('postloan.pay.date')} onChange={(e) => set(r.key, { date: e.target.value }, 'date')} />,
    },
    {
      title: t('postloan.pay.amount'), dataIndex: 'amountYuan', width: 120,
      render: (_, r) => <Input size="small" value={r.amountYuan} status={r.errors.amountYuan ? 'error' : undefined} aria-label={t('postloan.pay.amount')} onChange={(e) => set(r.key, { amountYuan: e.target.value }, 'amountYuan')} />,
    },
    {
      title: t('postloan.pay.payee'), dataIndex: 'payeeName', width: 160,
      render: (_, r) => <Input size="small" value={r.payeeName} status={r.errors.payeeName ? 'error' : undefined} aria-label={t('postloan.pay.payee')} onChange={(e) => set(r.key, { payeeName: e.target.value }, 'payeeName')} />,
    },
    {
      title: t('postloan.pay.payeeUscc'), dataIndex: 'payeeUscc', width: 180,
      render: (_, r) => (
        <Input size="small" value={r.payeeUscc} maxLength={18} aria-label={t('postloan.pay.payeeUscc')}
          status={r.payeeUscc.trim() && usccProblem(r.payeeUscc.trim()) ? 'warning' : undefined}
          onChange={(e) => set(r.key, { payeeUscc: e.target.value.toUpperCase() }, 'payeeUscc')} />
      ),
    },
    {
      title: t('postloan.pay.account'), dataIndex: 'payeeAccount', width: 86,
      render: (_, r) => (
        <Select size="small" value={r.payeeAccount || undefined} status={r.errors.payeeAccount ? 'error' : undefined} aria-label={t('postloan.pay.account')} style={{ width: '100%' }}
          onChange={(v: 'corporate' | 'personal') => set(r.key, { payeeAccount: v }, 'payeeAccount')}
          options={[{ value: 'corporate', label: t('postloan.account.corporate') }, { value: 'personal', label: t('postloan.account.personal') }]} />
      ),
    },
    {
      title: t('postloan.pay.purpose'), dataIndex: 'purpose', width: 124,
      render: (_, r) => (
        <Select size="small" value={r.purpose || undefined} status={r.errors.purpose ? 'error' : undefined} aria-label={t('postloan.pay.purpose')} style={{ width: '100%' }}
          onChange={(v: Purpose) => set(r.key, { purpose: v }, 'purpose')} options={PURPOSE_OPTIONS} />
      ),
    },
    {
      title: t('postloan.pay.invoice'), dataIndex: 'invoiceNo', width: 110,
      render: (_, r) => <Input size="small" value={r.invoiceNo} aria-label={t('postloan.pay.invoice')} onChange={(e) => set(r.key, { invoiceNo: e.target.value }, 'invoiceNo')} />,
    },
    {
      title: t('postloan.pay.attachments'), dataIndex: 'attachments', width: 70,
      render: (_, r) => <InputNumber size="small" min={0} precision={0} value={r.attachments} aria-label={t('postloan.pay.attachments')} style={{ width: '100%' }} onChange={(v) => set(r.key, { attachments: typeof v === 'number' ? v : 0 }, 'attachments')} />,
    },
    {
      title: t('postloan.pay.flags'), key: 'flags', width: 190,
      render: (_, r) => (
        <div data-testid="payment-flags" data-payment={r.id}>
          <FlagMarks flags={flagsFor(r.id)} />
          {Object.keys(r.errors).length ? <Typography.Text type="danger" className="gd-row-error" data-testid="row-error">{errorText(r)}</Typography.Text> : null}
        </div>
      ),
    },
    {
      title: t('postloan.pay.evidence'), key: 'evidence', width: 170,
      render: (_, r) => (
        <EvidenceCell loanId={loanId} paymentRef={r.id} files={r.files}
          onAdded={(f) => onChange(rows.map((x) => (x.key === r.key ? { ...x, files: [...x.files, f], attachments: x.attachments + 1 } : x)))} />
      ),
    },
    {
      key: 'remove', width: 40,
      render: (_, r) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('postloan.form.remove')} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />,
    },
  ];

  return (
    <div onPaste={onGridPaste} data-testid="payments-grid">
      <Typography.Paragraph type="secondary">{t('postloan.form.paymentsHelp')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="payments-paste"
        rows={2}
        value={pasteText}
        placeholder={t('postloan.form.pastePlaceholder')}
        aria-label={t('postloan.form.pastePlaceholder')}
        onPaste={(e) => {
          e.stopPropagation();
          const text = e.clipboardData.getData('text/plain');
          if (!/[\t\n]/.test(text.trim())) return;
          e.preventDefault();
          addPasted(text);
        }}
        onChange={(e) => {
          const v = e.target.value;
          if (/\t/.test(v)) {
            addPasted(v);
            setPasteText('');
          } else setPasteText(v);
        }}
      />
      {pasteSummary ? (
        <Typography.Text type={pasteSummary.bad ? 'warning' : 'secondary'} data-testid="paste-summary">
          {t('postloan.form.pasted', pasteSummary)}
        </Typography.Text>
      ) : null}
      <Table<PaymentRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1500 }}
        rowClassName={(r) => (flagsFor(r.id).some((f) => f.severity === 'high') ? 'gd-row-flag-high' : flagsFor(r.id).length ? 'gd-row-flag' : '')}
        onRow={(r) => ({ 'data-payment': r.id }) as HTMLAttributes<HTMLElement>}
      />
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...rows, emptyRow(nextPaymentId(rows))])} style={{ marginTop: 8 }}>
        {t('postloan.form.addPayment')}
      </Button>
    </div>
  );
}
