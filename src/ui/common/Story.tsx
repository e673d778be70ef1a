/** A narrative section: heading, paragraphs, the view it explains, and its readers' questions. */
import { memo, type ReactNode } from 'react';
import type { SectionId } from '../text/narrative';
import { useNarrative, useStrings } from '../text/TextContext';

export const Story = memo(function Story({
  id,
  children,
}: {
  id: SectionId;
  children?: ReactNode;
}) {
  const t = useStrings();
  const section = useNarrative()[id];
  return (
    <section className="story" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1}>
        {section.heading}
      </h2>
      {section.paragraphs.map((p, i) => (
        <p key={i} className="prose">
          {p}
        </p>
      ))}
      {children}
      {section.qa.length > 0 && (
        <aside className="qa" aria-label={`${section.heading}: Q&A`}>
          <dl>
            {section.qa.map((qa, i) => (
              <div key={i}>
                <dt>
                  <span className="qa-mark">{t.q}</span> {qa.q}
                </dt>
                <dd>
                  <span className="qa-mark">{t.a}</span> {qa.a}
                </dd>
              </div>
            ))}
          </dl>
        </aside>
      )}
    </section>
  );
});
