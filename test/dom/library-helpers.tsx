/** Helpers for the 项目库 tests: rendering with a client and antd's App, typing, pages of fake projects. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { act, type ReactNode } from 'react';
import type { ApiClient } from '../../shared/contract/client.js';
import type { Input, Output } from '../../shared/contract/methods.js';
import type { ProjectSummary } from '../../shared/domain/project.js';
import { ApiContext } from '../../src-renderer/api/client.js';
import '../../src-renderer/i18n.js';
import { summary } from './fake-client.js';
import { render, type Rendered } from './render.js';

export function renderWith(client: ApiClient, ui: ReactNode): Promise<Rendered> {
  return render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiContext.Provider value={client}>{ui}</ApiContext.Provider>
      </AntApp>
    </ConfigProvider>,
  );
}

/** Types into an input the way a browser does (React sees an input event with the new value). */
export async function typeInto(input: Element | null | undefined, value: string): Promise<void> {
  if (!input) throw new Error('typeInto: no input');
  await act(async () => {
    const el = input as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function keyDown(el: Element | null | undefined, key: string, init: KeyboardEventInit = {}): Promise<void> {
  if (!el) throw new Error('keyDown: no element');
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

export function tableRows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="library-table"] .gd-table-row'));
}

export function searchInput(): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>('input[aria-label="搜索项目库"]');
  if (!el) throw new Error('no search box');
  return el;
}

/** A promise with its resolve, to answer a call when the test says so. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A fake 'library.list' over `total` projects; q, when given, keeps the projects whose name contains it. */
export function listOf(total: number, make: (i: number) => ProjectSummary = (i) => summary(i + 1)) {
  const all = Array.from({ length: total }, (_, i) => make(i));
  return (input: Input<'library.list'>): Output<'library.list'> => {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 50;
    const matching = input.q ? all.filter((p) => p.name.includes(input.q!) || p.ownerName.includes(input.q!)) : all;
    return { total: matching.length, page, pageSize, items: matching.slice((page - 1) * pageSize, page * pageSize) };
  };
}
