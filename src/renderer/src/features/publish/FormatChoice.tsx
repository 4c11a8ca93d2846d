import type { ClassServerConnection } from '@shared/contract/classServer';
import { FORMAT_LABELS, type PublishFormat, type PublishVideo } from '@shared/publish/options';
import { Checkbox } from '../../ui/Checkbox';
import { Radio, RadioGroup } from '../../ui/Radio';
import { CartridgeChoice, type CartridgeLesson } from './CartridgeChoice';
import { ClassServerTarget } from './ClassServerTarget';
import type { PublishDefaults } from './usePublishForm';

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

interface FormatChoiceProps {
  value: PublishFormat;
  onChange: (value: PublishFormat) => void;
  video: PublishVideo;
  settings: Pick<PublishDefaults, 'courseScope' | 'cartridgeLessons'>;
  set: <K extends 'courseScope' | 'cartridgeLessons'>(key: K, value: PublishDefaults[K]) => void;
  connection: ClassServerConnection | null;
  cartridgeLessons: CartridgeLesson[];
}

/** Where the lesson goes, with what that target asks for: a cmi5 course's scope, the server, a cartridge's lessons. */
export function FormatChoice({
  value,
  onChange,
  video,
  settings,
  set,
  connection,
  cartridgeLessons,
}: FormatChoiceProps) {
  return (
    <>
      <RadioGroup label="Format" layout="column" value={value} onChange={(next) => onChange(next as PublishFormat)}>
        {(Object.keys(FORMAT_LABELS) as PublishFormat[]).map((key) => (
          <Radio key={key} value={key} variant="card" hint={FORMAT_HINTS[key]}>
            {FORMAT_LABELS[key]}
          </Radio>
        ))}
      </RadioGroup>
      {value === 'cmi5' && (
        <Checkbox
          isSelected={settings.courseScope === 'project'}
          onChange={(selected) => set('courseScope', selected ? 'project' : 'lesson')}
        >
          {video === 'renders'
            ? 'One course with every lesson of this project, in order (each needs an up-to-date render)'
            : 'One course with every lesson of this project, in order'}
        </Checkbox>
      )}
      {value === 'classServer' && <ClassServerTarget connection={connection} />}
      {value === 'cc' && (
        <CartridgeChoice
          lessons={cartridgeLessons}
          value={settings.cartridgeLessons}
          onChange={(lessons) => set('cartridgeLessons', lessons)}
        />
      )}
    </>
  );
}
