/** Forgets what one user had open (list filters, a form being typed) before another user signs in. */
import { initialFormData, useApplicationFormStore } from './applicationForm.js';
import { initialApplicationsData, useApplicationsStore } from './applications.js';
import { useApplicationDraftStore } from './applicationDraft.js';
import { resetImporter } from './importer.js';
import { initialSyncData, useSyncStore } from './sync.js';

export function resetUserData(): void {
  useApplicationsStore.setState(initialApplicationsData);
  useApplicationFormStore.setState(initialFormData);
  useApplicationDraftStore.getState().clear();
  resetImporter();
  useSyncStore.setState(initialSyncData);
}
