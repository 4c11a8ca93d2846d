import { useState, type ReactNode } from 'react';
import { FileTrigger } from 'react-aria-components';
import { Captions, Trash2 } from 'lucide-react';
import { CAPTIONS_MAX_BYTES, captionDefaults, checkWebVtt } from '@shared/captions';
import { describeError } from '../../lib/errors';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button, IconButton } from '../../ui/Button';
import { Section } from '../../ui/Page';
import { RowMain, RowMeta } from '../../ui/RowText';
import { useToast } from '../../ui/Toast';
import { AddCaptionsDialog, type PickedCaptions } from './CaptionsDialog';
import { quoted } from '../../ui/Quoted';
import styles from './CaptionsSection.module.css';

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
    <Section
      headingId="captions-heading"
      title="Captions"
      action={
        <FileTrigger acceptedFileTypes={['.vtt', 'text/vtt']} onSelect={(files) => void pick(files)}>
          <Button variant="secondary" isDisabled={isDisabled}>
            <Captions size={16} aria-hidden="true" />
            Add captions (.vtt)…
          </Button>
        </FileTrigger>
      }
    >
      {pickError !== null && (
        <Banner tone="error" role="alert" as="p">
          {pickError}
        </Banner>
      )}
      {captions.error !== null && (
        <Banner tone="error" as="p">
          {describeError(captions.error)}
        </Banner>
      )}
      {list.length > 0 ? (
        <ul className={styles.list} aria-label="Captions files">
          {list.map((caption) => (
            <li key={caption.id} className={styles.row}>
              <RowMain>
                <span className={styles.title}>{caption.label}</span>
                <RowMeta>{caption.srclang}</RowMeta>
              </RowMain>
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
    </Section>
  );
}
