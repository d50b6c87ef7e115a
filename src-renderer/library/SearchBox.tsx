/**
 * The search box of the 项目库 page: answers as you type (debounced), never while an input method is still
 * composing (拼音 letters are not a search), at once on Enter. Ctrl+K (⌘K) or "/" anywhere focuses it; Esc in it
 * clears it.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryStore } from '../stores/library.js';

export const SEARCH_DEBOUNCE_MS = 200;

function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}

export function SearchBox() {
  const { t } = useTranslation();
  const text = useLibraryStore((s) => s.searchText);
  const setText = useLibraryStore((s) => s.setSearchText);
  const setQuery = useLibraryStore((s) => s.setQuery);
  const inputRef = useRef<InputRef>(null);
  const composing = useRef(false);
  const [compositionEnded, setCompositionEnded] = useState(0);

  useEffect(() => {
    if (composing.current) return;
    const timer = setTimeout(() => setQuery(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, compositionEnded, setQuery]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      inputRef.current?.focus({ cursor: 'all' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Input
      ref={inputRef}
      className="gd-search"
      type="search"
      role="searchbox"
      aria-label={t('library.search')}
      aria-keyshortcuts="Control+K /"
      placeholder={t('library.searchPlaceholder')}
      allowClear
      prefix={<SearchOutlined aria-hidden style={{ color: '#8a978f' }} />}
      suffix={text ? undefined : <kbd className="gd-kbd">{t('library.searchShortcut')}</kbd>}
      value={text}
      maxLength={100}
      onChange={(e) => setText(e.target.value)}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        setText(e.currentTarget.value);
        setCompositionEnded((n) => n + 1);
      }}
      onKeyDown={(e) => {
        if (composing.current || e.nativeEvent.isComposing) return;
        if (e.key === 'Enter') {
          setQuery(e.currentTarget.value);
        } else if (e.key === 'Escape' && text) {
          e.stopPropagation();
          setText('');
          setQuery('');
        }
      }}
    />
  );
}
