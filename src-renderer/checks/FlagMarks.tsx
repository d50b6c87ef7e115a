/** Small red-flag markers shown beside the field, payment row or milestone a flag concerns; the message on hover. */
import { WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { SEVERITY_COLORS, type FlagView } from './model.js';

export function FlagMarks({ flags }: { flags: FlagView[] }) {
  if (!flags.length) return null;
  return (
    <span className="gd-flag-marks">
      {flags.map((f, i) => (
        <Tooltip key={`${f.code}-${i}`} title={f.message}>
          <Tag color={SEVERITY_COLORS[f.severity]} icon={<WarningFilled />} data-testid="flag-mark" data-code={f.code} data-severity={f.severity}>
            {f.code}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
