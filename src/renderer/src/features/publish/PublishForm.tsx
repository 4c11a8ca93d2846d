import { languageHint } from '@shared/format/language';
import { useId, useState } from 'react';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import type { PublishRendition } from '@shared/contract/publish';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { defaultRenditions, sourceHeightOf } from '@shared/render/renditions';
import { FORMAT_LABELS, type PublishFormat, type PublishSettings, type PublishVideo } from '@shared/publish/options';
import { splitFormError } from '../../lib/errors';
import { formatBytes } from '@shared/format/bytes';
import { publishReadiness } from '@shared/publish/readiness';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { DialogActions, DialogForm } from '../../ui/Dialog';
import field from '../../ui/Field.module.css';
import { Radio, RadioGroup } from '../../ui/Radio';
import { TextField } from '../../ui/TextField';
import { useClassServerConnection } from '../settings/useClassServerConnection';
import { CutCancelledError } from '../render/cut/runCut';
import { RenditionChoice } from '../render/RenditionChoice';
import { RenderCancelledError } from '../render/startRender';
import { CartridgeChoice, type CartridgeLesson } from './CartridgeChoice';
import { ClassServerTarget } from './ClassServerTarget';
import { CutProgress } from './CutProgress';
import { PercentField } from './PercentField';
import { VideoChoice } from './VideoChoice';
import styles from './PublishForm.module.css';

type Defaults = Omit<PublishSettings, 'format' | 'renderIds' | 'video'>;

interface PublishFormProps {
  lessonId: string;
  options: {
    defaults: Defaults;
    renditions: PublishRendition[];
    checkpointCount: number;
    playerVideo: { possible: boolean; reason: string | null };
    cartridgeLessons: CartridgeLesson[];
    cartridgeTitle: string;
  };
  /** The lesson's recording, whose sizes a render made before publishing can take; null while unknown. */
  take: Take | null;
  /** What the teacher chose last time in this dialog (after a cancel or a failure), kept so nothing is retyped. */
  initial: PublishSettings | null;
  onCancel: () => void;
  /** While the recording is being cut for a `player` package: the share done, and how to stop it. */
  cutting: { fraction: number; cancel: () => void } | null;
  /** While the renders a `renders` package needs are being made first: where they stand, and how to stop them. */
  rendering: { fraction: number; label: string; etaMs: number | null; cancel: () => void } | null;
  /** `renderSizes`: with no up-to-date render, the sizes to render before the package is written. */
  onStart: (input: PublishSettings & { lessonId: string }, renderSizes: readonly Rendition[]) => Promise<void>;
}

const FORMAT_HINTS: Record<PublishFormat, string> = {
  scorm12: 'A zip for almost any LMS (Moodle, Blackboard, Canvas, Brightspace). Reports completion, score and answers.',
  scorm2004:
    'A zip for LMSs that support the newer SCORM: also reports progress and pass/fail separately from completion.',
  cmi5: 'A zip for LMSs with cmi5 (xAPI): every answer and result goes to the learning record store.',
  web: 'A folder for any website or shared drive, or opened from disk. Progress stays in each learner’s browser.',
  classServer:
    'Your Flipside class server: learners join with a class code, and Class results show who is stuck, without an LMS.',
  cc: 'One .imscc file with every lesson of this project, one module each, for Canvas, Moodle, Blackboard, Brightspace or Schoology.',
};

const FIELDS = ['title', 'description', 'language', 'version', 'masteryPercent', 'renderIds'];

