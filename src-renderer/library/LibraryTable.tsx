/**
 * The 项目库 table: antd's virtual Table over the whole result (its length is the total), so only the rows on
 * screen exist in the DOM and the scroll bar is the real one for 100,000 projects. Pages of 200 rows are fetched
 * as rows come into view (see columns.tsx: rendered rows report themselves), a page ahead is prefetched, and rows
 * whose page has not arrived yet show as grey placeholders.
 *
 * Keyboard: every row is focusable; ↑/↓ move between rows (scrolling as needed), Enter opens the project.
 */
import { Empty, Table } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { isFiltered, LIBRARY_PAGE_SIZE, useLibraryStore, type LibraryRow } from '../stores/library.js';
import { useStatusStore } from '../stores/status.js';
import { COLUMNS_WIDTH, useProjectColumns, type RowTracker } from './columns.js';

/** Height of the table header row (small size), subtracted from the measured space to get the body height. */
const HEADER_HEIGHT = 40;
/** Body height when the space cannot be measured (tests, first paint). */
const DEFAULT_BODY_HEIGHT = 440;
/** Rows past the last visible one whose page is fetched ahead. */
const PREFETCH_ROWS = Math.round(LIBRARY_PAGE_SIZE / 4);
/** How often the visible range is turned into page requests while scrolling. */
const TRACK_MS = 60;

export interface LibraryTableProps {
  /** Opens a project; `from` is the row, to return the focus to when the drawer closes. */
  onOpen(id: string, from: HTMLElement | null): void;
}

