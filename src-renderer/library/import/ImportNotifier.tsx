/**
 * Keeps a library import visible while its dialog is closed: a notification with the job's progress that opens
 * the dialog again, then the result (or the failure) when it ends.
 */
import { App, Button, Progress } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format.js';
import { importPercent, useImporterStore } from '../../stores/importer.js';
import { useUiStore } from '../../stores/ui.js';

const KEY = 'gd-library-import';

export function ImportNotifier() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const open = useImporterStore((s) => s.open);
  const stage = useImporterStore((s) => s.stage);
  const progress = useImporterStore((s) => s.progress);
  const result = useImporterStore((s) => s.result);
  const error = useImporterStore((s) => s.error);
  const totalRows = useImporterStore((s) => s.preview?.totalRows ?? 0);
  const openDialog = useImporterStore((s) => s.openDialog);
  const prevStage = useRef(stage);

  useEffect(() => {
    const was = prevStage.current;
    prevStage.current = stage;
    if (open) {
      notification.destroy(KEY);
      return;
    }
    const view = (
      <Button size="small" type="link" onClick={() => openDialog({ keep: true })}>
        {t('common.view')}
      </Button>
    );
    if (stage === 'importing') {
      const phase = progress?.phase ?? 'start';
      const known = ['start', 'read', 'validate', 'write', 'done'].includes(phase) ? (phase as 'start' | 'read' | 'validate' | 'write' | 'done') : 'start';
      notification.open({
        key: KEY,
        title: t('importer.notifyProgress'),
        description: (
          <div data-testid="import-notification">
            <Progress percent={importPercent(progress, totalRows)} size="small" status="active" />
            <span className="gd-import-phase-small">
              {t(`importer.phase_${known}`)}
              {progress && progress.total > 0
                ? ` ${t('importer.progressOf', { done: formatCount(progress.done, lang), total: formatCount(progress.total, lang) })}`
                : ''}
            </span>
          </div>
        ),
        duration: 0,
        actions: view,
      });
    } else if (was === 'importing' && stage === 'done' && result) {
      notification.success({
        key: KEY,
        title: t('importer.notifyDone'),
        description: t('importer.notifyDoneBody', {
          version: result.version,
          inserted: formatCount(result.inserted, lang),
          updated: formatCount(result.updated, lang),
          unchanged: formatCount(result.unchanged, lang),
          withdrawn: formatCount(result.withdrawn, lang),
          skipped: formatCount(result.rejected.length, lang),
        }),
        duration: 8,
        actions: view,
      });
    } else if (was === 'importing' && stage === 'failed' && error) {
      notification.error({ key: KEY, title: t('importer.notifyFailed'), description: error.message, duration: 0, actions: view });
    }
  }, [open, stage, progress, result, error, totalRows, lang, t, notification, openDialog]);

  return null;
}
