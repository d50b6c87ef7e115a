/** Measures taken after a saved check (checks.addMeasure): kind, reason, and a deadline for rectification. */
import { Alert, App, Button, Card, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS } from '../../shared/contract/methods/checks.js';
import { addDays } from '../../shared/scoring/dates.js';
import { useApi } from '../api/client.js';
import { parseDate } from './paste.js';

type Kind = (typeof MEASURE_KINDS)[number];

export function MeasuresPanel({ checkId, verdict, asOf, onAdded }: { checkId: number; verdict: string; asOf: string; onAdded?: () => void }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>(verdict === 'suspected_misuse' ? 'disbursement_suspended' : verdict === 'needs_rectification' ? 'rectification_deadline' : 'warning');
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState(() => (parseDate(asOf) ? addDays(asOf, 30) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: number; kind: Kind; reason: string; deadline: string | null }[]>([]);

  const add = async () => {
    if (!reason.trim()) return setProblem(t('postloan.measures.reasonRequired'));
    const d = deadline.trim() ? parseDate(deadline) : null;
    if (kind === 'rectification_deadline' && !d) return setProblem(t('postloan.measures.deadlineRequired'));
    setProblem(null);
    setBusy(true);
    try {
      const out = await client.call('checks.addMeasure', { checkId, measure: kind, reason: reason.trim(), deadline: d });
      setDone((xs) => [...xs, { id: out.id, kind, reason: reason.trim(), deadline: d }]);
      setReason('');
      void message.success(t('postloan.measures.done'));
      onAdded?.();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('postloan.measures.title', { id: checkId })} style={{ marginTop: 12 }} data-testid="measures-panel">
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('postloan.measures.kind')} htmlFor="ms-kind">
          <Select id="ms-kind" value={kind} onChange={setKind} options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`postloan.measures.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('postloan.measures.reason')} htmlFor="ms-reason">
          <Input.TextArea id="ms-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('postloan.measures.deadline')} htmlFor="ms-deadline">
          <Input id="ms-deadline" placeholder="YYYY-MM-DD" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </Form.Item>
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} /> : null}
        <Button type="primary" loading={busy} onClick={() => void add()} block>
          {t('postloan.measures.add')}
        </Button>
      </Form>
      {done.length ? (
        <ul className="gd-flag-list">
          {done.map((m) => (
            <li key={m.id} data-testid="measure-item">
              <Tag color="red">{t(`postloan.measures.kinds.${m.kind}`)}</Tag> {m.reason} {m.deadline ? `（${t('postloan.timeline.deadline', { d: m.deadline })}）` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
