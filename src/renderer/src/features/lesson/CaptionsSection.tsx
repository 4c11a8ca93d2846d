import { useState, type ReactNode } from 'react';
import { FileTrigger } from 'react-aria-components';
import { Captions, Trash2 } from 'lucide-react';
import { CAPTIONS_MAX_BYTES, captionDefaults, checkWebVtt } from '@shared/captions';
import { describeError } from '../../lib/errors';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { studio } from '../../studio';
import { Button, IconButton } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { AddCaptionsDialog, type PickedCaptions } from './CaptionsDialog';
import { quoted } from '../../ui/Quoted';
import './captions.css';

/** The lesson's WebVTT files, one per language, shipped with every package the lesson is published as. */
export function CaptionsSection({ lessonId, isDisabled }: { lessonId: string; isDisabled: boolean }) {
  const captions = useLiveQuery(() => studio.captions.list({ lessonId }), lessonId, [
    (listener) => studio.captions.onDidChange(({ lessonId: changed }) => changed === lessonId && listener()),
  ]);
  const [picked, setPicked] = useState<PickedCaptions | null>(null);
  const [pickError, setPickError] = useState<ReactNode>(null);
  const toast = useToast();
  const list = captions.data ?? [];

  async function pick(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setPickError(null);
    if (file.size > CAPTIONS_MAX_BYTES) {
      setPickError(quoted('', file.name, ' is larger than 2 MB; a captions file is usually much smaller.'));
      return;
    }
    const text = await file.text();
    const check = checkWebVtt(text);
    if (!check.ok) {
      setPickError(quoted('', file.name, ` is not a WebVTT captions file. ${check.message}.`));
      return;
    }
    setPicked({ fileName: file.name, text, ...captionDefaults(file.name) });
  }

  return (
    <section className="captions-section" aria-labelledby="captions-heading">
      <div className="captions-header">
        <h2 id="captions-heading" className="section-title">
          Captions
        </h2>
        <FileTrigger acceptedFileTypes={['.vtt', 'text/vtt']} onSelect={(files) => void pick(files)}>
          <Button variant="secondary" isDisabled={isDisabled}>
            <Captions size={16} aria-hidden="true" />
            Add captions (.vtt)…
          </Button>
        </FileTrigger>
      </div>
      {pickError !== null && (
        <p className="load-error" role="alert">
          {pickError}
        </p>
      )}
      {captions.error !== null && <p className="load-error">{describeError(captions.error)}</p>}
      {list.length > 0 ? (
        <ul className="captions-list" aria-label="Captions files">
          {list.map((caption) => (
            <li key={caption.id} className="caption-row">
              <span className="caption-row-main">
                <span className="caption-row-title">{caption.label}</span>
                <span className="take-meta">{caption.srclang}</span>
              </span>
              <IconButton
                aria-label={`Remove the ${caption.label} captions`}
                onPress={() =>
                  void studio.captions.remove({ id: caption.id }).catch((failure: unknown) => toast.error(failure))
                }
              >
                <Trash2 size={16} aria-hidden="true" />
              </IconButton>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No captions yet. Add a WebVTT file (.vtt) for each language learners can turn on.</p>
      )}
      <p className="hint">Captions follow the lesson as edited now; if you cut the video later, check them.</p>
      <AddCaptionsDialog lessonId={lessonId} picked={picked} onClose={() => setPicked(null)} />
    </section>
  );
}
