/** The footer status bar: database, online/offline, library version, sync (SyncIndicator), app version. */
import { Badge, Tooltip } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format.js';
import { useStatusStore } from '../stores/status.js';
import { useUiStore } from '../stores/ui.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';

export function StatusBar() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const info = useStatusStore((s) => s.info);
  const infoError = useStatusStore((s) => s.infoError);
  const online = useStatusStore((s) => s.online);
  const library = info?.library ?? null;

  return (
    <div className="gd-statusbar" role="status" aria-label={t('status.label')}>
      <span className="gd-statusbar-item">
        <DatabaseOutlined aria-hidden />
        {info ? t('status.db', { file: info.dbFile }) : t('status.dbUnknown')}
      </span>
      <span className="gd-statusbar-item">
        <Badge status={online ? 'success' : 'error'} />
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span className="gd-statusbar-item">
        {library
          ? t('status.libraryVersion', { version: library.version, n: formatCount(library.projectCount, lang) })
          : t('status.libraryNone')}
      </span>
      <SyncIndicator />
      {infoError ? (
        <Tooltip title={infoError}>
          <span className="gd-statusbar-item" style={{ color: '#c0392b' }}>
            {t('status.infoError', { message: infoError })}
          </span>
        </Tooltip>
      ) : null}
      <span className="gd-statusbar-spacer" />
      {info ? <span className="gd-statusbar-item">{t('status.appVersion', { version: info.appVersion })}</span> : null}
    </div>
  );
}
