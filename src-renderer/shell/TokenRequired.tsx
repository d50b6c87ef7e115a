/** Full page shown in browser mode without a valid token: open the URL that `greendesk serve` printed. */
import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthState } from '../stores/session.js';

export function TokenRequired({ reason }: { reason: Exclude<AuthState, 'ok'> }) {
  const { t } = useTranslation();
  return (
    <main className="gd-fullpage">
      <Result
        status="warning"
        title={reason === 'missing' ? t('auth.missingTitle') : t('auth.unauthorizedTitle')}
        subTitle={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{t('auth.body')}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('auth.example')}</Typography.Text>
          </>
        }
      />
    </main>
  );
}
