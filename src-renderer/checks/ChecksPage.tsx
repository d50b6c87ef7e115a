/** 贷后检查: post-loan fund-usage checks (not built yet: its empty state). */
import { ComingSoon } from '../shell/ComingSoon.js';

export function ChecksPage() {
  return <ComingSoon page="checks" />;
}
