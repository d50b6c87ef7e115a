/** 授信申请: scoring, pricing and approval of green loans (not built yet: its empty state). */
import { ComingSoon } from '../shell/ComingSoon.js';

export function ApplicationsPage() {
  return <ComingSoon page="applications" />;
}
