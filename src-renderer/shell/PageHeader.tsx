/** A page's title line: title, a one-line explanation, and optional content on the right. */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="gd-page-header">
      <div>
        <Typography.Title level={1} className="gd-page-title">
          {title}
        </Typography.Title>
        {subtitle ? <div className="gd-page-subtitle">{subtitle}</div> : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}
