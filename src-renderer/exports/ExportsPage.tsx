/** 报送导出: ledgers, disclosures and signed bundles (not built yet: its empty state). */
import { ComingSoon } from '../shell/ComingSoon.js';

export function ExportsPage() {
  return <ComingSoon page="exports" />;
}
