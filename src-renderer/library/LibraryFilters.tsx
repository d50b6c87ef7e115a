/** Filters of the 项目库 page (所属库, 区域, 绿色分类, 状态); each change refetches from page 1. */
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from '../../shared/domain/jiangmen.js';
import { useLibraryStore } from '../stores/library.js';
import { useDomainLabels } from './labels.js';

export function LibraryFilters() {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const filters = useLibraryStore((s) => s.filters);
  const setFilter = useLibraryStore((s) => s.setFilter);
  const resetFilters = useLibraryStore((s) => s.resetFilters);
  const any = Object.keys(filters).length > 0;
  return (
    <div className="gd-filters" role="search" aria-label={t('library.filters')}>
      <Select
        allowClear
        aria-label={t('library.col.library')}
        placeholder={t('library.allLibraries')}
        value={filters.library}
        onChange={(v) => setFilter('library', v)}
        options={LIBRARIES.map((k) => ({ value: k, label: labels.library(k) }))}
      />
      <Select
        allowClear
        aria-label={t('library.col.district')}
        placeholder={t('library.allDistricts')}
        value={filters.district}
        onChange={(v) => setFilter('district', v)}
        options={DISTRICTS.map((d) => ({ value: d, label: labels.district(d) }))}
      />
      <Select
        allowClear
        aria-label={t('library.col.category')}
        placeholder={t('library.allCategories')}
        value={filters.category}
        onChange={(v) => setFilter('category', v)}
        options={GREEN_CATEGORIES.map((k) => ({ value: k, label: labels.category(k) }))}
        style={{ minWidth: 190 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={t('library.col.status')}
        placeholder={t('library.allStatuses')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={PROJECT_STATUSES.map((k) => ({ value: k, label: labels.status(k) }))}
      />
      <Button onClick={resetFilters} disabled={!any}>
        {t('library.resetFilters')}
      </Button>
    </div>
  );
}
