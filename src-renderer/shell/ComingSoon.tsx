/** The empty state of a capability that is not built yet: what will live there, in the UI language. */
import type { ReactNode } from 'react';
import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.js';

export type ComingSoonPage = 'applications' | 'checks' | 'exports';

export function ComingSoon({ page, children }: { page: ComingSoonPage; children?: ReactNode }) {
  const { t } = useTranslation();
  const features = t(`pages.${page}.features`, { returnObjects: true }) as readonly string[];
  return (
    <section aria-labelledby={`gd-page-${page}`}>
      <PageHeader title={<span id={`gd-page-${page}`}>{t(`pages.${page}.title`)}</span>} subtitle={t(`pages.${page}.subtitle`)} />
      {children}
      <Card variant="outlined">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <div className="gd-coming-soon">
              <Typography.Title level={2} style={{ fontSize: 16, marginBottom: 8 }}>
                {t(`pages.${page}.emptyTitle`)} <Tag color="green">{t('common.comingSoon')}</Tag>
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t(`pages.${page}.emptyBody`)}
              </Typography.Paragraph>
              <Typography.Text strong>{t('common.plannedTitle')}</Typography.Text>
              <ul>
                {features.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </div>
          }
        />
      </Card>
    </section>
  );
}
