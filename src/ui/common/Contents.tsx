/**
 * The way around the page: a skip link to the training controls (the first thing a keyboard
 * reader reaches) and a table of contents of the lesson's sections, in the story's order.
 */
import { memo } from 'react';
import type { SectionId } from '../text/narrative';
import { useNarrative, useText } from '../text/TextContext';
import './contents.css';

/** The sections in page order; 'architecture' is the diagram's region, the rest are stories. */
const ORDER: readonly (SectionId | 'architecture')[] = [
  'attention',
  'architecture',
  'base',
  'din',
  'unit',
  'heatmap',
  'sequence',
  'dien',
  'evolution',
  'embeddings',
  'results',
  'takeaway',
];

const STRINGS = {
  en: { skip: 'Skip to the training controls', contents: 'Contents', architecture: 'Architecture' },
  zh: { skip: '跳到训练控制', contents: '目录', architecture: '模型结构' },
};

export function SkipLink() {
  const t = useText(STRINGS);
  return (
    <a className="skip-link" href="#training-h">
      {t.skip}
    </a>
  );
}

export const Contents = memo(function Contents() {
  const t = useText(STRINGS);
  const story = useNarrative();
  return (
    <nav className="contents" aria-label={t.contents}>
      <ol>
        {ORDER.map((id) => (
          <li key={id}>
            <a href={`#${id}`}>{id === 'architecture' ? t.architecture : story[id].heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
});
