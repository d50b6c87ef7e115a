/**
 * Filters of the 项目库 page (所属库, 区域, 绿色分类, 状态, 行业代码前缀) and the reset. Each change starts a new
 * query from the top. The industry-code prefix is checked as typed (/^[A-T]\d{0,4}$/i) and only a valid one is sent.
 */
import { Button, Input, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from '../../shared/domain/jiangmen.js';
import { INDUSTRY_PREFIX_RE, isFiltered, useLibraryStore } from '../stores/library.js';
import { useDomainLabels } from './labels.js';

export function LibraryFilters() {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const filters = useLibraryStore((s) => s.filters);
  const q = useLibraryStore((s) => s.q);
  const searchText = useLibraryStore((s) => s.searchText);
  const prefixText = useLibraryStore((s) => s.prefixText);
  const setFilter = useLibraryStore((s) => s.setFilter);
  const setPrefixText = useLibraryStore((s) => s.setPrefixText);
  const resetFilters = useLibraryStore((s) => s.resetFilters);
  const prefixInvalid = prefixText.trim() !== '' && !INDUSTRY_PREFIX_RE.test(prefixText.trim());
  const any = isFiltered({ filters, q }) || searchText !== '' || prefixText !== '';
  return (
    <>
      <Select
        allowClear
        aria-label={t('library.col.library')}
        placeholder={t('library.allLibraries')}
        value={filters.library}
        onChange={(v) => setFilter('library', v)}
        options={LIBRARIES.map((k) => ({ value: k, label: labels.library(k) }))}
        className="gd-filter-wide"
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={t('library.col.district')}
        placeholder={t('library.allDistricts')}
        value={filters.district}
        onChange={(v) => setFilter('district', v)}
        options={DISTRICTS.map((d) => ({ value: d, label: labels.district(d) }))}
        className="gd-filter-narrow"
      />
      <Select
        allowClear
        aria-label={t('library.col.category')}
        placeholder={t('library.allCategories')}
        value={filters.category}
        onChange={(v) => setFilter('category', v)}
        options={GREEN_CATEGORIES.map((k) => ({ value: k, label: labels.category(k) }))}
        className="gd-filter-wide"
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={t('library.col.status')}
        placeholder={t('library.allStatuses')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={PROJECT_STATUSES.map((k) => ({ value: k, label: labels.status(k) }))}
        className="gd-filter-narrow"
      />
      <Tooltip
        title={prefixInvalid ? t('library.industryPrefixInvalid') : t('library.industryPrefixHint')}
        open={prefixInvalid ? true : undefined}
        placement="bottom"
        color={prefixInvalid ? '#c0392b' : undefined}
      >
        <Input
          className="gd-prefix"
          aria-label={t('library.industryPrefix')}
          aria-invalid={prefixInvalid}
          aria-describedby={prefixInvalid ? 'gd-prefix-error' : undefined}
          placeholder={t('library.industryPrefixPlaceholder')}
          status={prefixInvalid ? 'error' : undefined}
          value={prefixText}
          maxLength={5}
          allowClear
          onChange={(e) => setPrefixText(e.target.value)}
        />
      </Tooltip>
      {prefixInvalid ? (
        <span id="gd-prefix-error" className="gd-visually-hidden" role="alert">
          {t('library.industryPrefixInvalid')}
        </span>
      ) : null}
      <Button onClick={resetFilters} disabled={!any}>
        {t('library.resetFilters')}
      </Button>
    </>
  );
}
