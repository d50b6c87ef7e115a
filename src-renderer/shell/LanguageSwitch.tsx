/** 中文 / English switch; the choice is kept in the ui store (localStorage). */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/errors.js';
import { useUiStore } from '../stores/ui.js';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const setLang = useUiStore((s) => s.setLang);
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
