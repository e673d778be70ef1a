/** The text alternative every chart carries: a collapsible table under the chart. */
import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

export function TableAlternative({
  summary,
  caption,
  children,
}: {
  summary: string;
  caption: ReactNode;
  /** The table's thead/tbody. */
  children: ReactNode;
}) {
  return (
    <details>
      <summary>{summary}</summary>
      <ScrollRegion label={summary}>
        <table>
          <caption>{caption}</caption>
          {children}
        </table>
      </ScrollRegion>
    </details>
  );
}
