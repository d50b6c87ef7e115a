/** UI text of signing in, the first administrator, the idle lock and the user menu (English). */
import type { AuthCatalog } from './auth.zh-CN.js';

export const authEn: AuthCatalog = {
  title: 'Sign in',
  tagline: 'Jiangmen · green-credit scoring, differentiated pricing and post-loan checks',
  footer: 'Every score, decision and disbursement records who did it and when',
  username: 'User name',
  usernamePlaceholder: 'Your user name',
  password: 'Password',
  passwordPlaceholder: 'Your password',
  submit: 'Sign in',
  checking: 'Checking your session…',
  statusError: 'Cannot reach the app service',
  required: {
    username: 'Enter your user name',
    password: 'Enter your password',
  },
  notice: {
    expired: 'Your session has ended (idle too long or signed out); please sign in again.',
    signedOut: 'You have signed out.',
  },
  demo: {
    title: 'Demo database',
    body: 'Sign in with a demo account (click to fill in the user name); the password is {{password}} for all:',
  },
  roles: {
    loan_officer: 'Loan officer',
    approver: 'Approver',
    compliance: 'Compliance',
    admin: 'Administrator',
    system: 'System',
  },
  setup: {
    title: 'Create the first administrator',
    body: 'This database has no accounts yet. Create the administrator first; then open accounts for loan officers, approvers and compliance staff.',
    displayName: 'Full name',
    displayNamePlaceholder: 'e.g. System administrator',
    passwordHint: 'At least 8 characters; keep it safe',
    confirm: 'Confirm password',
    mismatch: 'The passwords do not match',
    tooShort: 'A password has at least 8 characters',
    submit: 'Create and sign in',
  },
  menu: {
    label: 'Signed in as {{name}}',
    lock: 'Lock screen',
    signOut: 'Sign out',
  },
  lock: {
    title: 'Screen locked',
    body: '{{name}}, you have been idle for more than {{minutes}} minutes, so the screen was locked to protect customer data. Enter your password to continue; unsaved form entries are kept.',
    placeholder: 'Password of {{user}}',
    submit: 'Unlock',
    switchUser: 'Sign out and switch user',
  },
};
