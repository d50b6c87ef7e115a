/** 设置: the language choice and what this installation is (app, database, library) from 'app.info'. */
import { Alert, Card, Descriptions, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/errors.js';
import { formatCount, formatDateTime } from '../format.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useStatusStore } from '../stores/status.js';
import { useUiStore } from '../stores/ui.js';
import { ModelVersions } from './ModelVersions.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const setLang = useUiStore((s) => s.setLang);
  const info = useStatusStore((s) => s.info);
  const infoError = useStatusStore((s) => s.infoError);
  const lib = info?.library ?? null;
  const none = t('common.none');

  return (
    <section aria-labelledby="gd-page-settings">
      <PageHeader title={<span id="gd-page-settings">{t('pages.settings.title')}</span>} subtitle={t('pages.settings.subtitle')} />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card variant="outlined" size="small" title={t('pages.settings.language')}>
          <Radio.Group
            aria-label={t('pages.settings.language')}
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
            optionType="button"
            options={[
              { label: t('lang.zh'), value: 'zh-CN' },
              { label: t('lang.en'), value: 'en' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('pages.settings.languageHint')}
          </Typography.Paragraph>
        </Card>
        <Card variant="outlined" size="small" title={t('pages.settings.about')}>
          {infoError ? <Alert type="error" showIcon title={infoError} style={{ marginBottom: 12 }} /> : null}
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'app', label: t('pages.settings.appVersion'), children: info?.appVersion ?? none },
              { key: 'db', label: t('pages.settings.dbFile'), children: info ? <span className="gd-mono">{info.dbFile}</span> : none },
              { key: 'schema', label: t('pages.settings.schemaVersion'), children: info?.schemaVersion ?? none },
              { key: 'libVersion', label: t('pages.settings.libraryVersion'), children: lib?.version ?? none },
              { key: 'count', label: t('pages.settings.projectCount'), children: lib ? formatCount(lib.projectCount, lang) : none },
              { key: 'issuer', label: t('pages.settings.issuer'), children: lib?.issuer ?? none },
              { key: 'issuedAt', label: t('pages.settings.issuedAt'), children: lib ? formatDateTime(lib.issuedAt, lang) : none },
              { key: 'syncedAt', label: t('pages.settings.syncedAt'), children: lib ? formatDateTime(lib.syncedAt, lang) : none },
              { key: 'source', label: t('pages.settings.source'), children: lib ? t(`freshness.source_${lib.source}`) : none },
            ]}
          />
        </Card>
        <ModelVersions />
        <Alert type="info" showIcon title={t('pages.settings.more')} />
      </Space>
    </section>
  );
}