export function PublishForm(props: PublishFormProps) {
  const { lessonId, options, take, initial, onCancel, cutting, rendering, onStart } = props;
  const fresh = options.renditions.filter((rendition) => rendition.upToDate);
  const stale = options.renditions.length - fresh.length;
  const [format, setFormat] = useState<PublishFormat>(initial?.format ?? 'scorm12');
  const [video, setVideo] = useState<PublishVideo>(() =>
    options.playerVideo.possible ? (initial?.video ?? 'player') : 'renders',
  );
  const [renderIds, setRenderIds] = useState<string[]>(() => {
    const kept = initial?.renderIds.filter((id) => fresh.some((rendition) => rendition.renderId === id)) ?? [];
    return kept.length > 0 ? kept : fresh.map((rendition) => rendition.renderId);
  });
  const [settings, setSettings] = useState<Defaults>(() => {
    if (!initial) return options.defaults;
    const { format: _format, renderIds: _renderIds, video: _video, ...rest } = initial;
    return rest;
  });
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({
    fields: {},
    form: null,
  });
  const [busy, setBusy] = useState(false);
  const blockedId = useId();
  const { connection } = useClassServerConnection();
  // The largest size the recording fills (sound only for a recording with no picture): one render, the quickest way out.
  const [renderSizes, setRenderSizes] = useState<Rendition[]>(() =>
    take ? defaultRenditions(sourceHeightOf(take)).slice(0, 1) : [],
  );
  const { rendersFirst: renderFirst, blockedBecause } = publishReadiness({
    format,
    video,
    classServerConnected: connection !== null,
    upToDateRenders: fresh.length,
    chosenRenders: renderIds.length,
    recordingKnown: take !== null,
    sizesToRender: renderSizes.length,
    cartridgeLessons: settings.cartridgeLessons,
    lessonsNotOnServer: options.cartridgeLessons.filter((lesson) => lesson.lessonUrl === null).map((l) => l.title),
  });
  const set = <K extends keyof Defaults>(key: K, value: Defaults[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));

  // A cartridge is the whole project: an untouched title follows the choice between the lesson's and the project's.
  const chooseFormat = (next: PublishFormat) => {
    const [from, to] =
      next === 'cc'
        ? [options.defaults.title, options.cartridgeTitle]
        : [options.cartridgeTitle, options.defaults.title];
    if ((next === 'cc') !== (format === 'cc') && settings.title === from) set('title', to);
    setFormat(next);
  };

  const submit = async () => {
    setBusy(true);
    try {
      await onStart(
        {
          lessonId,
          format,
          video,
          renderIds: video === 'renders' && !renderFirst ? renderIds : [],
          ...settings,
          courseScope: format === 'cmi5' ? settings.courseScope : 'lesson',
        },
        renderFirst ? renderSizes : [],
      );
    } catch (error) {
      const cancelled = error instanceof CutCancelledError || error instanceof RenderCancelledError;
      if (!cancelled) setErrors(splitFormError(error, FIELDS));
      setBusy(false);
    }
  };

  return (
    <DialogForm className={styles.form} onSubmit={(event) => (event.preventDefault(), void submit())}>
      <RadioGroup
        label="Format"
        layout="column"
        value={format}
        onChange={(value) => chooseFormat(value as PublishFormat)}
      >
        {(Object.keys(FORMAT_LABELS) as PublishFormat[]).map((key) => (
          <Radio key={key} value={key} variant="card" hint={FORMAT_HINTS[key]}>
            {FORMAT_LABELS[key]}
          </Radio>
        ))}
      </RadioGroup>
      {format === 'cmi5' && (
        <Checkbox
          isSelected={settings.courseScope === 'project'}
          onChange={(value) => set('courseScope', value ? 'project' : 'lesson')}
        >
          {video === 'renders'
            ? 'One course with every lesson of this project, in order (each needs an up-to-date render)'
            : 'One course with every lesson of this project, in order'}
        </Checkbox>
      )}
      {format === 'classServer' && <ClassServerTarget connection={connection} />}
      {format === 'cc' && (
        <CartridgeChoice
          lessons={options.cartridgeLessons}
          value={settings.cartridgeLessons}
          onChange={(value) => set('cartridgeLessons', value)}
        />
      )}

      <VideoChoice value={video} onChange={setVideo} playerVideo={options.playerVideo} />

      {video === 'player' ? null : renderFirst ? (
        <>
          <Banner tone="info">
            <div>
              <p className={styles.noRenderTitle}>No up-to-date render yet</p>
              <p className={styles.noRenderText}>
                {stale > 0
                  ? `The lesson was edited after its ${stale === 1 ? 'render was' : `${stale} renders were`} made. `
                  : ''}
                Publishing renders it first in the sizes below, then writes the package, in one go.
              </p>
            </div>
          </Banner>
          {take && (
            <RenditionChoice take={take} label="Sizes to render" value={renderSizes} onChange={setRenderSizes} />
          )}
        </>
      ) : (
        <CheckboxGroup
          className={styles.choices}
          value={renderIds}
          onChange={setRenderIds}
          isInvalid={Boolean(errors.fields.renderIds)}
        >
          <Label className={field.label}>Video sizes in the package</Label>
          {fresh.map((rendition) => (
            <Checkbox
              key={rendition.renderId}
              value={rendition.renderId}
              variant="card"
              hint={
                <>
                  {rendition.width && rendition.height ? `${rendition.width}×${rendition.height} · ` : ''}
                  {formatBytes(rendition.sizeBytes)}
                </>
              }
            >
              {rendition.label}
            </Checkbox>
          ))}
          <Text slot="description" className={field.description}>
            Learners get the size that suits their screen and can switch.
            {stale > 0 ? ` ${stale} out-of-date render${stale === 1 ? ' is' : 's are'} not offered.` : ''}
          </Text>
        </CheckboxGroup>
      )}

      <fieldset className={styles.grid}>
        <legend className={field.label}>Scoring and completion</legend>
        <PercentField
          label="Mastery score"
          value={settings.masteryPercent}
          onChange={(value) => set('masteryPercent', value)}
          description={
            options.checkpointCount === 0
              ? 'This lesson has no questions, so nothing is scored.'
              : 'The share of points a learner needs to pass.'
          }
        />
        <PercentField
          label="Watched at least"
          value={settings.completion.minWatchedPercent}
          onChange={(value) => set('completion', { ...settings.completion, minWatchedPercent: value })}
          description="Of the lesson, to count as completed."
        />
        <Checkbox
          className={styles.wide}
          isSelected={settings.completion.requireAllRequiredCheckpoints}
          onChange={(value) => set('completion', { ...settings.completion, requireAllRequiredCheckpoints: value })}
        >
          Completed only when every required question is answered
        </Checkbox>
      </fieldset>

      <fieldset className={styles.grid}>
        <legend className={field.label}>{format === 'classServer' ? 'What learners see' : 'What the LMS shows'}</legend>
        <TextField
          label="Title"
          value={settings.title}
          onChange={(value) => set('title', value)}
          isRequired
          error={errors.fields.title}
          className={styles.wide}
        />
        <TextField
          label="Description"
          value={settings.description}
          onChange={(value) => set('description', value)}
          multiline
          error={errors.fields.description}
          className={styles.wide}
        />
        <TextField
          label="Language"
          value={settings.language}
          onChange={(value) => set('language', value)}
          isRequired
          error={errors.fields.language}
          description={languageHint(settings.language)}
        />
        <TextField
          label="Version"
          value={settings.version}
          onChange={(value) => set('version', value)}
          isRequired
          error={errors.fields.version}
          description="Raise it when you upload a new edition."
        />
      </fieldset>

      {errors.form !== null && (
        <Banner tone="error" role="alert" as="p">
          {errors.form}
        </Banner>
      )}
      {rendering ? (
        <CutProgress
          label={rendering.label}
          fraction={rendering.fraction}
          etaMs={rendering.etaMs}
          note="The package is written as soon as the renders are done. Cancelling stops them and keeps no file."
          onCancel={rendering.cancel}
        />
      ) : cutting ? (
        <CutProgress
          label="Cutting the recording for the player…"
          fraction={cutting.fraction}
          note="The cuts are copied as recorded; only a few frames at each cut are encoded again."
          onCancel={cutting.cancel}
        />
      ) : (
        <DialogActions>
          {blockedBecause !== null && (
            <p id={blockedId} className={styles.blocked}>
              {blockedBecause}
            </p>
          )}
          <Button variant="secondary" onPress={onCancel}>
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            isDisabled={busy || blockedBecause !== null}
            aria-describedby={blockedBecause !== null ? blockedId : undefined}
          >
            {publishLabel(format, renderFirst)}
          </Button>
        </DialogActions>
      )}
    </DialogForm>
  );
}

function publishLabel(format: PublishFormat, renderFirst: boolean): string {
  const where = format === 'classServer' ? 'to the class server' : FORMAT_LABELS[format];
  return renderFirst ? `Render and publish ${where}` : `Publish ${where}`;
}
