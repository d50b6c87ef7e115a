/** Forgets what one user had open (list filters, a form being typed) before another user signs in. */
import { initialFormData, useApplicationFormStore } from './applicationForm.js';
import { initialApplicationsData, useApplicationsStore } from './applications.js';

export function resetUserData(): void {
  useApplicationsStore.setState(initialApplicationsData);
  useApplicationFormStore.setState(initialFormData);
}
