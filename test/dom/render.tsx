/** A tiny render helper over react-dom/client + act (no @testing-library). */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

const mounted: { root: Root; container: HTMLElement }[] = [];

export interface Rendered {
  container: HTMLElement;
  text(): string;
  rerender(ui: ReactNode): Promise<void>;
}

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => {
    root.render(ui);
  });
  return {
    container,
    text: () => document.body.textContent ?? '',
    rerender: async (next) => {
      await act(async () => {
        root.render(next);
      });
    },
  };
}

export async function cleanupRendered(): Promise<void> {
  while (mounted.length) {
    const m = mounted.pop()!;
    await act(async () => {
      m.root.unmount();
    });
    m.container.remove();
  }
  document.body.innerHTML = '';
}

/** Lets pending promises and effects run, inside act. */
export async function flush(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Polls until check() stops throwing (or returns true), flushing React between tries. */
export async function waitFor(check: () => unknown, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const r = check();
      if (r !== false) return;
      lastError = new Error('condition returned false');
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - start > timeoutMs) throw lastError;
    await flush(10);
  }
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('click: no element');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** The innermost elements whose own text equals `text`. */
export function byText(text: string, root: ParentNode = document.body): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (el) => el.textContent?.trim() === text && Array.from(el.children).every((c) => c.textContent?.trim() !== text),
  );
}
