/** Marks every occurrence of the search text in a cell (case-insensitive for Latin letters, as the search is). */
import type { ReactNode } from 'react';

export function highlight(text: string, q: string): ReactNode {
  const needle = q.trim();
  if (!needle) return text;
  const hay = text.toLowerCase();
  const low = needle.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = hay.indexOf(low, from); at !== -1; at = hay.indexOf(low, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="gd-hit">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  if (parts.length === 0) return text;
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
