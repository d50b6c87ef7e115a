/** The page for the current navigation key. */
import type { ComponentType } from 'react';
import { ApplicationsPage } from '../applications/ApplicationsPage.js';
import { ChecksPage } from '../checks/ChecksPage.js';
import { ExportsPage } from '../exports/ExportsPage.js';
import { LibraryPage } from '../library/LibraryPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { SyncPage } from '../sync/SyncPage.js';
import { useUiStore, type PageKey } from '../stores/ui.js';

const PAGES: Record<PageKey, ComponentType> = {
  library: LibraryPage,
  applications: ApplicationsPage,
  checks: ChecksPage,
  exports: ExportsPage,
  sync: SyncPage,
  settings: SettingsPage,
};

export function PageOutlet() {
  const page = useUiStore((s) => s.page);
  const Page = PAGES[page];
  return <Page />;
}
