/** happy-dom setup for renderer tests: what antd expects from a browser, React's act environment, clean state. */
import { afterEach } from 'vitest';
import { useApplicationDraftStore } from '../../src-renderer/stores/applicationDraft.js';
import { resetImporter } from '../../src-renderer/stores/importer.js';
import { writeSessionId } from '../../src-renderer/api/session.js';
import { initialFormData, useApplicationFormStore } from '../../src-renderer/stores/applicationForm.js';
import { initialApplicationsData, useApplicationsStore } from '../../src-renderer/stores/applications.js';
import { initialAuthData, useAuthStore } from '../../src-renderer/stores/auth.js';
import { initialLibraryData, useLibraryStore } from '../../src-renderer/stores/library.js';
import { useSessionStore } from '../../src-renderer/stores/session.js';
import { useStatusStore } from '../../src-renderer/stores/status.js';
import { initialSyncData, useSyncStore } from '../../src-renderer/stores/sync.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { cleanupRendered } from './render.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: ResizeObserverStub });
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = ResizeObserverStub;
}

afterEach(async () => {
  await cleanupRendered();
  localStorage.clear();
  sessionStorage.clear();
  delete (window as { greendesk?: unknown }).greendesk;
  useUiStore.setState({ page: 'library', lang: 'zh-CN' });
  useSessionStore.setState({ auth: 'ok' });
  useStatusStore.setState({ info: null, infoError: null, online: true });
  useLibraryStore.setState(initialLibraryData);
  resetImporter();
  useApplicationDraftStore.setState({ project: null });
  useAuthStore.setState(initialAuthData);
  useApplicationsStore.setState(initialApplicationsData);
  useApplicationFormStore.setState(initialFormData);
  useSyncStore.setState(initialSyncData);
  writeSessionId(null);
});