export function LibraryTable({ onOpen }: LibraryTableProps) {
  const { t } = useTranslation();
  const client = useApi();
  // Arriving pages re-render the table in the background: scrolling (an urgent update) is never held up by it.
  const rows = useDeferredValue(useLibraryStore((s) => s.rows));
  const q = useLibraryStore((s) => s.q);
  const filters = useLibraryStore((s) => s.filters);
  const loading = useLibraryStore((s) => s.loading);
  const error = useLibraryStore((s) => s.error);
  const ensureRange = useLibraryStore((s) => s.ensureRange);
  const libraryImported = useStatusStore((s) => (s.info ? s.info.library !== null : true));

  const wrapRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<TableRef>(null);
  const [bodyHeight, setBodyHeight] = useState(DEFAULT_BODY_HEIGHT);

  // The table takes the space its wrapper gets from the page layout (flex), and follows window resizes.
  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => {
      const h = el.clientHeight;
      if (h > 0) setBodyHeight(Math.max(160, h - HEADER_HEIGHT));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Which rows are on screen: rendered rows register themselves; every TRACK_MS the range becomes page requests.
  const mounted = useRef(new Map<number, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastFirst = useRef(-1);
  const flush = useCallback(() => {
    timer.current = null;
    let min = Infinity;
    let max = -Infinity;
    for (const i of mounted.current.keys()) {
      if (i < min) min = i;
      if (i > max) max = i;
    }
    if (max < 0) return;
    // Dragging the scroll bar across thousands of rows: wait until it rests instead of fetching every page passed.
    const jumped = lastFirst.current >= 0 && Math.abs(min - lastFirst.current) > 2 * LIBRARY_PAGE_SIZE;
    lastFirst.current = min;
    if (jumped) {
      timer.current = setTimeout(flush, TRACK_MS * 2);
      return;
    }
    ensureRange(client, min, max + PREFETCH_ROWS);
  }, [client, ensureRange]);
  const schedule = useCallback(() => {
    if (timer.current === null) timer.current = setTimeout(flush, TRACK_MS);
  }, [flush]);
  const track = useCallback<RowTracker>(
    (index) => {
      const m = mounted.current;
      m.set(index, (m.get(index) ?? 0) + 1);
      schedule();
      return () => {
        const n = (m.get(index) ?? 1) - 1;
        if (n <= 0) m.delete(index);
        else m.set(index, n);
      };
    },
    [schedule],
  );
  // New rows (a new query's first page): ask again for what is on screen.
  useEffect(() => schedule(), [rows, schedule]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  // The focused row keeps the focus when its page arrives (the placeholder's element is replaced by the row's).
  const focusedIndex = useRef<number | null>(null);
  useEffect(() => {
    const index = focusedIndex.current;
    const holder = wrapRef.current;
    if (index === null || !holder) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    holder.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
  }, [rows]);

  // A new query starts at the top.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [q, filters]);

  const focusRow = useCallback((index: number) => {
    const holder = wrapRef.current;
    if (!holder || index < 0 || index >= useLibraryStore.getState().rows.length) return;
    const find = () => holder.querySelector<HTMLElement>(`[data-index="${index}"]`);
    tableRef.current?.scrollTo({ index, align: 'nearest' });
    const now = find();
    if (now) {
      now.focus({ preventScroll: true });
      return;
    }
    // A far row is rendered once the virtual list has scrolled to it (a few frames).
    let tries = 0;
    const retry = () => {
      const el = find();
      if (el) el.focus({ preventScroll: true });
      else if (++tries < 30) requestAnimationFrame(retry);
    };
    requestAnimationFrame(retry);
  }, []);

  const columns = useProjectColumns(q, track);

  const onRow = useCallback(
    (row: LibraryRow): HTMLAttributes<HTMLElement> => {
      const open = (el: HTMLElement | null) => {
        if (row.project) onOpen(row.project.id, el);
      };
      const props: Record<string, unknown> = {
        tabIndex: 0,
        'data-index': row.index,
        'aria-rowindex': row.index + 2,
        'aria-busy': row.project ? undefined : true,
        title: row.project ? t('library.openHint') : undefined,
        onClick: (e: { currentTarget: HTMLElement }) => open(e.currentTarget),
        onFocus: () => {
          focusedIndex.current = row.index;
        },
        onBlur: (e: { currentTarget: HTMLElement }) => {
          const el = e.currentTarget;
          // Blurred because the element was replaced (its page arrived): keep the index to focus the new one.
          setTimeout(() => {
            if (el.isConnected && focusedIndex.current === row.index) focusedIndex.current = null;
          }, 0);
        },
        onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
          if (e.target !== e.currentTarget) return;
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open(e.currentTarget);
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            focusRow(row.index + (e.key === 'ArrowDown' ? 1 : -1));
          } else if (e.key === 'PageDown' || e.key === 'PageUp') {
            e.preventDefault();
            const step = Math.max(1, Math.floor(bodyHeight / 34) - 1);
            focusRow(Math.max(0, Math.min(useLibraryStore.getState().rows.length - 1, row.index + (e.key === 'PageDown' ? step : -step))));
          } else if (e.key === 'Home' && e.ctrlKey) {
            e.preventDefault();
            focusRow(0);
          } else if (e.key === 'End' && e.ctrlKey) {
            e.preventDefault();
            focusRow(useLibraryStore.getState().rows.length - 1);
          }
        },
      };
      return props as HTMLAttributes<HTMLElement>;
    },
    [onOpen, focusRow, t, bodyHeight],
  );

  const filtered = isFiltered({ q, filters });
  return (
    <div className="gd-table-wrap" ref={wrapRef} data-testid="library-table">
      <Table<LibraryRow>
        ref={tableRef}
        virtual
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={{ spinning: loading, delay: 150 }}
        tableLayout="fixed"
        scroll={{ x: COLUMNS_WIDTH, y: bodyHeight }}
        pagination={false}
        rowClassName={(row) => (row.project ? 'gd-table-row' : 'gd-table-row gd-table-row-loading')}
        onRow={onRow}
        locale={{
          emptyText: loading ? (
            <div style={{ height: 120 }} />
          ) : error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.loadFailed')} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered || libraryImported ? t('library.empty') : t('library.emptyLibrary')} />
          ),
        }}
      />
    </div>
  );
}
