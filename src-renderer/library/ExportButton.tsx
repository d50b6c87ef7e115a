/** 导出: the current filters and search as XLSX or CSV ('library.export'), saved through a download. */
import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { base64ToBytes, saveFile } from '../files.js';
import { formatCount } from '../format.js';
import { currentFilter, useLibraryStore } from '../stores/library.js';
import { useUiStore } from '../stores/ui.js';

type Format = 'xlsx' | 'csv';

export function ExportButton() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const total = useLibraryStore((s) => s.total);
  const [busy, setBusy] = useState<Format | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    try {
      const res = await client.call('library.export', { ...currentFilter(useLibraryStore.getState()), format });
      saveFile(res.fileName, new Blob([base64ToBytes(res.contentBase64)], { type: res.mimeType }));
      void message.success(t('library.exported', { n: formatCount(res.rows, lang), file: res.fileName }));
    } catch (err) {
      void message.error(t('library.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      disabled={busy !== null}
      menu={{
        items: [
          {
            type: 'group',
            key: 'what',
            label: <div className="gd-export-hint">{t('library.exportHint', { n: formatCount(total, lang) })}</div>,
            children: [
              { key: 'xlsx', icon: <FileExcelOutlined />, label: t('library.exportXlsx') },
              { key: 'csv', icon: <FileTextOutlined />, label: t('library.exportCsv') },
            ],
          },
        ],
        onClick: ({ key }) => void run(key as Format),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} data-testid="library-export">
        {t('library.export')}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
