/**
 * "Download a sample file" per format: generated from the toy shop when clicked (never at page
 * load), Amazon's and MovieLens' as their two files.
 */
import { sampleFiles } from '../../data/import/sampleFiles';
import { FORMATS, type FormatId } from '../../data/import/types';
import { download } from '../export/download';
import { useText } from '../text/TextContext';
import { IMPORT_STRINGS } from './strings';

/** How many files each format's sample has (known without generating them). */
export const PARTS: Record<FormatId, ('events' | 'meta')[] | null> = {
  taobao: null,
  amazon: ['events', 'meta'],
  movielens: ['events', 'meta'],
  generic: null,
};

function save(format: FormatId, part: number): void {
  const file = sampleFiles(format)[part];
  download(file.name, file.text, file.name.endsWith('.json') ? 'application/json' : 'text/csv');
}

export function SampleLinks() {
  const t = useText(IMPORT_STRINGS);
  return (
    <div className="import-samples">
      <h3>{t.samples}</h3>
      <p className="caption">{t.samplesHint}</p>
      <ul>
        {FORMATS.flatMap((f) =>
          (PARTS[f] ?? [null]).map((part, i) => (
            <li key={`${f}-${i}`}>
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  save(f, i);
                }}
              >
                {t.sample(t.formatNames[f], part ? t.sampleParts[part] : undefined)}
              </a>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
