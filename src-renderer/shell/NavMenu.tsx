/** The side navigation: one entry per capability (antd Menu: arrow keys and Enter work). */
import {
  AuditOutlined,
  CloudSyncOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_KEYS, isPageKey, useUiStore, type PageKey } from '../stores/ui.js';

const ICONS: Record<PageKey, ReactNode> = {
  library: <DatabaseOutlined />,
  applications: <AuditOutlined />,
  checks: <FileSearchOutlined />,
  exports: <SendOutlined />,
  sync: <CloudSyncOutlined />,
  settings: <SettingOutlined />,
};

export function NavMenu() {
  const { t } = useTranslation();
  const page = useUiStore((s) => s.page);
  const setPage = useUiStore((s) => s.setPage);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[page]}
        onClick={({ key }) => {
          if (isPageKey(key)) setPage(key);
        }}
        items={PAGE_KEYS.map((key) => ({ key, icon: ICONS[key], label: t(`nav.${key}`) }))}
      />
    </nav>
  );
}
